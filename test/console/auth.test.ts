import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../src/accounts/index.js';
import { SESSION_HINT_COOKIE } from '../../src/console/session-hint.js';
import { storeKinds } from '../support/databases.js';
import { redisAvailable } from '../support/services.js';
import { startOwnRedis } from '../billing/fixtures/redis-server.js';
import { body, consoleHarness, PASSWORD, START, type Harness } from './harness.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

describe.each(storeKinds)('console auth on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await consoleHarness(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  describe('POST auth/sign-up', () => {
    it('201 › creates the account, signs in and returns {user, csrf_token}', async () => {
      const agent = h.agent();
      const res = await agent.post('/auth/sign-up', { email: ' Ada@Example.com', password: PASSWORD, name: 'Ada' });
      expect(res.statusCode).toBe(201);
      const { code, data } = body(res);
      expect(code).toBe(201);
      expect(data.user).toEqual({ id: expect.stringMatching(/^acc_/), email: 'ada@example.com', name: 'Ada', plan: 'free', created_at: new Date(h.clock.now()).toISOString(), email_verified: false });
      expect(data.csrf_token).toMatch(/^[\w-]{43}$/);
      const account = await h.services.accounts.findByEmail('ada@example.com');
      expect(account?.password_hash).toMatch(/^scrypt\$/);
      expect(account?.password_hash).not.toContain(PASSWORD);
    });

    it('201 › sets tl_session HttpOnly, SameSite=Lax, not Secure on http://localhost', async () => {
      const res = await h.agent().post('/auth/sign-up', { email: 'a@example.com', password: PASSWORD });
      const cookie = res.cookies.find((c) => c.name === 'tl_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: SESSION_ABSOLUTE_MS / 1000 });
      expect(cookie?.secure).toBeFalsy();
      expect(cookie?.value).toMatch(/^[\w-]{43}$/);
    });

    it('201 › sets a Secure cookie behind a trusted https proxy or on another host', async () => {
      const proxied = await consoleHarness(kind, { config: { TRUST_PROXY: ['loopback'] } });
      try {
        const viaProxy = await proxied.agent().post('/auth/sign-up', { email: 'a@example.com', password: PASSWORD }, { headers: { 'x-forwarded-proto': 'https', host: 'localhost' }, origin: 'https://localhost' });
        expect(viaProxy.cookies.find((c) => c.name === 'tl_session')?.secure).toBe(true);
      } finally {
        await proxied.close();
      }
      const remote = await h.agent().post('/auth/sign-up', { email: 'b@example.com', password: PASSWORD }, { headers: { host: 'trendlens.example' }, origin: null });
      expect(remote.cookies.find((c) => c.name === 'tl_session')?.secure).toBe(true);
    });

    it('201 › stores only the session id hash', async () => {
      const agent = h.agent();
      await agent.post('/auth/sign-up', { email: 'a@example.com', password: PASSWORD });
      const rows = await h.services.store.db.selectFrom('sessions').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]?.id_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(rows)).not.toContain(agent.cookie);
    });

    it.each([
      ['email', { email: 'not-an-email', password: PASSWORD }],
      ['email', { password: PASSWORD }],
      ['password', { email: 'a@example.com', password: 'short' }],
      ['password', { email: 'a@example.com', password: 'x'.repeat(129) }],
      ['name', { email: 'a@example.com', password: PASSWORD, name: 'n'.repeat(101) }],
      ['name', { email: 'a@example.com', password: PASSWORD, name: 42 }],
    ])('400 › names the bad field %s', async (param, payload) => {
      const res = await h.agent().post('/auth/sign-up', payload);
      expect(res.statusCode).toBe(400);
      expect(body(res)).toMatchObject({ code: 400, msg: 'Invalid input', data: { errors: [{ param }] } });
    });

    it('400 › malformed JSON names the body', async () => {
      const res = await h.agent().post('/auth/sign-up', '{"email":', { headers: { 'content-type': 'application/json' } });
      expect(res.statusCode).toBe(400);
      expect(body(res).data.errors[0].param).toBe('body');
    });

    it('409 › email_taken, compared lower-cased', async () => {
      await h.signedUp('a@example.com');
      const res = await h.agent().post('/auth/sign-up', { email: 'A@EXAMPLE.COM', password: PASSWORD });
      expect(res.statusCode).toBe(409);
      expect(body(res)).toEqual({ code: 409, msg: 'Conflict', data: { error: 'email_taken' } });
    });

    it('403 › signup_disabled when the operator turned sign-up off', async () => {
      const off = await consoleHarness(kind, { config: { SIGNUP_ENABLED: false } });
      try {
        const res = await off.agent().post('/auth/sign-up', { email: 'a@example.com', password: PASSWORD });
        expect(res.statusCode).toBe(403);
        expect(body(res).data).toEqual({ error: 'signup_disabled' });
      } finally {
        await off.close();
      }
    });

    it('403 › csrf_failed for a cross-site Origin', async () => {
      const res = await h.agent().post('/auth/sign-up', { email: 'a@example.com', password: PASSWORD }, { origin: 'https://evil.example' });
      expect(res.statusCode).toBe(403);
      expect(body(res).data).toEqual({ error: 'csrf_failed' });
    });
  });

  describe('POST auth/sign-in', () => {
    beforeEach(async () => {
      await h.signedUp('a@example.com');
    });

    it('200 › returns {user, csrf_token} with a new session', async () => {
      const agent = h.agent();
      const res = await agent.post('/auth/sign-in', { email: 'A@example.com', password: PASSWORD });
      expect(res.statusCode).toBe(200);
      expect(body(res)).toMatchObject({ code: 200, msg: 'OK', data: { user: { email: 'a@example.com', plan: 'free' }, csrf_token: expect.any(String) } });
      expect((await agent.get('/me')).statusCode).toBe(200);
    });

    it('200 › signing in again replaces the old session', async () => {
      const agent = h.agent();
      await agent.post('/auth/sign-in', { email: 'a@example.com', password: PASSWORD });
      const old = agent.cookie;
      await agent.post('/auth/sign-in', { email: 'a@example.com', password: PASSWORD });
      expect(agent.cookie).not.toBe(old);
      const res = await h.app.inject({ method: 'GET', url: '/api/console/me', headers: { cookie: `tl_session=${old}` } });
      expect(res.statusCode).toBe(401);
    });

    it.each([
      ['wrong password', { email: 'a@example.com', password: 'wrong password!' }],
      ['unknown email', { email: 'nobody@example.com', password: PASSWORD }],
    ])('401 › invalid_credentials for %s', async (_, payload) => {
      const res = await h.agent().post('/auth/sign-in', payload);
      expect(res.statusCode).toBe(401);
      expect(body(res)).toEqual({ code: 401, msg: 'Authentication required', data: { error: 'invalid_credentials' } });
      expect(res.cookies.find((c) => c.name === 'tl_session')).toBeUndefined();
    });

    it('401 › an account created without a password cannot sign in', async () => {
      await h.services.accounts.create({ email: 'cli@example.com' });
      const res = await h.agent().post('/auth/sign-in', { email: 'cli@example.com', password: PASSWORD });
      expect(res.statusCode).toBe(401);
    });

    it.each([
      ['email', { password: PASSWORD }],
      ['password', { email: 'a@example.com' }],
    ])('400 › names the missing field %s', async (param, payload) => {
      const res = await h.agent().post('/auth/sign-in', payload);
      expect(res.statusCode).toBe(400);
      expect(body(res).data.errors[0].param).toBe(param);
    });

    it('429 › after 10 failures for one email in 15 minutes, even with the right password, with Retry-After', async () => {
      for (let i = 0; i < 10; i++) {
        h.clock.advance(MINUTE);
        expect((await h.agent().post('/auth/sign-in', { email: 'a@example.com', password: 'wrong password!' })).statusCode).toBe(401);
      }
      const res = await h.agent().post('/auth/sign-in', { email: 'a@example.com', password: PASSWORD });
      expect(res.statusCode).toBe(429);
      expect(body(res)).toEqual({ code: 429, msg: 'Too Many Requests', data: { error: 'too_many_sign_in_attempts', retry_after_seconds: 360 } });
      expect(res.headers['retry-after']).toBe('360');
      h.clock.advance(360_000);
      expect((await h.agent().post('/auth/sign-in', { email: 'a@example.com', password: PASSWORD })).statusCode).toBe(200);
    });

    it('429 › after 30 failures from one IP across emails', async () => {
      for (let i = 0; i < 30; i++) {
        expect((await h.agent().post('/auth/sign-in', { email: `x${i}@example.com`, password: 'wrong password!' })).statusCode).toBe(401);
      }
      const res = await h.agent().post('/auth/sign-in', { email: 'a@example.com', password: PASSWORD });
      expect(res.statusCode).toBe(429);
      expect(res.headers['retry-after']).toBe('900');
      // A claimed address changes nothing without a trusted proxy; another real one does.
      const claimed = await h.agent().post('/auth/sign-in', { email: 'a@example.com', password: PASSWORD }, { headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect(claimed.statusCode).toBe(429);
      const elsewhere = await h.agent().post('/auth/sign-in', { email: 'a@example.com', password: PASSWORD }, { remoteAddress: '203.0.113.9' });
      expect(elsewhere.statusCode).toBe(200);
    });

    it('a success clears the email’s failures', async () => {
      for (let i = 0; i < 9; i++) await h.agent().post('/auth/sign-in', { email: 'a@example.com', password: 'wrong password!' });
      expect((await h.agent().post('/auth/sign-in', { email: 'a@example.com', password: PASSWORD })).statusCode).toBe(200);
      for (let i = 0; i < 9; i++) await h.agent().post('/auth/sign-in', { email: 'a@example.com', password: 'wrong password!' });
      expect((await h.agent().post('/auth/sign-in', { email: 'a@example.com', password: PASSWORD })).statusCode).toBe(200);
    });
  });

  describe('POST auth/sign-out', () => {
    it('200 › ends the session and clears the cookie', async () => {
      const agent = await h.signedUp();
      const cookie = agent.cookie;
      const res = await agent.post('/auth/sign-out');
      expect(res.statusCode).toBe(200);
      expect(body(res)).toEqual({ code: 200, msg: 'OK', data: null });
      expect(res.cookies.find((c) => c.name === 'tl_session')?.value).toBe('');
      const again = await h.app.inject({ method: 'GET', url: '/api/console/me', headers: { cookie: `tl_session=${cookie}` } });
      expect(again.statusCode).toBe(401);
    });

    it('401 › not_signed_in without a session', async () => {
      const res = await h.agent().post('/auth/sign-out');
      expect(res.statusCode).toBe(401);
      expect(body(res).data).toEqual({ error: 'not_signed_in' });
    });

    it('403 › csrf_failed without the token', async () => {
      const agent = await h.signedUp();
      const res = await agent.post('/auth/sign-out', undefined, { csrf: null });
      expect(res.statusCode).toBe(403);
      expect((await agent.get('/me')).statusCode).toBe(200);
    });
  });

  describe('GET me', () => {
    it('200 › {user, csrf_token, operator} of the session', async () => {
      const agent = await h.signedUp('me@example.com');
      const res = await agent.get('/me');
      expect(res.statusCode).toBe(200);
      expect(body(res).data).toEqual({
        user: { id: agent.accountId, email: 'me@example.com', name: 'Ada', plan: 'free', created_at: new Date(START).toISOString(), email_verified: false },
        csrf_token: agent.csrf,
        operator: false,
      });
    });

    it.each([
      ['no cookie', {}],
      ['an unknown session id', { cookie: 'tl_session=abc' }],
    ])('401 › not_signed_in with %s', async (_, headers) => {
      const res = await h.app.inject({ method: 'GET', url: '/api/console/me', headers });
      expect(res.statusCode).toBe(401);
      expect(body(res)).toEqual({ code: 401, msg: 'Authentication required', data: { error: 'not_signed_in' } });
    });

    it('401 › an API key does not authenticate the Console', async () => {
      const agent = await h.signedUp();
      const key = body(await agent.post('/keys', { name: 'ci' })).data.api_key;
      for (const headers of [{ 'x-api-key': key }, { authorization: `Bearer ${key}` }]) {
        const res = await h.app.inject({ method: 'GET', url: '/api/console/me', headers });
        expect(res.statusCode).toBe(401);
      }
    });
  });

  describe('a suspended account', () => {
    it('403 › every session is told account_suspended, ends with that answer and changes nothing', async () => {
      const laptop = await h.signedUp('s@example.com');
      const phone = h.agent();
      await phone.post('/auth/sign-in', { email: 's@example.com', password: PASSWORD });
      await h.services.accounts.setStatus(laptop.accountId!, 'suspended');
      const read = await laptop.get('/me');
      expect(read.statusCode).toBe(403);
      expect(body(read)).toEqual({ code: 403, msg: 'Forbidden', data: { error: 'account_suspended' } });
      expect(read.cookies.find((c) => c.name === 'tl_session')?.value).toBe('');
      // The phone was not signed out by the laptop's answer: it is told too, on a write.
      const write = await phone.post('/keys', { name: 'k' });
      expect(body(write).data).toEqual({ error: 'account_suspended' });
      expect(await h.services.store.db.selectFrom('api_keys').selectAll().execute()).toEqual([]);
      expect(await h.services.store.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
    });

    it('403 › sign-in answers account_suspended with the right password, starting no session', async () => {
      const agent = await h.signedUp('s@example.com');
      await agent.post('/auth/sign-out');
      await h.services.accounts.setStatus(agent.accountId!, 'suspended');
      const res = await h.agent().post('/auth/sign-in', { email: 's@example.com', password: PASSWORD });
      expect(res.statusCode).toBe(403);
      expect(body(res).data).toEqual({ error: 'account_suspended' });
      expect(res.cookies.find((c) => c.name === 'tl_session')).toBeUndefined();
    });
  });

  describe('session expiry', () => {
    it('ends after 7 idle days', async () => {
      const agent = await h.signedUp();
      h.clock.advance(SESSION_IDLE_MS - MINUTE);
      expect((await agent.get('/me')).statusCode).toBe(200);
      h.clock.advance(SESSION_IDLE_MS - MINUTE);
      expect((await agent.get('/me')).statusCode).toBe(200);
      h.clock.advance(SESSION_IDLE_MS);
      const res = await agent.get('/me');
      expect(res.statusCode).toBe(401);
      expect(await h.services.store.db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);
    });

    it('ends 30 days after sign-in however busy it is', async () => {
      const agent = await h.signedUp();
      for (let day = 1; day < 30; day++) {
        h.clock.advance(DAY);
        expect((await agent.get('/me')).statusCode).toBe(200);
      }
      h.clock.advance(DAY);
      expect((await agent.get('/me')).statusCode).toBe(401);
    });
  });

  describe('CSRF and Origin on writes', () => {
    it.each([
      ['no X-CSRF-Token', { csrf: null }],
      ['a wrong X-CSRF-Token', { csrf: 'x'.repeat(43) }],
      ['no Origin', { origin: null }],
      ['a cross-site Origin', { origin: 'https://evil.example' }],
      ['an Origin on another port', { origin: 'http://localhost:5173' }],
      ['Origin null', { origin: 'null' }],
    ])('403 › csrf_failed with %s', async (_, opts) => {
      const agent = await h.signedUp();
      const res = await agent.post('/keys', { name: 'k' }, opts);
      expect(res.statusCode).toBe(403);
      expect(body(res)).toEqual({ code: 403, msg: 'Forbidden', data: { error: 'csrf_failed' } });
      expect(body(await agent.get('/keys')).data.keys).toHaveLength(0);
    });

    it('403 › another session’s token does not pass', async () => {
      const a = await h.signedUp();
      const b = await h.signedUp();
      const res = await a.post('/keys', { name: 'k' }, { csrf: b.csrf ?? null });
      expect(res.statusCode).toBe(403);
    });

    it('accepts the PUBLIC_URL origin behind a proxy', async () => {
      const proxied = await consoleHarness(kind, { config: { PUBLIC_URL: 'https://trendlens.example' } });
      try {
        const agent = await proxied.signedUp();
        const res = await agent.post('/keys', { name: 'k' }, { origin: 'https://trendlens.example' });
        expect(res.statusCode).toBe(201);
      } finally {
        await proxied.close();
      }
    });
  });
});

describe.runIf(redisAvailable)('console auth while Redis is unreachable (README.md § Operating in public)', () => {
  it('signs up and in with attempts counted in memory, still refusing past the per-IP limit, never a 500', async () => {
    const redis = await startOwnRedis();
    const h = await consoleHarness('sqlite', { config: { REDIS_URL: redis.url, SIGNUP_LIMIT_PER_IP: 2 } });
    try {
      await redis.stop();
      const first = await h.agent().post('/auth/sign-up', { email: 'a@example.com', password: PASSWORD });
      expect(first.statusCode).toBe(201);
      expect((await h.agent().post('/auth/sign-up', { email: 'b@example.com', password: PASSWORD })).statusCode).toBe(201);
      const third = await h.agent().post('/auth/sign-up', { email: 'c@example.com', password: PASSWORD });
      expect(third.statusCode).toBe(429);
      expect(body(third).data.error).toBe('too_many_sign_ups');
      expect(third.headers['retry-after']).toBeDefined();
      expect((await h.agent().post('/auth/sign-in', { email: 'a@example.com', password: PASSWORD })).statusCode).toBe(200);
    } finally {
      await h.close();
      await redis.stop();
    }
  });
});

// The cookie's attributes do not depend on the store's dialect.
describe('Secure session cookies follow an https PUBLIC_URL, whatever Host the proxy forwards', () => {
  const cookiesOf = (res: LightMyRequestResponse) => res.cookies.filter((c) => c.name === 'tl_session' || c.name === SESSION_HINT_COOKIE);

  it.each([
    ['a loopback Host over plain http (nginx\'s default proxy_pass)', { host: '127.0.0.1:8080' }],
    ['localhost with X-Forwarded-Proto: https from no trusted proxy', { host: 'localhost', 'x-forwarded-proto': 'https' }],
  ])('sets and clears tl_session and tl_signed_in Secure for %s', async (_, headers) => {
    const h = await consoleHarness('sqlite', { config: { PUBLIC_URL: 'https://trendlens.example.com' } });
    try {
      const agent = h.agent();
      const signedUp = await agent.post('/auth/sign-up', { email: 'a@example.com', password: PASSWORD }, { headers, origin: 'https://trendlens.example.com' });
      expect(signedUp.statusCode).toBe(201);
      const signedOut = await agent.post('/auth/sign-out', undefined, { headers, origin: 'https://trendlens.example.com' });
      expect(signedOut.statusCode).toBe(200);
      for (const res of [signedUp, signedOut]) {
        expect(cookiesOf(res).map((c) => [c.name, c.secure])).toEqual([
          ['tl_session', true],
          [SESSION_HINT_COOKIE, true],
        ]);
      }
    } finally {
      await h.close();
    }
  });

  it('keeps them not Secure on http://localhost when PUBLIC_URL is http', async () => {
    const h = await consoleHarness('sqlite', { config: { PUBLIC_URL: 'http://localhost:8080' } });
    try {
      const res = await h.agent().post('/auth/sign-up', { email: 'a@example.com', password: PASSWORD }, { headers: { host: 'localhost:8080' }, origin: 'http://localhost:8080' });
      expect(cookiesOf(res).map((c) => [c.name, c.secure ?? false])).toEqual([
        ['tl_session', false],
        [SESSION_HINT_COOKIE, false],
      ]);
    } finally {
      await h.close();
    }
  });
});
