import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountTokens } from '../../src/accounts/index.js';
import { SIGN_IN_MAX_FAILURES_PER_EMAIL, SIGN_IN_WINDOW_MS } from '../../src/console/sign-in-throttle.js';
import { storeKinds } from '../support/databases.js';
import { body, consoleHarness, PASSWORD, type Agent, type Harness } from './harness.js';

// The route does not depend on the store's dialect; test/ops/lifecycle.test.ts covers the links end to end.
describe('POST auth/reset/request', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await consoleHarness('sqlite');
  });
  afterEach(async () => {
    await h.close();
  });

  describe('200', () => {
    it('answers the same for an address with an account and one without', async () => {
      await h.signedUp('known@example.com');
      const known = await h.agent().post('/auth/reset/request', { email: ' Known@Example.com ' });
      const unknown = await h.agent().post('/auth/reset/request', { email: 'nobody@example.com' });
      expect(known.statusCode).toBe(200);
      expect(body(unknown)).toEqual(body(known));
      // No SMTP_URL here: the page tells people to ask the operator.
      expect(body(known).data).toEqual({ email_sent_if_account_exists: false });
    });
  });

  describe('400', () => {
    it.each([
      ['a typo without @', { email: 'known.example.com' }, 'must be an email address'],
      ['an empty address', { email: '  ' }, 'must be an email address'],
      ['no address', {}, 'is required'],
      ['a number', { email: 42 }, 'must be a string'],
    ])('names email for %s, and spends none of the hourly allowance', async (_case, payload, message) => {
      const agent = h.agent();
      // More refusals than the 5 requests an IP may make in an hour.
      for (let i = 0; i < 6; i++) {
        const res = await agent.post('/auth/reset/request', payload);
        expect(res.statusCode).toBe(400);
        expect(body(res).data.errors).toEqual([{ param: 'email', message }]);
      }
      expect((await agent.post('/auth/reset/request', { email: 'known@example.com' })).statusCode).toBe(200);
    });
  });

  describe('429', () => {
    it('refuses the sixth request from one IP in an hour as too_many_reset_requests, with Retry-After and when to retry in words', async () => {
      const agent = h.agent();
      for (let i = 0; i < 5; i++) expect((await agent.post('/auth/reset/request', { email: `p${i}@example.com` })).statusCode).toBe(200);
      const refused = await agent.post('/auth/reset/request', { email: 'p5@example.com' });
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBe('3600');
      expect(body(refused)).toEqual({
        code: 429,
        msg: 'Too Many Requests',
        data: {
          error: 'too_many_reset_requests',
          retry_after_seconds: 3600,
          message: 'Password reset requests are limited to 5 an hour from one IP address and 500 an hour in all, and the limit is reached. Try again in 60 minutes.',
        },
      });
      h.clock.advance(59 * 60_000 + 30_000);
      const later = await agent.post('/auth/reset/request', { email: 'p5@example.com' });
      expect(body(later).data).toMatchObject({ error: 'too_many_reset_requests', retry_after_seconds: 30 });
      expect(body(later).data.message).toMatch(/ Try again in 30 seconds\.$/);
      h.clock.advance(30_000);
      expect((await agent.post('/auth/reset/request', { email: 'p5@example.com' })).statusCode).toBe(200);
    });
  });
});

