import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { Services } from '../../src/services.js';
import { DEFAULT_PLANS, type Plan } from '../../src/billing/index.js';
import { ManualClock } from '../../src/clock.js';
import { createServices } from '../../src/compose.js';
import { defaultConfig, type Config } from '../../src/config.js';
import { SIMULATED_SESSION_COOKIE, startSimulator, type LongPeriod, type SimulatorEra, type SimulatorHandle } from '../../src/simulator/index.js';
import { createCreativeCenterSource, createTikTokOneSource, type UpstreamAccess } from '../../src/upstream/index.js';
import { freshDatabase, type StoreKind, type TestDatabase } from './databases.js';

/** A plan with room for any test: huge rate limit, no daily cap. */
export const TEST_PLAN: Plan = {
  id: 'test', name: 'Test', price_usd: 1, included_credits: 1_000_000, daily_credit_limit: null,
  rate_limit_per_minute: 100_000, overage_usd_per_1k: null, overage_default: false, watch_limit: 25,
};

/** 400 credits: exactly 50 requests at 8 credits. */
export const FIFTY_PLAN: Plan = { ...TEST_PLAN, id: 'fifty', name: 'Fifty', included_credits: 400 };

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  simulator: SimulatorHandle;
  clock: ManualClock;
  /** A new account on `planId` (default `test`) with a fresh key. */
  newCaller(opts?: { planId?: string }): Promise<{ apiKey: string; accountId: string; keyId: string }>;
  close(): Promise<void>;
}

let seq = 0;

/**
 * The real app over a real database and the real Creative Center client talking HTTP to a real
 * simulator. Short upstream timeouts and no backoff keep fault tests fast without faking anything.
 */
export async function startTestApp(
  opts: {
    kind?: StoreKind;
    /** An existing database to share with another instance; left in place on close. */
    databaseUrl?: string;
    clock?: ManualClock;
    plans?: Plan[];
    config?: Partial<Config>;
    timeoutMs?: number;
    breakerThreshold?: number;
    /** The simulated world (default 2024, where the legacy client's tests live). */
    era?: SimulatorEra;
    longPeriod?: LongPeriod;
    /** Adds the TikTok One adapter beside the legacy one, logged in or anonymous. */
    tiktokOne?: UpstreamAccess;
    deadSourceMs?: number;
  } = {},
): Promise<TestApp> {
  const database: TestDatabase = opts.databaseUrl
    ? { url: opts.databaseUrl, drop: async () => {} }
    : await freshDatabase(opts.kind ?? 'sqlite');
  const clock = opts.clock ?? new ManualClock(Date.now());
  const simulator = await startSimulator({ port: 0, clock, era: opts.era ?? '2024', ...(opts.longPeriod ? { longPeriod: opts.longPeriod } : {}) });
  const common = { id: 'simulator', timeoutMs: opts.timeoutMs ?? 1_000, budgetMs: 5_000, retries: 1, backoff: () => 0, clock };
  const sources = [createCreativeCenterSource({ ...common, baseUrl: simulator.baseUrl })];
  if (opts.tiktokOne) {
    sources.push(
      createTikTokOneSource({
        ...common,
        baseUrl: simulator.tiktokOne.baseUrl,
        usBaseUrl: simulator.tiktokOne.usBaseUrl,
        cookies: opts.tiktokOne === 'logged-in' ? [SIMULATED_SESSION_COOKIE] : [],
      }),
    );
  }
  const services = await createServices(defaultConfig({ DATABASE_URL: database.url, ...opts.config }), {
    clock,
    plans: opts.plans ?? [...DEFAULT_PLANS, TEST_PLAN, FIFTY_PLAN],
    sources,
    // Faults from one test must not open the circuit for the next; the breaker has its own tests.
    gateway: { breakerThreshold: opts.breakerThreshold ?? 1_000, ...(opts.deadSourceMs === undefined ? {} : { deadSourceMs: opts.deadSourceMs }) },
  });
  const app = await buildApp(services);
  await app.ready();
  return {
    app,
    services,
    simulator,
    clock,
    async newCaller({ planId = 'test' } = {}) {
      const account = await services.accounts.create({ email: `caller${++seq}@example.com`, planId });
      const { row, apiKey } = await services.keys.create(account.id, 'test');
      return { apiKey, accountId: account.id, keyId: row.id };
    },
    async close() {
      await app.close();
      await services.close();
      await simulator.close();
      await database.drop();
    },
  };
}
