import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sessions } from '../../src/accounts/index.js';
import { SIMULATED_SESSION_COOKIE, startSimulator, type SimulatorHandle } from '../../src/simulator/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { storeKinds } from '../support/databases.js';
import { captureCli as cli } from '../support/cli.js';


describe.each(storeKinds)('operator commands on %s', (kind) => {
  let t: TestApp;
  let env: Record<string, string>;
  let sim: SimulatorHandle;
  let apiKey: string;
  let day: string;

  beforeAll(async () => {
    t = await startTestApp({ kind });
    sim = await startSimulator({ port: 0 });
    env = { DATABASE_URL: t.services.config.DATABASE_URL, UPSTREAM_SIMULATOR_URL: sim.url, UPSTREAM_COOKIES: SIMULATED_SESSION_COOKIE };
    expect((await cli(env, 'accounts', 'create', '--email', 'ops@example.com', '--plan', 'pro', '--json')).code).toBe(0);
    apiKey = (await cli(env, 'keys', 'create', '--email', 'ops@example.com', '--name', 'ci', '--json')).json().api_key;
    for (const url of ['/api/v1/tiktok/popular-trend/hashtag?country_code=US', '/api/v1/tiktok/popular-trend/hashtag?country_code=US', '/api/v1/tiktok/top-ads/filters', '/api/v1/tiktok/popular-trend/hashtag?limit=x']) {
      await t.app.inject({ method: 'GET', url, headers: { 'x-api-key': apiKey } });
    }
    await t.services.usage.flush();
    day = new Date(t.clock.now()).toISOString().slice(0, 10);
  });

  afterAll(async () => {
    await sim?.close();
    await t?.close();
  });

  it('accounts list and show, as JSON and as text', async () => {
    const list = await cli(env, 'accounts', 'list', '--json');
    expect(list.json().accounts).toEqual([expect.objectContaining({ email: 'ops@example.com', plan: 'pro', status: 'active' })]);
    expect((await cli(env, 'accounts', 'list')).out).toContain('ops@example.com');
    const show = (await cli(env, 'accounts', 'show', '--email', 'ops@example.com', '--json')).json();
    expect(show).toMatchObject({ email: 'ops@example.com', plan: 'pro', sessions: 0, pending_plan_request: null });
    expect(show.credits_remaining).toBe(400_000 - 3 * 8);
    expect(show.keys).toEqual([expect.objectContaining({ name: 'ci', status: 'active' })]);
    expect((await cli(env, 'accounts', 'list', '--status', 'gone')).code).toBe(2);
  });

  it('keys list and keys revoke, refused at once', async () => {
    const keys = (await cli(env, 'keys', 'list', '--email', 'ops@example.com', '--json')).json().keys;
    expect(keys).toHaveLength(1);
    const extra = (await cli(env, 'keys', 'create', '--email', 'ops@example.com', '--name', 'spare', '--json')).json();
    const revoked = await cli(env, 'keys', 'revoke', '--id', extra.key.id, '--json');
    expect(revoked.json().key).toMatchObject({ id: extra.key.id, status: 'revoked' });
    expect((await t.services.keys.identify(extra.api_key)).ok).toBe(false);
    expect((await cli(env, 'keys', 'revoke', '--id', 'key_nope')).err).toContain('no key with id key_nope');
  });

  it('sessions revoke ends every session of the account', async () => {
    const account = await t.services.accounts.requireByEmail('ops@example.com');
    const sessions = new Sessions(t.services.store.db, t.clock);
    await sessions.create(account.id);
    await sessions.create(account.id);
    expect((await cli(env, 'sessions', 'revoke', '--email', 'ops@example.com', '--json')).json()).toEqual({ email: 'ops@example.com', sessions_ended: 2 });
  });

  it('usage export per account, key and operation with credits and overage, as CSV and JSON', async () => {
    const json = (await cli(env, 'usage', 'export', '--from', day, '--to', day, '--format', 'json')).json();
    const rows = json.rows as Array<Record<string, unknown>>;
    expect(rows).toContainEqual(expect.objectContaining({ email: 'ops@example.com', operation_id: 'tiktok-popular-trend-hashtag', requests: 3, successes: 2, errors: 1, credits: 16, overage_credits: 0 }));
    expect(rows).toContainEqual(expect.objectContaining({ operation_id: 'tiktok-top-ads-filters', requests: 1 }));
    const csv = await cli(env, 'usage', 'export', '--from', day, '--to', day);
    const [header, ...lines] = csv.out.trim().split('\n');
    expect(header).toBe('account_id,email,key_id,operation_id,requests,successes,errors,credits,overage_credits');
    expect(lines.some((l) => l.includes(',ops@example.com,') && l.includes(',tiktok-popular-trend-hashtag,3,2,1,16,0'))).toBe(true);
    expect((await cli(env, 'usage', 'export', '--from', '2026-02-30', '--to', day)).err).toContain('--from must be a UTC day');
    expect((await cli(env, 'usage', 'export', '--from', day, '--to', day, '--format', 'xml')).code).toBe(2);
  });

  it('invites create prints codes once; plans requests, approve and reject', async () => {
    const invites = (await cli(env, 'invites', 'create', '--count', '3', '--days', '2', '--json')).json();
    expect(invites.codes).toHaveLength(3);
    expect(new Set(invites.codes).size).toBe(3);
    const account = await t.services.accounts.requireByEmail('ops@example.com');
    const { PlanRequests } = await import('../../src/accounts/index.js');
    const requests = new PlanRequests(t.services.store.db, t.clock);
    const first = await requests.open(account.id, 'business');
    expect((await cli(env, 'plans', 'requests', '--json')).json().requests).toEqual([expect.objectContaining({ id: first.id, email: 'ops@example.com', current_plan: 'pro', plan: 'business' })]);
    expect((await cli(env, 'plans', 'reject', '--id', first.id, '--json')).json()).toMatchObject({ status: 'rejected', plan: 'pro' });
    const second = await requests.open(account.id, 'business');
    expect((await cli(env, 'plans', 'approve', '--id', second.id, '--json')).json()).toMatchObject({ status: 'approved', plan: 'business' });
    expect((await t.services.accounts.requireByEmail('ops@example.com')).plan_id).toBe('business');
    expect((await cli(env, 'plans', 'approve', '--id', second.id)).err).toContain('no pending plan request');
  });

  it('doctor reports configuration, database, migrations, Redis and the upstream', async () => {
    const report = (await cli(env, 'doctor', '--json')).json();
    expect(Object.keys(report.checks)).toEqual(['configuration', 'database', 'migrations', 'redis', 'plans', 'upstream']);
    for (const name of ['configuration', 'database', 'migrations', 'redis', 'plans']) expect(report.checks[name].ok).toBe(true);
    // The upstream line is `trendlens upstream check` summed up, against the simulator here.
    expect(report.checks.upstream.detail).toMatch(/^(\d+) of \d+ operations have a working source/);
    expect(Number(report.checks.upstream.detail.split(' ')[0])).toBeGreaterThan(10);
    const broken = await cli({ ...env, UPSTREAM_SIMULATOR_URL: 'http://127.0.0.1:1' }, 'doctor');
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/FAIL\s+upstream\s+0 of \d+ operations have a working source/);
    const misconfigured = await cli({ ...env, DEFAULT_PLAN: 'gold' }, 'doctor', '--json');
    expect(misconfigured.json().checks.configuration).toEqual({ ok: false, detail: expect.stringContaining('DEFAULT_PLAN') });
  });

  it('operators add, list and remove mark the account; the Console reads it at once', async () => {
    expect((await cli(env, 'operators', 'list', '--json')).json()).toEqual({ operators: [] });
    expect((await cli(env, 'operators', 'add', 'OPS@example.com')).out).toBe('ops@example.com is now an operator.\n');
    const account = await t.services.accounts.requireByEmail('ops@example.com');
    expect(account.is_operator).toBe(1);
    expect((await cli(env, 'operators', 'list', '--json')).json().operators).toEqual([{ id: account.id, email: 'ops@example.com', status: 'active', configured: false }]);
    expect((await cli({ ...env, OPERATOR_EMAILS: 'ops@example.com' }, 'operators', 'list')).out).toContain('ops@example.com');
    // Still named by the setting: removing says the next start marks it again.
    const removed = await cli({ ...env, OPERATOR_EMAILS: 'ops@example.com' }, 'operators', 'remove', 'ops@example.com', '--json');
    expect(removed.json()).toEqual({ email: 'ops@example.com', operator: false, configured: true, verified: true });
    expect((await cli({ ...env, OPERATOR_EMAILS: 'ops@example.com' }, 'operators', 'remove', 'ops@example.com')).out).toContain('OPERATOR_EMAILS still names it');
    expect((await t.services.accounts.requireByEmail('ops@example.com')).is_operator).toBe(0);
    // Marked, but the operator pages wait for a verified address, and the command says so.
    await t.services.accounts.create({ email: 'unverified@example.com', emailVerified: false });
    expect((await cli(env, 'operators', 'add', 'unverified@example.com')).out).toBe(
      'unverified@example.com is now an operator. Its address is not verified yet, and the operator pages open only once it is (trendlens accounts verify-link --email unverified@example.com).\n',
    );
    expect(await cli(env, 'operators', 'add', 'nobody@example.com')).toMatchObject({ code: 1, err: 'trendlens: no account with email nobody@example.com\n' });
    expect(await cli(env, 'operators', 'add')).toMatchObject({ code: 2, err: expect.stringContaining('operators add needs an account\'s e-mail') });
    expect(await cli({ ...env, OPERATOR_EMAILS: 'not-an-address' }, 'operators', 'list')).toMatchObject({ code: 2, err: expect.stringContaining('OPERATOR_EMAILS: must be e-mail addresses') });
  });

  it('accounts delete erases the account, keeping its ledger', async () => {
    await cli(env, 'accounts', 'create', '--email', 'leaving@example.com');
    const deleted = (await cli(env, 'accounts', 'delete', '--email', 'leaving@example.com', '--json')).json();
    expect(deleted.status).toBe('deleted');
    expect((await cli(env, 'accounts', 'show', '--email', 'leaving@example.com')).code).toBe(1);
    expect((await cli(env, 'accounts', 'list', '--status', 'deleted', '--json')).json().accounts).toEqual([expect.objectContaining({ id: deleted.id, email: null })]);
  });

  it('prints names stored before control characters were refused escaped, never raw (security audit finding 3)', async () => {
    const account = await t.services.accounts.create({ email: 'old-names@example.com' });
    // As a key renamed through the Console before the fix could be: a colour, a forged row, a bidi override.
    await t.services.keys.create(account.id, 'evil\u001b[31mRED\u001b[0m\nkey_FAKE  tl_live_fake  injected  active\u202e');
    const escaped = 'evil\\u001b[31mRED\\u001b[0m\\u000akey_FAKE  tl_live_fake  injected  active\\u202e';
    for (const argv of [['keys', 'list'], ['accounts', 'show']]) {
      const { out } = await cli(env, ...argv, '--email', 'old-names@example.com');
      expect(out).toContain(escaped);
      expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
    expect((await cli(env, 'keys', 'list', '--email', 'old-names@example.com')).out.trim().split('\n')).toHaveLength(1);
    // JSON carries the name as stored, for a script to handle.
    expect((await cli(env, 'keys', 'list', '--email', 'old-names@example.com', '--json')).json().keys[0].name).toContain('\u001b[31m');
  });
});
