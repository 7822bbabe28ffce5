import type { Kysely } from 'kysely';
import { addMonths, utcDay } from '../billing/index.js';
import type { Clock } from '../clock.js';
import type { Database, Store, StoreDialect, UsageDailyTable, UsageEventsTable } from '../store/index.js';
import {
  queryDaily,
  queryEndpoints,
  queryRequests,
  querySummary,
  type DailyUsage,
  type EndpointUsage,
  type RequestsPage,
  type RequestsQuery,
  type UsageRange,
  type UsageSummary,
} from './queries.js';
import { usageWriter, type UsageWriter } from './usage-writer.js';

/** One routed API request as the gateway reports it (docs/api-contract.md § Usage records): exactly a raw usage row. */
export type UsageEvent = UsageEventsTable;

/** Usage records: written in batches off the request path, read by the Console's usage routes. */
export interface UsageStore {
  /** Queues an event; never throws and never waits for the database. */
  record(event: UsageEvent): void;
  /** Resolves once every event recorded so far is written (or its batch has failed and been reported). */
  flush(): Promise<void>;
  /** Flushes and stops accepting events. */
  close(): Promise<void>;
  /** Deletes raw events older than 30 days and daily aggregates older than 13 months. */
  prune(): Promise<void>;
  /** Totals over a range, p95 latency from the raw events. */
  summary(accountId: string, range: UsageRange): Promise<UsageSummary>;
  /** Totals per operation, busiest first. */
  endpoints(accountId: string, range: UsageRange): Promise<EndpointUsage[]>;
  /** One entry per UTC day of the range, zero-filled. */
  daily(accountId: string, range: UsageRange): Promise<DailyUsage[]>;
  /** Raw events, newest first, a page at a time. */
  requests(accountId: string, query: RequestsQuery): Promise<RequestsPage>;
}

export interface UsageStoreOptions {
  /** Most events written in one transaction. */
  maxBatch?: number;
  /**
   * How long the first event of a batch waits for others. Usage is written after the answer, so the
   * wait costs no request anything, and it turns one transaction per event-loop turn into a few per
   * second. The default depends on the store (docs/performance.md): on SQLite 5 ms, since a batch is
   * copied to the write thread and inserted in one go while charge flushes queue behind it (after
   * 25 ms, the durability floor's p99 was 7 ms instead of 4); on PostgreSQL 25 ms, since there a
   * batch runs beside the flushes on a connection of its own, and every batch more is a round trip
   * and a synced commit (at 5 ms the cluster served 7% less). `flush` and `close` skip it.
   */
  lingerMs?: number;
  /** Events queued beyond this are dropped (the database is down or far behind) and reported. */
  maxQueue?: number;
  /** Told about a failed batch or dropped events; usage recording never fails a request. */
  onError?: (error: unknown) => void;
}

/** Raw events are kept 30 days, aggregates 13 months (docs/api-contract.md § Usage records). */
export const RAW_RETENTION_MS = 30 * 86_400_000;
export const DAILY_RETENTION_MONTHS = 13;
const PRUNE_INTERVAL_MS = 3_600_000;
/** The default `lingerMs` per store (see there). */
const LINGER_MS: Record<StoreDialect, number> = { sqlite: 5, postgres: 25 };

/** Builds the usage store over an open database. */
export function createUsageStore(store: Store, clock: Clock, opts: UsageStoreOptions = {}): UsageStore {
  return new BatchedUsageStore(store.db, usageWriter(store), clock, { ...opts, lingerMs: opts.lingerMs ?? LINGER_MS[store.dialect] });
}

function aggregateKey(e: UsageEvent): string {
  return `${e.account_id}\n${e.key_id ?? ''}\n${e.operation_id}\n${utcDay(e.time)}`;
}

