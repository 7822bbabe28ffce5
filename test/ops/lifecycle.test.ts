import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { defaultConfig, type Config } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { freshDatabase, storeKinds, type StoreKind, type TestDatabase } from '../support/databases.js';
import { REDIS_URL, redisAvailable } from '../support/services.js';
import { call } from './http-client.js';
import { linkIn, startMailbox } from '../support/mailbox.js';

const PASSWORD = 'a long enough passphrase';
const NEW_PASSWORD = 'another long passphrase';


async function cli(env: Record<string, string>, ...argv: string[]): Promise<Record<string, any>> {
  let out = '';
  const sink = { write: (c: string) => ((out += c), true) } as unknown as NodeJS.WritableStream;
  const code = await runCli([...argv, '--json'], env, { stdout: sink, stderr: sink });
  if (code !== 0) throw new Error(`${argv.join(' ')} exited ${code}: ${out}`);
  return JSON.parse(out) as Record<string, any>;
}

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function serve(kind: StoreKind, config: Partial<Config> = {}, database?: TestDatabase): Promise<RunningServer & { database: TestDatabase }> {
  const db = database ?? (await freshDatabase(kind));
  const server = await startServer(defaultConfig({ DATABASE_URL: db.url, PORT: 0, HOST: '127.0.0.1', ...config }));
  cleanups.push(async () => {
    await server.close();
    if (!database) await db.drop();
  });
  return { ...server, database: db };
}

async function signUp(server: RunningServer, email: string) {
  const res = await call(`${server.url}/api/console/auth/sign-up`, { method: 'POST', body: { email, password: PASSWORD } });
  expect(res.status).toBe(201);
  return { session: res.session as string, csrf: res.body.data.csrf_token as string, id: res.body.data.user.id as string };
}

const signIn = (server: RunningServer, email: string, password: string) =>
  call(`${server.url}/api/console/auth/sign-in`, { method: 'POST', body: { email, password } });

const me = (server: RunningServer, session: string) => call(`${server.url}/api/console/me`, { session });

describe('password reset and e-mail verification through the CLI link', () => {
  it('resets with the printed link once, ending every session; the old password stops working', async () => {
    const server = await serve('sqlite', { PUBLIC_URL: 'http://trendlens.test' });
    const user = await signUp(server, 'r@example.com');
    const { link } = await cli({ DATABASE_URL: server.database.url, PUBLIC_URL: 'http://trendlens.test' }, 'accounts', 'reset-link', '--email', 'r@example.com');
    expect(link).toMatch(/^http:\/\/trendlens\.test\/console\/reset-password\?token=/);
    const token = new URL(link).searchParams.get('token');

    const weak = await call(`${server.url}/api/console/auth/reset`, { method: 'POST', body: { token, password: 'password123' } });
    expect(weak.status).toBe(400);
    expect(weak.body.data.errors[0].param).toBe('password');
    const reset = await call(`${server.url}/api/console/auth/reset`, { method: 'POST', body: { token, password: NEW_PASSWORD } });
    expect(reset.status).toBe(200);
    expect((await me(server, user.session)).status).toBe(401);
    expect((await signIn(server, 'r@example.com', PASSWORD)).status).toBe(401);
    expect((await signIn(server, 'r@example.com', NEW_PASSWORD)).status).toBe(200);
    const again = await call(`${server.url}/api/console/auth/reset`, { method: 'POST', body: { token, password: 'yet another passphrase' } });
    expect(again.status).toBe(400);
    expect(again.body.data.errors).toEqual([{ param: 'token', message: expect.stringContaining('unknown, used or expired') }]);
  });
});

describe('password reset and e-mail verification through a local SMTP server', () => {
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  beforeAll(async () => {
    mailbox = await startMailbox();
  });
  afterAll(async () => {
    await mailbox?.close();
  });

  it('mails a verification link at sign-up and a reset link on request; both work', async () => {
    const server = await serve('sqlite', { SMTP_URL: mailbox.url, MAIL_FROM: 'Trendlens <ops@trendlens.test>', PUBLIC_URL: 'http://trendlens.test' });
    mailbox.messages.length = 0;
    const user = await signUp(server, 'm@example.com');
    expect(mailbox.messages).toHaveLength(1);
    expect(mailbox.messages[0]).toContain('To: m@example.com');
    const verifyLink = linkIn(mailbox.messages[0] ?? '');
    expect(verifyLink.pathname).toBe('/console/verify-email');
    // Opened signed in to the account, as verifying requires.
    const verified = await call(`${server.url}/api/console/auth/verify`, { method: 'POST', body: { token: verifyLink.searchParams.get('token') }, session: user.session, csrf: user.csrf });
    expect(verified.body.data.user.email_verified).toBe(true);

    const asked = await call(`${server.url}/api/console/auth/reset/request`, { method: 'POST', body: { email: 'M@example.com' } });
    expect(asked.status).toBe(200);
    // An unknown address gets the same answer and no mail.
    const unknown = await call(`${server.url}/api/console/auth/reset/request`, { method: 'POST', body: { email: 'nobody@example.com' } });
    expect(unknown.body).toEqual(asked.body);
    // The reset link is mailed after the answer.
    await expect.poll(() => mailbox.messages.length).toBe(2);
    const resetLink = linkIn(mailbox.messages[1] ?? '');
    expect(resetLink.pathname).toBe('/console/reset-password');
    const reset = await call(`${server.url}/api/console/auth/reset`, { method: 'POST', body: { token: resetLink.searchParams.get('token'), password: NEW_PASSWORD } });
    expect(reset.status).toBe(200);
    expect((await me(server, user.session)).status).toBe(401);
    expect((await signIn(server, 'm@example.com', NEW_PASSWORD)).status).toBe(200);
  });
});

