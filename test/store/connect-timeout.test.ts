import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectTimeoutMs, DEFAULT_CONNECT_TIMEOUT_S, openStore } from '../../src/store/connect.js';
import { UnusableSettingError } from '../../src/unusable-setting.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { postgresAvailable } from '../support/services.js';
import { SilentServer } from '../ops/silent-server.js';

describe('connect_timeout in a server URL', () => {
  it('is 10 s unless the URL says otherwise', () => {
    expect(DEFAULT_CONNECT_TIMEOUT_S).toBe(10);
    expect(connectTimeoutMs('postgres://trendlens@db.internal:5432/trendlens')).toBe(10_000);
    expect(connectTimeoutMs('redis://cache.internal:6379/0')).toBe(10_000);
  });

  it('is read in whole seconds, as libpq reads it, 0 waiting for ever', () => {
    expect(connectTimeoutMs('postgres://trendlens@db.internal/trendlens?sslmode=disable&connect_timeout=3')).toBe(3_000);
    expect(connectTimeoutMs('redis://cache.internal:6379?connect_timeout=0')).toBe(0);
  });

  it.each(['', 'abc', '-1', '1.5', '3601', '1e3'])('refuses %j', (value) => {
    expect(() => connectTimeoutMs(`postgres://trendlens@db.internal/trendlens?connect_timeout=${value}`)).toThrow(/^connect_timeout must be a whole number of seconds/);
  });
});

describe('openStore on a PostgreSQL server that never answers', () => {
  let silent: SilentServer;
  beforeEach(async () => {
    silent = await new SilentServer().start();
  });
  afterEach(async () => {
    await silent.stop();
  });

  it('gives up after connect_timeout with an UnusableSettingError naming DATABASE_URL, and closes the connection', async () => {
    const started = Date.now();
    const error = await openStore(`postgres://trendlens@127.0.0.1:${silent.port}/trendlens?connect_timeout=1`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnusableSettingError);
    expect(error).toMatchObject({ variable: 'DATABASE_URL', code: 'database_unreachable' });
    expect(Date.now() - started).toBeLessThan(5_000);
    await silent.drained();
  }, 15_000);
});

describe.skipIf(!postgresAvailable)('the PostgreSQL pool under connect_timeout', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await freshDatabase('postgres');
  });
  afterEach(async () => {
    await database.drop();
  });

  it('bounds connecting only: a query waiting longer than it for the busy pool still runs', async () => {
    const url = new URL(database.url);
    url.searchParams.set('connect_timeout', '1');
    const store = await openStore(url.toString(), { poolSize: 1 });
    try {
      const held = await store.pool!.connect();
      const waiting = store.pool!.query<{ answer: number }>('select 42 as answer');
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      held.release();
      expect((await waiting).rows).toEqual([{ answer: 42 }]);
    } finally {
      await store.close();
    }
  }, 15_000);
});
