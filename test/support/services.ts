import net from 'node:net';

/**
 * Real backing services for the suites that need them. On a plain machine a missing service skips
 * its suites with a printed reason; under CI (`CI=true` or `TRENDLENS_REQUIRE_SERVICES=1`) it fails
 * instead, so a green CI run has exercised every backend.
 */
export const REQUIRE_SERVICES = process.env.CI === 'true' || process.env.TRENDLENS_REQUIRE_SERVICES === '1';

export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

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
