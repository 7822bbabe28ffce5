import { describe, expect, it } from 'vitest';
import { SESSION_HINT_COOKIE } from '../../../src/console/session-hint.js';
import { ConsoleApi, errorMessage, mayHaveSession } from './console-api.js';

describe('errorMessage', () => {
  it('lists field errors', () => {
    const shown = errorMessage(400, { errors: [{ param: 'password', message: 'must be 10–128 characters' }] }, 'Invalid input');
    expect(shown).toEqual({ message: 'Please check: password must be 10–128 characters.', fields: { password: 'must be 10–128 characters' } });
  });
  it('says known codes in words', () => {
    expect(errorMessage(401, { error: 'invalid_credentials' }, 'Authentication required').message).toBe('Email or password is wrong.');
    expect(errorMessage(403, { error: 'account_suspended' }, 'Forbidden').message).toMatch(/^This account is suspended/);
  });
  it('falls back to msg and status', () => {
    expect(errorMessage(500, { error: 'internal_error' }, 'Internal server error').message).toBe('Internal server error (500, internal_error).');
  });
});

describe('mayHaveSession', () => {
  it("reads the server's hint cookie among others", () => {
    expect(mayHaveSession(`theme=dark; ${SESSION_HINT_COOKIE}=1`)).toBe(true);
    expect(mayHaveSession(`${SESSION_HINT_COOKIE}=1`)).toBe(true);
  });
  it('is false without it, and for a cookie whose name only starts the same', () => {
    expect(mayHaveSession('')).toBe(false);
    expect(mayHaveSession('theme=dark')).toBe(false);
    expect(mayHaveSession(`${SESSION_HINT_COOKIE}_old=1`)).toBe(false);
  });
});

describe('ConsoleApi', () => {
  it("keeps the error code beside the words, so a page can react to it", async () => {
    const fake: typeof fetch = async () => Response.json({ code: 403, msg: 'Forbidden', data: { error: 'invite_required' } }, { status: 403 });
    const res = await new ConsoleApi(fake).call('POST', 'auth/sign-up', {});
    expect(res).toMatchObject({ ok: false, status: 403, code: 'invite_required', message: 'Sign-up on this server needs an invite code from its operator.' });
  });

  it('sends the CSRF token it was given on changes, not on reads', async () => {
    const seen: Headers[] = [];
    const fake: typeof fetch = async (_url, init) => {
      seen.push(new Headers(init?.headers));
      return Response.json({ code: 200, msg: 'OK', data: { user: {}, csrf_token: 'tok' } });
    };
    const api = new ConsoleApi(fake);
    await api.call('GET', 'me');
    await api.call('POST', 'keys', { name: 'x' });
    expect(seen[0]?.get('x-csrf-token')).toBeNull();
    expect(seen[1]?.get('x-csrf-token')).toBe('tok');
  });
});

describe('errorMessage for limits and conflicts', () => {
  it("says the server's own sentence for a code without words of its own", () => {
    const data = { error: 'plan_limit_reached', limit: 'watches', max: 5, plan: 'free', message: 'The free plan allows 5 watches.' };
    expect(errorMessage(403, data, 'Forbidden').message).toBe('The free plan allows 5 watches.');
  });
});

describe('ConsoleApi DELETE', () => {
  it('sends the CSRF token on a delete', async () => {
    const seen: { method?: string; token: string | null }[] = [];
    const fake: typeof fetch = async (_url, init) => {
      seen.push({ method: init?.method, token: new Headers(init?.headers).get('x-csrf-token') });
      return Response.json({ code: 200, msg: 'OK', data: { deleted: 'w1', csrf_token: undefined } });
    };
    const api = new ConsoleApi(fake);
    api.setCsrfToken('tok');
    const res = await api.call('DELETE', 'watches/w1');
    expect(res.ok).toBe(true);
    expect(seen).toEqual([{ method: 'DELETE', token: 'tok' }]);
  });
});
