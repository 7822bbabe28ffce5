import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../src/accounts/index.js';
import { SESSION_HINT_COOKIE } from '../../src/console/session-hint.js';
import { consoleHarness, PASSWORD, type Harness } from './harness.js';

const DAY = 86_400_000;

const hintOf = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === SESSION_HINT_COOKIE);
const sessionOf = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'tl_session');

/** `me` as a browser sends it: the session cookie (if any) and the hint (if any). */
function me(h: Harness, cookies: { session?: string | undefined; hint?: boolean }) {
  const pairs = [cookies.session ? `tl_session=${cookies.session}` : null, cookies.hint ? `${SESSION_HINT_COOKIE}=1` : null].filter((p) => p !== null);
  return h.app.inject({ method: 'GET', url: '/api/console/me', headers: pairs.length > 0 ? { cookie: pairs.join('; ') } : {} });
}

describe('the session hint cookie (docs/api-contract.md § Console API)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await consoleHarness('sqlite');
  });
  afterEach(async () => {
    await h.close();
  });

  it('is set beside tl_session at sign-up and sign-in: readable by the page, holding no secret, as long-lived', async () => {
    const signUp = await h.agent().post('/auth/sign-up', { email: 'a@example.com', password: PASSWORD });
    const signIn = await h.agent().post('/auth/sign-in', { email: 'a@example.com', password: PASSWORD });
    for (const res of [signUp, signIn]) {
      expect(hintOf(res)).toMatchObject({ value: '1', path: '/', sameSite: 'Lax', maxAge: SESSION_ABSOLUTE_MS / 1000 });
      expect(hintOf(res)?.httpOnly).toBeFalsy();
      expect(hintOf(res)?.secure).toBe(sessionOf(res)?.secure);
    }
  });

  it('is Secure wherever tl_session is', async () => {
    const res = await h.agent().post('/auth/sign-up', { email: 'b@example.com', password: PASSWORD }, { headers: { host: 'trendlens.example' }, origin: null });
    expect(hintOf(res)?.secure).toBe(true);
  });

  it('is never set by a refused sign-in', async () => {
    const res = await h.agent().post('/auth/sign-in', { email: 'nobody@example.com', password: PASSWORD });
    expect(res.statusCode).toBe(401);
    expect(hintOf(res)).toBeUndefined();
  });

  it('is cleared with tl_session at sign-out and account deletion', async () => {
    const out = await (await h.signedUp()).post('/auth/sign-out');
    expect(hintOf(out)?.value).toBe('');
    const deleted = await (await h.signedUp()).post('/account/delete', { password: PASSWORD });
    expect(deleted.statusCode).toBe(200);
    expect(hintOf(deleted)?.value).toBe('');
  });

  it('is cleared by the 401 of an expired session, and by a 401 to a hint with no session at all', async () => {
    const agent = await h.signedUp();
    h.clock.advance(SESSION_IDLE_MS + DAY);
    const expired = await me(h, { session: agent.cookie, hint: true });
    expect(expired.statusCode).toBe(401);
    expect(hintOf(expired)?.value).toBe('');
    expect(sessionOf(expired)?.value).toBe('');
    const orphan = await me(h, { hint: true });
    expect(orphan.statusCode).toBe(401);
    expect(hintOf(orphan)?.value).toBe('');
  });

  it('leaves a signed-out browser without either cookie alone: the 401 sets nothing', async () => {
    const res = await me(h, {});
    expect(res.statusCode).toBe(401);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('is given back by `me` to a live session without one, for what is left of the session', async () => {
    const agent = await h.signedUp();
    h.clock.advance(DAY);
    const res = await me(h, { session: agent.cookie });
    expect(res.statusCode).toBe(200);
    expect(hintOf(res)).toMatchObject({ value: '1', maxAge: (SESSION_ABSOLUTE_MS - DAY) / 1000 });
    const withHint = await me(h, { session: agent.cookie, hint: true });
    expect(withHint.headers['set-cookie']).toBeUndefined();
  });
});
