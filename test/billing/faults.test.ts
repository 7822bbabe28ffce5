import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { Accounts, ApiKeys } from '../../src/accounts/index.js';
import { DEFAULT_PLANS, PlanCatalog } from '../../src/billing/index.js';
import { systemClock } from '../../src/clock.js';
import { openStore } from '../../src/store/index.js';
import { freshDatabase, type StoreKind, type TestDatabase } from '../support/databases.js';
import { REDIS_URL, postgresAvailable, redisAvailable } from '../support/services.js';
import { Redis } from 'ioredis';
import { FAULT_PLANS } from './fixtures/plans.js';
import { startRedisProxy } from './fixtures/redis-proxy.js';

const PATH = '/api/v1/tiktok/popular-trend/hashtag';
const INSTANCE = new URL('./fixtures/instance.ts', import.meta.url).pathname;
/** A database index of its own on the machine's Redis, so other suites flushing theirs never meet ours. */
const FAULT_REDIS_URL = `${REDIS_URL.replace(/\/\d*$/, '')}/5`;

/** Real processes start slowly on a busy machine: each test here spawns two or three. */
const PROCESS_TEST_MS = 120_000;

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Spawns a real instance and waits for its URL. */
async function startInstance(env: Record<string, string>): Promise<{ url: string; simulator: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', INSTANCE], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  children.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`instance exited with ${code}`)));
  });
  return { ...(JSON.parse(line) as { url: string; simulator: string }), child };
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

async function newCaller(databaseUrl: string, planId: string) {
  const plans = new PlanCatalog([...DEFAULT_PLANS, ...FAULT_PLANS], 'free');
  const store = await openStore(databaseUrl);
  try {
    const account = await new Accounts(store.db, plans, systemClock).create({ email: `fault-${Date.now()}-${Math.random()}@example.com`, planId });
    const { apiKey } = await new ApiKeys(store.db, systemClock).create(account.id, 'faults');
    return { accountId: account.id, apiKey };
  } finally {
    await store.close();
  }
}

/** What the database holds for the account once every process has stopped. */
async function audit(databaseUrl: string, accountId: string) {
  const store = await openStore(databaseUrl);
  try {
    const db = store.db;
    const account = await db.selectFrom('accounts').select('credits_balance').where('id', '=', accountId).executeTakeFirstOrThrow();
    const ledger = await db.selectFrom('credit_ledger').select(['kind', 'amount']).where('account_id', '=', accountId).execute();
    const held = await db.selectFrom('credit_reservations').select('request_id').where('account_id', '=', accountId).where('status', '=', 'held').execute();
    return {
      balance: account.credits_balance,
      ledgerSum: ledger.reduce((sum, row) => sum + row.amount, 0),
      charges: ledger.filter((row) => row.kind === 'charge').length,
      held: held.length,
    };
  } finally {
    await store.close();
  }
}

async function get(url: string, apiKey: string, i: number): Promise<number> {
  const res = await fetch(`${url}${PATH}?limit=${(i % 20) + 1}`, { headers: { 'x-api-key': apiKey } });
  await res.arrayBuffer();
  return res.status;
}

const kinds: Array<[StoreKind, boolean]> = [['sqlite', false], ...(postgresAvailable && redisAvailable ? [['postgres', true] as [StoreKind, boolean]] : [])];

describe.each(kinds)('kill -9 of an instance under load (%s)', (kind, withRedis) => {
  let database: TestDatabase;
  afterEach(async () => database?.drop());

  it('loses no money: after restart the ledger equals the balance, charges are the 2xx delivered plus at most those in flight, no hold left', async () => {
    database = await freshDatabase(kind);
    const env: Record<string, string> = { DATABASE_URL: database.url, ...(withRedis ? { REDIS_URL: FAULT_REDIS_URL } : {}) };
    const { accountId, apiKey } = await newCaller(database.url, 'roomy');
    const first = await startInstance(env);

    let delivered = 0;
    let inFlight = 0;
    let killed = false;
    const workers = Array.from({ length: 12 }, async (_, w) => {
      for (let i = 0; !killed; i++) {
        inFlight += 1;
        try {
          if ((await get(first.url, apiKey, w * 1000 + i)) === 200 && !killed) delivered += 1;
        } catch {
          // The connection died with the process: this request is in flight, not delivered.
        } finally {
          inFlight -= 1;
        }
      }
    });
    await expect.poll(() => delivered, { timeout: 60_000, interval: 10 }).toBeGreaterThanOrEqual(100);
    const pendingAtKill = inFlight;
    first.child.kill('SIGKILL');
    killed = true;
    const deliveredAtKill = delivered;
    await exited(first.child);
    await Promise.all(workers);

    const second = await startInstance(env);
    expect(await get(second.url, apiKey, 0)).toBe(200);
    second.child.kill('SIGTERM');
    await exited(second.child);

    const after = await audit(database.url, accountId);
    expect(after.ledgerSum).toBe(after.balance);
    expect(after.held).toBe(0);
    expect(after.charges).toBeGreaterThanOrEqual(deliveredAtKill + 1);
    expect(after.charges).toBeLessThanOrEqual(deliveredAtKill + 1 + pendingAtKill);
  }, PROCESS_TEST_MS);
});

