import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Accounts } from '../../src/accounts/index.js';
import { DEFAULT_PLANS, PlanCatalog } from '../../src/billing/index.js';
import { ManualClock } from '../../src/clock.js';
import { openStore, type Store } from '../../src/store/index.js';
import { createUsageStore, type UsageEvent, type UsageStore } from '../../src/usage/index.js';
import { freshDatabase, storeKinds, type TestDatabase } from '../support/databases.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const TODAY = Date.UTC(2026, 10, 25);

let seq = 0;
function event(over: Partial<UsageEvent> = {}): UsageEvent {
  seq += 1;
  return {
    request_id: `req_${String(seq).padStart(8, '0')}`,
    time: NOW,
    account_id: 'acc_1',
    key_id: 'key_1',
    operation_id: 'tiktok-popular-trend-hashtag',
    canonical_query: 'tiktok-popular-trend-hashtag?limit=20&page=1&period=7',
    status: 200,
    latency_ms: 10,
    credits: 8,
    overage_credits: 0,
    cache: 'MISS',
    upstream_source: 'simulator',
    ip: '127.0.0.1',
    user_agent: 'vitest',
    source: 'api',
    ...over,
  };
}

describe.each(storeKinds)('usage store on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;
  let clock: ManualClock;
  let usage: UsageStore;
  let errors: unknown[];

  beforeEach(async () => {
    database = await freshDatabase(kind);
    store = await openStore(database.url);
    clock = new ManualClock(NOW);
    errors = [];
    usage = createUsageStore(store, clock, { onError: (e) => errors.push(e) });
    const accounts = new Accounts(store.db, new PlanCatalog(DEFAULT_PLANS, 'free'), clock);
    await accounts.create({ email: 'a@example.com' });
  });

  afterEach(async () => {
    await usage.close();
    await store.close();
    await database.drop();
  });

  const rawCount = async () => Number((await store.db.selectFrom('usage_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('records without writing on the request path, then writes raw rows and aggregates in a batch', async () => {
    const events = [
      ...Array.from({ length: 300 }, (_, i) => event({ latency_ms: i % 10, cache: i % 3 === 0 ? 'HIT' : 'MISS' })),
      ...Array.from({ length: 50 }, () => event({ status: 503, credits: 0, cache: null })),
      ...Array.from({ length: 20 }, () => event({ status: 400, credits: 0, cache: null, operation_id: 'tiktok-keyword-insights' })),
      ...Array.from({ length: 30 }, () => event({ key_id: 'key_2', credits: 8, overage_credits: 8 })),
    ];
    for (const e of events) usage.record(e);
    expect(await rawCount()).toBe(0);
    await usage.flush();
    expect(await rawCount()).toBe(400);
    const daily = await store.db.selectFrom('usage_daily').selectAll().orderBy('key_id').orderBy('operation_id').execute();
    expect(daily).toEqual([
      { account_id: 'acc_1', key_id: 'key_1', operation_id: 'tiktok-keyword-insights', day: '2026-11-25', requests: 20, successes: 0, errors: 20, credits: 0, overage_credits: 0, latency_ms_sum: 200, cache_hits: 0 },
      { account_id: 'acc_1', key_id: 'key_1', operation_id: 'tiktok-popular-trend-hashtag', day: '2026-11-25', requests: 350, successes: 300, errors: 50, credits: 2400, overage_credits: 0, latency_ms_sum: 1350 + 500, cache_hits: 100 },
      { account_id: 'acc_1', key_id: 'key_2', operation_id: 'tiktok-popular-trend-hashtag', day: '2026-11-25', requests: 30, successes: 30, errors: 0, credits: 240, overage_credits: 240, latency_ms_sum: 300, cache_hits: 0 },
    ]);
    expect(errors).toEqual([]);
  });

  it('adds later batches to the same day’s aggregates; events recorded during a flush land in the next batch', async () => {
    usage.record(event());
    const first = usage.flush();
    usage.record(event());
    await first;
    usage.record(event());
    await usage.flush();
    const row = await store.db.selectFrom('usage_daily').selectAll().executeTakeFirstOrThrow();
    expect(row.requests).toBe(3);
    expect(await rawCount()).toBe(3);
  });

  it('keeps requests without an account raw only', async () => {
    usage.record(event({ account_id: null, key_id: null, status: 401, credits: 0 }));
    await usage.flush();
    expect(await rawCount()).toBe(1);
    expect(await store.db.selectFrom('usage_daily').selectAll().execute()).toEqual([]);
  });

  it('summarises a range with avg and p95 latency and the cache hit ratio', async () => {
    for (let i = 1; i <= 100; i++) usage.record(event({ latency_ms: i, cache: i <= 25 ? 'HIT' : 'MISS' }));
    await usage.flush();
    const summary = await usage.summary('acc_1', { from: TODAY, to: TODAY + DAY });
    expect(summary).toEqual({ requests: 100, successes: 100, errors: 0, credits: 800, overage_credits: 0, avg_latency_ms: 50.5, p95_latency_ms: 95, cache_hit_ratio: 0.25 });
    expect(await usage.summary('acc_1', { from: TODAY, to: TODAY + DAY, keyId: 'key_other' })).toEqual({
      requests: 0, successes: 0, errors: 0, credits: 0, overage_credits: 0, avg_latency_ms: null, p95_latency_ms: null, cache_hit_ratio: null,
    });
  });

  it('zero-fills the timeseries over UTC days', async () => {
    usage.record(event({ time: TODAY - 2 * DAY + 5 }));
    usage.record(event({ time: TODAY + DAY - 1 }));
    usage.record(event({ time: TODAY, status: 500, credits: 0 }));
    await usage.flush();
    expect(await usage.daily('acc_1', { from: TODAY - 3 * DAY, to: TODAY + DAY })).toEqual([
      { date: '2026-11-22', requests: 0, successes: 0, errors: 0, credits: 0 },
      { date: '2026-11-23', requests: 1, successes: 1, errors: 0, credits: 8 },
      { date: '2026-11-24', requests: 0, successes: 0, errors: 0, credits: 0 },
      { date: '2026-11-25', requests: 2, successes: 1, errors: 1, credits: 8 },
    ]);
  });

  it('prunes raw events after 30 days and aggregates after 13 months during flushes', async () => {
    usage.record(event({ time: NOW }));
    await usage.flush();
    clock.advance(31 * DAY);
    usage.record(event({ time: clock.now() }));
    await usage.flush();
    expect(await rawCount()).toBe(1);
    expect(await store.db.selectFrom('usage_daily').selectAll().execute()).toHaveLength(2);
    clock.set(Date.UTC(2028, 0, 20, 12));
    usage.record(event({ time: clock.now() }));
    await usage.flush();
    const days = (await store.db.selectFrom('usage_daily').select('day').orderBy('day').execute()).map((r) => r.day);
    expect(days).toEqual(['2026-12-26', '2028-01-20']);
  });

  it('never throws from record: a failed batch is reported and dropped', async () => {
    await store.db.schema.dropTable('usage_daily').execute();
    expect(() => usage.record(event())).not.toThrow();
    await usage.flush();
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(String(errors[0])).toContain('usage_daily');
  });

  it('drops events beyond the queue bound and says so', async () => {
    const small = createUsageStore(store, clock, { maxQueue: 2, onError: (e) => errors.push(e) });
    for (let i = 0; i < 5; i++) small.record(event());
    await small.close();
    expect(await rawCount()).toBe(2);
    expect(String(errors[0])).toContain('3 events dropped');
    small.record(event());
    await small.flush();
    expect(await rawCount()).toBe(2);
  });
});
