import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { DEFAULT_PLANS } from '../../src/billing/index.js';
import { ManualClock } from '../../src/clock.js';
import { createServices } from '../../src/compose.js';
import { defaultConfig, type Config } from '../../src/config.js';
import type { HistoryOptions } from '../../src/history/index.js';
import type { Services } from '../../src/services.js';
import { SIMULATED_SESSION_COOKIE, startSimulator, type SimulatorHandle } from '../../src/simulator/index.js';
import type { AnyEndpoint } from '../../src/catalog/index.js';
import { createCreativeCenterSource, createTikTokOneSource, type Source, type UpstreamAccess, type UpstreamAdapter, type UpstreamResult } from '../../src/upstream/index.js';
import { TEST_PLAN } from '../support/app.js';
import { freshDatabase, type StoreKind, type TestDatabase } from '../support/databases.js';

/** 2026-11-25 12:00 UTC: noon, so a day's jitter window (the first 30 min) has always passed. */
/** The routes the history tests call. */
export const FLAGSHIP = '/api/v1/tiktok/popular-trend/hashtag';
export const HISTORY = '/api/v1/tiktok/popular-trend/hashtag/history';
export const MOVERS = '/api/v1/tiktok/popular-trend/movers';

/** A flagship list item as the history tests read it. */
export interface HashtagItem {
  hashtag_id: string;
  hashtag_name: string;
  rank: number;
  rank_diff?: number | null;
  rank_diff_type?: number;
}

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
 * An instance: the simulator's sources, TikTok One logged in unless `anonymous` (or `sources` instead
 * of the simulator), collection without pacing unless `history` gives a pause (tests hold a
 * collection between two charts with a `sleep` they release).
 */
export async function historyApp(opts: {
  clock: ManualClock;
  databaseUrl: string;
  config?: Partial<Config>;
  history?: Pick<HistoryOptions, 'pacingMs' | 'sleep'>;
} & ({ simulator: SimulatorHandle; anonymous?: boolean } | { sources: Source[] })): Promise<HistoryApp> {
  const { clock } = opts;
  const common = { id: 'simulator', timeoutMs: 2_000, budgetMs: 10_000, retries: 1, backoff: () => 0, clock };
  const simulated = (simulator: SimulatorHandle, anonymous: boolean) => [
    createCreativeCenterSource({ ...common, baseUrl: simulator.baseUrl }),
    createTikTokOneSource({ ...common, baseUrl: simulator.tiktokOne.baseUrl, usBaseUrl: simulator.tiktokOne.usBaseUrl, cookies: anonymous ? [] : [SIMULATED_SESSION_COOKIE] }),
  ];
  const services = await createServices(defaultConfig({ DATABASE_URL: opts.databaseUrl, ...opts.config }), {
    clock,
    plans: [...DEFAULT_PLANS, TEST_PLAN],
    sources: 'sources' in opts ? opts.sources : simulated(opts.simulator, opts.anonymous ?? false),
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

/**
 * An upstream whose US hashtag chart the test writes: `names`, best first, served as a logged-in
 * TikTok One serves it (no movement fields), with ids `idOf(name)`. Two of them, one per
 * adapter, serve one chart under different ids, as the Creative Center and TikTok One do. The
 * simulator's chart does not change within a day, nor holds names beyond ASCII, and its two adapters
 * rank different hashtags.
 */
export class ScriptedChart implements Source {
  readonly id = 'scripted';
  readonly access: UpstreamAccess = 'logged-in';
  names: string[] = [];
  /** While set, every call fails as an unreachable upstream does, so the next source serves. */
  down = false;

  constructor(
    readonly adapter: UpstreamAdapter = 'tiktok-one',
    private readonly idOf: (name: string) => string = (name) => `id-${name}`,
  ) {}

  serves(operationId: string): boolean {
    return operationId === 'tiktok-popular-trend-hashtag';
  }

  async fetch(_endpoint: AnyEndpoint, params: Record<string, unknown>): Promise<UpstreamResult> {
    if (this.down) return { ok: false, failure: { kind: 'unavailable', detail: 'connect_failed' } };
    const page = params.page as number;
    const limit = params.limit as number;
    const list = this.names.slice((page - 1) * limit, page * limit).map((name, i) => ({
      hashtag_id: this.idOf(name),
      hashtag_name: name,
      country_info: { id: 'US', value: 'United States', label: 'US' },
      trend: [],
      publish_cnt: 1000 - i,
      video_views: 100_000 - i,
      rank: (page - 1) * limit + i + 1,
    }));
    const pagination = { page, size: limit, total: this.names.length, has_more: page * limit < this.names.length };
    return { ok: true, data: { code: 0, msg: 'OK', data: { list, pagination } } };
  }

  async close(): Promise<void> {}
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
