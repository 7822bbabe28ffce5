import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_ENABLES_PER_HOUR, WEBHOOK_TESTS_PER_HOUR } from '../../src/console/watch-routes.js';
import { body, consoleHarness, type Agent, type Harness } from '../console/harness.js';
import { LocalReceiver } from './webhook-receivers.js';

/**
 * The Console's webhook routes that make the server call out (security audit findings 2 and 5): what a
 * test event shows of the receiver's answer, and how often an account may send one or re-enable.
 */
describe('webhook test events and re-enables through the Console', () => {
  let h: Harness;
  let receiver: LocalReceiver;
  let agent: Agent;

  async function endpoint(a: Agent, path: string): Promise<string> {
    const res = await a.post('/webhooks', { url: `${receiver.url}${path}` });
    expect(res.statusCode).toBe(201);
    return body(res).data.endpoint.id;
  }

  beforeAll(async () => {
    h = await consoleHarness('sqlite', { config: { WEBHOOK_ALLOW_PRIVATE: true } });
    receiver = await new LocalReceiver().start();
    receiver.answer = (req, res) => {
      if (req.url === '/internal') res.writeHead(403, { 'content-type': 'text/plain' }).end('INTERNAL-ONLY admin panel: db_password=hunter2');
      else res.writeHead(200).end('ok');
    };
    agent = await h.signedUp('limits@example.com');
  });
  afterAll(async () => {
    await h.close();
    await receiver.close();
  });

  it("shows a refusal's status, never the receiver's body", async () => {
    const id = await endpoint(agent, '/internal');
    const res = await agent.post(`/webhooks/${id}/test`);
    expect(res.statusCode).toBe(202);
    expect(body(res).data.delivery).toMatchObject({ status: 'pending', last_status_code: 403, last_error: 'HTTP 403' });
    expect(res.body).not.toContain('hunter2');
    expect((await agent.get(`/webhooks/${id}/deliveries`)).body).not.toContain('hunter2');
  });

  it(`answers 429 rate_limited past ${WEBHOOK_TESTS_PER_HOUR} test events an hour per account, across its endpoints`, async () => {
    h.clock.advance(3_600_000);
    const first = await endpoint(agent, '/one');
    const second = await endpoint(agent, '/two');
    for (let i = 0; i < WEBHOOK_TESTS_PER_HOUR; i++) {
      expect((await agent.post(`/webhooks/${i % 2 === 0 ? first : second}/test`)).statusCode).toBe(202);
    }
    const sent = receiver.seen.length;
    const refused = await agent.post(`/webhooks/${second}/test`);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('3600');
    expect(body(refused)).toEqual({
      code: 429,
      msg: 'Too Many Requests',
      data: { error: 'rate_limited', retry_after_seconds: 3600, message: `Test events are limited to ${WEBHOOK_TESTS_PER_HOUR} an hour per account, and the limit is reached. Try again in 60 min.` },
    });
    expect(receiver.seen).toHaveLength(sent);

    // Another account is not held back; this one may send again an hour on.
    const other = await h.signedUp('other-limits@example.com');
    expect((await other.post(`/webhooks/${await endpoint(other, '/other')}/test`)).statusCode).toBe(202);
    h.clock.advance(3_600_000);
    expect((await agent.post(`/webhooks/${first}/test`)).statusCode).toBe(202);
  });

  it(`answers 429 rate_limited past ${WEBHOOK_ENABLES_PER_HOUR} re-enables an hour per account`, async () => {
    h.clock.advance(3_600_000);
    const id = await endpoint(agent, '/enable');
    for (let i = 0; i < WEBHOOK_ENABLES_PER_HOUR; i++) expect((await agent.post(`/webhooks/${id}/enable`)).statusCode).toBe(200);
    const refused = await agent.post(`/webhooks/${id}/enable`);
    expect(refused.statusCode).toBe(429);
    expect(body(refused).data).toMatchObject({ error: 'rate_limited', retry_after_seconds: 3600 });
    expect(body(refused).data.message).toMatch(/^Re-enabling endpoints are limited to 10 an hour per account/);
  });

  it('counts a test event or re-enable only for an endpoint of the caller: a 404 uses up none of the allowance (security audit finding 8)', async () => {
    h.clock.advance(3_600_000);
    const own = await endpoint(agent, '/own');
    const other = await h.signedUp('foreign-limits@example.com');
    const theirs = await endpoint(other, '/theirs');
    for (const [action, limit, ok] of [['enable', WEBHOOK_ENABLES_PER_HOUR, 200], ['test', WEBHOOK_TESTS_PER_HOUR, 202]] as const) {
      for (let i = 0; i <= limit; i++) {
        expect((await agent.post(`/webhooks/whe_unknown/${action}`)).statusCode).toBe(404);
        expect((await agent.post(`/webhooks/${theirs}/${action}`)).statusCode).toBe(404);
      }
      // The whole allowance is still there for the caller's own endpoint.
      for (let i = 0; i < limit; i++) expect((await agent.post(`/webhooks/${own}/${action}`)).statusCode).toBe(ok);
      expect((await agent.post(`/webhooks/${own}/${action}`)).statusCode).toBe(429);
      // Past the limit an unknown id is still a 404, not a 429 that would tell nothing about the id.
      expect((await agent.post(`/webhooks/whe_unknown/${action}`)).statusCode).toBe(404);
    }
  });
});
