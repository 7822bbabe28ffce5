import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhooks } from '../../src/history/webhooks.js';
import { openStore, type Store } from '../../src/store/index.js';
import { storeKinds } from '../support/databases.js';
import { consoleHarness, type Harness } from '../console/harness.js';
import { eventually, LocalReceiver } from './webhook-receivers.js';

/**
 * A receiver that holds every request open until the test answers it, counting the requests open at
 * once. A request counts as over when the test answers it: the next attempt to the endpoint can
 * only start once its sender has read that answer, so the count never lags behind.
 */
class HoldingReceiver {
  readonly held: Array<{ delivery: string; res: ServerResponse }> = [];
  inFlight = 0;
  mostInFlight = 0;

  constructor(readonly receiver: LocalReceiver) {
    receiver.answer = (req, res) => {
      this.inFlight++;
      this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
      this.held.push({ delivery: String(req.headers['trendlens-delivery']), res });
    };
  }

  /** Answers the oldest held request 200; its delivery id. */
  release(): string {
    const next = this.held.shift();
    if (!next) throw new Error('no request is held');
    this.inFlight--;
    next.res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return next.delivery;
  }

  releaseAll(): void {
    while (this.held.length > 0) this.release();
  }
}

/** Whether a promise has settled, read synchronously. */
function tracked(run: Promise<void>): { settled: () => boolean; run: Promise<void> } {
  let settled = false;
  const done = run.finally(() => {
    settled = true;
  });
  return { settled: () => settled, run: done };
}

/**
 * Two instances over one database (PostgreSQL deployments run several) keep one attempt at a time per
 * endpoint between them: the lane is the endpoint's `sending_until` lease, not only a map in memory.
 */
describe.each(storeKinds)('delivery lanes across two instances on %s', (kind) => {
  const WAIT_MS = 5_000;
  let h: Harness;
  let second: Store;
  let receiver: LocalReceiver;
  let one: Webhooks;
  let two: Webhooks;
  let holding: HoldingReceiver | undefined;

  beforeAll(async () => {
    h = await consoleHarness(kind);
    // Its own connection (pool) to the same database, as a second process would have.
    second = await openStore(h.services.config.DATABASE_URL);
    receiver = await new LocalReceiver().start();
    one = new Webhooks({ db: h.services.store.db, clock: h.clock, allowPrivate: true, timeoutMs: WAIT_MS });
    two = new Webhooks({ db: second.db, clock: h.clock, allowPrivate: true, timeoutMs: WAIT_MS });
  });
  afterAll(async () => {
    holding?.releaseAll();
    await one.idle();
    await two.idle();
    await receiver.close();
    await second.close();
    await h.close();
  });

  async function endpointWith(events: number, name: string): Promise<{ account: string; endpoint: string; deliveries: string[] }> {
    const account = (await h.services.accounts.create({ email: `${name}-${kind}@example.com` })).id;
    const { endpoint } = await one.create(account, new URL(`${receiver.url}/${name}`));
    const deliveries: string[] = [];
    for (let i = 0; i < events; i++) {
      deliveries.push(await one.enqueue(account, endpoint.id, { type: 'watch.matched', watchId: null, data: { n: i } }));
      h.clock.advance(1);
    }
    return { account, endpoint: endpoint.id, deliveries };
  }

  const sendingUntil = async (endpoint: string) =>
    (await h.services.store.db.selectFrom('webhook_endpoints').select('sending_until').where('id', '=', endpoint).executeTakeFirstOrThrow()).sending_until;

  it('never sends an endpoint two attempts at once when both instances deliver its due events, and delivers each once', async () => {
    holding = new HoldingReceiver(receiver);
    const { account, endpoint, deliveries } = await endpointWith(2, 'shared');

    const runs = [tracked(one.deliverDue()), tracked(two.deliverDue())];
    // One instance sends the oldest; the other finds the lane taken and ends its run, or (were the lane
    // only in memory) sends the second beside it.
    expect(await eventually(() => holding!.inFlight >= 2 || (holding!.inFlight === 1 && runs.some((r) => r.settled())), WAIT_MS)).toBe(true);
    expect(holding.inFlight).toBe(1);
    const first = holding.release();
    // The instance that held the lane looks again once its attempt is over, and sends the other.
    expect(await eventually(() => holding!.held.length === 1, WAIT_MS)).toBe(true);
    const then = holding.release();
    await Promise.all(runs.map((r) => r.run));

    expect(holding.mostInFlight).toBe(1);
    expect([first, then]).toEqual(deliveries);
    expect(receiver.of('/shared').map((s) => s.delivery)).toEqual(deliveries);
    expect((await one.deliveries(account, endpoint)).map((d) => [d.id, d.status, d.attempts])).toEqual([
      [deliveries[1], 'delivered', 1],
      [deliveries[0], 'delivered', 1],
    ]);
    expect(await sendingUntil(endpoint)).toBeNull();
  });

  it("leaves a test event queued while another instance sends to its endpoint, and that instance's run sends it next", async () => {
    holding = new HoldingReceiver(receiver);
    const { account, endpoint, deliveries } = await endpointWith(1, 'test-event');
    const run = one.deliverDue();
    expect(await eventually(() => holding!.held.length === 1, WAIT_MS)).toBe(true);

    const test = await two.enqueue(account, endpoint, { type: 'webhook.test', watchId: null, data: {} });
    await two.deliverNow(test);
    expect((await two.deliveries(account, endpoint)).find((d) => d.id === test)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(holding.inFlight).toBe(1);

    expect(holding.release()).toBe(deliveries[0]);
    expect(await eventually(() => holding!.held.length === 1, WAIT_MS)).toBe(true);
    expect(holding.release()).toBe(test);
    await run;
    expect(holding.mostInFlight).toBe(1);
    expect((await one.deliveries(account, endpoint)).map((d) => [d.id, d.status, d.attempts])).toEqual([
      [test, 'delivered', 1],
      [deliveries[0], 'delivered', 1],
    ]);
  });

  it("is not held forever by a killed instance's lane: its deliveries wait, due, until the lease is over", async () => {
    holding = undefined;
    receiver.answer = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    };
    const { account, endpoint, deliveries } = await endpointWith(2, 'killed');
    // As an instance killed mid-attempt leaves it: the lane taken for a while yet, nobody to free it.
    const leaseEnds = h.clock.now() + 30_000;
    await h.services.store.db.updateTable('webhook_endpoints').set({ sending_until: leaseEnds }).where('id', '=', endpoint).execute();

    // Both runs end without sending (they do not spin on the held lane), and the deliveries stay due.
    await Promise.all([one.deliverDue(), two.deliverDue()]);
    const test = await two.enqueue(account, endpoint, { type: 'webhook.test', watchId: null, data: {} });
    await two.deliverNow(test);
    expect(receiver.of('/killed')).toEqual([]);
    expect(await one.deliveries(account, endpoint)).toMatchObject([
      { id: test, status: 'pending', attempts: 0 },
      { id: deliveries[1], status: 'pending', attempts: 0 },
      { id: deliveries[0], status: 'pending', attempts: 0 },
    ]);
    expect(await sendingUntil(endpoint)).toBe(leaseEnds);

    h.clock.set(leaseEnds);
    await Promise.all([one.deliverDue(), two.deliverDue()]);
    expect(receiver.of('/killed').map((s) => s.delivery)).toEqual([...deliveries, test]);
    expect((await one.deliveries(account, endpoint)).map((d) => d.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(await sendingUntil(endpoint)).toBeNull();
  });
});
