import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { DEFAULT_PLANS } from '../../src/billing/index.js';
import { ManualClock } from '../../src/clock.js';
import { createServices } from '../../src/compose.js';
import { defaultConfig, type Config } from '../../src/config.js';
import type { HistoryOptions } from '../../src/history/index.js';
import type { Services } from '../../src/services.js';
import { SIMULATED_SESSION_COOKIE, startSimulator, type SimulatorHandle } from '../../src/simulator/index.js';
import { createCreativeCenterSource, createTikTokOneSource } from '../../src/upstream/index.js';
import { TEST_PLAN } from '../support/app.js';
import { freshDatabase, type StoreKind, type TestDatabase } from '../support/databases.js';

/** 2026-11-25 12:00 UTC: noon, so a day's jitter window (the first 30 min) has always passed. */
export const NOON = Date.UTC(2026, 10, 25, 12, 0, 0);
export const DAY_MS = 86_400_000;

/** One Trendlens instance over a real database, with both adapters talking HTTP to one simulator. */
export interface HistoryApp {
  app: FastifyInstance;
  services: Services;
  close(): Promise<void>;
}

/** A simulator on a manual clock, in the era asked for. */
export async function historySimulator(era: '2024' | '2026', clock: ManualClock): Promise<SimulatorHandle> {
  return startSimulator({ port: 0, clock, era });
}

/**
 * An instance: the simulator's sources, TikTok One logged in, collection without pacing unless
 * `history` gives a pause (tests hold a collection between two charts with a `sleep` they release).
 */
export async function historyApp(opts: {
  simulator: SimulatorHandle;
  clock: ManualClock;
  databaseUrl: string;
  config?: Partial<Config>;
  history?: Pick<HistoryOptions, 'pacingMs' | 'sleep'>;
}): Promise<HistoryApp> {
  const { simulator, clock } = opts;
  const common = { id: 'simulator', timeoutMs: 2_000, budgetMs: 10_000, retries: 1, backoff: () => 0, clock };
  const services = await createServices(defaultConfig({ DATABASE_URL: opts.databaseUrl, ...opts.config }), {
    clock,
    plans: [...DEFAULT_PLANS, TEST_PLAN],
    sources: [
      createCreativeCenterSource({ ...common, baseUrl: simulator.baseUrl }),
      createTikTokOneSource({ ...common, baseUrl: simulator.tiktokOne.baseUrl, usBaseUrl: simulator.tiktokOne.usBaseUrl, cookies: [SIMULATED_SESSION_COOKIE] }),
    ],
    gateway: { breakerThreshold: 1_000 },
    history: { pacingMs: 0, onNotice: () => {}, ...opts.history },
  });
  const app = await buildApp(services);
  await app.ready();
  return {
    app,
    services,
    async close() {
      await app.close();
      await services.close();
    },
  };
}

/** A fresh database of the kind asked for. */
export function historyDatabase(kind: StoreKind): Promise<TestDatabase> {
  return freshDatabase(kind);
}

let seq = 0;

/** An account on the test plan and its key. */
export async function caller(services: Services, planId = 'test'): Promise<{ apiKey: string; accountId: string }> {
  const account = await services.accounts.create({ email: `history${++seq}@example.com`, planId });
  const { apiKey } = await services.keys.create(account.id, 'test');
  return { apiKey, accountId: account.id };
}

/** A metered GET and its parsed envelope. */
export async function getJson(app: FastifyInstance, url: string, apiKey: string) {
  const res = await app.inject({ method: 'GET', url, headers: { 'x-api-key': apiKey } });
  return { res, body: res.json() as { code: number; msg: string; data: any } };
}
