import net from 'node:net';

/**
 * Real backing services for the suites that need them. On a plain machine a missing service skips
 * its suites with a printed reason; under CI (`CI=true` or `TRENDLENS_REQUIRE_SERVICES=1`) it fails
 * instead, so a green CI run has exercised every backend.
 */
export const REQUIRE_SERVICES = process.env.CI === 'true' || process.env.TRENDLENS_REQUIRE_SERVICES === '1';

export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Database indexes for test workers: not 0, the machine's default, nor 5, test/billing/faults.test.ts's own. */
const WORKER_REDIS_DATABASES = [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

/**
 * A database index of its own for each vitest worker, unless the URL names one: test files run side
 * by side in two workers (vitest.config.ts), and one file's keys (a global sign-up count, a flushed
 * database) must never meet another's. Files within one worker run one after another, as before.
 */
function redisUrlForThisWorker(url: string): string {
  const worker = Number(process.env.VITEST_POOL_ID);
  const parsed = new URL(url);
  if (!Number.isInteger(worker) || worker < 1 || parsed.pathname.replace('/', '') !== '') return url;
  parsed.pathname = `/${WORKER_REDIS_DATABASES[(worker - 1) % WORKER_REDIS_DATABASES.length]}`;
  return parsed.toString();
}

export const REDIS_URL = redisUrlForThisWorker(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Whether a service is usable here; prints why a suite is skipped, or throws under CI. */
export async function serviceAvailable(name: string, url: string): Promise<boolean> {
  if (await reachable(url)) return true;
  const reason = `${name} is not reachable at ${url.replace(/\/\/[^@]*@/, '//')}`;
  if (REQUIRE_SERVICES) throw new Error(`${reason}, and CI requires every suite to run`);
  console.warn(`[skip] ${reason}: its suites are skipped`);
  return false;
}

export const postgresAvailable = await serviceAvailable('PostgreSQL', POSTGRES_URL);
export const redisAvailable = await serviceAvailable('Redis', REDIS_URL);
