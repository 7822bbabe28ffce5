import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLANS } from '../../src/billing/index.js';
import { runCli } from '../../src/cli.js';
import { loadConfig } from '../../src/config.js';
import { runCliProcess } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'trendlens-config-'));
const base = { DATABASE_URL: join(dir, 'config.db') };
const notJson = join(dir, 'not-json.json');
writeFileSync(notJson, '[{"id": "solo",');
const badPlan = join(dir, 'bad-plan.json');
writeFileSync(badPlan, JSON.stringify([{ id: 'Solo Plan', name: 'Solo' }]));
const twicePlan = join(dir, 'twice-plan.json');
writeFileSync(twicePlan, JSON.stringify([...DEFAULT_PLANS, { ...DEFAULT_PLANS[0], name: 'Free again' }]));

function expectOneLineNaming(code: number | null, stderr: string, variable: string): void {
  expect(code).toBe(2);
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^trendlens: invalid configuration: ${variable}: `));
  expect(stderr).not.toMatch(/\n\s+at /);
}

// Each real process costs seconds of CPU on a shared machine: one per kind of failure, and the rest
// of the variables through the same runCli in-process.
describe('configuration errors through the real CLI process', () => {
  it.each([
    ['a plans file that is not JSON', { PLANS_FILE: notJson }, 'PLANS_FILE'],
    ['an unknown default plan', { DEFAULT_PLAN: 'gold' }, 'DEFAULT_PLAN'],
    ['a PUBLIC_URL that is not a URL', { PUBLIC_URL: 'trendlens.example' }, 'PUBLIC_URL'],
  ])('%s is one line naming the variable, exit 2, no stack trace', async (_, env, variable) => {
    const r = await runCliProcess(['plans', 'list'], { ...base, ...env });
    expectOneLineNaming(r.code, r.stderr, variable);
  });

  it('serve stops on a bad default plan before listening, in one line', async () => {
    const r = await runCliProcess(['serve'], { ...base, PORT: '0', HOST: '127.0.0.1', DEFAULT_PLAN: 'gold', LOG_LEVEL: 'silent' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('trendlens: invalid configuration: DEFAULT_PLAN: "gold" is not a configured plan (plans: free, starter, growth, pro, business, enterprise)');
  });
});

describe('configuration errors through runCli', () => {
  it.each([
    ['a plans file with a bad plan', { PLANS_FILE: badPlan }, 'PLANS_FILE'],
    ['a plans file that does not exist', { PLANS_FILE: join(dir, 'missing.json') }, 'PLANS_FILE'],
    ['a REDIS_URL of another scheme', { REDIS_URL: 'http://127.0.0.1:6379' }, 'REDIS_URL'],
    ['an SMTP_URL of another scheme', { SMTP_URL: 'http://mail.example' }, 'SMTP_URL'],
    ['a METRICS_PORT out of range', { METRICS_PORT: '70000' }, 'METRICS_PORT'],
    ['a short METRICS_TOKEN', { METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'],
    ['an unknown SIGNUP_MODE', { SIGNUP_MODE: 'sometimes' }, 'SIGNUP_MODE'],
    ['a plans file with one plan id twice', { PLANS_FILE: twicePlan }, 'PLANS_FILE'],
    ['a DATABASE_URL of a mistyped scheme', { DATABASE_URL: 'postgre://postgres@127.0.0.1:5432/trendlens' }, 'DATABASE_URL'],
    ['a DATABASE_URL of another scheme', { DATABASE_URL: 'mysql://root@127.0.0.1/trendlens' }, 'DATABASE_URL'],
    ['a TRUST_PROXY in capitals', { TRUST_PROXY: 'TRUE' }, 'TRUST_PROXY'],
    ['a TRUST_PROXY of yes', { TRUST_PROXY: 'yes' }, 'TRUST_PROXY'],
    ['a TRUST_PROXY that is no address', { TRUST_PROXY: '10.0.0.1,proxy.internal' }, 'TRUST_PROXY'],
    ['a TRUST_PROXY of a CIDR out of range', { TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
    ['a blank HOST', { HOST: ' ' }, 'HOST'],
    ['a PUBLIC_URL without its scheme', { PUBLIC_URL: 'localhost:8080' }, 'PUBLIC_URL'],
    ['a PLAN_WEBHOOK_URL without PLAN_WEBHOOK_SECRET', { PLAN_WEBHOOK_URL: 'https://billing.example/hook' }, 'PLAN_WEBHOOK_SECRET'],
    ['an SMTP_URL without PUBLIC_URL', { SMTP_URL: 'smtp://127.0.0.1:2525' }, 'PUBLIC_URL'],
    ['a TRUST_PROXY of true', { TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    ['a PostgreSQL DATABASE_URL with a port out of range', { DATABASE_URL: 'postgres://postgres@127.0.0.1:99999/trendlens' }, 'DATABASE_URL'],
    ['a PostgreSQL DATABASE_URL that does not parse', { DATABASE_URL: 'postgres://postgres@[127.0.0.1/trendlens' }, 'DATABASE_URL'],
    ['a DATABASE_URL connect_timeout that is no number of seconds', { DATABASE_URL: 'postgres://postgres@127.0.0.1/trendlens?connect_timeout=5s' }, 'DATABASE_URL'],
    ['a REDIS_URL with a port out of range', { REDIS_URL: 'redis://127.0.0.1:99999' }, 'REDIS_URL'],
    ['a REDIS_URL connect_timeout below zero', { REDIS_URL: 'redis://127.0.0.1:6379?connect_timeout=-1' }, 'REDIS_URL'],
    ['a PLANS_FILE that is a directory', { PLANS_FILE: dir }, 'PLANS_FILE'],
  ])('%s is one line naming the variable', async (_, env, variable) => {
    let err = '';
    const sink = { write: (c: string) => ((err += c), true) } as unknown as NodeJS.WritableStream;
    const code = await runCli(['plans', 'list'], { ...base, ...env }, { stdout: sink, stderr: sink });
    expectOneLineNaming(code, err, variable);
  });
});

describe('the words of a refused setting', () => {
  it.each([
    ['PORT that is no number', { PORT: 'eighty' }, 'PORT: must be a port number from 0 to 65535 (0 for any free port)'],
    ['PORT out of range', { PORT: '65536' }, 'PORT: must be a port number from 0 to 65535 (0 for any free port)'],
    ['PLANS_FILE that is a directory', { PLANS_FILE: dir }, `PLANS_FILE: ${dir}: a directory, not a JSON file`],
    [
      'SMTP_URL without PUBLIC_URL, which e-mailed links point at',
      { SMTP_URL: 'smtp://127.0.0.1:2525' },
      'PUBLIC_URL: must be set when SMTP_URL is: the links in e-mails point at it (e.g. https://trendlens.example.com)',
    ],
    [
      'DATABASE_URL that does not parse, without repeating it (it may hold a password)',
      { DATABASE_URL: 'postgres://admin:s3cret@db.internal:99999/trendlens' },
      'DATABASE_URL: must be a URL such as postgres://user:password@host:5432/database (a port from 1 to 65535; special characters in the password %-encoded)',
    ],
    [
      'DATABASE_URL connect_timeout',
      { DATABASE_URL: 'postgres://postgres@127.0.0.1/trendlens?connect_timeout=1.5' },
      'DATABASE_URL: connect_timeout must be a whole number of seconds from 0 to 3600 (0 waits for ever), got "1.5"',
    ],
  ])('%s', async (_, env, said) => {
    let err = '';
    const sink = { write: (c: string) => ((err += c), true) } as unknown as NodeJS.WritableStream;
    expect(await runCli(['plans', 'list'], { ...base, ...env }, { stdout: sink, stderr: sink })).toBe(2);
    expect(err).toBe(`trendlens: invalid configuration: ${said}\n`);
  });

  it('takes connect_timeout only from a PostgreSQL DATABASE_URL: an SQLite path is a file name', () => {
    expect(loadConfig({ DATABASE_URL: join(dir, 'odd?connect_timeout=x.db') }).DATABASE_URL).toBe(join(dir, 'odd?connect_timeout=x.db'));
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    ['0', false],
    ['false', false],
    ['10.0.0.0/8, 192.168.1.2,fd00::/8,loopback', ['10.0.0.0/8', '192.168.1.2', 'fd00::/8', 'loopback']],
  ])('reads %j as %j', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  it.each(['true', '1'])('refuses %j, which would trust every hop (the client writes the first), naming what to set instead', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(
      `invalid configuration: TRUST_PROXY: ${value} would trust every hop, and the client writes the first: name your proxies' addresses/CIDRs instead, e.g. loopback for a proxy on this machine, or 10.0.0.0/8`,
    );
  });
});
