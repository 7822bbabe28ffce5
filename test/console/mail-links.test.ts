import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createServices } from '../../src/compose.js';
import { defaultConfig } from '../../src/config.js';
import { freshDatabase } from '../support/databases.js';
import { linkIn, startMailbox } from '../support/mailbox.js';
import { body, consoleHarness, PASSWORD, type Harness } from './harness.js';

const PUBLIC_URL = 'https://trendlens.example.com';

type Mailbox = Awaited<ReturnType<typeof startMailbox>>;

/** A mail server that takes each message and holds its answer until the test releases it, as a slow one does. */
async function startSlowMailbox(): Promise<{ url: string; held: number; release(): void; close(): Promise<void> }> {
  const waiting: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      stream.resume();
      stream.on('end', () => waiting.push(() => done()));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    get held() {
      return waiting.length;
    },
    release: () => waiting.splice(0).forEach((answer) => answer()),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Settles with the promise, or with 'still waiting' once `ms` have passed first. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | 'still waiting'> {
  return Promise.race([promise, new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms))]);
}

describe('links in e-mails point at PUBLIC_URL, never at a Host the request names', () => {
  let mailbox: Mailbox;
  let h: Harness;
  beforeAll(async () => {
    mailbox = await startMailbox();
  });
  afterAll(async () => {
    await mailbox.close();
  });
  beforeEach(async () => {
    mailbox.messages.length = 0;
    // X-Forwarded-Host is believed from a trusted proxy: it must not reach a link either.
    h = await consoleHarness('sqlite', { config: { SMTP_URL: mailbox.url, PUBLIC_URL, TRUST_PROXY: ['loopback'] } });
  });
  afterEach(async () => {
    await h.close();
  });

  it('mails the verification and the reset link on PUBLIC_URL whatever Host or X-Forwarded-Host the request carried', async () => {
    const attacker = { headers: { host: 'attacker.example', 'x-forwarded-host': 'evil.example' }, origin: null };
    expect((await h.agent().post('/auth/sign-up', { email: 'victim@example.com', password: PASSWORD }, attacker)).statusCode).toBe(201);
    expect((await h.agent().post('/auth/reset/request', { email: 'victim@example.com' }, attacker)).statusCode).toBe(200);
    await expect.poll(() => mailbox.messages.length).toBe(2);
    const [verify, reset] = mailbox.messages.map((raw) => linkIn(raw));
    expect([verify?.origin, verify?.pathname]).toEqual([PUBLIC_URL, '/console/verify-email']);
    expect([reset?.origin, reset?.pathname]).toEqual([PUBLIC_URL, '/console/reset-password']);
    expect(mailbox.messages.join('')).not.toMatch(/attacker\.example|evil\.example/);
  });

  it('refuses to start a server built in code with SMTP_URL and no PUBLIC_URL, naming PUBLIC_URL', async () => {
    const database = await freshDatabase('sqlite');
    const services = await createServices(defaultConfig({ DATABASE_URL: database.url, SMTP_URL: mailbox.url }));
    try {
      await expect(buildApp(services)).rejects.toThrow('invalid configuration: PUBLIC_URL: must be set when SMTP_URL is: the links in e-mails point at it');
    } finally {
      await services.close();
      await database.drop();
    }
  });
});

describe('POST auth/reset/request answers before the mail is sent (its timing tells nothing)', () => {
  let mailbox: Awaited<ReturnType<typeof startSlowMailbox>>;
  let h: Harness;
  beforeEach(async () => {
    mailbox = await startSlowMailbox();
    h = await consoleHarness('sqlite', { config: { SMTP_URL: mailbox.url, PUBLIC_URL } });
  });
  afterEach(async () => {
    mailbox.release();
    await h.close();
    await mailbox.close();
  });

  it('answers an address with an account as it answers one without, while the mail server still holds the mail', async () => {
    // Marked verified, so sign-up mails nothing and the one mail is the reset link.
    await h.services.accounts.create({ email: 'known@example.com', passwordHash: null });
    const known = await within(h.agent().post('/auth/reset/request', { email: 'known@example.com' }), 3_000);
    const unknown = await h.agent().post('/auth/reset/request', { email: 'nobody@example.com' });
    expect(known).not.toBe('still waiting');
    if (known === 'still waiting') return;
    expect(known.statusCode).toBe(200);
    expect(body(known)).toEqual(body(unknown));
    // The mail is on its way all the same, and shutting down waits for it.
    await expect.poll(() => mailbox.held).toBe(1);
  });
});

describe('verification e-mails are limited per address: 1 a minute and 5 a day, sign-up\'s own included', () => {
  let mailbox: Mailbox;
  let h: Harness;
  beforeAll(async () => {
    mailbox = await startMailbox();
  });
  afterAll(async () => {
    await mailbox.close();
  });
  beforeEach(async () => {
    mailbox.messages.length = 0;
    h = await consoleHarness('sqlite', { config: { SMTP_URL: mailbox.url, PUBLIC_URL } });
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers 429 rate_limited with Retry-After and when to try again, and mails nothing more', async () => {
    const agent = await h.signedUp('someone-else@example.org');
    // Sign-up mailed the first: a resend within the minute is refused.
    const early = await agent.post('/account/verify/resend');
    expect(early.statusCode).toBe(429);
    expect(early.headers['retry-after']).toBe('60');
    expect(body(early)).toEqual({
      code: 429,
      msg: 'Too Many Requests',
      data: {
        error: 'rate_limited',
        retry_after_seconds: 60,
        message: 'Verification e-mails to one address are limited to 1 a minute and 5 a day, and the limit is reached. Try again in 1 minute.',
      },
    });
    for (let i = 0; i < 4; i++) {
      h.clock.advance(60_000);
      const res = await agent.post('/account/verify/resend');
      expect(res.statusCode).toBe(200);
      expect(body(res).data).toEqual({ sent: true, email_verified: false });
    }
    h.clock.advance(60_000);
    const sixth = await agent.post('/account/verify/resend');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.headers['retry-after']).toBe(String(86_400 - 5 * 60));
    expect(mailbox.messages).toHaveLength(5);

    // A new day, a new allowance.
    h.clock.advance(86_400_000);
    expect(body(await agent.post('/account/verify/resend')).data).toEqual({ sent: true, email_verified: false });
    expect(mailbox.messages).toHaveLength(6);
  });

  it('keeps counting for the address when its account is deleted and signed up again', async () => {
    const first = await h.signedUp('someone-else@example.org');
    expect((await first.post('/account/delete', { password: PASSWORD })).statusCode).toBe(200);
    const again = await h.signedUp('someone-else@example.org');
    expect(mailbox.messages).toHaveLength(1);
    expect((await again.post('/account/verify/resend')).statusCode).toBe(429);
    expect(mailbox.messages).toHaveLength(1);
  });
});
