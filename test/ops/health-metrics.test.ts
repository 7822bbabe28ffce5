import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLANS } from '../../src/billing/index.js';
import { defaultConfig } from '../../src/config.js';
import { metricsRegistry } from '../../src/metrics/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { startSimulator, type SimulatorHandle } from '../../src/simulator/index.js';
import { createCreativeCenterSource } from '../../src/upstream/index.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { postgresAvailable } from '../support/services.js';
import { startTestApp, TEST_PLAN, type TestApp } from '../support/app.js';
import { TcpProxy } from './tcp-proxy.js';

const REDIS_SERVER = '/usr/bin/redis-server';
const TOKEN = 'metrics-token-0123456789';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

async function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** A redis-server of the test's own, so stopping it disturbs no other suite. */
function startRedis(port: number): ChildProcess {
  return spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
}

/** Polls until `check` holds; readiness follows reconnects that take their own time. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}

/**
 * Prometheus text exposition, strictly: every line a comment or `name{labels} value`; returns samples.
 * (prom-client writes it, but the test checks what a scraper would read.)
 */
function parsePrometheus(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
    const match = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? (-?[0-9.eE+-]+|NaN|Nan|\+Inf|-Inf)( [0-9]+)?$/);
    if (!match) throw new Error(`not Prometheus text: ${line}`);
    // Prometheus reads NaN in any case (Go's ParseFloat); prom-client writes `Nan` before a gauge's first sample.
    samples.set(`${match[1]}${match[2] ?? ''}`, /^nan$/i.test(match[3]!) ? Number.NaN : Number(match[3]));
  }
  return samples;
}

describe('health, readiness and metrics on a real server', () => {
  let simulator: SimulatorHandle;
  let database: TestDatabase;
  let server: RunningServer;
  let apiKey: string;

  beforeAll(async () => {
    simulator = await startSimulator({ port: 0 });
    database = await freshDatabase('sqlite');
    const source = createCreativeCenterSource({ baseUrl: simulator.baseUrl, id: 'simulator', timeoutMs: 2_000 });
    server = await startServer(defaultConfig({ DATABASE_URL: database.url, PORT: 0, HOST: '127.0.0.1', METRICS_TOKEN: TOKEN }), {
      source,
      plans: [...DEFAULT_PLANS, TEST_PLAN],
    });
    const account = await server.services.accounts.create({ email: 'metrics@example.com', planId: 'test' });
    apiKey = (await server.services.keys.create(account.id, 'm')).apiKey;
  });

  afterAll(async () => {
    await server?.close();
    await simulator?.close();
    await database?.drop();
  });

  it('answers /healthz and /readyz with 200 when the database is there', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { data: { status: string; checks: Record<string, { ok: boolean }> } };
    expect(body.data.status).toBe('ready');
    expect(body.data.checks.database?.ok).toBe(true);
    expect(body.data.checks.migrations?.ok).toBe(true);
    expect(body.data.checks.redis).toEqual({ ok: true, skipped: 'REDIS_URL is not set' });
    expect(body.data.checks.upstream).toMatchObject({ ok: true, open_circuits: 0, operations: expect.any(Number) });
  });

  it('refuses /metrics without the bearer token', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
  });

  it('serves Prometheus text that counts a request, its latency, its cache result and its credits', async () => {
    const op = 'tiktok-top-ads-filters';
    const before = parsePrometheus(await metricsRegistry.metrics());
    const url = `${server.url}/api/v1/tiktok/top-ads/filters`;
    const first = await fetch(url, { headers: { 'x-api-key': apiKey } });
    expect(first.status).toBe(200);
    const adapter = first.headers.get('x-upstream-adapter') ?? first.headers.get('x-upstream-source');
    expect((await fetch(url, { headers: { 'x-api-key': apiKey } })).headers.get('x-cache')).toBe('HIT');
    expect((await fetch(`${server.url}/api/v1/tiktok/top-ads/list?period=abc`)).status).toBe(400);

    const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    const after = parsePrometheus(text);
    const delta = (name: string) => (after.get(name) ?? 0) - (before.get(name) ?? 0);
    expect(delta(`trendlens_http_requests_total{operation="${op}",status="200"}`)).toBe(2);
    expect(delta('trendlens_http_requests_total{operation="tiktok-top-ads-list",status="400"}')).toBe(1);
    expect(delta(`trendlens_http_request_duration_seconds_count{operation="${op}"}`)).toBe(2);
    expect(delta(`trendlens_upstream_calls_total{adapter="${adapter}",outcome="ok"}`)).toBe(1);
    expect(delta('trendlens_cache_lookups_total{result="HIT"}')).toBe(1);
    expect(delta('trendlens_cache_lookups_total{result="MISS"}')).toBe(1);
    expect(delta(`trendlens_credits_charged_total{operation="${op}"}`)).toBe(16);
    expect(after.get('trendlens_cache_hit_ratio')).toBeGreaterThan(0);
    for (const declared of ['trendlens_ledger_flush_rows histogram', 'trendlens_ledger_flush_duration_seconds histogram', 'trendlens_webhook_deliveries_total counter']) {
      expect(text).toContain(`# TYPE ${declared}`);
    }
  });
});

