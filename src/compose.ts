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
  LocalAdmission,
  RedisLedger,
  RedisRateLimiter,
  type Admission,
  type CreditLedger,
  type RateLimiter,
  type Plan,
} from './billing/index.js';
import { systemClock, type Clock } from './clock.js';
import { ConfigError, type Config } from './config.js';
import { UnusableSettingError } from './unusable-setting.js';
import { createHistory, parseCollectSetting, type ChartFetch, type HistoryOptions } from './history/index.js';
import { openStore, type Store } from './store/index.js';
import { connectTimeoutMs } from './store/connect.js';
import {
  createCreativeCenterSource,
  createTikTokOneSource,
  createUpstreamGateway,
  RedisResponseCache,
  type ChartObserver,
  type Source,
  type UpstreamGatewayOptions,
} from './upstream/index.js';
import { observeLedgerFlush } from './metrics/index.js';
import { createUsageStore } from './usage/index.js';

export interface ComposeOptions {
  mode?: Mode;
  clock?: Clock;
  /** Plans given in code (embedding, tests); otherwise PLANS_FILE or the defaults. */
  plans?: readonly Plan[];
  /** Replaces the sources built from the config with this one alone (tests of one adapter). */
  source?: Source;
  /** History settings beyond the config (tests take pacing away). */
  history?: Pick<HistoryOptions, 'pacingMs' | 'sleep' | 'onNotice'>;
  /** Replaces the sources built from the config, one per adapter (demo mode and tests use the simulator's). */
  sources?: readonly Source[];
  /** Gateway settings beyond the defaults (tests lower or raise the circuit breaker's threshold). */
  gateway?: Pick<UpstreamGatewayOptions, 'breakerThreshold' | 'breakerOpenMs' | 'staleWindowSeconds' | 'deadSourceMs'>;
  /** Sees every fresh upstream answer before it is cached (trend history). */
  chartObserver?: ChartObserver;
  /** Where background work logs (src/logging.ts); without it, errors go to stderr as text (CLI commands, tests). */
  log?: BackgroundLog;
}

/** What background work needs of a logger: pino's, or stderr's below. */
export interface BackgroundLog {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/** stderr as text, for commands and tests that have no logger of their own. */
const STDERR_LOG: BackgroundLog = {
  error: (obj, msg) => console.error(msg, obj),
  warn: (obj, msg) => console.warn(msg, obj),
  info: () => {},
};

/**
 * Where `upgrade_url` points. Without PUBLIC_URL the request's own origin serves: a Host the caller
 * chose only comes back to that caller, in a JSON answer that is never cached (`no-store`) and carries
 * no secret. E-mailed links, which reach someone else, use PUBLIC_URL alone (src/console/mailer.ts).
 */
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

/** Why PLANS_FILE cannot be read, for the errors whose own words name a system call rather than the fix. */
const PLANS_FILE_UNREADABLE: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'a directory, not a JSON file',
};

/** The configured plans; a broken plans file or an unknown default plan is a ConfigError naming it. */
export function planCatalog(config: Config, given?: readonly Plan[]): PlanCatalog {
  let planList: readonly Plan[] = given ?? DEFAULT_PLANS;
  if (!given && config.PLANS_FILE) {
    try {
      planList = loadPlansFile(config.PLANS_FILE);
    } catch (error) {
      const why = PLANS_FILE_UNREADABLE[(error as NodeJS.ErrnoException).code ?? ''] ?? (error as Error).message.replace(/^PLANS_FILE \S+: /, '');
      throw new ConfigError('PLANS_FILE', `PLANS_FILE: ${config.PLANS_FILE}: ${why.replace(/\s+/g, ' ')}`);
    }
  }
  if (!planList.some((p) => p.id === config.DEFAULT_PLAN)) {
    throw new ConfigError('DEFAULT_PLAN', `DEFAULT_PLAN: "${config.DEFAULT_PLAN}" is not a configured plan (plans: ${planList.map((p) => p.id).join(', ')})`);
  }
  return new PlanCatalog(planList, config.DEFAULT_PLAN);
}

/**
 * Refuses plans that leave accounts without theirs: a plan taken out of PLANS_FILE while accounts are on
 * it would answer their every request with a 500. Deleted accounts make no requests and are not counted.
 */
