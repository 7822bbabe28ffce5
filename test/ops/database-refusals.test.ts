import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLANS } from '../../src/billing/index.js';
import { POSTGRES_URL, postgresAvailable } from '../support/services.js';
import { captureCli as cli } from '../support/cli.js';

// A database the server cannot serve as it stands stops it in one line naming DATABASE_URL (or
// PLANS_FILE), exit 1 (2 for configuration), before it listens; `doctor` says the same.


function sqliteEnv(): Record<string, string> {
  return { DATABASE_URL: join(mkdtempSync(join(tmpdir(), 'trendlens-refusals-')), 'refusals.db'), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
}

const serveLine = (err: string) => {
  expect(err.trim().split('\n')).toHaveLength(1);
  return err.trim();
};

describe('a PostgreSQL DATABASE_URL the server cannot use', () => {
  it('names DATABASE_URL and the unknown host', async () => {
    const r = await cli({ DATABASE_URL: 'postgres://nobody@no-such-host.invalid/trendlens' }, 'plans', 'list', '--json');
    expect(r.code).toBe(1);
    expect(r.json()).toEqual({ error: { code: 'database_unreachable', message: 'cannot reach the PostgreSQL server named by DATABASE_URL: no host "no-such-host.invalid" is known; correct the host name' } });
  });

  it.skipIf(!postgresAvailable)('names DATABASE_URL and the database that does not exist', async () => {
    const url = new URL(POSTGRES_URL);
    const name = `tl_missing_${ulid().toLowerCase()}`;
    url.pathname = `/${name}`;
    const r = await cli({ ...sqliteEnv(), DATABASE_URL: url.toString() }, 'serve');
    expect(r.code).toBe(1);
    expect(serveLine(r.err)).toBe(`trendlens: database "${name}" named by DATABASE_URL does not exist on ${url.host}; create it (createdb ${name}) or correct the name`);
  });
});

describe('plans that accounts are on, missing from PLANS_FILE', () => {
  it('stops serve naming PLANS_FILE and the plans in use, and doctor reports them', async () => {
    const env = sqliteEnv();
    expect((await cli(env, 'accounts', 'create', '--email', 's@example.com', '--plan', 'starter')).code).toBe(0);
    expect((await cli(env, 'accounts', 'create', '--email', 'g@example.com', '--plan', 'growth')).code).toBe(0);
    const plansFile = join(mkdtempSync(join(tmpdir(), 'trendlens-plans-')), 'free-only.json');
    writeFileSync(plansFile, JSON.stringify(DEFAULT_PLANS.filter((p) => p.id === 'free')));

    const serve = await cli({ ...env, PLANS_FILE: plansFile }, 'serve');
    expect(serve.code).toBe(2);
    expect(serveLine(serve.err)).toBe(
      `trendlens: invalid configuration: PLANS_FILE: ${plansFile} lacks plans that accounts are on: "growth" (1 account), "starter" (1 account); add them back (to retire a plan, move its accounts with \`trendlens accounts set-plan\` first)`,
    );

    const doctor = await cli({ ...env, PLANS_FILE: plansFile, UPSTREAM_SIMULATOR_URL: 'http://127.0.0.1:1' }, 'doctor', '--json');
    expect(doctor.code).toBe(1);
    expect(doctor.json().checks.plans).toEqual({ ok: false, detail: expect.stringContaining('lacks plans that accounts are on: "growth" (1 account), "starter" (1 account)') });
  });
});

describe('a database migrated by a newer Trendlens', () => {
  it('stops serve and fails doctor, naming the migration this release does not know', async () => {
    const env = sqliteEnv();
    expect((await cli(env, 'plans', 'list')).code).toBe(0);
    const db = new SQLite(env.DATABASE_URL as string);
    db.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('9999_future', new Date().toISOString());
    db.close();
    const said =
      'the database named by DATABASE_URL was migrated by a newer Trendlens (migration this release does not know: 9999_future); run that release or a later one, or restore a backup taken before the upgrade';

    const serve = await cli(env, 'serve');
    expect(serve.code).toBe(1);
    expect(serveLine(serve.err)).toBe(`trendlens: ${said}`);

    const doctor = await cli({ ...env, UPSTREAM_SIMULATOR_URL: 'http://127.0.0.1:1' }, 'doctor', '--json');
    expect(doctor.code).toBe(1);
    expect(doctor.json().checks.migrations).toEqual({ ok: false, detail: said });
  });
});
