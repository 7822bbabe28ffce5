/**
 * A server under load, in its own process so the load generator does not share its event loop.
 * `bare`: plain Fastify answering the flagship's cached bytes. `metered`: the full Trendlens pipeline
 * (key check, rate limit, credit admission and group-committed charge in SQLite, usage record, response
 * cache) against the simulator. `cluster`: the same pipeline on PostgreSQL + Redis (DATABASE_URL and
 * REDIS_URL from the environment); several such processes serve one demo account. `floor`: bare Fastify
 * plus only the two rows the contract makes durable per request, written by Trendlens's own SQLite
 * write path (a group-committed charge awaited before the answer, a batched usage record): the most
 * any metered pipeline on these writes could serve, with nothing else of the pipeline.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import inspector from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { ChargeQueue } from '../src/billing/charge-queue.js';
import { chargeWriter } from '../src/billing/charge-writer.js';
import { DEFAULT_PLANS, utcDay, type Plan } from '../src/billing/index.js';
import { systemClock } from '../src/clock.js';
import { defaultConfig } from '../src/config.js';
import { ulid } from '../src/ids.js';
import { DEMO_EMAIL, startDemo } from '../src/server.js';
import { openStore } from '../src/store/index.js';
import { createUsageStore } from '../src/usage/index.js';

const BENCH_PLAN: Plan = {
  id: 'enterprise', name: 'Bench', price_usd: 0, included_credits: 1_000_000_000, daily_credit_limit: null,
  rate_limit_per_minute: 100_000_000, overage_usd_per_1k: null, overage_default: false, watch_limit: 25,
};

const mode = process.argv[2];
const path = '/api/v1/tiktok/popular-trend/hashtag?country_code=US&limit=20';

// A run writes a hundred megabytes or more to SQLite: the folder goes when the runner says exit.
const scratch = mode === 'cluster' ? null : mkdtempSync(join(tmpdir(), 'trendlens-bench-'));
const databaseUrl = scratch === null ? process.env.DATABASE_URL! : join(scratch, 'bench.db');
const demo = await startDemo(
  defaultConfig({ PORT: 0, HOST: '127.0.0.1', DATABASE_URL: databaseUrl, ...(mode === 'cluster' ? { REDIS_URL: process.env.REDIS_URL } : {}) }),
  { plans: [...DEFAULT_PLANS.filter((p) => p.id !== 'enterprise'), BENCH_PLAN] },
);
// Warm the cache so the measured path is a cache HIT, as the benchmark promises.
const warm = await fetch(`${demo.url}${path}`, { headers: { 'x-api-key': demo.apiKey } });
const body = Buffer.from(await warm.arrayBuffer());
if (warm.status !== 200) throw new Error(`warm-up answered ${warm.status}: ${body.toString()}`);

/**
 * The floor's handler: the rows a metered request makes durable, the same as the SQLite instance writes
 * them (a charge awaited in a group commit, then a usage record), and the cached bytes.
 */
async function writingRows(accountId: string, keyId: string): Promise<(request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>> {
  const store = await openStore(databaseUrl);
  const charges = new ChargeQueue(chargeWriter(store));
  const usage = createUsageStore(store, systemClock);
  return async (request, reply) => {
    const at = Date.now();
    const requestId = `req_${ulid()}`;
    await charges.charge({ requestId, accountId, amount: 8, overage: 0, day: utcDay(at), at });
    usage.record({
      request_id: requestId, time: at, account_id: accountId, key_id: keyId, operation_id: 'tiktok-popular-trend-hashtag',
      canonical_query: 'tiktok-popular-trend-hashtag?country_code=US&limit=20&page=1&period=7', status: 200, latency_ms: Date.now() - at,
      credits: 8, overage_credits: 0, cache: 'HIT', upstream_source: 'simulator', ip: request.ip, user_agent: request.headers['user-agent'] ?? null, source: 'api',
    });
    return answer(reply);
  };
}

function answer(reply: FastifyReply): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(body);
}

if (mode === 'bare' || mode === 'floor') {
  const account = (await demo.services.accounts.findByEmail(DEMO_EMAIL))!;
  const [key] = await demo.services.keys.list(account.id);
  await demo.close();
  const bare = Fastify();
  bare.get('/api/v1/tiktok/popular-trend/hashtag', mode === 'bare' ? (_request, reply) => answer(reply) : await writingRows(account.id, key!.id));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const address = bare.server.address();
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}${path}`, bytes: body.length })}\n`);
} else {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${new URL(demo.url).port}${path}`, apiKey: demo.apiKey, bytes: body.length })}\n`);
}

// With BENCH_PROFILE, the request thread is profiled over its measured round only (no start-up, no warm-up).
const profiler = process.env.BENCH_PROFILE ? new inspector.Session() : null;
profiler?.connect();
let profiling = false;

/** CPU ticks per thread and write syscalls so far, where Linux's /proc tells them (null elsewhere). */
function linuxCounters(): { requestThreadTicks: number; otherThreadTicks: number; writeSyscalls: number } | null {
  try {
    let requestThreadTicks = 0;
    let otherThreadTicks = 0;
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the parenthesised name: utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      if (Number(tid) === process.pid) requestThreadTicks += ticks;
      else otherThreadTicks += ticks;
    }
    const writeSyscalls = Number(/^syscw: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))?.[1]);
    return { requestThreadTicks, otherThreadTicks, writeSyscalls };
  } catch {
    return null;
  }
}

// CPU time per request is steadier than req/s on a shared machine: the runner asks for it over IPC,
// with the split between the request thread and the others (the write and checkpoint threads, GC helpers).
process.on('message', async (message) => {
  if (message === 'cpu') process.send?.({ usage: process.cpuUsage(), linux: linuxCounters() });
  if (message === 'profile-start' && profiler) {
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
    profiling = true;
    process.send?.('profiling');
  }
  if (message === 'exit') await exit();
});
// A runner that died (an error, Ctrl-C) leaves no target behind holding a port and its SQLite folder.
process.on('disconnect', () => void exit());

/** Once, whichever asks first: the runner's `exit` or its disconnecting. */
let exiting: Promise<never> | null = null;
const exit = () => (exiting ??= shutDown());

async function shutDown(): Promise<never> {
  if (profiler && profiling) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(join(process.env.BENCH_PROFILE!, `${mode}-${process.pid}.cpuprofile`), JSON.stringify(profile));
  }
  if (scratch !== null) rmSync(scratch, { recursive: true, force: true });
  process.exit(0);
}
