import type { FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { Accounts, ApiKeys, connectRevocationBus } from './accounts/index.js';
import type { Mode, Services } from './services.js';
import {
  BatchedLedger,
  DEFAULT_PLANS,
  loadPlansFile,
  MemoryRateLimiter,
  PlanCatalog,
  TransactionalLedger,
  IdempotencyStore,
  RedisRateLimiter,
  type CreditLedger,
  type Plan,
} from './billing/index.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { openStore, type Store } from './store/index.js';
import {
  createCreativeCenterSource,
  createTikTokOneSource,
  createUpstreamGateway,
  RedisResponseCache,
  type ChartObserver,
  type Source,
  type UpstreamGatewayOptions,
} from './upstream/index.js';
import { createUsageStore } from './usage/index.js';

export interface ComposeOptions {
  mode?: Mode;
  clock?: Clock;
  /** Plans given in code (embedding, tests); otherwise PLANS_FILE or the defaults. */
  plans?: readonly Plan[];
  /** Replaces the sources built from the config with this one alone (tests of one adapter). */
  source?: Source;
  /** Replaces the sources built from the config, one per adapter (demo mode and tests use the simulator's). */
  sources?: readonly Source[];
  /** Gateway settings beyond the defaults (tests lower or raise the circuit breaker's threshold). */
  gateway?: Pick<UpstreamGatewayOptions, 'breakerThreshold' | 'breakerOpenMs' | 'staleWindowSeconds' | 'deadSourceMs'>;
  /** Sees every fresh upstream answer before it is cached (trend history). */
  chartObserver?: ChartObserver;
}

function origin(config: Config, request: FastifyRequest): string {
  return config.PUBLIC_URL?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
}

/**
 * One source per adapter from the configuration: Creative Center's legacy API and TikTok One, both
 * with the operator's cookies. With `UPSTREAM_SIMULATOR_URL` both point at that simulator and say
 * `simulator` in `X-Upstream-Source`.
 */
export function upstreamSources(config: Config, clock: Clock, opts: { retries?: number } = {}): Source[] {
  const simulator = config.UPSTREAM_SIMULATOR_URL?.replace(/\/$/, '');
  const common = { cookies: config.UPSTREAM_COOKIES, timeoutMs: config.UPSTREAM_TIMEOUT_MS, clock, ...opts };
  return [
    createCreativeCenterSource({
      ...common,
      baseUrl: simulator ? `${simulator}/creative_radar_api/v1/` : config.UPSTREAM_BASE_URL,
      id: simulator ? 'simulator' : 'creative-center',
    }),
    createTikTokOneSource({
      ...common,
      baseUrl: simulator ? `${simulator}/` : config.TIKTOK_ONE_BASE_URL,
      usBaseUrl: simulator ? `${simulator}/us/` : config.TIKTOK_ONE_US_BASE_URL,
      id: simulator ? 'simulator' : 'tiktok-one',
    }),
  ];
}

/** The services that work on the database alone: what the CLI's account commands need. */
export interface Admin {
  store: Store;
  plans: PlanCatalog;
  accounts: Accounts;
  keys: ApiKeys;
  credits: CreditLedger;
  close(): Promise<void>;
}

/** Opens the database and builds the account and billing services over it. */
export async function createAdmin(config: Config, opts: Pick<ComposeOptions, 'clock' | 'plans'> = {}): Promise<Admin> {
  const clock = opts.clock ?? systemClock;
  const planList = opts.plans ?? (config.PLANS_FILE ? loadPlansFile(config.PLANS_FILE) : DEFAULT_PLANS);
  const plans = new PlanCatalog(planList, config.DEFAULT_PLAN);
  const store = await openStore(config.DATABASE_URL);
  // SQLite is one process's database: group commit is exact there. Instances sharing PostgreSQL
  // must each see the others' charges, so every reservation is its own row-locked transaction.
  const credits: CreditLedger =
    store.dialect === 'sqlite' ? new BatchedLedger(store, plans, clock) : new TransactionalLedger(store, plans, clock);
  return {
    store,
    plans,
    accounts: new Accounts(store.db, plans, clock),
    keys: new ApiKeys(store.db, clock),
    credits,
    async close() {
      await credits.close();
      await store.close();
    },
  };
}

/** Builds every service from the configuration: the one place that knows how the parts fit. */
export async function createServices(config: Config, opts: ComposeOptions = {}): Promise<Services> {
  const clock = opts.clock ?? systemClock;
  const admin = await createAdmin(config, opts);
  // With REDIS_URL, instances share rate limits, cached responses and key revocations (docs/architecture.md § One machine or many).
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 }) : null;
  const disconnectBus = redis ? await connectRevocationBus(admin.keys, redis) : null;
  const upstream = createUpstreamGateway({
    ...opts.gateway,
    sources: opts.sources ?? (opts.source ? [opts.source] : upstreamSources(config, clock)),
    order: config.UPSTREAM_SOURCES,
    chartObserver: opts.chartObserver,
    cache: redis ? new RedisResponseCache({ redis, clock }) : undefined,
    clock,
  });
  const usage = createUsageStore(admin.store, clock);
  return {
    ...admin,
    config,
    mode: opts.mode ?? 'live',
    clock,
    rateLimiter: redis ? new RedisRateLimiter(redis, clock) : new MemoryRateLimiter(clock),
    upstream,
    idempotency: new IdempotencyStore(admin.store.db, clock),
    usage,
    consoleBillingUrl: (request) => `${origin(config, request)}/console/billing`,
    async close() {
      await upstream.close();
      await usage.close();
      await disconnectBus?.();
      await redis?.quit();
      await admin.close();
    },
  };
}
