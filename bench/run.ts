/**
 * `npm run bench`: the flagship on a cache hit with a valid key, measured in one run on one machine.
 * - bare Fastify serving the same bytes;
 * - the durability floor: bare Fastify that also writes the two rows a metered request must make
 *   durable (its charge, awaited before the answer, and its usage record) through Trendlens's own
 *   SQLite write path, and does nothing else: the ceiling of any pipeline on those writes;
 * - one Trendlens instance on SQLite (goal: ≥ 0.85 of bare, p99 at most 1 ms above bare's);
 * - two instances on PostgreSQL + Redis serving one account (goal: ≥ 0.5 of the SQLite instance and
 *   ≥ 2,000 charged requests/s), skipped with the reason when either service is missing.
 * Targets take turns in rounds (A/B/C, B/C/A, C/A/B, …) so drift on a shared machine and a place in
 * the round hit all alike, each round in fresh processes (see `round`); ratios are the median over
 * rounds. Reported, never asserted.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import pg from 'pg';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
// Unmeasured load first: at 1 s the cluster's first round still paid for V8's compiler threads
// (its other-thread CPU was 4 to 10 times that of later rounds).
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 3);
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
// A database index of its own, so the bench's cached responses and counters never meet the tests'.
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/3';
// `BENCH_COMPARE=dir[,dir…]`: other checkouts of Trendlens (a `git worktree` of another commit, with
// its own node_modules), each run as one more SQLite target in the same interleaved rounds.
const COMPARE_DIRS = (process.env.BENCH_COMPARE ?? '').split(',').map((d) => d.trim()).filter(Boolean);
// `BENCH_COMPARE_CLUSTER=1`: each of those checkouts also runs its two-instance cluster, on a database
// of its own, in the same rounds as this checkout's.
const COMPARE_CLUSTER = process.env.BENCH_COMPARE_CLUSTER === '1';
// `BENCH_PROFILE=dir`: each target writes there a V8 CPU profile of its request thread over the
// measured rounds (`<target>-<pid>.cpuprofile`; open it in Chrome DevTools).
const PROFILE_DIR = process.env.BENCH_PROFILE;

/** What a server process has used so far: CPU microseconds (user + system), and on Linux the same split by thread, and its write syscalls. */
interface Usage {
  cpuUs: number;
  requestThreadUs: number | null;
  otherThreadsUs: number | null;
  writeSyscalls: number | null;
}

/** Linux reports thread CPU time in clock ticks of 1/100 s (USER_HZ). */
const US_PER_TICK = 10_000;

interface Server {
  url: string;
  apiKey?: string;
  bytes: number;
  usage(): Promise<Usage>;
  /** Starts the CPU profile (BENCH_PROFILE). */
  profile(): Promise<void>;
  /** Resolves once the process has exited. */
  stop(): Promise<void>;
}

