import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhooks } from '../../src/history/webhooks.js';
import { storeKinds } from '../support/databases.js';
import { consoleHarness, type Harness } from '../console/harness.js';
import { LocalReceiver } from './webhook-receivers.js';

/** Nothing leaves for an account that may not act (security audit finding 4): its queued events are dropped. */
describe.each(storeKinds)('deliveries of a suspended account on %s', (kind) => {
  let h: Harness;
  let receiver: LocalReceiver;
  let webhooks: Webhooks;

  beforeAll(async () => {
    h = await consoleHarness(kind);
    receiver = await new LocalReceiver().start();
    webhooks = new Webhooks({ db: h.services.store.db, clock: h.clock, allowPrivate: true, timeoutMs: 1_000 });
  });
  afterAll(async () => {
    await webhooks.idle();
    await receiver.close();
    await h.close();
  });

  it('are not sent while it is suspended, and fail saying why; an active account\'s still go', async () => {
    const suspended = (await h.services.accounts.create({ email: `suspended-${kind}@example.com` })).id;
    const active = (await h.services.accounts.create({ email: `active-${kind}@example.com` })).id;
    const { endpoint: held } = await webhooks.create(suspended, new URL(`${receiver.url}/suspended`));
    const { endpoint: open } = await webhooks.create(active, new URL(`${receiver.url}/active`));
    await webhooks.enqueue(suspended, held.id, { type: 'watch.matched', watchId: null, data: {} });
    await webhooks.enqueue(active, open.id, { type: 'watch.matched', watchId: null, data: {} });
    await h.services.accounts.setStatus(suspended, 'suspended');

    await webhooks.deliverDue();

    expect(receiver.of('/suspended')).toEqual([]);
    expect(receiver.of('/active')).toHaveLength(1);
    expect(await webhooks.deliveries(suspended, held.id)).toMatchObject([{ status: 'failed', last_error: 'account suspended', next_attempt_at: null }]);
    expect(await webhooks.deliveries(active, open.id)).toMatchObject([{ status: 'delivered' }]);
  });
});
