import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { webhookDeliveriesTotal } from '../../src/metrics/index.js';
import { addTarget, DISABLE_AFTER_FAILURES, parseTarget, RETRY_WINDOW_MS } from '../../src/history/index.js';
import type { SimulatorHandle } from '../../src/simulator/index.js';
import { storeKinds, type TestDatabase } from '../support/databases.js';
import { DAY_MS, historyApp, historyDatabase, historySimulator, NOON, type HistoryApp } from '../history/support.js';
import { Agent, body, consoleHarness, type Harness } from './harness.js';

/** A webhook receiver on a real port: checks each signature and answers with the statuses it is told. */
class Receiver {
  readonly received: Array<{ path: string; event: any; delivery: string; verified: boolean }> = [];
  secrets = new Map<string, string>();
  /** Statuses to answer per path, first to last; 200 once they run out. */
  script = new Map<string, number[]>();
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      req.on('end', () => {
        const path = req.url ?? '/';
        const header = String(req.headers['trendlens-signature'] ?? '');
        const [, t, v1] = /^t=([0-9]+),v1=([0-9a-f]{64})$/.exec(header) ?? [];
        const secret = this.secrets.get(path) ?? '';
        const verified = t !== undefined && createHmac('sha256', secret).update(`${t}.${text}`).digest('hex') === v1;
        this.received.push({ path, event: JSON.parse(text), delivery: String(req.headers['trendlens-delivery']), verified });
        const status = this.script.get(path)?.shift() ?? 200;
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'receiver says no');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  of(path: string, type?: string) {
    return this.received.filter((r) => r.path === path && (type === undefined || r.event.type === type));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe.each(storeKinds)('watches and webhooks on %s, delivered to a local receiver (WEBHOOK_ALLOW_PRIVATE=true)', (kind) => {
  const clock = new ManualClock(NOON);
  const receiver = new Receiver();
  let simulator: SimulatorHandle;
  let database: TestDatabase;
  let t: HistoryApp;
  let agent: Agent;

  async function endpoint(path: string): Promise<string> {
    const res = await agent.post('/webhooks', { url: `${receiver.url}${path}` });
    expect(res.statusCode).toBe(201);
    const { endpoint, secret } = body(res).data;
    receiver.secrets.set(path, secret);
    return endpoint.id;
  }

  async function deliveries(id: string) {
    return body(await agent.get(`/webhooks/${id}/deliveries`)).data.deliveries as Array<{ id: string; status: string; attempts: number; last_status_code: number | null; event_type: string; next_attempt_at: string | null; last_error: string | null; created_at: string }>;
  }

  async function collectAndSettle(): Promise<void> {
    await t.services.history.collector.runDue();
    await t.services.history.flush();
    await t.services.history.webhooks.idle();
  }

  beforeAll(async () => {
    await receiver.start();
    simulator = await historySimulator('2024', clock);
    database = await historyDatabase(kind);
    t = await historyApp({ simulator, clock, databaseUrl: database.url, config: { WEBHOOK_ALLOW_PRIVATE: true } });
    await addTarget(t.services.store.db, parseTarget('hashtag:US:7', 'stored'), clock.now());
    agent = new Agent(t.app);
    const res = await agent.post('/auth/sign-up', { email: 'watcher@example.com', password: 'correct horse battery', name: 'Wat' });
    expect(res.statusCode).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    await simulator.close();
    await database.drop();
    await receiver.close();
  });

  it('creates an endpoint and shows its secret once', async () => {
    const id = await endpoint('/first');
    expect(receiver.secrets.get('/first')).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    const list = body(await agent.get('/webhooks')).data;
    expect(list.endpoints).toEqual([expect.objectContaining({ id, url: `${receiver.url}/first`, status: 'active' })]);
    expect(JSON.stringify(list)).not.toContain(receiver.secrets.get('/first'));
  });

  it('fires a watch once per match, retries after a 500, and logs both attempts', async () => {
    const endpointId = await endpoint('/prom');
    const created = await agent.post('/watches', { kind: 'entry', chart: 'hashtag', country_code: 'us', period: 7, name: '#prom', endpoint_id: endpointId });
    expect(created.statusCode).toBe(201);
    const watch = body(created).data.watch;
    expect(watch).toMatchObject({ kind: 'entry', chart: 'hashtag', country_code: 'US', period: 7, name: 'prom' });

    const attempts = async (outcome: string) =>
      (await webhookDeliveriesTotal.get()).values.find((v) => v.labels.outcome === outcome)?.value ?? 0;
    const [failedBefore, deliveredBefore] = [await attempts('failed'), await attempts('delivered')];
    receiver.script.set('/prom', [500]);
    await collectAndSettle();
    expect(receiver.of('/prom')).toHaveLength(1);
    let log = await deliveries(endpointId);
    expect(log).toEqual([expect.objectContaining({ event_type: 'watch.matched', status: 'pending', attempts: 1, last_status_code: 500 })]);
    expect(log[0]!.last_error).toContain('HTTP 500');

    clock.advance(30_000);
    await t.services.history.webhooks.deliverDue();
    const calls = receiver.of('/prom');
    expect(calls).toHaveLength(2);
    expect(calls.every((c) => c.verified)).toBe(true);
    expect(new Set(calls.map((c) => c.delivery)).size).toBe(1);
    expect(calls[1]!.event).toMatchObject({ type: 'watch.matched', watch: { id: watch.id }, match: { name: 'prom', previous_rank: null } });
    expect(calls[1]!.event.match.rank).toBeGreaterThan(0);
    log = await deliveries(endpointId);
    expect(log).toEqual([expect.objectContaining({ status: 'delivered', attempts: 2, last_status_code: 200, next_attempt_at: null })]);
    // Each attempt is counted in /metrics by its outcome.
    expect([await attempts('failed'), await attempts('delivered')]).toEqual([failedBefore + 1, deliveredBefore + 1]);

    // The same chart seen again that day, and the next day with prom still on it: no second event.
    await t.app.inject({ method: 'GET', url: '/api/v1/tiktok/popular-trend/hashtag?country_code=US&limit=50', headers: { 'x-api-key': (await t.services.keys.create(agent.accountId!, 'k')).apiKey } });
    await t.services.history.flush();
    await t.services.history.webhooks.idle();
    clock.advance(DAY_MS);
    await collectAndSettle();
    expect(receiver.of('/prom', 'watch.matched').map((c) => c.delivery)).toEqual([calls[0]!.delivery, calls[0]!.delivery]);
    expect(await deliveries(endpointId)).toHaveLength(1);
  });

  it('sends a signed test event on request and shows it in the log', async () => {
    const endpointId = await endpoint('/test');
    const res = await agent.post(`/webhooks/${endpointId}/test`);
    expect(res.statusCode).toBe(202);
    expect(body(res).data.delivery).toMatchObject({ event_type: 'webhook.test', status: 'delivered', last_status_code: 200 });
    expect(receiver.of('/test', 'webhook.test')).toEqual([expect.objectContaining({ verified: true })]);
  });

  it('retries with exponential backoff for a day, then gives up', async () => {
    const endpointId = await endpoint('/down');
    receiver.script.set('/down', Array.from({ length: 100 }, () => 503));
    await agent.post(`/webhooks/${endpointId}/test`);
    const start = clock.now();
    const gaps: number[] = [];
    for (;;) {
      const [delivery] = await deliveries(endpointId);
      if (delivery!.status !== 'pending') break;
      const next = Date.parse(delivery!.next_attempt_at!);
      gaps.push(next - clock.now());
      clock.set(next);
      await t.services.history.webhooks.deliverDue();
    }
    const [delivery] = await deliveries(endpointId);
    expect(delivery).toMatchObject({ status: 'failed', last_status_code: 503 });
    expect(gaps.slice(0, 4)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(clock.now() - start).toBeLessThanOrEqual(RETRY_WINDOW_MS);
    expect(receiver.of('/down')).toHaveLength(delivery!.attempts);
  });

  it('disables an endpoint after repeated failures, with a notice, until it is enabled again', async () => {
    const endpointId = await endpoint('/broken');
    receiver.script.set('/broken', Array.from({ length: 100 }, () => 500));
    for (let i = 0; i < DISABLE_AFTER_FAILURES; i++) await agent.post(`/webhooks/${endpointId}/test`);
    const shown = body(await agent.get('/webhooks')).data.endpoints.find((e: { id: string }) => e.id === endpointId);
    expect(shown).toMatchObject({ status: 'disabled', consecutive_failures: DISABLE_AFTER_FAILURES });
    expect(shown.disabled_reason).toMatch(new RegExp(`Disabled after ${DISABLE_AFTER_FAILURES} failed deliveries in a row \\(last: HTTP 500`));
    const calls = receiver.of('/broken').length;
    await agent.post(`/webhooks/${endpointId}/test`);
    expect(receiver.of('/broken')).toHaveLength(calls);

    receiver.script.set('/broken', []);
    expect(body(await agent.post(`/webhooks/${endpointId}/enable`)).data.endpoint).toMatchObject({ status: 'active', disabled_reason: null });
    expect(body(await agent.post(`/webhooks/${endpointId}/test`)).data.delivery).toMatchObject({ status: 'delivered' });
  });

  it('refuses a watch beyond the free plan\'s 5, naming the limit', async () => {
    const endpointId = body(await agent.get('/webhooks')).data.endpoints[0].id;
    const existing = body(await agent.get('/watches')).data;
    expect(existing.limit).toBe(5);
    for (let i = existing.watches.length; i < 5; i++) {
      expect((await agent.post('/watches', { kind: 'rank_change', chart: 'song', min_change: 10, endpoint_id: endpointId })).statusCode).toBe(201);
    }
    const refused = await agent.post('/watches', { kind: 'new_entry', chart: 'hashtag', top_n: 20, endpoint_id: endpointId });
    expect(refused.statusCode).toBe(403);
    expect(body(refused).data).toMatchObject({ error: 'plan_limit_reached', limit: 'watches', max: 5, plan: 'free' });
  });

  it('answers 400 naming each bad field of a watch', async () => {
    const res = await agent.post('/watches', { kind: 'rank_change', chart: 'ads', min_change: 0, endpoint_id: 'whe_nope' });
    expect(res.statusCode).toBe(400);
    expect(body(res).data.errors.map((e: { param: string }) => e.param).sort()).toEqual(['chart', 'min_change']);
    const foreign = await agent.post('/watches', { kind: 'new_entry', chart: 'hashtag', top_n: 10, endpoint_id: 'whe_nope' });
    expect(body(foreign).data.errors).toEqual([{ param: 'endpoint_id', message: 'is not one of your webhook endpoints' }]);
  });

  it('answers 400 naming period when the watch\'s chart has no such period, with the other bad fields, creating nothing', async () => {
    const endpointId = body(await agent.get('/webhooks')).data.endpoints[0].id;
    const before = body(await agent.get('/watches')).data.watches;
    const video = await agent.post('/watches', { kind: 'entry', chart: 'video', country_code: 'US', period: 120, name: 'Morning routine', endpoint_id: endpointId });
    expect(video.statusCode).toBe(400);
    expect(body(video).data.errors).toEqual([{ param: 'period', message: "the video chart's period must be one of 7, 30" }]);
    const more = await agent.post('/watches', { kind: 'new_entry', chart: 'video', period: 120, top_n: 0, endpoint_id: endpointId });
    expect(body(more).data.errors.map((e: { param: string }) => e.param).sort()).toEqual(['period', 'top_n']);
    expect(body(await agent.get('/watches')).data.watches).toEqual(before);
    // The creator chart has no period: one given is ignored, as movers ignores it (room made under the plan's limit).
    expect((await agent.send('DELETE', `/watches/${before.at(-1).id}`)).statusCode).toBe(200);
    const creator = await agent.post('/watches', { kind: 'new_entry', chart: 'creator', period: 120, top_n: 10, endpoint_id: endpointId });
    expect(creator.statusCode).toBe(201);
    expect(body(creator).data.watch).toMatchObject({ chart: 'creator', period: null });
  });

  it('names kind and each bad field every kind shares when kind is unknown or missing, creating nothing', async () => {
    const before = body(await agent.get('/watches')).data.watches;
    const unknown = await agent.post('/watches', { kind: 'trend', chart: 'ads', country_code: 'XX', period: 14, endpoint_id: '' });
    expect(unknown.statusCode).toBe(400);
    expect(body(unknown).data.errors).toEqual([
      { param: 'kind', message: 'must be one of entry, new_entry, rank_change' },
      { param: 'chart', message: 'must be one of hashtag, song, creator, video' },
      { param: 'country_code', message: 'must be an ISO 3166-1 alpha-2 country code' },
      { param: 'period', message: 'must be one of 7, 30, 120' },
      { param: 'endpoint_id', message: 'must be a webhook endpoint id' },
    ]);
    const missing = await agent.post('/watches', { chart: 'song', endpoint_id: 'whe_nope', min_change: 3 });
    expect(body(missing).data.errors).toEqual([{ param: 'kind', message: 'is required' }]);
    expect(body(await agent.get('/watches')).data.watches).toEqual(before);
  });

  it('keeps one account\'s watches and endpoints from another', async () => {
    const other = new Agent(t.app);
    await other.post('/auth/sign-up', { email: 'other@example.com', password: 'correct horse battery', name: 'O' });
    expect(body(await other.get('/watches')).data.watches).toEqual([]);
    const mine = body(await agent.get('/watches')).data.watches[0].id;
    expect((await other.send('DELETE', `/watches/${mine}`)).statusCode).toBe(404);
    expect((await agent.send('DELETE', `/watches/${mine}`)).statusCode).toBe(200);
  });

  it('keeps settled deliveries in the log for 30 days', async () => {
    const endpointId = body(await agent.get('/webhooks')).data.endpoints.find((e: { url: string }) => e.url.endsWith('/test')).id;
    const [delivery] = await deliveries(endpointId);
    // Read from the database: a Console session does not outlive a month without use.
    const stored = () => t.services.store.db.selectFrom('webhook_deliveries').select('id').where('endpoint_id', '=', endpointId).execute();
    clock.set(Date.parse(delivery!.created_at) + 30 * DAY_MS - 60_000);
    await t.services.history.webhooks.prune();
    expect(await stored()).toHaveLength(1);
    clock.advance(2 * 60_000);
    await t.services.history.webhooks.prune();
    expect(await stored()).toEqual([]);
  });
});

describe('webhook URLs are checked (SSRF)', () => {
  let h: Harness;
  let agent: Agent;
  beforeAll(async () => {
    h = await consoleHarness('sqlite');
    agent = await h.signedUp();
  });
  afterAll(async () => h.close());

  it.each([
    ['a loopback address', 'http://127.0.0.1:8080/hook', /127\.0\.0\.1, a loopback, private or link-local address.*WEBHOOK_ALLOW_PRIVATE/],
    ['localhost', 'http://localhost/hook', /loopback, private or link-local/],
    ['a private address', 'https://10.1.2.3/hook', /10\.1\.2\.3/],
    ['the metadata address', 'http://169.254.169.254/latest/meta-data', /169\.254\.169\.254/],
    ['IPv6 loopback', 'http://[::1]/hook', /::1/],
    ['an IPv4-mapped private address', 'http://[::ffff:192.168.1.1]/hook', /loopback, private or link-local/],
    ['another scheme', 'ftp://example.com/hook', /must use http or https, not ftp/],
    ['credentials in the URL', 'https://user:pw@example.com/hook', /must not carry a user name or password/],
    ['no URL at all', 'not a url', /must be an absolute http or https URL/],
  ])('refuses %s with the reason', async (_, url, reason) => {
    const res = await agent.post('/webhooks', { url });
    expect(res.statusCode).toBe(400);
    const [error] = body(res).data.errors;
    expect(error.param).toBe('url');
    expect(error.message).toMatch(reason);
    expect(body(await agent.get('/webhooks')).data.endpoints).toEqual([]);
  });
});

describe('a webhook address is checked again at each attempt', () => {
  const clock = new ManualClock(NOON);
  const receiver = new Receiver();
  let simulator: SimulatorHandle;
  let database: TestDatabase;

  beforeAll(async () => {
    await receiver.start();
    simulator = await historySimulator('2024', clock);
    database = await historyDatabase('sqlite');
  });
  afterAll(async () => {
    await simulator.close();
    await database.drop();
    await receiver.close();
  });

  it('refuses to deliver to a private address once WEBHOOK_ALLOW_PRIVATE is off, saying why, and sends nothing', async () => {
    // Created while private receivers were allowed …
    const allowing = await historyApp({ simulator, clock, databaseUrl: database.url, config: { WEBHOOK_ALLOW_PRIVATE: true } });
    let endpointId: string;
    try {
      const agent = new Agent(allowing.app);
      expect((await agent.post('/auth/sign-up', { email: 'turned@example.com', password: 'correct horse battery', name: 'T' })).statusCode).toBe(201);
      const created = body(await agent.post('/webhooks', { url: `${receiver.url}/hook` })).data;
      endpointId = created.endpoint.id;
      receiver.secrets.set('/hook', created.secret);
      expect(body(await agent.post(`/webhooks/${endpointId}/test`)).data.delivery).toMatchObject({ status: 'delivered' });
    } finally {
      await allowing.close();
    }
    expect(receiver.of('/hook')).toHaveLength(1);

    // … then an instance with the guard on refuses the same endpoint at the attempt.
    const guarded = await historyApp({ simulator, clock, databaseUrl: database.url });
    try {
      const agent = new Agent(guarded.app);
      expect((await agent.post('/auth/sign-in', { email: 'turned@example.com', password: 'correct horse battery' })).statusCode).toBe(200);
      const { delivery } = body(await agent.post(`/webhooks/${endpointId}/test`)).data;
      expect(delivery).toMatchObject({ event_type: 'webhook.test', status: 'pending', attempts: 1, last_status_code: null });
      expect(delivery.last_error).toMatch(/^url refused: .*127\.0\.0\.1, a loopback, private or link-local address.*WEBHOOK_ALLOW_PRIVATE/);
      expect(receiver.of('/hook')).toHaveLength(1);
    } finally {
      await guarded.close();
    }
  });
});
