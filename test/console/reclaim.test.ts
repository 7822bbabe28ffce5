import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { ManualClock } from '../../src/clock.js';
import { createServices } from '../../src/compose.js';
import { defaultConfig, type Config } from '../../src/config.js';
import type { Services } from '../../src/services.js';
import { startSimulator, type SimulatorHandle } from '../../src/simulator/index.js';
import { freshDatabase, storeKinds } from '../support/databases.js';
import { linkIn, startMailbox } from '../support/mailbox.js';
import { REDIS_URL, redisAvailable } from '../support/services.js';
import { Agent, body, consoleHarness, START, type Harness } from './harness.js';

const PUBLIC_URL = 'https://trendlens.example.com';
const OWNER = 'owner@example.com';
const SQUATTER_PASSWORD = 'squatter picked this 4';
const OWNER_PASSWORD = 'the real owner chose 8';
/** A metered request: 8 credits when it succeeds. */
const METERED = '/api/v1/tiktok/popular-trend/hashtag?country_code=US&limit=3';

let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let simulator: SimulatorHandle;
beforeAll(async () => {
  mailbox = await startMailbox();
  simulator = await startSimulator({ port: 0, clock: new ManualClock(START) });
});
afterAll(async () => {
  await simulator?.close();
  await mailbox?.close();
});
beforeEach(() => {
  mailbox.messages.length = 0;
});

/** The configuration of these tests: links mailed to a real mailbox, the public API served by the simulator. */
const config = (more: Partial<Config> = {}): Partial<Config> => ({ SMTP_URL: mailbox.url, PUBLIC_URL, UPSTREAM_SIMULATOR_URL: simulator.url, ...more });

/** The public API's metered request over HTTP with a key. */
const callApi = (apiUrl: string, apiKey: string) => fetch(`${apiUrl}${METERED}`, { headers: { 'x-api-key': apiKey } });

/** The app on a real port, for the public API. */
async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** A key created in the Console: the key itself, shown once. */
async function createKey(agent: Agent, name: string): Promise<string> {
  const res = await agent.post('/keys', { name });
  expect(res.statusCode).toBe(201);
  return body(res).data.api_key as string;
}

/** The token of the link of the latest mail of `page` (`reset-password` or `verify-email`) sent to `to`, as its reader opens it. */
async function mailedToken(to: string, page: string): Promise<string> {
  let link: URL | undefined;
  await expect
    .poll(() => {
      const raw = mailbox.messages.filter((m) => m.includes(`To: ${to}`) && linkIn(m).pathname === `/console/${page}`).at(-1);
      link = raw ? linkIn(raw) : undefined;
      return link !== undefined;
    })
    .toBe(true);
  return link!.searchParams.get('token')!;
}

/** The owner: "Forgot your password?", the mailed link, a new password; the reset's answer. */
async function ownerResets(agent: () => Agent): Promise<ReturnType<typeof body>> {
  mailbox.messages.length = 0;
  expect((await agent().post('/auth/reset/request', { email: OWNER })).statusCode).toBe(200);
  const token = await mailedToken(OWNER, 'reset-password');
  const res = await agent().post('/auth/reset', { token, password: OWNER_PASSWORD });
  expect(res.statusCode).toBe(200);
  return body(res);
}

async function ownerSignsIn(agent: Agent): Promise<Agent> {
  expect((await agent.post('/auth/sign-in', { email: OWNER, password: OWNER_PASSWORD })).statusCode).toBe(200);
  return agent;
}

/**
 * Someone signs up with an address they do not own; the owner later resets the password with the link
 * mailed to the address (README § Operating in public, "A squatted sign-up"). The real app over a real database, a
 * real SMTP mailbox for the links, and the public API over a real socket, served by the upstream simulator.
 */
