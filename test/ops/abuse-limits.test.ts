import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { defaultConfig, type Config } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { freshDatabase, storeKinds, type StoreKind, type TestDatabase } from '../support/databases.js';
import { REDIS_URL, redisAvailable } from '../support/services.js';
import { call } from './http-client.js';

const PASSWORD = 'a long enough passphrase';

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function serve(config: Partial<Config> = {}, kind: StoreKind = 'sqlite'): Promise<RunningServer & { database: TestDatabase }> {
  const db = await freshDatabase(kind);
  const server = await startServer(defaultConfig({ DATABASE_URL: db.url, PORT: 0, HOST: '127.0.0.1', ...config }));
  cleanups.push(async () => {
    await server.close();
    await db.drop();
  });
  return { ...server, database: db };
}

const signUp = (server: RunningServer, email: string, extra: Record<string, unknown> = {}, from?: string, headers?: Record<string, string>) =>
  call(`${server.url}/api/console/auth/sign-up`, { method: 'POST', body: { email, password: PASSWORD, ...extra }, ...(from ? { from } : {}), ...(headers ? { headers } : {}) });

describe('sign-up throttle', () => {
  it('cuts 50 sign-ups from one IP in a minute off with 429 and Retry-After, while another IP still signs up', async () => {
    const server = await serve();
    const statuses: number[] = [];
    let refusal;
    for (let i = 0; i < 50; i++) {
      const res = await signUp(server, `farm${i}@example.com`);
      statuses.push(res.status);
      if (res.status === 429) refusal ??= res;
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    expect(refusal?.body.data).toMatchObject({ error: 'too_many_sign_ups' });
    expect(Number(refusal?.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refusal?.headers['retry-after'])).toBeLessThanOrEqual(3600);
    // Refused sign-ups made nothing.
    const accounts = await server.services.store.db.selectFrom('accounts').select('id').execute();
    expect(accounts).toHaveLength(10);

    expect((await signUp(server, 'neighbour@example.com', {}, '127.0.0.2')).status).toBe(201);
  });

  it.skipIf(!redisAvailable)('shares the global limit across instances through Redis', async () => {
    // Each on its own SQLite file (one serving process per file): Redis alone is what they share here.
    const config = { REDIS_URL, SIGNUP_LIMIT_GLOBAL: 3, SIGNUP_LIMIT_PER_IP: 100 };
    const a = await serve(config);
    const b = await serve(config);
    const redis = a.services.redis;
    await redis?.del('trendlens:attempts:sign-up:all');
    expect((await signUp(a, 'g1@example.com', {}, '127.0.0.3')).status).toBe(201);
    expect((await signUp(b, 'g2@example.com', {}, '127.0.0.4')).status).toBe(201);
    expect((await signUp(a, 'g3@example.com', {}, '127.0.0.5')).status).toBe(201);
    const fourth = await signUp(b, 'g4@example.com', {}, '127.0.0.6');
    expect(fourth.status).toBe(429);
    expect(fourth.headers['retry-after']).toBeDefined();
    await redis?.del('trendlens:attempts:sign-up:all');
  });
});

describe('TRUST_PROXY naming the proxy', () => {
  it('counts the address the proxy appended to X-Forwarded-For, not the entries the client wrote before it', async () => {
    const server = await serve({ TRUST_PROXY: ['loopback'] });
    const statuses: number[] = [];
    // As nginx's $proxy_add_x_forwarded_for sends it: whatever the client claimed, then the address it came from.
    for (let i = 0; i < 12; i++) statuses.push((await signUp(server, `farm${i}@example.com`, {}, undefined, { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` })).status);
    expect(statuses).toEqual([...Array<number>(10).fill(201), 429, 429]);
    expect((await signUp(server, 'neighbour@example.com', {}, undefined, { 'x-forwarded-for': '198.51.100.99, 203.0.113.8' })).status).toBe(201);
  });
});

describe.each(storeKinds)('sign-in failure throttle under parallel attempts (%s)', (kind) => {
  const signIn = (server: RunningServer, password: string) =>
    call(`${server.url}/api/console/auth/sign-in`, { method: 'POST', body: { email: 'victim@example.com', password } });

  it('tries no more than 10 wrong passwords for one address, however many arrive at once', async () => {
    // A queue long enough that no attempt is refused as busy: the throttle alone decides.
    const server = await serve({ PASSWORD_HASH_QUEUE: 32 }, kind);
    expect((await signUp(server, 'victim@example.com')).status).toBe(201);
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(server, `parallel guess ${i}`)));
    const tried = burst.filter((a) => a.status === 401).length;
    expect(tried).toBeLessThanOrEqual(10);
    for (const refused of burst.filter((a) => a.status !== 401)) expect([refused.status, refused.body.data.error]).toEqual([429, 'too_many_sign_in_attempts']);
    // The refused attempts were not counted as failures: exactly the rest of the 10 are tried one by one, then none.
    const after: number[] = [];
    for (let i = 0; i < 12 - tried; i++) after.push((await signIn(server, `serial guess ${i}`)).status);
    expect(after).toEqual([...Array<number>(10 - tried).fill(401), 429, 429]);
    const failures = await server.services.store.db.selectFrom('sign_in_failures').select('id').where('subject', '=', 'email:victim@example.com').execute();
    expect(failures).toHaveLength(10);
  });

  it('does not count an attempt refused 503 busy, whose password was never checked', async () => {
    const server = await serve({ PASSWORD_HASH_CONCURRENCY: 1, PASSWORD_HASH_QUEUE: 0 }, kind);
    expect((await signUp(server, 'victim@example.com')).status).toBe(201);
    const burst = await Promise.all(Array.from({ length: 6 }, (_, i) => signIn(server, `parallel guess ${i}`)));
    const statuses = burst.map((a) => a.status);
    expect(statuses).toContain(503);
    const failures = await server.services.store.db.selectFrom('sign_in_failures').select('id').where('subject', '=', 'email:victim@example.com').execute();
    expect(failures).toHaveLength(statuses.filter((s) => s === 401).length);
  });
});

describe('password hashing pool', () => {
  it('keeps 100 concurrent hashes within a bounded memory increase, answering some 503 busy', async () => {
    const server = await serve({ SIGNUP_LIMIT_PER_IP: 1000, SIGNUP_LIMIT_GLOBAL: 1000, PASSWORD_HASH_CONCURRENCY: 2, PASSWORD_HASH_QUEUE: 8 });
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => signUp(server, `burst${i}@example.com`)));
    clearInterval(sampler);
    const statuses = answers.map((a) => a.status);
    const busy = answers.filter((a) => a.status === 503);
    expect(statuses.every((s) => s === 201 || s === 503)).toBe(true);
    expect(busy.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(10);
    expect(busy[0]?.body.data).toEqual({ error: 'busy', retry_after_seconds: 1 });
    expect(busy[0]?.headers['retry-after']).toBe('1');
    // scrypt takes 32 MiB a hash: two at a time stay far below what 100 at once would take (3.2 GiB).
    expect((peak - baseline) / 2 ** 20).toBeLessThan(256);
  });
});

describe('SIGNUP_MODE and SIGNUP_VERIFY', () => {
  async function cli(env: Record<string, string>, ...argv: string[]) {
    let out = '';
    const sink = { write: (c: string) => ((out += c), true) } as unknown as NodeJS.WritableStream;
    const code = await runCli([...argv, '--json'], env, { stdout: sink, stderr: sink });
    expect(code, out).toBe(0);
    return JSON.parse(out) as Record<string, any>;
  }

  it('closed refuses every sign-up with 403 signup_disabled', async () => {
    const server = await serve({ SIGNUP_MODE: 'closed' });
    const res = await signUp(server, 'a@example.com');
    expect(res.status).toBe(403);
    expect(res.body.data).toEqual({ error: 'signup_disabled' });
  });

  it('invite admits one sign-up per code from `trendlens invites create`, and none without', async () => {
    const server = await serve({ SIGNUP_MODE: 'invite' });
    const { codes } = await cli({ DATABASE_URL: server.database.url }, 'invites', 'create', '--count', '2');
    expect(codes).toHaveLength(2);
    expect((await signUp(server, 'a@example.com')).body.data).toEqual({ error: 'invite_required' });
    expect((await signUp(server, 'b@example.com', { invite_code: 'inv_notacode' })).status).toBe(403);
    expect((await signUp(server, 'c@example.com', { invite_code: codes[0] })).status).toBe(201);
    const reused = await signUp(server, 'd@example.com', { invite_code: codes[0] });
    expect(reused.status).toBe(403);
    expect(await server.services.accounts.findByEmail('d@example.com')).toBeUndefined();
    expect((await signUp(server, 'e@example.com', { invite_code: codes[1] })).status).toBe(201);
  });

  it('email: a new account holds no credits until its address is verified, then its plan’s, once', async () => {
    const server = await serve({ SIGNUP_VERIFY: 'email' });
    const res = await signUp(server, 'v@example.com');
    expect(res.status).toBe(201);
    expect(res.body.data.user.email_verified).toBe(false);
    const accountId = res.body.data.user.id as string;
    const signedIn = { session: res.session as string, csrf: res.body.data.csrf_token as string };
    expect((await server.services.credits.snapshot(accountId)).balance).toBe(0);

    const { link } = await cli({ DATABASE_URL: server.database.url, PUBLIC_URL: server.url }, 'accounts', 'verify-link', '--email', 'v@example.com');
    const token = new URL(link).searchParams.get('token');
    expect(new URL(link).pathname).toBe('/console/verify-email');
    const verified = await call(`${server.url}/api/console/auth/verify`, { method: 'POST', body: { token }, ...signedIn });
    expect(verified.status).toBe(200);
    expect(verified.body.data.user.email_verified).toBe(true);
    expect((await server.services.credits.snapshot(accountId)).balance).toBe(2000);
    expect(await server.services.credits.ledgerSum(accountId)).toBe(2000);
    // A second link verifies nothing new and grants nothing more.
    const again = await cli({ DATABASE_URL: server.database.url }, 'accounts', 'verify-link', '--email', 'v@example.com');
    expect((await call(`${server.url}/api/console/auth/verify`, { method: 'POST', body: { token: new URL(again.link).searchParams.get('token') }, ...signedIn })).status).toBe(200);
    expect((await server.services.credits.snapshot(accountId)).balance).toBe(2000);
  });
});

describe('password rules (NIST SP 800-63B)', () => {
  it.each([
    ['shorter than 10 characters', 'short pw', 'must be 10–128 characters'],
    ['longer than 128 characters', 'x'.repeat(64) + 'y'.repeat(65), 'must be 10–128 characters'],
    ['on the common-password list', 'Password123', 'is too common'],
    ['a keyboard walk', 'qwertyuiop', 'is too common'],
    ['one character repeated', 'zzzzzzzzzzzzz', 'repeats too few characters'],
    ['longer than 1024 characters, with the same words', 'x'.repeat(64) + 'y'.repeat(961), 'must be 10–128 characters'],
    ['the e-mail address itself', 'pw@example.com', 'is too close to the e-mail address'],
    ['the whole address with a character added', 'pw@example.com!', 'is too close to the e-mail address'],
    ['the whole address inside, in other case', 'My PW@Example.com 2026', 'is too close to the e-mail address'],
  ])('refuses a password %s with a 400 naming password', async (_, password, message) => {
    const server = await serve();
    const res = await call(`${server.url}/api/console/auth/sign-up`, { method: 'POST', body: { email: 'pw@example.com', password } });
    expect(res.status).toBe(400);
    expect(res.body.data.errors).toEqual([{ param: 'password', message: expect.stringContaining(message) }]);
  });

  it('takes a 128-character passphrase of spaces and symbols with no composition rule', async () => {
    const server = await serve();
    const res = await call(`${server.url}/api/console/auth/sign-up`, { method: 'POST', body: { email: 'ok@example.com', password: 'all lower case words '.repeat(6).slice(0, 128) } });
    expect(res.status).toBe(201);
  });
});