describe('changing the password', () => {
  it('needs the current one, and ends the other sessions but not this one', async () => {
    const server = await serve('sqlite');
    const here = await signUp(server, 'c@example.com');
    const elsewhere = (await signIn(server, 'c@example.com', PASSWORD)).session as string;
    const wrong = await call(`${server.url}/api/console/account/password`, {
      method: 'POST', session: here.session, csrf: here.csrf, body: { current_password: 'not the password', new_password: NEW_PASSWORD },
    });
    expect(wrong.body.data.errors).toEqual([{ param: 'current_password', message: 'is not the current password' }]);
    const changed = await call(`${server.url}/api/console/account/password`, {
      method: 'POST', session: here.session, csrf: here.csrf, body: { current_password: PASSWORD, new_password: NEW_PASSWORD },
    });
    expect(changed.status).toBe(200);
    expect((await me(server, here.session)).status).toBe(200);
    expect((await me(server, elsewhere)).status).toBe(401);
    expect((await signIn(server, 'c@example.com', NEW_PASSWORD)).status).toBe(200);
  });
});

describe.each(storeKinds)('deleting an account (%s)', (kind) => {
  it('leaves no e-mail or key hash behind, ends sessions and keys, and the ledger still sums', async () => {
    const server = await serve(kind);
    const user = await signUp(server, 'gone@example.com');
    const created = await call(`${server.url}/api/console/keys`, { method: 'POST', session: user.session, csrf: user.csrf, body: { name: 'k' } });
    const apiKey = created.body.data.api_key as string;
    const keyHash = (await server.services.store.db.selectFrom('api_keys').select('key_hash').executeTakeFirstOrThrow()).key_hash;
    await server.services.credits.grant(user.id, 500, 'grant_test');

    const refused = await call(`${server.url}/api/console/account/delete`, { method: 'POST', session: user.session, csrf: user.csrf, body: { password: 'not the password' } });
    expect(refused.status).toBe(400);
    const deleted = await call(`${server.url}/api/console/account/delete`, { method: 'POST', session: user.session, csrf: user.csrf, body: { password: PASSWORD } });
    expect(deleted.status).toBe(200);

    expect((await me(server, user.session)).status).toBe(401);
    const keyed = await call(`${server.url}/api/v1/tiktok/popular-trend/hashtag`, { headers: { 'x-api-key': apiKey } });
    expect(keyed.status).toBe(401);
    const db = server.services.store.db;
    const everything = JSON.stringify(
      await Promise.all(
        (['accounts', 'api_keys', 'sessions', 'sign_in_failures', 'usage_events', 'account_tokens', 'invites', 'plan_requests', 'credit_ledger'] as const).map((t) =>
          db.selectFrom(t).selectAll().execute(),
        ),
      ),
    );
    expect(everything).not.toContain('gone@example.com');
    expect(everything).not.toContain(keyHash);
    const account = await db.selectFrom('accounts').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(account).toMatchObject({ status: 'deleted', name: null, password_hash: null });
    expect(await server.services.credits.ledgerSum(user.id)).toBe(account.credits_balance);
    expect(account.credits_balance).toBe(2500);
    // The address is free again.
    await signUp(server, 'gone@example.com');
  });
});

describe.skipIf(!redisAvailable)('suspension across instances', () => {
  it.each(storeKinds.filter((k) => k === 'postgres'))('stops the session and the keys on a second instance within a second (%s)', async (kind) => {
    const database = await freshDatabase(kind);
    cleanups.push(() => database.drop());
    const a = await serve(kind, { REDIS_URL }, database);
    const b = await serve(kind, { REDIS_URL }, database);
    const user = await signUp(a, 'sus@example.com');
    const created = await call(`${a.url}/api/console/keys`, { method: 'POST', session: user.session, csrf: user.csrf, body: { name: 'k' } });
    const apiKey = created.body.data.api_key as string;
    const filters = `${b.url}/api/v1/tiktok/top-ads/filters`;
    // B has looked the key up and cached it: the case a bus has to reach.
    const before = await call(filters, { headers: { 'x-api-key': apiKey } });
    expect(before.status).not.toBe(401);
    expect(before.status).not.toBe(403);
    expect((await me(b, user.session)).status).toBe(200);

    await cli({ DATABASE_URL: database.url, REDIS_URL }, 'accounts', 'suspend', '--email', 'sus@example.com');
    const suspendedAt = Date.now();
    let keyStatus = 0;
    while (Date.now() - suspendedAt < 1_000) {
      keyStatus = (await call(filters, { headers: { 'x-api-key': apiKey } })).status;
      if (keyStatus === 403) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(keyStatus).toBe(403);
    const told = await me(b, user.session);
    expect([told.status, told.body.data]).toEqual([403, { error: 'account_suspended' }]);
    expect((await me(b, user.session)).status, 'the 403 ended the session').toBe(401);
    expect((await signIn(b, 'sus@example.com', PASSWORD)).body.data).toEqual({ error: 'account_suspended' });

    await cli({ DATABASE_URL: database.url, REDIS_URL }, 'accounts', 'unsuspend', '--email', 'sus@example.com');
    expect((await signIn(b, 'sus@example.com', PASSWORD)).status).toBe(200);
  });
});
