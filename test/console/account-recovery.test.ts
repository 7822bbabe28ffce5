import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { body, consoleHarness, type Harness } from './harness.js';

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