describe.runIf(postgresAvailable && redisAvailable)('kill -9 between the PostgreSQL commit and the Redis settle (PostgreSQL + Redis)', () => {
  let database: TestDatabase;
  afterEach(async () => database?.drop());

  it('settles the expired hold as charged: the next instance reports the balance PostgreSQL has, not the charge given back', async () => {
    database = await freshDatabase('postgres');
    const { accountId, apiKey } = await newCaller(database.url, 'hundred');
    // A Redis of our own (no cached answers to skip the slow upstream), which the first instance reaches
    // through a proxy that can swallow its settle.
    const port = await freePort();
    await startRedis(port);
    const redisUrl = `redis://127.0.0.1:${port}`;
    const proxy = await startRedisProxy(redisUrl);
    const redis = new Redis(redisUrl);
    try {
      const first = await startInstance({ DATABASE_URL: database.url, REDIS_URL: proxy.url });
      expect(await get(first.url, apiKey, 0)).toBe(200);
      // Every upstream call from now on is slow (not just the next: the instance's collector calls too).
      await fetch(`${first.simulator}/__simulator/faults`, { method: 'POST', body: JSON.stringify({ fault: { kind: 'slow', ms: 1_000 } }) });
      // Another chart than the first request's, so no cached answer saves it the upstream call.
      const slow = fetch(`${first.url}${PATH}?period=30`, { headers: { 'x-api-key': apiKey } }).then(async (res) => (await res.arrayBuffer(), res.status));
      // Admitted (its hold is in Redis) and waiting for the upstream: its settle, the first command to
      // name its hold, and all after it never reach Redis.
      let member: string | undefined;
      await expect.poll(async () => (member = (await redis.zrange(`trendlens:credit:${accountId}:holds`, 0, -1))[0]), { timeout: 15_000, interval: 10 }).toBeDefined();
      proxy.holdFrom(member!);
      expect(await slow).toBe(200);
      first.child.kill('SIGKILL');
      await exited(first.child);
      await proxy.close();

      // Past the hold's lifetime: the next admission finds it expired.
      const second = await startInstance({ DATABASE_URL: database.url, REDIS_URL: redisUrl, CLOCK_OFFSET_MS: String(121_000) });
      const res = await fetch(`${second.url}${PATH}?limit=3`, { headers: { 'x-api-key': apiKey } });
      await res.arrayBuffer();
      expect(res.status).toBe(200);
      second.child.kill('SIGTERM');
      await exited(second.child);

      const after = await audit(database.url, accountId);
      expect(after).toMatchObject({ balance: 800 - 3 * 8, ledgerSum: 800 - 3 * 8, charges: 3, held: 0 });
      expect(res.headers.get('x-credits-remaining')).toBe(String(after.balance));
    } finally {
      redis.disconnect();
      await proxy.close();
    }
  }, PROCESS_TEST_MS);
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return child;
}

describe.runIf(postgresAvailable && redisAvailable)('Redis stopped and restarted under load (PostgreSQL + a redis-server of our own)', () => {
  let database: TestDatabase;
  afterEach(async () => database?.drop());

  it('refuses with 503 while Redis is gone, never over-spends, and recovers with counters rebuilt from PostgreSQL', async () => {
    database = await freshDatabase('postgres');
    const port = await freePort();
    let redis = await startRedis(port);
    const { accountId, apiKey } = await newCaller(database.url, 'hundred');
    const instance = await startInstance({ DATABASE_URL: database.url, REDIS_URL: `redis://127.0.0.1:${port}` });
    const statuses: number[] = [];
    const burst = async (count: number, from: number) => {
      const got = await Promise.all(Array.from({ length: count }, (_, i) => get(instance.url, apiKey, from + i)));
      statuses.push(...got);
      return got;
    };

    expect(new Set(await burst(40, 0))).toEqual(new Set([200]));

    redis.kill('SIGTERM');
    await exited(redis);
    const during = await burst(30, 100);
    expect(new Set(during)).toEqual(new Set([503]));

    redis = await startRedis(port);
    // The restarted Redis is empty: the first admissions rebuild the account's counters from PostgreSQL.
    await expect.poll(async () => (await burst(1, 200))[0], { timeout: 15_000, interval: 100 }).not.toBe(503);
    await burst(150, 300);

    expect(statuses.filter((s) => s === 200)).toHaveLength(100);
    expect(statuses.every((s) => s === 200 || s === 402 || s === 503)).toBe(true);
    instance.child.kill('SIGTERM');
    await exited(instance.child);
    const after = await audit(database.url, accountId);
    expect(after).toMatchObject({ balance: 0, ledgerSum: 0, charges: 100, held: 0 });
  }, PROCESS_TEST_MS);
});
