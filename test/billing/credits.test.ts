import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Accounts } from '../../src/accounts/index.js';
import { Redis } from 'ioredis';
import { BatchedLedger, ChargeRefused, DEFAULT_PLANS, PlanCatalog, RedisLedger, TransactionalLedger, type CreditLedger, type Plan } from '../../src/billing/index.js';
import { ManualClock } from '../../src/clock.js';
import { openStore, type Store } from '../../src/store/index.js';
import { freshDatabase, storeKinds, type StoreKind, type TestDatabase } from '../support/databases.js';
import { monitorRedis } from '../support/redis-monitor.js';
import { REDIS_URL, redisAvailable } from '../support/services.js';
import { startRedisProxy } from './fixtures/redis-proxy.js';

const tiny: Plan = {
  id: 'tiny', name: 'Tiny', price_usd: 1, included_credits: 400, daily_credit_limit: null,
  rate_limit_per_minute: 10_000, overage_usd_per_1k: null, overage_default: false, watch_limit: 25,
};
const capped: Plan = { ...tiny, id: 'capped', name: 'Capped', included_credits: 10_000, daily_credit_limit: 40 };
const metered: Plan = { ...tiny, id: 'metered', name: 'Metered', included_credits: 16, overage_usd_per_1k: 0.5, overage_default: true };

type LedgerKind = 'transactional' | 'batched' | 'redis';

/** A test for some kinds of ledger only, registered for those alone, so nothing shows as skipped. */
function itFor(applies: boolean): (name: string, fn: () => Promise<void>) => void {
  return applies ? (name, fn) => it(name, fn) : () => {};
}
/** Every ledger on every store it serves: batched on SQLite, Redis admission on PostgreSQL. */
const cases: Array<readonly [LedgerKind, StoreKind]> = storeKinds.flatMap((kind) => [
  ['transactional', kind] as const,
  ...(kind === 'sqlite' ? [['batched', kind] as const] : []),
  ...(kind === 'postgres' && redisAvailable ? [['redis', kind] as const] : []),
]);

