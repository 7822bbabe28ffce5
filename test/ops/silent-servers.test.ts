import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureCli as cli } from '../support/cli.js';
import { spawnCli } from './cli-process.js';
import { SilentServer } from './silent-server.js';

// A server that accepts the connection and never answers (a hung host, a port another program holds)
// must stop a start in bounded time, in one line naming the variable, exit 1, with nothing left open:
// a process that never listens and never exits is not restarted by its supervisor.

let silent: SilentServer;
let env: Record<string, string>;

beforeEach(async () => {
  silent = await new SilentServer().start();
  env = { DATABASE_URL: join(mkdtempSync(join(tmpdir(), 'trendlens-silent-')), 'silent.db'), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
});

afterEach(async () => {
  await silent.stop();
});

const pgSaid = (port: number, seconds: number) =>
  `the PostgreSQL server named by DATABASE_URL (127.0.0.1:${port}) did not answer within ${seconds} s; is it running, and is that its address? (connect_timeout in DATABASE_URL sets the wait, in seconds)`;
const redisSaid = (port: number, seconds: number) =>
  `the Redis server named by REDIS_URL (127.0.0.1:${port}) did not answer within ${seconds} s; is it running, and is that its address? (connect_timeout in REDIS_URL sets the wait, in seconds)`;

describe('a PostgreSQL DATABASE_URL whose server never answers', () => {
  it('stops a command once connect_timeout has passed, in one line naming DATABASE_URL, and closes its connection', async () => {
    const r = await cli({ ...env, DATABASE_URL: `postgres://trendlens@127.0.0.1:${silent.port}/trendlens?connect_timeout=1` }, 'plans', 'list', '--json');
    expect(r.code).toBe(1);
    expect(r.json()).toEqual({ error: { code: 'database_unreachable', message: pgSaid(silent.port, 1) } });
    expect(r.err).toBe(`trendlens: ${pgSaid(silent.port, 1)}\n`);
    await silent.drained();
  }, 15_000);

  it('stops serve after the default 10 s without connect_timeout, and the process exits', async () => {
    const serve = spawnCli(['serve'], { ...env, DATABASE_URL: `postgres://trendlens@127.0.0.1:${silent.port}/trendlens` });
    try {
      expect(await serve.exited).toBe(1);
      expect(serve.stderr()).toBe(`trendlens: ${pgSaid(silent.port, 10)}\n`);
    } finally {
      if (serve.child.exitCode === null) serve.child.kill('SIGTERM');
    }
  }, 60_000);
});

describe('a REDIS_URL whose server never answers', () => {
  it('stops an operator command once connect_timeout has passed, in one line naming REDIS_URL, and closes its connection', async () => {
    const r = await cli({ ...env, REDIS_URL: `redis://127.0.0.1:${silent.port}?connect_timeout=1` }, 'keys', 'revoke', '--id', 'key_01', '--json');
    expect(r.code).toBe(1);
    expect(r.json()).toEqual({ error: { code: 'redis_unreachable', message: redisSaid(silent.port, 1) } });
    expect(r.err).toBe(`trendlens: ${redisSaid(silent.port, 1)}\n`);
    await silent.drained();
  }, 15_000);

  it('stops serve the same way, and the process exits', async () => {
    const serve = spawnCli(['serve'], { ...env, REDIS_URL: `redis://127.0.0.1:${silent.port}/0?connect_timeout=1` });
    try {
      expect(await serve.exited).toBe(1);
      expect(serve.stderr()).toBe(`trendlens: ${redisSaid(silent.port, 1)}\n`);
    } finally {
      if (serve.child.exitCode === null) serve.child.kill('SIGTERM');
    }
  }, 60_000);

  it('fails doctor\'s Redis check in those words once connect_timeout has passed, and the report still comes', async () => {
    const r = await cli({ ...env, REDIS_URL: `redis://127.0.0.1:${silent.port}?connect_timeout=1`, UPSTREAM_SIMULATOR_URL: 'http://127.0.0.1:1' }, 'doctor', '--json');
    expect(r.code).toBe(1);
    expect(r.json().checks.redis).toEqual({ ok: false, detail: redisSaid(silent.port, 1) });
    expect(r.json().checks.database.ok).toBe(true);
    await silent.drained();
  }, 15_000);
});