/** Starts a target of this checkout, or of the checkout at `dir` (BENCH_COMPARE), in its own process. */
async function startServer(mode: 'bare' | 'floor' | 'metered' | 'cluster', env: Record<string, string> = {}, dir?: string): Promise<Server> {
  const target = dir ? path.resolve(dir, 'bench/target.ts') : new URL('./target.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', target, mode], {
    cwd: dir ? path.resolve(dir) : undefined,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, ...env },
  });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${mode} target exited with ${code}`)));
  });
  type Reply = { usage: NodeJS.CpuUsage; linux: { requestThreadTicks: number; otherThreadTicks: number; writeSyscalls: number } | null };
  const usage = () =>
    new Promise<Usage>((resolve) => {
      child.once('message', ({ usage, linux }: Reply) =>
        resolve({
          cpuUs: usage.user + usage.system,
          requestThreadUs: linux && linux.requestThreadTicks * US_PER_TICK,
          otherThreadsUs: linux && linux.otherThreadTicks * US_PER_TICK,
          writeSyscalls: linux && linux.writeSyscalls,
        }),
      );
      child.send('cpu');
    });
  const profile = () =>
    new Promise<void>((resolve) => {
      child.once('message', () => resolve());
      child.send('profile-start');
    });
  // A clean exit, so that a profile gets written; a target that does not go is killed.
  const stop = () => {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.send('exit');
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    return exited.finally(() => clearTimeout(kill));
  };
  return { ...(JSON.parse(first) as Pick<Server, 'url' | 'apiKey' | 'bytes'>), usage, profile, stop };
}

/** The machine's idle and total CPU time so far, from Linux's /proc/stat (null elsewhere). */
function machineTicks(): { idle: number; total: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    // idle and iowait
    return { idle: fields[3]! + fields[4]!, total: fields.reduce((sum, n) => sum + n, 0) };
  } catch {
    return null;
  }
}

/**
 * CPU time so far of every PostgreSQL and Redis server process on this machine, by pid, from Linux's
 * /proc (null elsewhere): the cluster's database work, which its instances' own CPU leaves out.
 */
function serviceTicks(): Map<string, { service: 'postgres' | 'redis'; us: number }> | null {
  try {
    const byPid = new Map<string, { service: 'postgres' | 'redis'; us: number }>();
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const service = name.startsWith('postgres') ? 'postgres' : name.startsWith('redis-server') ? 'redis' : null;
      if (!service) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byPid.set(pid, { service, us: (Number(fields[11]) + Number(fields[12])) * US_PER_TICK });
    }
    return byPid;
  } catch {
    return null;
  }
}

/** PostgreSQL's and Redis's CPU between two readings; a backend that started meanwhile counts whole. */
function serviceUse(before: ReturnType<typeof serviceTicks>, after: ReturnType<typeof serviceTicks>): { postgres: number; redis: number } | null {
  if (!before || !after) return null;
  const used = { postgres: 0, redis: 0 };
  for (const [pid, { service, us }] of after) used[service] += us - (before.get(pid)?.us ?? 0);
  return used;
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  /** Per request, over the servers of the target. */
  cpuUs: number;
  requestThreadUs: number | null;
  otherThreadsUs: number | null;
  writeSyscalls: number | null;
  /** This process's CPU per request: the load generator's share of the two cores. */
  loadGeneratorUs: number;
  /** Share of the machine's CPU time left idle during the round (Linux only). */
  idle: number | null;
  /** PostgreSQL's and Redis's CPU per request (Linux only; the cluster target's, the others use neither). */
  services: { postgres: number; redis: number } | null;
  requests: number;
}

/** Loads the servers of one target at once (the connections split between them), as one result. */
async function load(servers: readonly Server[], apiKey: string | undefined, durationS: number): Promise<Result> {
  const before = await Promise.all(servers.map((s) => s.usage()));
  const machineBefore = machineTicks();
  const servicesBefore = serviceTicks();
  const ownBefore = process.cpuUsage();
  const results = await Promise.all(
    servers.map((s) =>
      autocannon({ url: s.url, connections: Math.round(CONNECTIONS / servers.length), duration: durationS, headers: apiKey ? { 'x-api-key': apiKey } : {} }),
    ),
  );
  const own = process.cpuUsage(ownBefore);
  const machineAfter = machineTicks();
  const services = serviceUse(servicesBefore, serviceTicks());
  const after = await Promise.all(servers.map((s) => s.usage()));
  const non2xx = results.reduce((n, r) => n + r.non2xx + r.errors, 0);
  if (non2xx > 0) throw new Error(`${non2xx} responses were not 2xx: the benchmark would measure errors`);
  const requests = results.reduce((n, r) => n + r.requests.total, 0);
  const perRequest = (field: keyof Usage): number | null => {
    let used = 0;
    for (const [i, u] of after.entries()) {
      const start = before[i]![field];
      const end = u[field];
      if (start === null || end === null) return null;
      used += end - start;
    }
    return used / requests;
  };
  return {
    rps: results.reduce((n, r) => n + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    cpuUs: perRequest('cpuUs')!,
    requestThreadUs: perRequest('requestThreadUs'),
    otherThreadsUs: perRequest('otherThreadsUs'),
    writeSyscalls: perRequest('writeSyscalls'),
    loadGeneratorUs: (own.user + own.system) / requests,
    idle: machineBefore && machineAfter && (machineAfter.idle - machineBefore.idle) / (machineAfter.total - machineBefore.total),
    services: services && { postgres: services.postgres / requests, redis: services.redis / requests },
    requests,
  };
}

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

interface Database {
  url: string;
  drop(): Promise<void>;
}

let databasesMade = 0;

/** A fresh PostgreSQL database for a cluster target, dropped at the end. */
async function freshPostgres(): Promise<Database> {
  const name = `trendlens_bench_${process.pid}_${Date.now()}_${++databasesMade}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Where /proc tells them: CPU on the request thread(s) + on the others (write thread, GC helpers), and write syscalls. */
