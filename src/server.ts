import v8 from 'node:v8';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { createLogger } from './logging.js';
import type { Services } from './services.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { createServices, type ComposeOptions } from './compose.js';
import { SIMULATED_SESSION_COOKIE, startSimulator, type SimulatorHandle } from './simulator/index.js';
import { createCreativeCenterSource, createTikTokOneSource } from './upstream/index.js';
import { startMetricsServer } from './metrics/index.js';
import { describeDatabase, holdServeLock, type ServeLock } from './store/index.js';
import { sqliteFailure } from './store/connect.js';
import { followConnections } from './http/index.js';
import { REQUEST_TIMEOUT_MS } from './security/index.js';

/** A running Trendlens: the app, its services, and the URL it answers on. */
export interface RunningServer {
  app: FastifyInstance;
  services: Services;
  url: string;
  simulator?: SimulatorHandle;
  close(): Promise<void>;
}

const SWEEP_INTERVAL_MS = 15_000;
/** Idempotency records live 24 h; dropping the expired ones hourly keeps the table small. */
const PRUNE_EVERY_SWEEPS = 240;

/** The URL people should open: `0.0.0.0` and `::` are not addresses a browser can visit. */
function visibleUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

/** Redis's host, port and database number, for the start log: never its password. */
function redisAddress(redisUrl: string): string {
  const url = new URL(redisUrl);
  return `${url.protocol}//${url.host}${url.pathname.length > 1 ? url.pathname : ''}`;
}

/**
 * V8 decides from what survives a young-generation collection whether to allocate all later objects
 * of an allocation site straight into the old generation ("pretenuring"). A server's per-request
 * objects (Node's request and response and their streams) all die young, but a collection that lands
 * while many requests are in flight can tip that decision, and a process that took it kept it: old
 * space filled at ≈ 75 MB/s, a major collection ran every second or two on the helper threads, and
 * each young collection took 4–5 ms instead of 1, in about a third of the bench's processes
 * (docs/performance.md). Process-wide, so it is set once, by whoever starts a server.
 */
function keepRequestObjectsYoung(): void {
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
}

/**
 * Runs `work`; when it fails, closes what it opened (`undo`, newest first) before passing the failure
 * on. A start that fails half-way, most often on a port in use, must not leave a database, timer or
 * socket open: it would keep the process alive serving nothing.
 */
async function orUndo<T>(undo: Array<() => Promise<unknown>>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    // The start's own failure is the one to report; a failure to close after it would hide it.
    for (const close of undo.toReversed()) await close().catch(() => {});
    throw error;
  }
}

/**
 * The serve lock (src/store/serve-lock.ts). It is created beside the SQLite file before the database is
 * opened, so it is the first to meet a path that cannot be used: said in words naming DATABASE_URL.
 */
function takeServeLock(databaseUrl: string): ServeLock | null {
  try {
    return holdServeLock(databaseUrl);
  } catch (error) {
    throw sqliteFailure(error, databaseUrl) ?? error;
  }
}