describe('trendlens_upstream_calls_total counts calls, not answered requests', () => {
  let t: TestApp;
  let apiKey: string;

  beforeAll(async () => {
    // Both adapters against the simulator, one retry each (startTestApp), short timeouts for the hang.
    t = await startTestApp({ era: '2024', tiktokOne: 'logged-in', timeoutMs: 200 });
    ({ apiKey } = await t.newCaller());
  });

  afterAll(async () => {
    await t?.close();
  });

  const calls = async () => {
    const samples = parsePrometheus(await metricsRegistry.metrics());
    return (adapter: string, outcome: string) => samples.get(`trendlens_upstream_calls_total{adapter="${adapter}",outcome="${outcome}"}`) ?? 0;
  };
  const hashtags = (query: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/tiktok/popular-trend/hashtag?${query}`, headers: { 'x-api-key': apiKey } });

  it('counts every attempt of both adapters when the upstream hangs, retries included', async () => {
    t.simulator.resetStats();
    t.simulator.addFault({ fault: { kind: 'hang' } });
    const before = await calls();
    try {
      expect((await hashtags('country_code=US&limit=5')).statusCode).toBe(504);
    } finally {
      t.simulator.clearFaults();
    }
    const after = await calls();
    const delta = (adapter: string) => after(adapter, 'timeout') - before(adapter, 'timeout');
    expect(delta('creative-center')).toBe(2);
    expect(delta('tiktok-one')).toBe(2);
    expect(t.simulator.stats().calls).toBe(4);
  });

  it('counts the legacy adapter that said deprecated beside the one that answered', async () => {
    t.simulator.setEra('2026');
    t.simulator.resetStats();
    const before = await calls();
    const res = await hashtags('country_code=GB&limit=5');
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-upstream-adapter']).toBe('tiktok-one');
    const after = await calls();
    const delta = (adapter: string, outcome: string) => after(adapter, outcome) - before(adapter, outcome);
    expect(delta('creative-center', 'unavailable')).toBe(1);
    expect(delta('tiktok-one', 'ok')).toBe(t.simulator.stats().calls - 1);
    expect(delta('tiktok-one', 'ok')).toBeGreaterThan(0);
  });
});

describe('/metrics on its own port', () => {
  it('serves metrics on METRICS_PORT without a token, and not on the main port', async () => {
    const database = await freshDatabase('sqlite');
    const metricsPort = await freePort();
    const server = await startServer(defaultConfig({ DATABASE_URL: database.url, PORT: 0, HOST: '127.0.0.1', METRICS_PORT: metricsPort }));
    try {
      const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(res.status).toBe(200);
      expect(parsePrometheus(await res.text()).size).toBeGreaterThan(0);
      expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
      // A connection that never sends a request does not hold the shutdown (Node 20 waited for it).
      const silent = connect(metricsPort, '127.0.0.1');
      await once(silent, 'connect');
      silent.on('error', () => {});
      // Taken by the server once a request on another connection has been answered.
      expect((await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).status).toBe(200);
    } finally {
      await server.close();
      await database.drop();
    }
    expect(await portOpen(metricsPort)).toBe(false);
  });
});

describe.skipIf(!postgresAvailable || !existsSync(REDIS_SERVER))('/readyz follows PostgreSQL and Redis going away and coming back', () => {
  let database: TestDatabase;
  let pgProxy: TcpProxy;
  let redisPort: number;
  let redis: ChildProcess;
  let server: RunningServer;

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    const target = new URL(database.url);
    pgProxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await pgProxy.start();
    const viaProxy = new URL(database.url);
    viaProxy.host = `127.0.0.1:${pgProxy.port}`;
    redisPort = await freePort();
    redis = startRedis(redisPort);
    await eventually(() => portOpen(redisPort));
    server = await startServer(
      defaultConfig({ DATABASE_URL: viaProxy.toString(), REDIS_URL: `redis://127.0.0.1:${redisPort}`, PORT: 0, HOST: '127.0.0.1' }),
    );
  });

  afterAll(async () => {
    await server?.close();
    redis?.kill();
    await pgProxy?.stop();
    await database?.drop();
  });

  const readiness = async () => {
    const res = await fetch(`${server.url}/readyz`);
    return { status: res.status, checks: ((await res.json()) as { data: { checks: Record<string, { ok: boolean }> } }).data.checks };
  };

  it('turns 503 naming the database while PostgreSQL is away, and 200 once it is back', async () => {
    expect((await readiness()).status).toBe(200);
    await pgProxy.stop();
    const down = await readiness();
    expect(down.status).toBe(503);
    expect(down.checks.database?.ok).toBe(false);
    expect(down.checks.redis?.ok).toBe(true);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await pgProxy.start();
    await eventually(async () => (await readiness()).status === 200);
  });

  it('turns 503 naming Redis while redis-server is stopped, and 200 once it runs again', async () => {
    redis.kill();
    await eventually(async () => (await readiness()).status === 503);
    const down = await readiness();
    expect(down.checks.redis?.ok).toBe(false);
    expect(down.checks.database?.ok).toBe(true);
    redis = startRedis(redisPort);
    await eventually(async () => (await readiness()).status === 200);
  });
});

