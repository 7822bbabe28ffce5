import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PER_ACCOUNT_IN_FLIGHT, Webhooks } from '../../src/history/webhooks.js';
import { storeKinds } from '../support/databases.js';
import { consoleHarness, type Harness } from '../console/harness.js';
import { eventually, LocalReceiver } from './webhook-receivers.js';

/**
 * A receiver that never answers holds up only its own deliveries (security audit finding 5): the
 * delivery run sends side by side, one attempt at a time per endpoint and a few per account.
 */
/**
 * The most requests that overlapped, from their arrival times alone: an attempt on a silent receiver
 * lasts its whole timeout, so two that arrived less than that apart were open at once. (The receiver's
 * own count of open requests lags: it sees a dropped connection after the next one may have arrived.)
 */
function overlapping(arrivals: number[], lastsMs: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  return Math.max(0, ...sorted.map((t, i) => sorted.slice(0, i + 1).filter((u) => t - u < lastsMs).length));
}

describe.each(storeKinds)('the delivery pool on %s', (kind) => {
  const TIMEOUT_MS = 1_000;
  let h: Harness;
  let silent: LocalReceiver;
  let healthy: LocalReceiver;
  let webhooks: Webhooks;

  beforeAll(async () => {
    h = await consoleHarness(kind);
    silent = await new LocalReceiver().start();
    silent.answer = () => {}; // accepts every request and never answers
    healthy = await new LocalReceiver().start();
    webhooks = new Webhooks({ db: h.services.store.db, clock: h.clock, allowPrivate: true, timeoutMs: TIMEOUT_MS });
  });
  afterAll(async () => {
    await webhooks.idle();
    await silent.close();
    await healthy.close();
    await h.close();
  });

  it("delivers another account's event while a silent receiver holds its own, one at a time per endpoint, in order", async () => {
    const attacker = (await h.services.accounts.create({ email: `jam-${kind}@example.com` })).id;
    const victim = (await h.services.accounts.create({ email: `victim-${kind}@example.com` })).id;
    // The attacker's deliveries are due first: three silent endpoints, two events each.
    const queued = new Map<string, string[]>();
    for (const path of ['/a', '/b', '/c']) {
      const { endpoint } = await webhooks.create(attacker, new URL(`${silent.url}${path}`));
      const ids: string[] = [];
      for (let i = 0; i < 2; i++) {
        ids.push(await webhooks.enqueue(attacker, endpoint.id, { type: 'watch.matched', watchId: null, data: { n: i } }));
        h.clock.advance(1);
      }
      queued.set(path, ids);
    }
    const { endpoint: victimEndpoint } = await webhooks.create(victim, new URL(`${healthy.url}/victim`));
    const victimDelivery = await webhooks.enqueue(victim, victimEndpoint.id, { type: 'watch.matched', watchId: null, data: {} });

    const started = Date.now();
    const run = webhooks.deliverDue();
    // Delivered while every attempt to the silent receiver is still waiting for its answer.
    expect(await eventually(() => healthy.of('/victim').length === 1, TIMEOUT_MS * 3)).toBe(true);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 0.8);
    await run;

    expect((await webhooks.deliveries(victim, victimEndpoint.id)).map((d) => [d.id, d.status])).toEqual([[victimDelivery, 'delivered']]);
    // Every silent attempt timed out, each said so, and the run never held more than its share.
    const lasts = TIMEOUT_MS * 0.9;
    for (const [path, ids] of queued) {
      expect(silent.of(path).map((s) => s.delivery)).toEqual(ids);
      expect(overlapping(silent.of(path).map((s) => s.at), lasts)).toBe(1);
    }
    const attackerArrivals = [...queued.keys()].flatMap((path) => silent.of(path).map((s) => s.at));
    expect(overlapping(attackerArrivals, lasts)).toBe(PER_ACCOUNT_IN_FLIGHT);
    const endpoints = await webhooks.list(attacker);
    for (const endpoint of endpoints) {
      for (const delivery of await webhooks.deliveries(attacker, endpoint.id)) {
        expect(delivery).toMatchObject({ status: 'pending', attempts: 1, last_status_code: null, last_error: 'timed out after 1 s' });
      }
    }
  });

  it('sends a test event to an endpoint only once its attempt in flight is over', async () => {
    const account = (await h.services.accounts.create({ email: `lane-${kind}@example.com` })).id;
    const { endpoint } = await webhooks.create(account, new URL(`${silent.url}/lane`));
    await webhooks.enqueue(account, endpoint.id, { type: 'watch.matched', watchId: null, data: {} });
    const run = webhooks.deliverDue();
    expect(await eventually(() => silent.of('/lane').length === 1, TIMEOUT_MS)).toBe(true);
    const test = await webhooks.enqueue(account, endpoint.id, { type: 'webhook.test', watchId: null, data: {} });
    await webhooks.deliverNow(test);
    await run;
    expect(silent.of('/lane')).toHaveLength(2);
    expect(overlapping(silent.of('/lane').map((s) => s.at), TIMEOUT_MS * 0.9)).toBe(1);
    expect((await webhooks.deliveries(account, endpoint.id)).find((d) => d.id === test)).toMatchObject({ attempts: 1, last_error: 'timed out after 1 s' });
  });
});