describe.each(storeKinds)('a password reset reclaims a squatted sign-up (%s)', (kind) => {
  let h: Harness;
  let apiUrl: string;
  beforeEach(async () => {
    h = await consoleHarness(kind, { config: config({ WEBHOOK_ALLOW_PRIVATE: true }) });
    apiUrl = await listen(h.app);
  });
  afterEach(async () => {
    await h.close();
  });
  const api = (key: string) => callApi(apiUrl, key);
  const resets = () => ownerResets(() => h.agent());
  const signsIn = () => ownerSignsIn(h.agent());

  it('revokes the keys, webhook endpoints, watches and plan request set up before the address was proven, and says so', async () => {
    const squatter = h.agent();
    const signedUp = await squatter.post('/auth/sign-up', { email: OWNER, password: SQUATTER_PASSWORD });
    expect(signedUp.statusCode).toBe(201);
    expect(body(signedUp).data.user.email_verified).toBe(false);
    // The verification mail reaches the owner, not the squatter: it tells them how to reclaim.
    await expect.poll(() => mailbox.messages.filter((m) => m.includes(`To: ${OWNER}`)).length).toBe(1);
    const verification = mailbox.messages.find((m) => m.includes(`To: ${OWNER}`))!.replace(/=\r?\n/g, '');
    expect(verification).toContain('open this link signed in to the account');
    expect(verification).toContain('If you did not sign up for Trendlens, someone else used your address.');
    expect(verification).toContain('Forgot your password?');

    // The squatter sets the account up: two keys that answer metered requests, an endpoint with a watch
    // and a delivery waiting to be retried, and a plan request.
    const first = await createKey(squatter, 'scraper');
    const second = await createKey(squatter, 'backup');
    for (const key of [first, second]) {
      const answered = await api(key);
      expect(answered.status).toBe(200);
      expect(answered.headers.get('x-credits-charged')).toBe('8');
    }
    const endpoint = await squatter.post('/webhooks', { url: 'http://127.0.0.1:9/squatter-hook' });
    expect(endpoint.statusCode).toBe(201);
    const endpointId = body(endpoint).data.endpoint.id as string;
    const watch = await squatter.post('/watches', { kind: 'new_entry', chart: 'hashtag', top_n: 10, endpoint_id: endpointId });
    expect(watch.statusCode).toBe(201);
    // Nothing listens on port 9: the test event's delivery fails and waits for a retry.
    expect((await squatter.post(`/webhooks/${endpointId}/test`)).statusCode).toBe(202);
    expect((await squatter.post('/plans/request', { plan_id: 'starter' })).statusCode).toBe(201);

    const reset = await resets();

    // Both keys were looked up (and cached) before: each is refused at once.
    for (const key of [first, second]) {
      const refused = await api(key);
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { data: { error: string } }).data.error).toBe('revoked_api_key');
    }
    // The answer says what went, in a sentence the reset page shows.
    expect(reset.data).toEqual({
      revoked: { api_keys: 2, webhook_endpoints: 1, watches: 1, plan_request: 'starter' },
      message:
        'This address had not been verified: the 2 API keys created before were revoked, the 1 webhook endpoint and 1 watch set up before were deleted and the pending request for the Starter plan was cancelled.',
    });
    expect((await squatter.get('/me')).statusCode).toBe(401);
    expect((await squatter.post('/auth/sign-in', { email: OWNER, password: SQUATTER_PASSWORD })).statusCode).toBe(401);

    // The owner's Console: verified, no active key (both listed as revoked), no endpoint, watch or plan request.
    const owner = await signsIn();
    expect(body(await owner.get('/me')).data.user.email_verified).toBe(true);
    expect(body(await owner.get('/keys?status=active')).data.keys).toEqual([]);
    expect(body(await owner.get('/keys')).data.keys.map((k: { name: string; status: string }) => [k.name, k.status]).sort()).toEqual([
      ['backup', 'revoked'],
      ['scraper', 'revoked'],
    ]);
    expect(body(await owner.get('/webhooks')).data.endpoints).toEqual([]);
    expect(body(await owner.get('/watches')).data.watches).toEqual([]);
    expect(body(await owner.get('/plans')).data.pending_request).toBeNull();
    // The delivery waiting for its retry will not be sent to the squatter's URL.
    const deliveries = await h.services.store.db.selectFrom('webhook_deliveries').select(['status', 'last_error']).execute();
    expect(deliveries).toEqual([{ status: 'failed', last_error: 'endpoint deleted' }]);

    // A key the owner creates now works, and a second reset takes nothing.
    const own = await createKey(owner, 'mine');
    expect((await api(own)).status).toBe(200);
    expect((await resets()).data).toBeNull();
    expect((await api(own)).status).toBe(200);
  });

  it('keeps the keys of an account whose address was verified before the reset', async () => {
    const owner = h.agent();
    expect((await owner.post('/auth/sign-up', { email: OWNER, password: SQUATTER_PASSWORD })).statusCode).toBe(201);
    // The owner opens the verification link mailed at sign-up, signed in.
    const verified = await owner.post('/auth/verify', { token: await mailedToken(OWNER, 'verify-email') });
    expect(body(verified).data.user.email_verified).toBe(true);
    const key = await createKey(owner, 'production');
    expect((await api(key)).status).toBe(200);
    const endpoint = await owner.post('/webhooks', { url: 'http://127.0.0.1:9/owner-hook' });
    expect(endpoint.statusCode).toBe(201);

    const reset = await resets();
    expect(reset.data).toBeNull();

    const answered = await api(key);
    expect(answered.status).toBe(200);
    expect(answered.headers.get('x-credits-charged')).toBe('8');
    const signedIn = await signsIn();
    expect(body(await signedIn.get('/keys?status=active')).data.keys.map((k: { name: string }) => k.name)).toEqual(['production']);
    expect(body(await signedIn.get('/webhooks')).data.endpoints).toHaveLength(1);
  });

  it('does not let the owner’s opening of the verification link prove the address for the squatter, so the reset still reclaims', async () => {
    const squatter = h.agent();
    expect((await squatter.post('/auth/sign-up', { email: OWNER, password: SQUATTER_PASSWORD })).statusCode).toBe(201);
    const key = await createKey(squatter, 'scraper');
    const token = await mailedToken(OWNER, 'verify-email');

    // The owner opens the mailed link signed out: 401, and the address stays unverified.
    const signedOut = await h.agent().post('/auth/verify', { token });
    expect(signedOut.statusCode).toBe(401);
    expect(body(signedOut).data.error).toBe('not_signed_in');
    // Signed in to an account of their own: 403, the link is not theirs to use.
    const other = await h.signedUp('someone-else@example.com');
    const elsewhere = await other.post('/auth/verify', { token });
    expect(elsewhere.statusCode).toBe(403);
    expect(body(elsewhere).data.error).toBe('link_for_another_account');
    expect(body(await other.get('/me')).data.user.email_verified).toBe(false);
    expect(body(await squatter.get('/me')).data.user.email_verified).toBe(false);

    // So the owner's reset still proves the address for the first time, and the squatter's key goes.
    expect((await resets()).data.revoked.api_keys).toBe(1);
    expect((await api(key)).status).toBe(401);
    // The link was never spent: the account, the owner's now, can still open it.
    expect((await (await signsIn()).post('/auth/verify', { token })).statusCode).toBe(200);
  });

  it('says nothing when the unverified account had set nothing up, and verifies the address', async () => {
    expect((await h.agent().post('/auth/sign-up', { email: OWNER, password: SQUATTER_PASSWORD })).statusCode).toBe(201);
    expect((await resets()).data).toBeNull();
    expect(body(await (await signsIn()).get('/me')).data.user.email_verified).toBe(true);
  });
});

