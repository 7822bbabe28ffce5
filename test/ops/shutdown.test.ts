import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { startSimulator, type SimulatorHandle } from '../../src/simulator/index.js';
import { spawnCli, type CliProcess } from './cli-process.js';

async function cliJson(argv: string[], env: Record<string, string>): Promise<Record<string, any>> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  const code = await runCli([...argv, '--json'], env, { stdout, stderr: new PassThrough() });
  if (code !== 0) throw new Error(`${argv.join(' ')} exited ${code}`);
  return JSON.parse(out) as Record<string, any>;
}

describe('graceful shutdown of a real `trendlens serve` process', () => {
  let simulator: SimulatorHandle;
  let server: CliProcess | undefined;

  beforeAll(async () => {
    simulator = await startSimulator({ port: 0, era: '2024' });
  });

  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await simulator?.close();
  });

  it('on SIGTERM finishes the request in flight, writes its charge and usage, refuses new connections, and exits 0', async () => {
    const databaseUrl = join(mkdtempSync(join(tmpdir(), 'trendlens-shutdown-')), 'serve.db');
    const env = { DATABASE_URL: databaseUrl };
    await cliJson(['accounts', 'create', '--email', 'drain@example.com', '--plan', 'pro'], env);
    const { api_key: apiKey } = await cliJson(['keys', 'create', '--email', 'drain@example.com'], env);

    server = spawnCli(['serve'], { ...env, PORT: '0', HOST: '127.0.0.1', UPSTREAM_SIMULATOR_URL: simulator.url, LOG_LEVEL: 'info' });
    const url = (await server.waitFor(/http:\/\/127\.0\.0\.1:\d+/)).trim();

    simulator.addFault({ fault: { kind: 'slow', ms: 1_500 } });
    const inFlight = fetch(`${url}/api/v1/tiktok/popular-trend/hashtag?country_code=US&limit=3`, { headers: { 'x-api-key': apiKey } });
    for (let i = 0; simulator.stats().calls === 0; i++) {
      if (i > 400) throw new Error(`the request never reached the simulator: ${server.stdout()} ${server.stderr()}`);
      await new Promise((r) => setTimeout(r, 20));
    }

    server.child.kill('SIGTERM');
    await server.waitFor(/draining in-flight requests/);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();

    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.headers.get('x-credits-charged')).toBe('8');
    expect(await server.exited).toBe(0);
    expect(server.stdout() + server.stderr()).toContain('stopped');

    const db = new SQLite(databaseUrl, { readonly: true });
    try {
      const account = db.prepare('select id, credits_used from accounts where email = ?').get('drain@example.com') as { id: string; credits_used: number };
      expect(account.credits_used).toBe(8);
      const usage = db.prepare('select status, credits from usage_events where account_id = ?').all(account.id);
      expect(usage).toEqual([{ status: 200, credits: 8 }]);
      const held = db.prepare("select count(*) as n from credit_reservations where status = 'held'").get() as { n: number };
      expect(held.n).toBe(0);
    } finally {
      db.close();
    }
  }, 60_000);

  it('on SIGTERM does not wait for a connection that sent nothing, as a browser opens ahead of need, and exits 0', async () => {
    const databaseUrl = join(mkdtempSync(join(tmpdir(), 'trendlens-shutdown-')), 'serve.db');
    server = spawnCli(['serve'], { DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', UPSTREAM_SIMULATOR_URL: simulator.url, LOG_LEVEL: 'info' });
    const url = new URL((await server.waitFor(/http:\/\/127\.0\.0\.1:\d+/)).trim());
    const silent = connect(Number(url.port), '127.0.0.1');
    await once(silent, 'connect');
    const hungUp = once(silent, 'close');
    // The server has taken the connection when a request on another one has been answered.
    expect((await fetch(`${url.origin}/healthz`)).status).toBe(200);

    server.child.kill('SIGTERM');
    // Without the drain's sweep, Node 20 waits for this connection for as long as the client keeps it.
    expect(await server.exited).toBe(0);
    await hungUp;
    silent.destroy();
  }, 30_000);
});