export async function requirePlansInUse(store: Store, plans: PlanCatalog, config: Config): Promise<void> {
  const rows = await store.db
    .selectFrom('accounts')
    .select((eb) => ['plan_id', eb.fn.countAll<number>().as('accounts')])
    .where('status', '!=', 'deleted')
    .groupBy('plan_id')
    .orderBy('plan_id')
    .execute();
  const missing = rows.filter((r) => !plans.get(r.plan_id));
  if (missing.length === 0) return;
  const source = config.PLANS_FILE ?? 'not set, so the default plans apply, and they';
  const list = missing.map((r) => `"${r.plan_id}" (${Number(r.accounts)} account${Number(r.accounts) === 1 ? '' : 's'})`).join(', ');
  throw new ConfigError(
    'PLANS_FILE',
    `PLANS_FILE: ${source} lack${config.PLANS_FILE ? 's' : ''} plans that accounts are on: ${list}; add them back (to retire a plan, move its accounts with \`trendlens accounts set-plan\` first)`,
  );
}

/** The services that work on the database alone: what the CLI's account commands need. */
export interface Admin {
  store: Store;
  plans: PlanCatalog;
  accounts: Accounts;
  keys: ApiKeys;
  credits: CreditLedger;
  /** The shared Redis when REDIS_URL is set. */
  redis: Redis | null;
  /** Admission over the ledger: the Redis ledger's own script, or the given limiter then the ledger. */
  admissionOf(rateLimiter: RateLimiter): Admission;
  close(): Promise<void>;
}

/** Settles as `connecting` does, or rejects with `silent()` once `ms` have passed first (0 waits for ever). */
function within<T>(connecting: Promise<T>, ms: number, silent: () => Error): Promise<T> {
  if (ms === 0) return connecting;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(silent()), ms);
  });
  return Promise.race([connecting, expired]).finally(() => clearTimeout(timer));
}

/**
 * The shared Redis, connected. A Redis out of reach at start is the operator's to fix, said in one line
 * naming REDIS_URL: ioredis would otherwise retry for ever, and a process that never listens and never
 * exits is not restarted by its supervisor. So is one that accepts the connection and never answers,
 * which ioredis would wait on for ever (its connectTimeout ends only the TCP connect). An outage after
 * the start is weathered (503 until it is back).
 */
export async function connectRedis(url: string, log: BackgroundLog = STDERR_LOG): Promise<Redis> {
  const timeoutMs = connectTimeoutMs(url);
  // Auto-pipelining: the admission scripts of the requests read in one event-loop turn leave in one
  // socket write instead of one each (a syscall per request was a tenth of an instance's CPU).
  const redis = new Redis(url, { maxRetriesPerRequest: 2, enableAutoPipelining: true, lazyConnect: true, connectTimeout: timeoutMs });
  // connect() rejects with "Connection is closed."; the error event says why (refused, no such host).
  let cause: Error | null = null;
  const remember = (error: Error) => (cause ??= error);
  redis.on('error', remember);
  const connecting = redis.connect();
  // A silent server's client is disconnected below, which rejects this too, after the wait has said why.
  connecting.catch(() => {});
  const silent = () =>
    new UnusableSettingError(
      'REDIS_URL',
      'redis_unreachable',
      `the Redis server named by REDIS_URL (${new URL(url).host}) did not answer within ${timeoutMs / 1000} s; is it running, and is that its address? (connect_timeout in REDIS_URL sets the wait, in seconds)`,
    );
  try {
    await within(connecting, timeoutMs, silent);
  } catch (error) {
    redis.disconnect();
    if (error instanceof UnusableSettingError) throw error;
    const why = (cause ?? (error as Error)).message;
    throw new UnusableSettingError('REDIS_URL', 'redis_unreachable', `cannot reach the Redis server named by REDIS_URL (${why}); is it running and accepting connections?`, { cause });
  }
  redis.off('error', remember);
  // Said once per outage, not once per reconnection attempt, and again when it ends; requests meanwhile get a clear 503.
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) log.error({ err: error }, 'redis unreachable: metered requests answer 503 until it is back');
    down = true;
  });
  redis.on('ready', () => {
    if (down) log.info({}, 'redis reachable again');
    down = false;
  });
  return redis;
}