const split = (r: Result) =>
  r.requestThreadUs === null || r.otherThreadsUs === null || r.writeSyscalls === null
    ? ''
    : ` (${r.requestThreadUs.toFixed(0)} + ${r.otherThreadsUs.toFixed(0)}), ${r.writeSyscalls.toFixed(1)} writes/req`;

/** The load generator's CPU per request, and the machine's idle share where /proc/stat tells it. */
const machine = (r: Result) => `; load generator ${r.loadGeneratorUs.toFixed(0)} µs/req${r.idle === null ? '' : `, machine ${(100 * r.idle).toFixed(0)}% idle`}`;

/** PostgreSQL's and Redis's CPU per request, for the target that uses them. */
const databases = (r: Result) => (r.services ? `, PostgreSQL ${r.services.postgres.toFixed(0)} + Redis ${r.services.redis.toFixed(0)} µs/req` : '');

const row = (name: string, r: Result, withDatabases = false) =>
  `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(3)} ms   p99 ${String(r.p99).padStart(3)} ms   ${r.cpuUs.toFixed(0).padStart(4)} µs CPU/req${split(r)}${withDatabases ? databases(r) : ''}${machine(r)}`;

/** The lowest and highest round behind a median: on a shared machine one round can be far off. */
const range = (xs: number[]) => `rounds ${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;

/**
 * The SQLite goal (≥ 0.85 of bare) and the cluster's share (≥ 0.5 of the SQLite instance) together ask
 * the cluster for ≥ 0.425 of bare. What the cluster could serve at most, were each instance no costlier
 * than bare Fastify (an instance does at least bare's HTTP work), is the machine's cores divided by
 * the CPU every charged request costs besides: bare's server work, PostgreSQL's, Redis's and the load
 * generator's, as measured in the same round. Where that ceiling is near or below what the goals ask,
 * no change to the instances can meet both goals on this machine (docs/performance.md § Both goals at once).
 */
function jointCeiling(rounds: ReadonlyArray<{ bare: Result; cluster: Result }>): string {
  const cores = availableParallelism();
  const asked = rounds.map((r) => 0.85 * 0.5 * r.bare.rps);
  const ceilings = rounds.map((r) => (cores * 1_000_000) / (r.bare.cpuUs + r.cluster.services!.postgres + r.cluster.services!.redis + r.cluster.loadGeneratorUs));
  const shares = rounds.map((r, i) => ceilings[i]! / asked[i]!);
  return (
    `both goals at once ask the cluster for ≥ 0.425 of bare, ${median(asked).toFixed(0)} charged req/s here; at this run's PostgreSQL, Redis and load-generator CPU per request, ` +
    `instances no costlier than bare Fastify could serve at most ${median(ceilings).toFixed(0)} on ${cores} cores: ${median(shares).toFixed(2)}× what the goals ask (${range(shares)}; medians)`
  );
}

const missing = [!(await reachable(POSTGRES_URL)) && 'PostgreSQL', !(await reachable(REDIS_URL)) && 'Redis'].filter(Boolean);
/** A target's processes, started afresh for each of its rounds. */
type Start = () => Promise<Server[]>;

/**
 * One round of one target: its own fresh processes, an unmeasured warm-up (JIT, pools, caches), the
 * measured load, then the processes stopped before the next target starts. Fresh processes each
 * round, because two identical ones started once drifted 5–40% apart and kept that gap for a whole
 * run (each process has its own luck with the JIT and the heap): the median over rounds now
 * samples that luck instead of inheriting one draw of it.
 */
