import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { isWellFormedApiKey, MAX_LIVE_KEYS } from '../src/accounts/index.js';
import { runCli } from '../src/cli.js';
import { describeFailure } from '../src/cli-errors.js';
import { startSimulator } from '../src/simulator/index.js';
import { spawnCli } from './ops/cli-process.js';

let env: Record<string, string>;

beforeEach(() => {
  env = { DATABASE_URL: join(mkdtempSync(join(tmpdir(), 'trendlens-cli-')), 'cli.db') };
});

async function cli(...argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await runCli(argv, env, { stdout, stderr });
  return { code, out, err, json: () => JSON.parse(out) as Record<string, any> };
}

/** A port something else already listens on, held until `release`. */
async function takenPort(): Promise<{ port: number; release(): void }> {
  const holder: Server = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const address = holder.address();
  return { port: typeof address === 'object' && address ? address.port : 0, release: () => holder.close() };
}

describe('trendlens CLI', () => {
  it('creates an account on the default plan with its monthly credits', async () => {
    const r = await cli('accounts', 'create', '--email', 'Ops@Example.com', '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ email: 'ops@example.com', plan: 'free', credits: 2000 });
  });

  it('creates a key shown once, well-formed', async () => {
    await cli('accounts', 'create', '--email', 'a@example.com', '--plan', 'pro');
    const r = await cli('keys', 'create', '--email', 'a@example.com', '--name', 'ci', '--json');
    expect(r.code).toBe(0);
    expect(isWellFormedApiKey(r.json().api_key)).toBe(true);
    expect(r.json().key).toMatchObject({ name: 'ci', status: 'active' });
  });

  it('refuses a key past the live-key limit with exit 1, creating nothing', async () => {
    await cli('accounts', 'create', '--email', 'a@example.com');
    for (let i = 0; i < MAX_LIVE_KEYS; i++) expect((await cli('keys', 'create', '--email', 'a@example.com', '--name', `k${i}`)).code).toBe(0);
    const r = await cli('keys', 'create', '--email', 'a@example.com', '--name', 'one-too-many', '--json');
    expect(r.code).toBe(1);
    expect(r.json()).toEqual({ error: { code: 'key_limit_reached', message: expect.stringContaining(`already holds ${MAX_LIVE_KEYS} live keys`) } });
    expect((await cli('keys', 'list', '--email', 'a@example.com', '--json')).json().keys).toHaveLength(MAX_LIVE_KEYS);
  });

  it('grants credits and changes plans', async () => {
    await cli('accounts', 'create', '--email', 'a@example.com');
    expect((await cli('credits', 'grant', '--email', 'a@example.com', '--amount', '500', '--json')).json()).toMatchObject({ credits_remaining: 2500 });
    expect((await cli('accounts', 'set-plan', '--email', 'a@example.com', '--plan', 'growth', '--json')).json()).toMatchObject({ plan: 'growth', credits_remaining: 100_500 });
    expect((await cli('accounts', 'suspend', '--email', 'a@example.com', '--json')).json()).toEqual({ email: 'a@example.com', status: 'suspended' });
  });

  it('lists the plans, reading an operator plans file', async () => {
    expect((await cli('plans', 'list', '--json')).json().plans.map((p: { id: string }) => p.id)).toEqual(['free', 'starter', 'growth', 'pro', 'business', 'enterprise']);
    const file = join(mkdtempSync(join(tmpdir(), 'trendlens-plans-')), 'plans.json');
    writeFileSync(file, JSON.stringify([{ id: 'solo', name: 'Solo', price_usd: 5, included_credits: 800, daily_credit_limit: null, rate_limit_per_minute: 10, overage_usd_per_1k: null, overage_default: false }]));
    env = { ...env, PLANS_FILE: file, DEFAULT_PLAN: 'solo' };
    const r = await cli('plans', 'list');
    expect(r.out).toContain('solo');
    expect(r.out).toContain('800 credits/mo');
  });

  it.each([
    ['a missing --email', ['accounts', 'create'], 2, 'missing --email'],
    ['an unknown plan', ['accounts', 'create', '--email', 'b@example.com', '--plan', 'gold'], 2, 'unknown plan "gold"'],
    ['an invalid email', ['accounts', 'create', '--email', 'nope'], 2, 'is not an email address'],
    ['an unknown account', ['keys', 'create', '--email', 'ghost@example.com'], 1, 'no account with email ghost@example.com'],
    ['a non-numeric amount', ['credits', 'grant', '--email', 'a@example.com', '--amount', '1.5'], 2, '--amount must be a positive whole number'],
    ['a port out of range', ['simulator', '--port', '99999'], 2, '--port must be a port number from 0 to 65535'],
    ['an unknown command', ['accounts', 'frobnicate'], 2, 'unknown command "accounts frobnicate"'],
    ['an unknown flag', ['plans', 'list', '--colour'], 2, "Unknown option '--colour'"],
  ])('exits non-zero with a clear message on %s', async (_, argv, code, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
  });

  describe('account fields by the Console’s rules (security audit findings 3 and 7)', () => {
    it.each([
      ['an address the Console refuses', ['accounts', 'create', '--email', 'x@y.z'], 'invalid_email', '"x@y.z" is not an email address'],
      ['an account name over 100 characters', ['accounts', 'create', '--email', 'b@example.com', '--name', 'n'.repeat(101)], 'usage_error', '--name must be at most 100 characters'],
      ['an account name with a control character', ['accounts', 'create', '--email', 'b@example.com', '--name', 'a\u001b[31mb'], 'usage_error', '--name must not contain control or text-direction characters'],
      ['an empty key name', ['keys', 'create', '--email', 'a@example.com', '--name', ''], 'usage_error', '--name must be 1–64 characters'],
      ['a blank key name', ['keys', 'create', '--email', 'a@example.com', '--name', '  '], 'usage_error', '--name must be 1–64 characters'],
      ['a key name of 65 characters', ['keys', 'create', '--email', 'a@example.com', '--name', 'n'.repeat(65)], 'usage_error', '--name must be 1–64 characters'],
      ['a key name with a line break', ['keys', 'create', '--email', 'a@example.com', '--name', 'a\nkey_FAKE'], 'usage_error', '--name must not contain control or text-direction characters'],
      ['a key name with a bidi override', ['keys', 'create', '--email', 'a@example.com', '--name', 'a\u202eb'], 'usage_error', '--name must not contain control or text-direction characters'],
    ])('refuses %s with exit 2, creating nothing', async (_, argv, code, message) => {
      await cli('accounts', 'create', '--email', 'a@example.com');
      const r = await cli(...argv, '--json');
      expect(r.code).toBe(2);
      expect(r.json()).toEqual({ error: { code, message } });
      expect((await cli('accounts', 'list', '--json')).json().accounts.map((a: { email: string }) => a.email)).toEqual(['a@example.com']);
      expect((await cli('keys', 'list', '--email', 'a@example.com', '--json')).json().keys).toEqual([]);
    });

    it('stores an account name trimmed, and a blank one as none', async () => {
      await cli('accounts', 'create', '--email', 'a@example.com', '--name', '  Ada Lovelace ');
      await cli('accounts', 'create', '--email', 'b@example.com', '--name', '   ');
      expect((await cli('accounts', 'show', '--email', 'a@example.com', '--json')).json().name).toBe('Ada Lovelace');
      expect((await cli('accounts', 'show', '--email', 'b@example.com', '--json')).json().name).toBeNull();
    });

    it('names a key created without --name as the Console does: "Default key", then "Key 2", …', async () => {
      await cli('accounts', 'create', '--email', 'a@example.com');
      expect((await cli('keys', 'create', '--email', 'a@example.com', '--json')).json().key.name).toBe('Default key');
      expect((await cli('keys', 'create', '--email', 'a@example.com', '--name', 'Key 2')).code).toBe(0);
      expect((await cli('keys', 'create', '--email', 'a@example.com')).out).toMatch(/^Created key "Key 3" for a@example.com\./);
    });
  });

  it('refuses a duplicate email', async () => {
    await cli('accounts', 'create', '--email', 'a@example.com');
    const r = await cli('accounts', 'create', '--email', 'A@example.com');
    expect(r.code).toBe(1);
    expect(r.err).toContain('already exists');
  });

  it('takes an unknown plan for set-plan as a usage error, changing nothing', async () => {
    await cli('accounts', 'create', '--email', 'a@example.com');
    const r = await cli('accounts', 'set-plan', '--email', 'a@example.com', '--plan', 'nope');
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown plan "nope"');
    expect((await cli('accounts', 'show', '--email', 'a@example.com', '--json')).json().plan).toBe('free');
  });

  it('names a bad environment variable', async () => {
    env = { ...env, PORT: 'eighty' };
    const r = await cli('plans', 'list');
    expect(r.code).toBe(2);
    expect(r.err).toContain('PORT');
  });
});

describe('trendlens --json on failure', () => {
  it('prints the refusal as one JSON object on stdout, exit 1', async () => {
    await cli('accounts', 'create', '--email', 'a@example.com');
    const r = await cli('accounts', 'create', '--email', 'a@example.com', '--json');
    expect(r.code).toBe(1);
    expect(r.json()).toEqual({ error: { code: 'email_taken', message: 'an account with email a@example.com already exists' } });
  });

  it.each([
    ['no command', ['--json'], {}, 'usage_error', 'no command given'],
    ['an unknown flag', ['plans', 'list', '--colour', '--json'], {}, 'usage_error', "Unknown option '--colour'"],
    ['a missing flag', ['keys', 'create', '--json'], {}, 'usage_error', 'missing --email'],
    ['an invalid email', ['accounts', 'create', '--email', 'nope', '--json'], {}, 'invalid_email', 'is not an email address'],
    ['an unknown plan', ['accounts', 'create', '--email', 'b@example.com', '--plan', 'gold', '--json'], {}, 'unknown_plan', 'unknown plan "gold"'],
    ['a bad environment variable', ['plans', 'list', '--json'], { DEFAULT_PLAN: 'gold' }, 'invalid_configuration', 'DEFAULT_PLAN'],
  ])('prints a usage error (%s) as one JSON object on stdout, exit 2', async (_, argv, extraEnv, code, message) => {
    env = { ...env, ...extraEnv };
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.json()).toEqual({ error: { code, message: expect.stringContaining(message) } });
  });
});