/** Opens the database and builds the account and billing services over it. */
export async function createAdmin(config: Config, opts: Pick<ComposeOptions, 'clock' | 'plans' | 'log'> = {}): Promise<Admin> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? STDERR_LOG;
  const plans = planCatalog(config, opts.plans);
  const store = await openStore(config.DATABASE_URL);
  let redis: Redis | null;
  try {
    redis = config.REDIS_URL ? await connectRedis(config.REDIS_URL, log) : null;
  } catch (error) {
    await store.close();
    throw error;
  }
  // Metering (README.md § Metering): SQLite is one process's database, so admission in memory and group
  // commit are exact there. Instances sharing PostgreSQL admit through one Redis script (a call per
  // account and event-loop turn) and still group-commit; without Redis, every reservation is its own row-locked transaction.
  const ledgerOptions = {
    onError: (error: unknown) => log.error({ err: error }, 'credit ledger flush failed'),
    onFlush: ({ rows, ms }: { rows: number; ms: number }) => observeLedgerFlush(rows, ms / 1000),
  };
  const redisLedger = store.dialect === 'postgres' && redis ? new RedisLedger(store, redis, plans, clock, ledgerOptions) : null;
  const credits: CreditLedger =
    redisLedger ?? (store.dialect === 'sqlite' ? new BatchedLedger(store, plans, clock, ledgerOptions) : new TransactionalLedger(store, plans, clock));
  return {
    store,
    plans,
    redis,
    admissionOf: (rateLimiter) => redisLedger ?? new LocalAdmission(rateLimiter, credits),
    accounts: new Accounts(store.db, plans, clock, config.OPERATOR_EMAILS),
    keys: new ApiKeys(store.db, clock),
    credits,
    async close() {
      await credits.close();
      // quit() waits for a server that may be gone; a client not connected has nothing to flush.
      if (redis?.status === 'ready') await redis.quit();
      else redis?.disconnect();
      await store.close();
    },
  };
}

/** Builds every service from the configuration: the one place that knows how the parts fit. */
export async function createServices(config: Config, opts: ComposeOptions = {}): Promise<Services> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? STDERR_LOG;
  const admin = await createAdmin(config, opts);
  // With REDIS_URL, instances share rate limits, cached responses and key revocations (docs/architecture.md § One machine or many).
  const redis = admin.redis;
  let disconnectBus: (() => Promise<void>) | null;
  try {
    await requirePlansInUse(admin.store, admin.plans, config);
    await admin.accounts.markConfiguredOperators();
    disconnectBus = redis ? await connectRevocationBus(admin.keys, redis) : null;
  } catch (error) {
    // The database and Redis are open: left so, they would keep a failed start's process alive.
    await admin.close().catch(() => {});
    throw error;
  }
  // The collector fetches through the gateway, which is built next with history's observer in it.
  const fetchChart: ChartFetch = (endpoint, canonical, params) => upstream.fetch(endpoint, canonical, params);
  const history = createHistory({
    store: admin.store,
    clock,
    retentionDays: config.HISTORY_RETENTION_DAYS,
    fetch: fetchChart,
    collect: parseCollectSetting(config.COLLECT),
    allowPrivateWebhooks: config.WEBHOOK_ALLOW_PRIVATE,
    pacingMs: config.COLLECT_PACING_MS,
    onError: (error) => log.error({ err: error }, 'history: background work failed'),
    onNotice: (message) => log.warn({}, `history: ${message}`),
    ...opts.history,
  });
  const upstream = createUpstreamGateway({
    ...opts.gateway,
    sources: opts.sources ?? (opts.source ? [opts.source] : upstreamSources(config, clock)),
    order: config.UPSTREAM_SOURCES,
    chartObserver: opts.chartObserver ?? history.observer,
    cache: redis ? new RedisResponseCache({ redis, clock }) : undefined,
    clock,
    // Only a server's logger: a command or test has no use for a warning per failed source.
    ...(opts.log ? { logger: opts.log } : {}),
  });
  const usage = createUsageStore(admin.store, clock, { onError: (error) => log.error({ err: error }, 'usage recording failed') });
  const rateLimiter = redis ? new RedisRateLimiter(redis, clock) : new MemoryRateLimiter(clock);
  return {
    ...admin,
    config,
    mode: opts.mode ?? 'live',
    clock,
    rateLimiter,
    admission: admin.admissionOf(rateLimiter),
    upstream,
    idempotency: new IdempotencyStore(admin.store.db, clock),
    usage,
    history,
    redis,
    consoleBillingUrl: (request) => `${origin(config, request)}/console/billing`,
    async close() {
      // History first: a collection in progress still needs the gateway.
      await history.close();
      await upstream.close();
      await usage.close();
      await disconnectBus?.();
      await admin.close();
    },
  };
}
