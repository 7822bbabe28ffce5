import type { FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { Accounts, ApiKeys } from './accounts/index.js';
import type { Admission, CreditLedger, IdempotencyStore, PlanCatalog, RateLimiter } from './billing/index.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { History } from './history/index.js';
import type { Store } from './store/index.js';
import type { UpstreamGateway } from './upstream/index.js';
import type { UsageStore } from './usage/index.js';

/** Whether data is live from TikTok or from the simulator (docs/architecture.md § Sources and honest modes). */
export type Mode = 'live' | 'demo';

/** Everything the app needs, built once by the composition root (src/compose.ts) and passed in. */
export interface Services {
  config: Config;
  mode: Mode;
  clock: Clock;
  store: Store;
  plans: PlanCatalog;
  accounts: Accounts;
  keys: ApiKeys;
  credits: CreditLedger;
  rateLimiter: RateLimiter;
  /** Rate limit and credit reservation in one step (one Redis script across instances). */
  admission: Admission;
  upstream: UpstreamGateway;
  idempotency: IdempotencyStore;
  usage: UsageStore;
  /** Chart snapshots, the history endpoints, collection and watches. */
  history: History;
  /** The shared Redis connection when REDIS_URL is set (readiness checks it). */
  redis: Redis | null;
  /** Where a 402/429 body's `upgrade_url` points. */
  consoleBillingUrl(request: FastifyRequest): string;
  close(): Promise<void>;
}
