import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnCli, type CliProcess } from './cli-process.js';

// Only a real process shows what these tests are about: whether it exits once its start has failed
// (an open socket or database keeps it alive), and what reaches its real stdout.

let holder: Server;
let takenPort: number;
let env: Record<string, string>;
let spawned: CliProcess[];

/** Starts `trendlens`, stopped after the test if it is still running (as it would be if it hung). */
function start(args: string[], extraEnv: Record<string, string>): CliProcess {
  const p = spawnCli(args, { ...env, ...extraEnv });
  spawned.push(p);
  return p;
}

beforeEach(async () => {
  holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const address = holder.address();
  takenPort = typeof address === 'object' && address ? address.port : 0;
  spawned = [];
  env = { DATABASE_URL: join(mkdtempSync(join(tmpdir(), 'trendlens-startup-')), 'startup.db'), HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
});

afterEach(() => {
  holder.close();
  // SIGTERM, not SIGKILL: tsx passes it on to the node process that runs the CLI.
  for (const p of spawned) if (p.child.exitCode === null) p.child.kill('SIGTERM');
});

describe('a start that fails exits 1 and releases what it opened', () => {
  it('demo on a port in use closes its in-process simulator and exits with one JSON error', async () => {
    const demo = start(['demo', '--port', String(takenPort), '--json'], {});
    expect(await demo.exited).toBe(1);
    expect(JSON.parse(demo.stdout())).toEqual({ error: { code: 'port_in_use', message: expect.stringContaining(`port ${takenPort} is already in use`) } });
  }, 60_000);

  it('serve whose METRICS_PORT is in use closes the app already listening, naming METRICS_PORT', async () => {
    const serve = start(['serve'], { PORT: '0', METRICS_PORT: String(takenPort) });
    expect(await serve.exited).toBe(1);
    expect(serve.stderr()).toBe(`trendlens: port ${takenPort} is already in use; stop what holds it or choose another port with METRICS_PORT\n`);
  }, 60_000);
});

/** A port nothing listens on: one taken from the OS and given back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('a REDIS_URL out of reach', () => {
  it('stops serve in one line naming REDIS_URL, exit 1, instead of retrying for ever', async () => {
    const port = await closedPort();
    const serve = start(['serve'], { PORT: '0', REDIS_URL: `redis://127.0.0.1:${port}` });
    expect(await serve.exited).toBe(1);
    expect(serve.stderr()).toBe(`trendlens: cannot reach the Redis server named by REDIS_URL (connect ECONNREFUSED 127.0.0.1:${port}); is it running and accepting connections?\n`);
  }, 60_000);

  it('stops an operator command the same way, without an unhandled error event', async () => {
    const port = await closedPort();
    const revoke = start(['keys', 'revoke', '--id', 'key_01', '--json'], { REDIS_URL: `redis://127.0.0.1:${port}` });
    expect(await revoke.exited).toBe(1);
    expect(JSON.parse(revoke.stdout())).toEqual({ error: { code: 'redis_unreachable', message: expect.stringContaining('REDIS_URL') } });
    expect(revoke.stderr().trim().split('\n')).toHaveLength(1);
  }, 60_000);
});

describe('one serving process per SQLite file', () => {
  it('a second serve refuses naming DATABASE_URL; CLI commands beside the first work; kill -9 leaves no stale lock', async () => {
    const first = start(['serve'], { PORT: '0', LOG_LEVEL: 'info', UPSTREAM_SIMULATOR_URL: 'http://127.0.0.1:1' });
    // tsx runs the CLI in a node process of its own: its pid is the one the log states.
    const pid = Number((await first.waitFor(/"pid":\d+/)).slice('"pid":'.length));
    await first.waitFor(/Server listening at/);

    const second = start(['serve'], { PORT: '0' });
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toBe(
      `trendlens: another Trendlens process serves ${env.DATABASE_URL} (DATABASE_URL); stop it first, or give this server its own database (several instances share PostgreSQL and Redis)\n`,
    );
    const create = start(['accounts', 'create', '--email', 'beside@example.com', '--json'], {});
    expect(await create.exited).toBe(0);

    process.kill(pid, 'SIGKILL');
    await first.exited;
    const third = start(['serve', '--json'], { PORT: '0' });
    await third.waitFor(/"url":"http:\/\/127\.0\.0\.1:\d+"/);
  }, 90_000);
});

describe('serve --json', () => {
  it('prints only its one JSON object on stdout and its log lines on stderr', async () => {
    // The upstream is never called: nothing here leaves the machine.
    const server = start(['serve', '--json'], { PORT: '0', LOG_LEVEL: 'info', UPSTREAM_SIMULATOR_URL: 'http://127.0.0.1:1' });
    await server.waitFor(/"url":"http:\/\/127\.0\.0\.1:\d+"/);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const lines = server.stdout().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    expect(server.stderr()).toContain('Server listening at');
    // Which store and whether Redis: a fleet instance with a typo in its settings shows it here.
    expect(server.stderr()).toContain(`"msg":"storing in SQLite file ${env.DATABASE_URL}; no REDIS_URL, so limits are kept in this process"`);
    expect(server.stderr()).toContain('"msg":"stopped"');
  }, 60_000);
});