describe('trendlens serve', () => {
  it('says at start that its data comes from the simulator UPSTREAM_SIMULATOR_URL names, not from TikTok', async () => {
    const simulator = await startSimulator({ port: 0 });
    const server = spawnCli(['serve'], { ...env, PORT: '0', HOST: '127.0.0.1', UPSTREAM_SIMULATOR_URL: simulator.url, LOG_LEVEL: 'silent' });
    try {
      const line = await server.waitFor(/Trendlens is serving .*/);
      // The first address is where Trendlens listens, on a port of its own choosing.
      expect(line.replace(/http:\/\/127\.0\.0\.1:\d+/, 'URL')).toBe(`Trendlens is serving at URL, with data from the upstream simulator at ${simulator.url} (UPSTREAM_SIMULATOR_URL), not from TikTok`);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      server.child.kill('SIGKILL');
      await simulator.close();
    }
  }, 30_000);
});

describe('trendlens serve, demo and simulator on a port or host they cannot have', () => {
  it('names the port PORT chose and says to change PORT, exiting 1', async () => {
    const { port, release } = await takenPort();
    env = { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
    try {
      const r = await cli('serve');
      expect(r.code).toBe(1);
      expect(r.err).toBe(`trendlens: port ${port} is already in use; stop what holds it or choose another port with PORT\n`);
    } finally {
      release();
    }
  });

  it.each([['serve'], ['demo'], ['simulator']])('%s names the port --port chose and says to change --port, exiting 1', async (command) => {
    const { port, release } = await takenPort();
    env = { ...env, PORT: '1', HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
    try {
      const r = await cli(command, '--port', String(port), '--host', '127.0.0.1', '--json');
      expect(r.code).toBe(1);
      expect(r.err).toBe(`trendlens: port ${port} is already in use; stop what holds it or choose another port with --port\n`);
      expect(r.json()).toEqual({ error: { code: 'port_in_use', message: expect.stringContaining(`port ${port}`) } });
    } finally {
      release();
    }
  });

  it('says in one line that no interface has the --host address, exiting 1', async () => {
    // 192.0.2.0/24 is set aside for documentation: no machine's interface has it.
    const r = await cli('simulator', '--host', '192.0.2.1');
    expect(r.code).toBe(1);
    expect(r.err).toBe('trendlens: cannot listen on 192.0.2.1: no network interface of this machine has that address; choose another with --host\n');
  });

  it('says in one line that the HOST name resolves to nothing, exiting 1', async () => {
    // .invalid names never resolve (RFC 6761).
    env = { ...env, HOST: 'no-such-host.invalid', PORT: '0', LOG_LEVEL: 'silent' };
    const r = await cli('serve');
    expect(r.code).toBe(1);
    expect(r.err).toBe('trendlens: cannot listen on no-such-host.invalid: no such host name; choose another with HOST\n');
  });

  it.each(['serve', 'demo'])('%s reads --host as HOST is read, trimmed, and says in one line that the name resolves to nothing', async (command) => {
    env = { ...env, LOG_LEVEL: 'silent' };
    const r = await cli(command, '--host', ' no-such-host.invalid ', '--port', '0', '--json');
    expect(r.code).toBe(1);
    expect(r.err).toBe('trendlens: cannot listen on no-such-host.invalid: no such host name; choose another with --host\n');
    expect(r.json()).toEqual({ error: { code: 'host_not_available', message: expect.stringContaining('no-such-host.invalid') } });
  });

  it('names HOST when the name it holds, with spaces around it, resolves to nothing', async () => {
    env = { ...env, HOST: ' no-such-host.invalid ', PORT: '0', LOG_LEVEL: 'silent' };
    const r = await cli('demo');
    expect(r.code).toBe(1);
    expect(r.err).toBe('trendlens: cannot listen on no-such-host.invalid: no such host name; choose another with HOST\n');
  });

  it('refuses a blank --host as a usage error rather than listening where HOST or the default says', async () => {
    // Were the blank flag ignored, serve would try HOST:PORT, a port in use here, and exit 1 instead.
    const { port, release } = await takenPort();
    env = { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
    try {
      const r = await cli('serve', '--host', ' ', '--json');
      expect(r.code).toBe(2);
      expect(r.json()).toEqual({ error: { code: 'usage_error', message: '--host must be an address or host name, e.g. 127.0.0.1' } });
    } finally {
      release();
    }
  });

  it('says in one line that it cannot listen on a link-local address without its interface', async () => {
    // EINVAL where IPv6 is on; EADDRNOTAVAIL or EAFNOSUPPORT where it is off: one line each way.
    const r = await cli('simulator', '--host', 'fe80::1');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^trendlens: cannot listen on fe80::1: [^\n]+; choose another with --host\n$/);
  });

  it.each([
    ['ENOTFOUND', 'no such host name'],
    ['EAI_AGAIN', 'its name could not be looked up just now (EAI_AGAIN: is DNS reachable?)'],
  ])('words a host name lookup that fails with %s', (code, words) => {
    const error = Object.assign(new Error(`getaddrinfo ${code} trendlens.example`), { syscall: 'getaddrinfo', code, hostname: 'trendlens.example' });
    expect(describeFailure(error, { env: { HOST: 'trendlens.example' }, flagsOnly: false })).toEqual({
      code: 'host_not_available',
      message: `cannot listen on trendlens.example: ${words}; choose another with HOST`,
      exitCode: 1,
    });
  });

  it('says in words that PostgreSQL cannot be reached', async () => {
    env = { ...env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nothing' };
    const r = await cli('plans', 'list');
    expect(r.code).toBe(1);
    expect(r.err).toContain('cannot reach the PostgreSQL server');
  });
});