describe('a reset that proves the address under SIGNUP_VERIFY=email', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await consoleHarness('sqlite', { config: config({ SIGNUP_VERIFY: 'email' }) });
  });
  afterEach(async () => {
    await h.close();
  });

  it('grants the plan’s credits once, as the verification link would have', async () => {
    const squatter = h.agent();
    expect((await squatter.post('/auth/sign-up', { email: OWNER, password: SQUATTER_PASSWORD })).statusCode).toBe(201);
    expect((await squatter.post('/keys', { name: 'k' })).statusCode).toBe(201);
    // No credits before the address is proven.
    expect(body(await squatter.get('/billing/me')).data.credits.remaining).toBe(0);
    const reset = await ownerResets(() => h.agent());
    expect(reset.data.revoked.api_keys).toBe(1);
    const owner = await ownerSignsIn(h.agent());
    expect(body(await owner.get('/billing/me')).data.credits.remaining).toBe(2000);
    // A second reset proves nothing new: no second grant.
    expect((await ownerResets(() => h.agent())).data).toBeNull();
    expect(body(await (await ownerSignsIn(h.agent())).get('/billing/me')).data.credits.remaining).toBe(2000);
  });
});

describe.skipIf(!redisAvailable)('a reclaim across instances (REDIS_URL)', () => {
  let cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups = [];
  });

  /**
   * One instance over the shared database and Redis, with its own clock: its key cache only the bus can
   * clear. Sign-ups are counted in Redis per IP and window of that fixed clock, so every run of this suite
   * counts against the same window: a limit no run reaches keeps it about the reclaim.
   */
  async function instance(databaseUrl: string): Promise<{ app: FastifyInstance; services: Services; url: string }> {
    const services = await createServices(defaultConfig({ DATABASE_URL: databaseUrl, REDIS_URL, ...config({ SIGNUP_LIMIT_PER_IP: 1_000 }) }), { clock: new ManualClock(START) });
    const app = await buildApp(services);
    cleanups.push(async () => {
      await app.close();
      await services.close();
    });
    return { app, services, url: await listen(app) };
  }

  it.each(storeKinds.filter((k) => k === 'postgres'))('refuses the squatter\'s key on the other instance within a second (%s)', async (kind) => {
    const database = await freshDatabase(kind);
    cleanups.push(() => database.drop());
    const a = await instance(database.url);
    const b = await instance(database.url);
    const squatter = new Agent(a.app);
    expect((await squatter.post('/auth/sign-up', { email: OWNER, password: SQUATTER_PASSWORD })).statusCode).toBe(201);
    const key = await createKey(squatter, 'scraper');
    // B has looked the key up and cached it: the case the bus has to reach.
    expect((await callApi(b.url, key)).status).toBe(200);

    expect((await ownerResets(() => new Agent(a.app))).data.revoked.api_keys).toBe(1);
    const resetAt = Date.now();
    let status = 0;
    while (Date.now() - resetAt < 1_000) {
      status = (await callApi(b.url, key)).status;
      if (status === 401) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(status).toBe(401);
  });
});