describe.each(cases)('%s credit ledger on %s', (ledgerKind, kind) => {
  let database: TestDatabase;
  let store: Store;
  let clock: ManualClock;
  let accounts: Accounts;
  let ledger: CreditLedger;
  let plans: PlanCatalog;
  let redis: Redis | null = null;
  /** Key prefix of this test's Redis ledgers: other instances of the same cluster share it. */
  let prefix = '';

  beforeEach(async () => {
    database = await freshDatabase(kind);
    store = await openStore(database.url);
    clock = new ManualClock(Date.UTC(2026, 0, 31, 10, 0, 0));
    plans = new PlanCatalog([...DEFAULT_PLANS, tiny, capped, metered], 'free');
    accounts = new Accounts(store.db, plans, clock);
    if (ledgerKind === 'redis') {
      redis = new Redis(REDIS_URL);
      // A prefix of its own per test: counters never leak between tests or runs.
      prefix = `trendlens-test:${database.url.split('/').pop()}:`;
      ledger = new RedisLedger(store, redis, plans, clock, { keyPrefix: `${prefix}credit:`, rateKeyPrefix: `${prefix}rate:` });
    } else if (ledgerKind === 'batched') ledger = new BatchedLedger(store, plans, clock);
    else ledger = new TransactionalLedger(store, plans, clock);
  });

  afterEach(async () => {
    await ledger.close();
    await redis?.quit();
    redis = null;
    await store.close();
    await database.drop();
  });

  async function expectConsistent(accountId: string) {
    const snapshot = await ledger.snapshot(accountId);
    expect(await ledger.ledgerSum(accountId)).toBe(snapshot.balance);
    expect(snapshot.balance).toBeGreaterThanOrEqual(0);
    return snapshot;
  }

  /** A request answered 2xx: reserved, then charged. */
  async function charge(accountId: string, requestId: string, cost: number) {
    const result = await ledger.reserve(accountId, requestId, cost);
    if (result.ok) await ledger.commit(requestId);
    return result;
  }

  it('opens an account with its plan credits, recorded in the ledger', async () => {
    const account = await accounts.create({ email: 'A@Example.com ', planId: 'tiny' });
    expect(account.email).toBe('a@example.com');
    expect((await expectConsistent(account.id)).balance).toBe(400);
  });

  it('reserves, commits and releases, keeping the balance equal to the ledger sum', async () => {
    const { id } = await accounts.create({ email: 'a@example.com', planId: 'tiny' });
    expect(await ledger.reserve(id, 'req_1', 8)).toMatchObject({ ok: true, remaining: 392 });
    await ledger.commit('req_1');
    expect(await ledger.reserve(id, 'req_2', 8)).toMatchObject({ ok: true, remaining: 384 });
    await ledger.release('req_2');
    await ledger.release('req_2');
    const snapshot = await expectConsistent(id);
    expect(snapshot.balance).toBe(392);
    expect(snapshot.creditsUsed).toBe(8);
  });

  it('refuses a reservation that would go below zero without overage', async () => {
    const { id } = await accounts.create({ email: 'a@example.com', planId: 'tiny' });
    await ledger.grant(id, 4, 'grant_x');
    for (let i = 0; i < 50; i++) expect((await charge(id, `req_${i}`, 8)).ok).toBe(true);
    expect(await ledger.reserve(id, 'req_last', 8)).toMatchObject({ ok: false, reason: 'insufficient_credits' });
    expect((await expectConsistent(id)).balance).toBe(4);
  });

  it('200 concurrent reservations on credits for 50 admit exactly 50', async () => {
    const { id } = await accounts.create({ email: 'a@example.com', planId: 'tiny' });
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => charge(id, `req_${i}`, 8)));
    expect(results.filter((r) => r.ok)).toHaveLength(50);
    const snapshot = await expectConsistent(id);
    expect(snapshot.balance).toBe(0);
    expect(snapshot.creditsUsed).toBe(400);
  });

  itFor(ledgerKind === 'redis')('admits the requests of one turn of the event loop in one script call, in order, each as if alone', async () => {
    const { id } = await accounts.create({ email: 'a@example.com', planId: 'tiny' });
    const admission = ledger as RedisLedger;
    // The account's counters are built by a first admission (without a rate), so the turn below finds them.
    expect(await ledger.reserve(id, 'req_warm', 8)).toMatchObject({ ok: true });
    await ledger.release('req_warm');

    const scriptCalls: string[][] = [];
    let seenAll = false;
    const monitor = await monitorRedis(REDIS_URL, (args) => {
      if (args[0]?.toLowerCase() === 'evalsha' && args.some((a) => a.endsWith(`credit:${id}`))) scriptCalls.push(args);
      if (args[0]?.toLowerCase() === 'echo' && args[1] === `done:${id}`) seenAll = true;
    });
    try {
      // Eight requests in one turn at 5 a minute: the first five pass the rate limit, each holding 8 more credits.
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => admission.admit(id, `req_${i}`, 8, 5)));
      expect(results.map((r) => r.rate.allowed)).toEqual([true, true, true, true, true, false, false, false]);
      expect(results.map((r) => (r.credits?.ok ? r.credits.remaining : null))).toEqual([392, 384, 376, 368, 360, null, null, null]);
      expect(results.map((r) => r.rate.remaining)).toEqual([4, 3, 2, 1, 0, 0, 0, 0]);
      // Redis runs commands in order: once the monitor sees this echo, it has seen every script call before it.
      await redis!.echo(`done:${id}`);
      await expect.poll(() => seenAll).toBe(true);
      expect(scriptCalls).toHaveLength(1);
    } finally {
      monitor.close();
    }

    for (let i = 0; i < 5; i++) await ledger.commit(`req_${i}`);
    expect((await expectConsistent(id)).balance).toBe(360);
  });

  /** Another instance of the cluster: its own Redis client (through `url`) and ledger over the same keys. */
  function otherInstance(url = REDIS_URL) {
    const client = new Redis(url);
    const errors: unknown[] = [];
    const other = new RedisLedger(store, client, plans, clock, { keyPrefix: `${prefix}credit:`, rateKeyPrefix: `${prefix}rate:`, onError: (error) => errors.push(error) });
    return {
      client,
      errors,
      ledger: other,
      async close() {
        await other.close();
        client.disconnect();
      },
    };
  }

  itFor(ledgerKind === 'redis')('settles an expired hold whose charge PostgreSQL wrote as charged: killed between commit and settle, nothing is given back', async () => {
    const { id } = await accounts.create({ email: 'a@example.com', planId: 'tiny' });
    const killed = otherInstance();
    expect(await killed.ledger.reserve(id, 'req_charged', 8)).toMatchObject({ ok: true, remaining: 392 });
    expect(await killed.ledger.reserve(id, 'req_unanswered', 8)).toMatchObject({ ok: true, remaining: 384 });
    // Its Redis connection is gone before the settle, and the process with it: PostgreSQL has the charge, Redis only the hold.
    killed.client.disconnect();
    await killed.ledger.commit('req_charged');
    await killed.close();
    expect((await ledger.snapshot(id)).balance).toBe(392);

    clock.advance(121_000);
    // Two instances find the expired holds together: each is settled once.
    const second = otherInstance();
    const [a, b] = await Promise.all([ledger.reserve(id, 'req_a', 8), second.ledger.reserve(id, 'req_b', 8)]);
    await second.close();
    expect([a, b].map((r) => (r.ok ? r.remaining : null)).sort()).toEqual([376, 384]);
    expect(Math.max(a.snapshot.dailyUsed, b.snapshot.dailyUsed)).toBe(24);
    await ledger.commit('req_a');
    await second.ledger.commit('req_b');
    expect(await ledger.reserve(id, 'req_last', 8)).toMatchObject({ ok: true, remaining: 368 });
    await ledger.commit('req_last');
    const snapshot = await expectConsistent(id);
    expect(snapshot).toMatchObject({ balance: 368, dailyUsed: 32 });
  });

  itFor(ledgerKind === 'redis')('finishes the settings refresh of forget before close returns, so closing Redis then cuts nothing off', async () => {
    const { id } = await accounts.create({ email: 'a@example.com', planId: 'tiny' });
    const command = otherInstance();
    expect((await command.ledger.reserve(id, 'req_1', 8)).ok).toBe(true);
    await command.ledger.release('req_1');
    // An operator's change in PostgreSQL, then the one-shot command's forget and close, as `accounts set-plan` does.
    await store.db.updateTable('accounts').set({ hard_limit_credits: 40 }).where('id', '=', id).execute();
    command.ledger.forget(id);
    await command.close();
    expect(await redis!.hget(`${prefix}credit:${id}`, 'hardLimit')).toBe('40');
    expect(command.errors).toEqual([]);
  });

  itFor(ledgerKind === 'redis')('counts a charge once when its settle reaches Redis after its expired hold was settled as charged', async () => {
    const { id } = await accounts.create({ email: 'a@example.com', planId: 'tiny' });
    const proxy = await startRedisProxy(REDIS_URL);
    const slow = otherInstance(proxy.url);
    try {
      expect(await slow.ledger.reserve(id, 'req_charged', 8)).toMatchObject({ ok: true, remaining: 392 });
      proxy.hold();
      await slow.ledger.commit('req_charged');
      clock.advance(121_000);
      expect(await ledger.reserve(id, 'req_after', 8)).toMatchObject({ ok: true, remaining: 384 });
      proxy.release();
      // Sent after the settle on the same connection: once answered, the settle has run.
      await slow.client.ping();
      expect(await ledger.reserve(id, 'req_last', 8)).toMatchObject({ ok: true, remaining: 376 });
      await ledger.commit('req_after');
      await ledger.commit('req_last');
      expect((await expectConsistent(id)).balance).toBe(376);
    } finally {
      await slow.close();
      await proxy.close();
    }
  });

  itFor(ledgerKind === 'redis')('keeps other instances\' running holds through a rebuild of the Redis copy: it never shows credits PostgreSQL does not have', async () => {
    const { id } = await accounts.create({ email: 'a@example.com', planId: 'tiny' });
    const proxy = await startRedisProxy(REDIS_URL);
    const running = otherInstance(proxy.url);
    try {
      for (let i = 0; i < 10; i++) expect((await running.ledger.reserve(id, `req_${i}`, 8)).ok).toBe(true);
      // Five are charged in PostgreSQL, their settles held up on the way to Redis; five still run.
      proxy.hold();
      for (let i = 0; i < 5; i++) await running.ledger.commit(`req_${i}`);
      // An operator's plan change rebuilds the account's copy from PostgreSQL meanwhile.
      expect(await ledger.changePlan(id, plans.require('pro'))).toMatchObject({ balance: 400_000 - 40 });
      proxy.release();
      for (let i = 5; i < 10; i++) await running.ledger.commit(`req_${i}`);
      // Sent after the settles on the same connection: once answered, they have run.
      await running.client.ping();
      const next = await ledger.reserve(id, 'req_next', 8);
      expect(next).toMatchObject({ ok: true, remaining: 400_000 - 88 });
      expect(next.snapshot.dailyUsed).toBe(88);
      await ledger.commit('req_next');
      expect(await expectConsistent(id)).toMatchObject({ balance: 400_000 - 88, dailyUsed: 88 });
      expect(running.errors).toEqual([]);
    } finally {
      await running.close();
      await proxy.close();
    }
  });

  it('never passes the daily cap under concurrency: 50 concurrent reservations on a 40-credit cap admit 5', async () => {
    const { id } = await accounts.create({ email: 'a@example.com', planId: 'capped' });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => charge(id, `req_${i}`, 8)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === 'daily_credit_limit')).toHaveLength(45);
    const snapshot = await expectConsistent(id);
    expect(snapshot.dailyUsed).toBe(40);
  });

  it('counts holds against the daily cap and resets it at 00:00 UTC', async () => {
    const { id } = await accounts.create({ email: 'a@example.com', planId: 'capped' });
    for (let i = 0; i < 5; i++) expect((await ledger.reserve(id, `req_${i}`, 8)).ok).toBe(true);
    expect(await ledger.reserve(id, 'req_over', 8)).toMatchObject({ ok: false, reason: 'daily_credit_limit' });
    await ledger.release('req_0');
    for (let i = 1; i < 5; i++) await ledger.commit(`req_${i}`);
    expect((await charge(id, 'req_again', 8)).ok).toBe(true);
    expect(await ledger.reserve(id, 'req_over_again', 8)).toMatchObject({ ok: false, reason: 'daily_credit_limit' });
    clock.set(Date.UTC(2026, 1, 1, 0, 0, 0));
    expect((await charge(id, 'req_tomorrow', 8)).ok).toBe(true);
    await expectConsistent(id);
  });

  it('takes the rest as overage when the plan allows it, and stops at the hard limit', async () => {
    const { id } = await accounts.create({ email: 'a@example.com', planId: 'metered' });
    await store.db.updateTable('accounts').set({ hard_limit_credits: 40 }).where('id', '=', id).execute();
    await charge(id, 'req_1', 12);
    const crossing = await ledger.reserve(id, 'req_2', 12);
    expect(crossing).toMatchObject({ ok: true, remaining: 0 });
    expect(crossing.snapshot.overageCredits).toBe(8);
    expect((await charge(id, 'req_3', 12)).ok).toBe(true);
    expect(await ledger.reserve(id, 'req_4', 12)).toMatchObject({ ok: false, reason: 'insufficient_credits' });
    await ledger.release('req_2');
    const snapshot = await expectConsistent(id);
    expect(snapshot.creditsUsed).toBe(24);
  });

  it('starts a new period on the anniversary: Jan 31 → Feb 28 (the month has no 31st)', async () => {
    const { id } = await accounts.create({ email: 'a@example.com', planId: 'tiny' });
    await charge(id, 'req_1', 8);
    clock.set(Date.UTC(2026, 1, 28, 9, 59, 59));
    expect((await ledger.snapshot(id)).balance).toBe(392);
    clock.set(Date.UTC(2026, 1, 28, 10, 0, 0));
    const snapshot = await expectConsistent(id);
    expect(snapshot).toMatchObject({ balance: 400, creditsUsed: 0, periodStart: Date.UTC(2026, 1, 28, 10), periodEnd: Date.UTC(2026, 2, 31, 10) });
  });

  it('moves the included credits by the plans\' difference on a plan change, keeping the period', async () => {
    const { id } = await accounts.create({ email: 'a@example.com', planId: 'tiny' });
    for (let i = 0; i < 50; i++) await charge(id, `req_${i}`, 8);
    expect(await ledger.reserve(id, 'req_refused', 8)).toMatchObject({ ok: false, reason: 'insufficient_credits' });
    const upgraded = await ledger.changePlan(id, plans.require('pro'));
    expect(upgraded).toMatchObject({ balance: 400_000 - 400, creditsUsed: 400, periodStart: Date.UTC(2026, 0, 31, 10) });
    expect((await charge(id, 'req_after', 8)).ok).toBe(true);
    const downgraded = await ledger.changePlan(id, plans.require('metered'));
    expect(downgraded.balance).toBe(0);
    await expectConsistent(id);
  });

  itFor(ledgerKind === 'transactional')('sweeps holds left unsettled for 60 s', async () => {
    const { id } = await accounts.create({ email: 'a@example.com', planId: 'tiny' });
    await ledger.reserve(id, 'req_stuck', 8);
    clock.advance(59_000);
    expect(await ledger.releaseExpiredHolds()).toBe(0);
    clock.advance(2_000);
    expect(await ledger.releaseExpiredHolds()).toBe(1);
    expect((await expectConsistent(id)).balance).toBe(400);
  });

  itFor(ledgerKind === 'transactional')('refuses to commit a hold the sweeper gave back: no 2xx goes out uncharged', async () => {
    const { id } = await accounts.create({ email: 'a@example.com', planId: 'tiny' });
    await ledger.reserve(id, 'req_slow', 8);
    clock.advance(61_000);
    expect(await ledger.releaseExpiredHolds()).toBe(1);
    await expect(ledger.commit('req_slow')).rejects.toBeInstanceOf(ChargeRefused);
    expect((await expectConsistent(id)).balance).toBe(400);
  });

  itFor(ledgerKind !== 'transactional')('writes nothing for a request still running, and nothing is owed if it never answers', async () => {
    const { id } = await accounts.create({ email: 'a@example.com', planId: 'tiny' });
    expect(await ledger.reserve(id, 'req_running', 8)).toMatchObject({ ok: true, remaining: 392 });
    const holds = await store.db.selectFrom('credit_reservations').select('request_id').execute();
    expect(holds).toEqual([]);
    expect(await ledger.ledgerSum(id)).toBe(400);
  });

  it('keeps in-flight holds through grants, snapshots and plan changes: the balance is never overstated', async () => {
    const { id } = await accounts.create({ email: 'a@example.com', planId: 'tiny' });
    for (let i = 0; i < 10; i++) expect((await ledger.reserve(id, `req_${i}`, 8)).ok).toBe(true);
    await ledger.snapshot(id);
    await ledger.grant(id, 8, 'grant_small');
    ledger.forget(id);
    clock.advance(5_000);
    // 400 + 8 granted - 80 held = 328: exactly 41 more fit, and not one beyond.
    const more = await Promise.all(Array.from({ length: 45 }, (_, i) => ledger.reserve(id, `more_${i}`, 8)));
    expect(more.filter((r) => r.ok)).toHaveLength(41);
    for (let i = 0; i < 10; i++) await ledger.commit(`req_${i}`);
    for (let i = 0; i < 45; i++) if (more[i]!.ok) await ledger.commit(`more_${i}`);
    const snapshot = await expectConsistent(id);
    expect(snapshot.balance).toBe(0);
    expect(snapshot.creditsUsed).toBe(408);
  });

  itFor(ledgerKind !== 'transactional')('refuses only the charges of an account whose credits were taken elsewhere; others in the batch land', async () => {
    const a = await accounts.create({ email: 'a@example.com', planId: 'tiny' });
    const b = await accounts.create({ email: 'b@example.com', planId: 'tiny' });
    expect((await ledger.reserve(a.id, 'req_a', 8)).ok).toBe(true);
    expect((await ledger.reserve(b.id, 'req_b', 8)).ok).toBe(true);
    // Behind the ledger's back, as a second writer would: account a has nothing left.
    await store.db.updateTable('accounts').set({ credits_balance: 0 }).where('id', '=', a.id).execute();
    await store.db.insertInto('credit_ledger').values({ account_id: a.id, reference: 'drain', kind: 'grant', amount: -400, overage: 0, created_at: clock.now() }).execute();
    const [ra, rb] = await Promise.allSettled([ledger.commit('req_a'), ledger.commit('req_b')]);
    expect(ra).toMatchObject({ status: 'rejected', reason: expect.any(ChargeRefused) });
    expect(rb.status).toBe('fulfilled');
    expect((await expectConsistent(a.id)).balance).toBe(0);
    expect((await expectConsistent(b.id)).balance).toBe(392);
  });
});
