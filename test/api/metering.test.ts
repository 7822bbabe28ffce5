import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ledgerFlushSize } from '../../src/metrics/index.js';
import { startTestApp, type TestApp } from '../support/app.js';

const PATH = '/api/v1/tiktok/popular-trend/hashtag';
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());
afterEach(() => vi.restoreAllMocks());

const call = (key: string, query = '?limit=1') => t.app.inject({ method: 'GET', url: `${PATH}${query}`, headers: { 'x-api-key': key } });

async function charges(accountId: string) {
  const rows = await t.services.store.db.selectFrom('credit_ledger').select('reference').where('account_id', '=', accountId).where('kind', '=', 'charge').execute();
  return rows.map((r) => r.reference);
}

describe('charging on one instance (README.md § Metering)', () => {
  it('answers 2xx only for charges that are written, and leaves no hold rows', async () => {
    const { apiKey, accountId } = await t.newCaller();
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => call(apiKey, `?limit=${(i % 5) + 1}`)));
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    expect((await charges(accountId)).sort()).toEqual(results.map((r) => String(r.headers['x-request-id'])).sort());
    expect(await t.services.store.db.selectFrom('credit_reservations').select('request_id').where('account_id', '=', accountId).execute()).toEqual([]);
    const snapshot = await t.services.credits.snapshot(accountId);
    expect(await t.services.credits.ledgerSum(accountId)).toBe(snapshot.balance);
  });

  it('reports every flush to the metrics: the rows written add up to the charges', async () => {
    const flushedRows = async () => (await ledgerFlushSize.get()).values.find((v) => v.metricName === 'trendlens_ledger_flush_rows_sum')?.value ?? 0;
    const before = await flushedRows();
    const { apiKey } = await t.newCaller();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => call(apiKey, `?limit=${(i % 3) + 1}`)));
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    expect((await flushedRows()) - before).toBe(12);
  });

  it('a ledger flush that fails answers its requests with a logged error; another account in the same flush is charged', async () => {
    const broken = await t.newCaller();
    const healthy = await t.newCaller();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    // A real database failure for one account's rows only.
    await sql
      .raw(`CREATE TRIGGER fail_charges BEFORE INSERT ON credit_ledger WHEN NEW.account_id = '${broken.accountId}' AND NEW.kind = 'charge' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`)
      .execute(t.services.store.db);
    try {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => call(i % 2 === 0 ? broken.apiKey : healthy.apiKey, `?limit=${(i % 4) + 1}`)));
      const [mine, theirs] = [results.filter((_, i) => i % 2 === 0), results.filter((_, i) => i % 2 === 1)];
      expect(mine.map((r) => r.statusCode)).toEqual(Array(10).fill(500));
      expect(theirs.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
      expect(errors).toHaveBeenCalledWith('credit ledger flush failed', { err: expect.objectContaining({ message: expect.stringContaining('injected failure') }) });
    } finally {
      await sql.raw('DROP TRIGGER fail_charges').execute(t.services.store.db);
    }
    expect(await charges(broken.accountId)).toEqual([]);
    expect(await charges(healthy.accountId)).toHaveLength(10);
    for (const { accountId } of [broken, healthy]) {
      const snapshot = await t.services.credits.snapshot(accountId);
      expect(await t.services.credits.ledgerSum(accountId)).toBe(snapshot.balance);
    }
    expect((await call(broken.apiKey)).statusCode).toBe(200);
  });

  it('writes the usage record of a charged request whose client left before the answer', async () => {
    const { apiKey, accountId } = await t.newCaller();
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    t.simulator.addFault({ fault: { kind: 'slow', ms: 300 }, times: 1 });
    const calls = t.simulator.stats().calls;
    const abort = new AbortController();
    const pending = fetch(`${address}${PATH}?country_code=FR&limit=7`, { headers: { 'x-api-key': apiKey }, signal: abort.signal }).catch(() => null);
    await expect.poll(() => t.simulator.stats().calls, { timeout: 2_000, interval: 10 }).toBeGreaterThan(calls);
    abort.abort();
    await pending;
    await expect.poll(async () => (await charges(accountId)).length, { timeout: 3_000, interval: 20 }).toBe(1);
    await expect
      .poll(
        async () => {
          await t.services.usage.flush();
          return t.services.store.db.selectFrom('usage_events').select(['status', 'credits']).where('account_id', '=', accountId).execute();
        },
        { timeout: 3_000, interval: 20 },
      )
      .toEqual([{ status: 200, credits: 8 }]);
  });
});