async function round(start: Start): Promise<Result> {
  const servers = await start();
  try {
    const apiKey = servers[0]!.apiKey;
    await load(servers, apiKey, WARMUP_S);
    if (PROFILE_DIR) await Promise.all(servers.map((s) => s.profile()));
    return await load(servers, apiKey, DURATION_S);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/** The flagship body's size, as the bare target reports it. */
let bodyBytes = 0;
const bare: Start = async () => {
  const server = await startServer('bare');
  bodyBytes = server.bytes;
  return [server];
};
const floor: Start = async () => [await startServer('floor')];
const metered: Start = async () => [await startServer('metered')];

/** Two instances of the checkout at `dir` (this one without it) on a fresh database, serving one account. */
async function clusterOf(dir?: string): Promise<{ start: Start; database: Database }> {
  const database = await freshPostgres();
  const env = { DATABASE_URL: database.url, REDIS_URL };
  // One after the other: the first applies the migrations and creates the demo account both serve.
  const start = async () => {
    const first = await startServer('cluster', env, dir);
    try {
      return [first, await startServer('cluster', env, dir)];
    } catch (error) {
      await first.stop();
      throw error;
    }
  };
  return { start, database };
}

const cluster = missing.length === 0 ? await clusterOf() : null;
const compared: Array<{ label: string; start: Start; cluster: { start: Start; database: Database } | null }> = [];
for (const dir of COMPARE_DIRS) {
  // A directory named twice runs twice, as its own control: the label tells the copies apart.
  const name = path.basename(path.resolve(dir)).slice(0, 20);
  const copies = compared.filter((c) => c.label.split(' #')[0] === name).length;
  compared.push({
    label: copies === 0 ? name : `${name} #${copies + 1}`,
    start: async () => [await startServer('metered', {}, dir)],
    cluster: cluster && COMPARE_CLUSTER ? await clusterOf(dir) : null,
  });
}

try {
  const rounds: Array<{ bare: Result; floor: Result; metered: Result; compared: Result[]; cluster: Result | null; comparedClusters: Array<Result | null> }> = [];
  const comparedClusters = compared.flatMap((c) => (c.cluster ? [c.cluster.start] : []));
  const targets: Start[] = [bare, floor, metered, ...compared.map((c) => c.start), ...(cluster ? [cluster.start] : []), ...comparedClusters];
  for (let i = 0; i < ROUNDS; i++) {
    // Each round starts one target later: a target's place in the round weighed on it (the SQLite
    // instance, always second, right after bare, measured ≈ 4% below identical copies run later).
    const results = new Map<Start, Result>();
    for (let t = 0; t < targets.length; t++) {
      const target = targets[(i + t) % targets.length]!;
      results.set(target, await round(target));
    }
    rounds.push({
      bare: results.get(bare)!,
      floor: results.get(floor)!,
      metered: results.get(metered)!,
      compared: compared.map((c) => results.get(c.start)!),
      cluster: cluster ? results.get(cluster.start)! : null,
      comparedClusters: compared.map((c) => (c.cluster ? results.get(c.cluster.start)! : null)),
    });
  }

  console.log(`\nflagship, cache HIT, ${bodyBytes} B body, ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${DURATION_S} s per target, each in fresh processes`);
  if (rounds[0]?.bare.writeSyscalls !== null) console.log('server CPU per request (request thread + other threads: write and checkpoint threads, GC helpers), write syscalls per request');
  if (rounds[0]?.cluster?.services) console.log("the cluster's row adds the CPU per request of this machine's PostgreSQL and Redis processes");
  console.log('the load generator (this process) shares the machine: its CPU per request, and the idle share of all cores');
  rounds.forEach((r, i) => {
    console.log(`round ${i + 1}`);
    console.log(`  ${row('bare Fastify (same bytes)', r.bare)}`);
    console.log(`  ${row('bare + charge and usage rows', r.floor)}`);
    console.log(`  ${row('Trendlens, 1 instance, SQLite', r.metered)}`);
    compared.forEach(({ label }, c) => console.log(`  ${row(`  the same, at ${label}`, r.compared[c]!)}`));
    if (r.cluster) console.log(`  ${row('Trendlens, 2 instances, PG + Redis', r.cluster, true)}`);
    compared.forEach(({ label }, c) => {
      const result = r.comparedClusters[c];
      if (result) console.log(`  ${row(`  the same, at ${label}`, result, true)}`);
    });
  });
  const ratios = rounds.map((r) => r.metered.rps / r.bare.rps);
  const addedP99 = median(rounds.map((r) => r.metered.p99 - r.bare.p99));
  const cpu = median(rounds.map((r) => r.metered.cpuUs / r.bare.cpuUs));
  console.log(`\n1 instance, SQLite: metered/bare ${median(ratios).toFixed(2)} (goal ≥ 0.85; ${range(ratios)}), added p99 ${addedP99} ms (goal ≤ 1 ms), CPU per request ${cpu.toFixed(2)}× bare (medians)`);
  const floors = rounds.map((r) => r.floor.rps / r.bare.rps);
  console.log(
    `durability floor: ${median(floors).toFixed(2)} of bare (${range(floors)}), added p99 ${median(rounds.map((r) => r.floor.p99 - r.bare.p99))} ms, ` +
      `CPU per request ${median(rounds.map((r) => r.floor.cpuUs / r.bare.cpuUs)).toFixed(2)}× bare: the most any pipeline writing these two rows could serve here; ` +
      `the SQLite instance serves ${median(rounds.map((r) => r.metered.rps / r.floor.rps)).toFixed(2)} of it (medians)`,
  );
  compared.forEach(({ label }, c) => {
    const relative = rounds.map((r) => r.compared[c]!.rps / r.metered.rps);
    const cpuUs = median(rounds.map((r) => r.compared[c]!.cpuUs));
    console.log(`${label}: ${median(relative).toFixed(2)}× this checkout's SQLite instance (${range(relative)}), ${cpuUs.toFixed(0)} µs CPU per request against ${median(rounds.map((r) => r.metered.cpuUs)).toFixed(0)} (medians)`);
  });
  if (cluster) {
    const rps = median(rounds.map((r) => r.cluster!.rps));
    const shares = rounds.map((r) => r.cluster!.rps / r.metered.rps);
    const cpuUs = median(rounds.map((r) => r.cluster!.cpuUs));
    const services = rounds[0]!.cluster!.services
      ? `, PostgreSQL ${median(rounds.map((r) => r.cluster!.services!.postgres)).toFixed(0)} and Redis ${median(rounds.map((r) => r.cluster!.services!.redis)).toFixed(0)} µs more`
      : ' (PostgreSQL and Redis not counted)';
    const delivered = rounds.reduce((n, r) => n + r.cluster!.requests, 0);
    const db = new pg.Client({ connectionString: cluster.database.url });
    await db.connect();
    const charged = Number((await db.query(`SELECT count(*) AS n FROM credit_ledger WHERE kind = 'charge'`)).rows[0].n);
    await db.end();
    console.log(
      `2 instances, PostgreSQL + Redis, one account: ${rps.toFixed(0)} charged req/s (goal ≥ 2,000), ${median(shares).toFixed(2)} of the SQLite instance (goal ≥ 0.5; ${range(shares)}), ` +
        `${cpuUs.toFixed(0)} µs instance CPU per request${services}; ${charged} charges written for ${delivered} measured 2xx plus warm-up (medians)`,
    );
    if (rounds[0]!.cluster!.services) console.log(jointCeiling(rounds.map((r) => ({ bare: r.bare, cluster: r.cluster! }))));
    compared.forEach(({ label }, c) => {
      if (!rounds[0]!.comparedClusters[c]) return;
      const relative = rounds.map((r) => r.comparedClusters[c]!.rps / r.cluster!.rps);
      const cpuUs = median(rounds.map((r) => r.comparedClusters[c]!.cpuUs));
      console.log(`${label}, 2 instances: ${median(relative).toFixed(2)}× this checkout's cluster (${range(relative)}), ${cpuUs.toFixed(0)} µs instance CPU per request against ${median(rounds.map((r) => r.cluster!.cpuUs)).toFixed(0)} (medians)`);
    });
  } else {
    console.log(`2 instances, PostgreSQL + Redis: skipped, ${missing.join(' and ')} not reachable (${POSTGRES_URL.replace(/\/\/[^@]*@/, '//')}, ${REDIS_URL})`);
  }
} finally {
  await Promise.all([cluster, ...compared.map((c) => c.cluster)].map((c) => c?.database.drop()));
}
