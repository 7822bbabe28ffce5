/**
 * `npm run bench`: the flagship on a cache hit with a valid key, against bare Fastify serving the same
 * bytes, measured in the same run on the same machine. Reports req/s, p50/p99 and the ratio (goal ≥ 0.75,
 * reported, never asserted).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

interface Target {
  url: string;
  apiKey?: string;
  bytes: number;
  /** CPU microseconds (user + system) the server process has used so far. */
  cpu(): Promise<number>;
  stop(): void;
}

async function startTarget(mode: 'bare' | 'metered'): Promise<Target> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./target.ts', import.meta.url).pathname, mode], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${mode} target exited with ${code}`)));
  });
  const cpu = () =>
    new Promise<number>((resolve) => {
      child.once('message', (usage: NodeJS.CpuUsage) => resolve(usage.user + usage.system));
      child.send('cpu');
    });
  return { ...(JSON.parse(first) as Pick<Target, 'url' | 'apiKey' | 'bytes'>), cpu, stop: () => child.kill() };
}

async function load(target: Target) {
  const cpuBefore = await target.cpu();
  const result = await autocannon({
    url: target.url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: target.apiKey ? { 'x-api-key': target.apiKey } : {},
  });
  const non2xx = result.non2xx + result.errors;
  if (non2xx > 0) throw new Error(`${non2xx} responses were not 2xx: the benchmark would measure errors`);
  const cpuPerRequest = (await target.cpu()) - cpuBefore;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpuUs: cpuPerRequest / result.requests.total };
}

const row = (name: string, r: { rps: number; p50: number; p99: number; cpuUs: number }) =>
  `${name.padEnd(28)} ${r.rps.toFixed(0).padStart(8)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   ${r.cpuUs.toFixed(0).padStart(5)} µs CPU/req`;

const bare = await startTarget('bare');
const bareResult = await load(bare);
bare.stop();
const metered = await startTarget('metered');
const meteredResult = await load(metered);
metered.stop();

console.log(`\nflagship, cache HIT, ${bare.bytes} B body, ${CONNECTIONS} connections, ${DURATION_S} s each`);
console.log(row('bare Fastify (same bytes)', bareResult));
console.log(row('Trendlens metered', meteredResult));
const ratio = meteredResult.rps / bareResult.rps;
console.log(`ratio ${ratio.toFixed(2)} (goal ≥ 0.75); server CPU per request ${(meteredResult.cpuUs / bareResult.cpuUs).toFixed(2)}× bare`);