describe.each(storeKinds)('a reset link stops working once it is no longer needed (%s)', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await consoleHarness(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  /** A reset link's token for the agent's account, as mailed or printed by `trendlens accounts reset-link`. */
  const resetToken = (agent: Agent) => new AccountTokens(h.services.store.db, h.services.clock).issue(agent.accountId!, 'reset');
  const useLink = (token: string) => h.agent().post('/auth/reset', { token, password: 'link holder wins 9' });
  const refusedToken = [{ param: 'token', message: 'is unknown, used or expired: ask for a new link' }];

  it('after the owner of a verified address changes the password', async () => {
    const owner = await h.signedUp('owner@example.com');
    await h.services.accounts.markVerified(owner.accountId!);
    const token = await resetToken(owner);
    expect((await owner.post('/account/password', { current_password: PASSWORD, new_password: 'owner rotated it 7' })).statusCode).toBe(200);
    const used = await useLink(token);
    expect(used.statusCode).toBe(400);
    expect(body(used).data.errors).toEqual(refusedToken);
    expect((await owner.get('/me')).statusCode).toBe(200);
  });

  it('after the owner of a verified address signs in with the password', async () => {
    const owner = await h.signedUp('owner@example.com');
    await h.services.accounts.markVerified(owner.accountId!);
    const token = await resetToken(owner);
    expect((await h.agent().post('/auth/sign-in', { email: 'owner@example.com', password: PASSWORD })).statusCode).toBe(200);
    expect(body(await useLink(token)).data.errors).toEqual(refusedToken);
  });

  it('but not after a sign-in to an unverified address: a squatter cannot end the link that reclaims it', async () => {
    const squatted = await h.signedUp('owner@example.com');
    const token = await resetToken(squatted);
    expect((await h.agent().post('/auth/sign-in', { email: 'owner@example.com', password: PASSWORD })).statusCode).toBe(200);
    expect((await useLink(token)).statusCode).toBe(200);
  });

  it('but not after a password change of an unverified address: the squatter knows the password too', async () => {
    const squatter = await h.signedUp('owner@example.com');
    const token = await resetToken(squatter);
    expect((await squatter.post('/account/password', { current_password: PASSWORD, new_password: 'squatter keeps it 7' })).statusCode).toBe(200);
    expect((await useLink(token)).statusCode).toBe(200);
  });

  it('but not after a failed sign-in', async () => {
    const owner = await h.signedUp('owner@example.com');
    const token = await resetToken(owner);
    expect((await h.agent().post('/auth/sign-in', { email: 'owner@example.com', password: 'not the password' })).statusCode).toBe(401);
    expect((await useLink(token)).statusCode).toBe(200);
  });

  it('after a reset: the account holds no reset link at all', async () => {
    const owner = await h.signedUp('owner@example.com');
    expect((await useLink(await resetToken(owner))).statusCode).toBe(200);
    const left = await h.services.store.db.selectFrom('account_tokens').select('purpose').where('account_id', '=', owner.accountId!).where('purpose', '=', 'reset').execute();
    expect(left).toEqual([]);
  });
});

describe.each(storeKinds)('the current password, asked for by a signed-in session (%s)', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await consoleHarness(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  it('is guessed no more often than at sign-in: wrong guesses through password change and deletion count as failed sign-ins', async () => {
    const holder = await h.signedUp('guessed@example.com');
    for (let i = 0; i < SIGN_IN_MAX_FAILURES_PER_EMAIL; i++) {
      const change = i % 2 === 0;
      const res = change
        ? await holder.post('/account/password', { current_password: `guess ${i} wrong`, new_password: 'taken over 12345' })
        : await holder.post('/account/delete', { password: `guess ${i} wrong` });
      expect(res.statusCode).toBe(400);
      expect(body(res).data.errors).toEqual([{ param: change ? 'current_password' : 'password', message: 'is not the current password' }]);
    }
    // Past the limit even the right password is refused, so the answer tells the guesser nothing.
    for (const refused of [
      await holder.post('/account/password', { current_password: PASSWORD, new_password: 'taken over 12345' }),
      await holder.post('/account/delete', { password: PASSWORD }),
      await h.agent().post('/auth/sign-in', { email: 'guessed@example.com', password: PASSWORD }),
    ]) {
      expect(refused.statusCode).toBe(429);
      expect(body(refused).data.error).toBe('too_many_sign_in_attempts');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
    // Nothing changed: once the window has passed, the old password still works.
    h.clock.advance(SIGN_IN_WINDOW_MS);
    expect((await holder.post('/account/password', { current_password: PASSWORD, new_password: 'changed at last 12' })).statusCode).toBe(200);
  });
});
