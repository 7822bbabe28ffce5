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
import { ConfigError, type Config } from './config.js';
import { openStore, type Store } from './store/index.js';
import { createCreativeCenterSource, createUpstreamGateway, RedisResponseCache, type Source, type UpstreamGatewayOptions } from './upstream/index.js';
import { createUsageStore } from './usage/index.js';

export interface ComposeOptions {
  mode?: Mode;
  clock?: Clock;
  /** Plans given in code (embedding, tests); otherwise PLANS_FILE or the defaults. */
  plans?: readonly Plan[];
  /** Replaces the Creative Center source built from the config (demo mode and tests use the simulator's). */
  source?: Source;
  /** Gateway settings beyond the defaults (tests lower or raise the circuit breaker's threshold). */
  gateway?: Pick<UpstreamGatewayOptions, 'breakerThreshold' | 'breakerOpenMs' | 'staleWindowSeconds'>;
}

function origin(config: Config, request: FastifyRequest): string {
  return config.PUBLIC_URL?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
}

/** The configured plans; a broken plans file or an unknown default plan is a ConfigError naming it. */
export function planCatalog(config: Config, given?: readonly Plan[]): PlanCatalog {
  let planList: readonly Plan[] = given ?? DEFAULT_PLANS;
  if (!given && config.PLANS_FILE) {
    try {
      planList = loadPlansFile(config.PLANS_FILE);
    } catch (error) {
      const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message.replace(/^PLANS_FILE \S+: /, '');
      throw new ConfigError('PLANS_FILE', `PLANS_FILE: ${config.PLANS_FILE}: ${why.replace(/\s+/g, ' ')}`);
    }
  }
  if (!planList.some((p) => p.id === config.DEFAULT_PLAN)) {
    throw new ConfigError('DEFAULT_PLAN', `DEFAULT_PLAN: "${config.DEFAULT_PLAN}" is not a configured plan (plans: ${planList.map((p) => p.id).join(', ')})`);
  }
  return new PlanCatalog(planList, config.DEFAULT_PLAN);
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
  const plans = planCatalog(config, opts.plans);
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
  // ioredis reconnects on its own; an outage is reported by /readyz, not as an unhandled 'error' event.
  redis?.on('error', () => {});
  const disconnectBus = redis ? await connectRevocationBus(admin.keys, redis) : null;
  const upstream = createUpstreamGateway({
    ...opts.gateway,
    source:
      opts.source ??
      createCreativeCenterSource({ baseUrl: config.UPSTREAM_BASE_URL, cookies: config.UPSTREAM_COOKIES, timeoutMs: config.UPSTREAM_TIMEOUT_MS, clock }),
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
    redis,
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