/** Builds services and app, listens on `HOST:PORT`, and sweeps abandoned credit holds. */
export async function startServer(
  config: Config,
  opts: ComposeOptions & {
    /** Log requests and background work (off in tests unless asked for). */
    logger?: boolean;
    /** Where log lines go instead of stdout, when stdout carries a command's output (`serve --json`). */
    logStream?: NodeJS.WritableStream;
    simulator?: SimulatorHandle;
  } = {},
): Promise<RunningServer> {
  keepRequestObjectsYoung();
  const lock = takeServeLock(config.DATABASE_URL);
  const undo: Array<() => Promise<unknown>> = [async () => lock?.release()];
  const log = opts.logger ? createLogger(config.LOG_LEVEL, opts.logStream) : undefined;
  const services = await orUndo(undo, () => createServices(config, { ...opts, ...(log ? { log } : {}) }));
  undo.push(() => services.close());
  const app = await orUndo(undo, () => buildApp(services, log ? { log } : {}));
  undo.push(() => app.close());
  const connections = followConnections(app.server);
  await orUndo(undo, () => app.listen({ port: config.PORT, host: config.HOST }));
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  // Which store and Redis this instance uses: a typo in a fleet's settings shows in the first lines.
  const database = describeDatabase(config.DATABASE_URL);
  const redis = config.REDIS_URL ? redisAddress(config.REDIS_URL) : null;
  app.log.info(
    { database, redis },
    redis ? `storing in ${database}; limits, cache and key revocations shared through Redis at ${redis}` : `storing in ${database}; no REDIS_URL, so limits are kept in this process`,
  );
  const metricsPort = config.METRICS_PORT;
  const metricsServer = metricsPort ? await orUndo(undo, () => startMetricsServer(metricsPort, config.HOST)) : null;
  if (metricsServer) app.log.info({ port: metricsServer.port }, 'metrics served on their own port at /metrics');
  else if (config.METRICS_TOKEN) app.log.info('metrics served at /metrics to the bearer of METRICS_TOKEN');
  else app.log.info('metrics are not exposed: set METRICS_TOKEN or METRICS_PORT to serve /metrics');
  let sweeps = 0;
  const sweeper = setInterval(() => {
    services.credits.releaseExpiredHolds().catch((err: unknown) => app.log.error({ err }, 'releasing expired credit holds failed'));
    if (sweeps++ % PRUNE_EVERY_SWEEPS === 0) {
      services.idempotency.prune().catch((err: unknown) => app.log.error({ err }, 'pruning idempotency records failed'));
    }
  }, SWEEP_INTERVAL_MS);
  sweeper.unref();
  // Daily chart collection and webhook deliveries (src/history); history.close() stops them.
  services.history.startScheduler();
  return {
    app,
    services,
    url: visibleUrl(config.HOST, port),
    simulator: opts.simulator,
    async close() {
      clearInterval(sweeper);
      // Stops accepting, lets in-flight requests finish, then the services flush their batches.
      // Connections with nothing in flight are closed as they appear, and none outlives the bound a
      // request has anyway (src/http/drain.ts).
      const { cut } = await connections.drain(app.close(), REQUEST_TIMEOUT_MS);
      if (cut > 0) app.log.warn({ connections: cut }, `closed ${cut} connection(s) still open ${REQUEST_TIMEOUT_MS / 1000} s into the shutdown`);
      await metricsServer?.close();
      await services.close();
      lock?.release();
      await opts.simulator?.close();
    },
  };
}

export const DEMO_EMAIL = 'demo@trendlens.local';

/**
 * Demo mode (docs/architecture.md § Sources and honest modes): the simulator runs in-process, the gateway points at it and says so on every
 * response, and a demo account on `enterprise` gets a fresh key. `DEMO_UPSTREAM_ERA` picks the world
 * (2026: legacy trend lists deprecated, TikTok One live; 2024: the legacy API whole);
 * `DEMO_UPSTREAM_ACCESS` whether TikTok One is called with the simulated session
 * (docs/upstreams.md § Simulator).
 */
export async function startDemo(
  config: Config,
  opts: Pick<ComposeOptions, 'plans' | 'clock'> & { logger?: boolean } = {},
): Promise<RunningServer & { apiKey: string }> {
  const simulator = await startSimulator({ port: 0, era: config.DEMO_UPSTREAM_ERA, ...(opts.clock ? { clock: opts.clock } : {}) });
  // Until the server runs and owns the simulator (its close() closes it), a failure closes it here.
  const server = await orUndo([() => simulator.close()], () => startServer(config, { ...opts, mode: 'demo', sources: demoSources(config, simulator, opts.clock), simulator }));
  const { accounts, keys } = server.services;
  return orUndo([() => server.close()], async () => {
    const account =
      (await accounts.findByEmail(DEMO_EMAIL)) ?? (await accounts.create({ email: DEMO_EMAIL, planId: 'enterprise', name: 'Demo' }));
    const { apiKey } = await keys.create(account.id, `demo ${new Date(server.services.clock.now()).toISOString()}`);
    return { ...server, apiKey };
  });
}

/**
 * The gateway's two sources, both pointed at the in-process simulator. Both get the simulated session
 * or neither, as `UPSTREAM_COOKIES` goes to both in live mode: logged in, Top Ads pages past the first too.
 */
function demoSources(config: Config, simulator: SimulatorHandle, clock: Clock | undefined) {
  const cookies = config.DEMO_UPSTREAM_ACCESS === 'logged-in' ? [SIMULATED_SESSION_COOKIE] : [];
  const common = { id: 'simulator', timeoutMs: config.UPSTREAM_TIMEOUT_MS, cookies, ...(clock ? { clock } : {}) };
  return [
    createCreativeCenterSource({ ...common, baseUrl: simulator.baseUrl }),
    createTikTokOneSource({ ...common, baseUrl: simulator.tiktokOne.baseUrl, usBaseUrl: simulator.tiktokOne.usBaseUrl }),
  ];
}