/** Sums a batch per account × key × operation × day; events without an account are kept raw only. */
function aggregate(batch: readonly UsageEvent[]): UsageDailyTable[] {
  const rows = new Map<string, UsageDailyTable>();
  for (const e of batch) {
    if (e.account_id === null) continue;
    const k = aggregateKey(e);
    let row = rows.get(k);
    if (!row) {
      row = {
        account_id: e.account_id,
        key_id: e.key_id ?? '',
        operation_id: e.operation_id,
        day: utcDay(e.time),
        requests: 0,
        successes: 0,
        errors: 0,
        credits: 0,
        overage_credits: 0,
        latency_ms_sum: 0,
        cache_hits: 0,
      };
      rows.set(k, row);
    }
    row.requests += 1;
    if (e.status >= 200 && e.status < 300) row.successes += 1;
    if (e.status >= 400) row.errors += 1;
    row.credits += e.credits;
    row.overage_credits += e.overage_credits;
    row.latency_ms_sum += Math.max(0, Math.round(e.latency_ms));
    if (e.cache === 'HIT' && e.status >= 200 && e.status < 300) row.cache_hits += 1;
  }
  return [...rows.values()];
}

/**
 * Group commit for usage (docs/architecture.md § The credit ledger): `record` only queues; one writer
 * drains the queue in transactions, the first event of a batch lingering briefly for the others, so
 * there is no write per request. Each transaction inserts the raw rows and adds the batch's sums to
 * the daily aggregates, with statements prepared once (see usage-writer.ts).
 */
class BatchedUsageStore implements UsageStore {
  private pending: UsageEvent[] = [];
  private running: Promise<void> | null = null;
  /** Ends the current linger at once (flush, close, a full batch). */
  private wake: (() => void) | null = null;
  private readonly lingerMs: number;
  private closed = false;
  private dropped = 0;
  private lastPrunedAt = Number.NEGATIVE_INFINITY;
  private readonly maxBatch: number;
  private readonly maxQueue: number;
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly writer: UsageWriter,
    private readonly clock: Clock,
    opts: UsageStoreOptions & { lingerMs: number },
  ) {
    this.maxBatch = opts.maxBatch ?? 2_000;
    this.lingerMs = opts.lingerMs;
    this.maxQueue = opts.maxQueue ?? 100_000;
    this.onError = opts.onError ?? ((error) => console.error('usage recording failed:', error));
  }

  record(event: UsageEvent): void {
    if (this.closed) return;
    if (this.pending.length >= this.maxQueue) {
      this.dropped += 1;
      return;
    }
    this.pending.push(event);
    this.running ??= this.drain();
    if (this.pending.length >= this.maxBatch) this.wake?.();
  }

  async flush(): Promise<void> {
    this.wake?.();
    while (this.running || this.pending.length > 0) {
      this.running ??= this.drain();
      await this.running;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  async prune(): Promise<void> {
    const now = this.clock.now();
    this.lastPrunedAt = now;
    await this.db.deleteFrom('usage_events').where('time', '<', now - RAW_RETENTION_MS).execute();
    await this.db.deleteFrom('usage_daily').where('day', '<', utcDay(addMonths(now, -DAILY_RETENTION_MONTHS))).execute();
  }

  summary(accountId: string, range: UsageRange): Promise<UsageSummary> {
    return querySummary(this.db, accountId, range);
  }

  endpoints(accountId: string, range: UsageRange): Promise<EndpointUsage[]> {
    return queryEndpoints(this.db, accountId, range);
  }

  daily(accountId: string, range: UsageRange): Promise<DailyUsage[]> {
    return queryDaily(this.db, accountId, range);
  }

  requests(accountId: string, query: RequestsQuery): Promise<RequestsPage> {
    return queryRequests(this.db, accountId, query);
  }

  private async drain(): Promise<void> {
    try {
      // Let the events of the current tick join the first batch.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.lingerMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.maxBatch);
        try {
          await this.write(batch);
        } catch (error) {
          this.onError(error);
        }
        if (this.dropped > 0) {
          this.onError(new Error(`usage queue full: ${this.dropped} events dropped`));
          this.dropped = 0;
        }
        if (this.clock.now() - this.lastPrunedAt >= PRUNE_INTERVAL_MS) {
          await this.prune().catch(this.onError);
        }
      }
    } finally {
      this.running = null;
    }
  }

  private async write(batch: readonly UsageEvent[]): Promise<void> {
    const raw: UsageEventsTable[] = batch.map((e) => ({ ...e, latency_ms: Math.max(0, Math.round(e.latency_ms)) }));
    await this.writer(raw, aggregate(batch));
  }
}
