import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalForm, parseParams, type RawQuery } from '../catalog/index.js';
import type { Clock } from '../clock.js';
import type { Database } from '../store/index.js';
import type { GatewayResult } from '../upstream/index.js';
import { chartEndpoint } from './answers.js';
import { CHART_SPECS, readChart } from './charts.js';
import { storedTargets, targetLabel, type CollectTarget } from './collect-targets.js';
import { addDays, dayStartMs, utcDayOf } from './days.js';
import type { SnapshotRecorder } from './recorder.js';
import type { RunLock } from './run-lock.js';

/** Fetches a chart the way a request would, without a caller: no key, no credits. */
export type ChartFetch = (endpoint: ReturnType<typeof chartEndpoint>, canonical: string, params: Record<string, unknown>) => Promise<GatewayResult>;

/** A target with its last collected day, today's state and its latest attempt. */
export interface TargetState {
  target: CollectTarget;
  lastCollected: string | null;
  today: 'done' | 'failed' | 'pending';
  latest: { day: string; status: 'done' | 'failed'; error: string | null; nextAttemptAt: number | null } | null;
}

/** What one collection of one target came to. */
export interface CollectOutcome {
  target: CollectTarget;
  status: 'collected' | 'failed';
  entries?: number;
  error?: string;
}

export interface CollectorOptions {
  db: Kysely<Database>;
  clock: Clock;
  fetch: ChartFetch;
  recorder: SnapshotRecorder;
  lock: RunLock;
  /** Targets from the `COLLECT` setting. */
  configured: readonly CollectTarget[];
  /** Pause between two upstream calls, so a collection never bursts at the upstream (default 2 s). */
  pacingMs?: number;
  /** Collections spread over this much of each UTC day's start (default 30 min), per target. */
  jitterMs?: number;
  /** How a pause is taken; the scheduler waits on timers, tests pass one that returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** Told, in words, about a collection that failed and will be retried. */
  onNotice?: (message: string) => void;
}

const FIRST_RETRY_MS = 5 * 60_000;
const LONGEST_RETRY_MS = 2 * 3_600_000;

/** After the n-th failed attempt of a day: 5 min, 10, 20 … capped at 2 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

/** A target's offset into the day: stable per target and day, so instances agree and loads spread. */
function jitterOf(chartKey: string, day: string, windowMs: number): number {
  if (windowMs <= 0) return 0;
  return createHash('sha256').update(`${chartKey}\n${day}`).digest().readUInt32BE(0) % windowMs;
}

function describeFailure(result: Extract<GatewayResult, { ok: false }>): string {
  return `${result.sourceId}: ${result.failure.kind}${'detail' in result.failure ? ` (${result.failure.detail})` : ''}`;
}

/**
 * Scheduled collection: every target's chart, once a UTC day, through the gateway (so source routing,
 * pacing and the breaker apply) and never charged to anyone. A failed day is retried with backoff
 * until it ends; a day never collected stays a gap.
 */
export class Collector {
  private readonly pacingMs: number;
  private readonly jitterMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly opts: CollectorOptions) {
    this.pacingMs = opts.pacingMs ?? 2_000;
    this.jitterMs = opts.jitterMs ?? 30 * 60_000;
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * The setting's targets, then the stored ones, each chart once: `hashtag:US:7` and `hashtag:US` are
   * one chart, listed and collected as the first that names it.
   */
  async targets(): Promise<CollectTarget[]> {
    const stored = await storedTargets(this.opts.db);
    const keys = new Set<string>();
    return [...this.opts.configured, ...stored].filter((t) => {
      if (keys.has(t.key.key)) return false;
      keys.add(t.key.key);
      return true;
    });
  }

  /**
   * Each target's last collected day, today's state and its latest attempt (day, outcome, error):
   * `trendlens collect list` and the Console's operator page.
   */
  async state(): Promise<TargetState[]> {
    const today = utcDayOf(this.opts.clock.now());
    const targets = await this.targets();
    return Promise.all(
      targets.map(async (target) => {
        const runs = this.opts.db.selectFrom('collect_runs').where('chart_key', '=', target.key.key).orderBy('day', 'desc').limit(1);
        const latest = await runs.selectAll().executeTakeFirst();
        // Looked up on its own: the days before may all have failed.
        const done = latest?.status === 'done' ? latest : await runs.select('day').where('status', '=', 'done').executeTakeFirst();
        return {
          target,
          lastCollected: done?.day ?? null,
          today: latest?.day === today ? latest.status : 'pending',
          latest: latest ? { day: latest.day, status: latest.status, error: latest.last_error, nextAttemptAt: latest.next_attempt_at } : null,
        };
      }),
    );
  }

  /**
   * When the scheduler next finds a target due: its jitter into today if today is not collected,
   * the backoff of a failed day (or tomorrow's jitter if that comes first: a new day is due at its
   * own jitter, whatever the day before's backoff), or tomorrow's jitter once today is done. Null
   * without targets.
   */
  async nextDueAt(): Promise<number | null> {
    const now = this.opts.clock.now();
    const today = utcDayOf(now);
    const tomorrow = addDays(today, 1);
    const due = (await this.state()).map(({ target, latest }) => {
      if (latest?.day !== today) return dayStartMs(today) + jitterOf(target.key.key, today, this.jitterMs);
      const tomorrowAt = dayStartMs(tomorrow) + jitterOf(target.key.key, tomorrow, this.jitterMs);
      if (latest.status === 'failed' && latest.nextAttemptAt !== null) return Math.min(latest.nextAttemptAt, tomorrowAt);
      return tomorrowAt;
    });
    return due.length === 0 ? null : Math.min(...due);
  }

  /**
   * The scheduler's tick: under the cross-instance lock, collects each target whose day has not been
   * collected, whose jitter has passed and whose backoff is over. Another instance's run means skip.
   */
  async runDue(): Promise<CollectOutcome[] | null> {
    const result = await this.opts.lock.tryRun(async () => {
      const now = this.opts.clock.now();
      const day = utcDayOf(now);
      const outcomes: CollectOutcome[] = [];
      for (const target of await this.targets()) {
        if (now < dayStartMs(day) + jitterOf(target.key.key, day, this.jitterMs)) continue;
        const run = await this.opts.db
          .selectFrom('collect_runs')
          .selectAll()
          .where('chart_key', '=', target.key.key)
          .where('day', '=', day)
          .executeTakeFirst();
        if (run?.status === 'done' || (run?.next_attempt_at ?? 0) > now) continue;
        if (outcomes.length > 0) await this.sleep(this.pacingMs);
        outcomes.push(await this.collect(target));
      }
      return outcomes;
    });
    return result.ran ? result.value : null;
  }

  /**
   * `trendlens collect run` and the Console's "collect now": every target now, whatever today's state,
   * one after another, under the scheduler's lock. Null when another run holds it (here or on another
   * instance). `onStart` is told the target count once the lock is held, `onProgress` after each one.
   */
  async runAll(
    progress: { onStart?: (total: number) => void; onProgress?: (done: number, total: number, outcome: CollectOutcome) => void } = {},
  ): Promise<CollectOutcome[] | null> {
    const result = await this.opts.lock.tryRun(async () => {
      const targets = await this.targets();
      progress.onStart?.(targets.length);
      const outcomes: CollectOutcome[] = [];
      for (const target of targets) {
        if (outcomes.length > 0) await this.sleep(this.pacingMs);
        const outcome = await this.collect(target);
        outcomes.push(outcome);
        progress.onProgress?.(outcomes.length, targets.length, outcome);
      }
      return outcomes;
    });
    return result.ran ? result.value : null;
  }

  /** One chart, its first page at the catalog's largest `limit`, stored as today's snapshot. */
  private async collect(target: CollectTarget): Promise<CollectOutcome> {
    const endpoint = chartEndpoint(target.chart);
    const spec = CHART_SPECS[endpoint.operationId];
    const query: RawQuery = { limit: String(endpoint.params.limit?.maximum ?? 100) };
    if (target.country !== null && spec) query[spec.countryParam] = target.country;
    if (target.period !== null) query.period = String(target.period);
    const parsed = parseParams(endpoint, query);
    if (!parsed.ok) return this.failed(target, `invalid target ${targetLabel(target)}: ${JSON.stringify(parsed.errors)}`);
    let result: GatewayResult;
    try {
      result = await this.opts.fetch(endpoint, canonicalForm(endpoint.operationId, parsed.params), parsed.params);
    } catch (error) {
      return this.failed(target, error instanceof Error ? error.message : String(error));
    }
    if (!result.ok) return this.failed(target, describeFailure(result));
    const now = this.opts.clock.now();
    // A stale answer means the upstream failed; a cached one from before today is yesterday's chart.
    if (result.cache === 'STALE') return this.failed(target, `${result.sourceId}: upstream failed, only a stale answer`);
    if (result.cache === 'HIT' && now - (result.ageSeconds ?? 0) * 1000 < dayStartMs(utcDayOf(now))) {
      return this.failed(target, 'the cached answer is from the previous day; retrying once it expires');
    }
    const data = (JSON.parse(result.body.toString('utf8')) as { data: unknown }).data;
    const reading = readChart(endpoint, parsed.params, data, result);
    // A fresh answer was recorded by the gateway's observer; one from the cache is recorded here.
    if (result.cache !== 'MISS' && reading && reading.entries.length > 0) {
      this.opts.recorder.record({ reading, day: utcDayOf(now), capturedAt: now });
    }
    await this.mark(target, 'done', null, null);
    return { target, status: 'collected', entries: reading?.entries.length ?? 0 };
  }

  /**
   * Records a failed attempt and its backoff. A day already collected stays collected: a failed
   * `collect run` after it neither loses the stored day nor makes the scheduler collect it again.
   * Callers hold the run lock, so the day cannot be marked done between the read and the write.
   */
  private async failed(target: CollectTarget, error: string): Promise<CollectOutcome> {
    const now = this.opts.clock.now();
    const day = utcDayOf(now);
    const previous = await this.opts.db
      .selectFrom('collect_runs')
      .select(['attempts', 'status'])
      .where('chart_key', '=', target.key.key)
      .where('day', '=', day)
      .executeTakeFirst();
    if (previous?.status === 'done') return { target, status: 'failed', error };
    const attempts = (previous?.attempts ?? 0) + 1;
    await this.mark(target, 'failed', now + retryDelayMs(attempts), error);
    this.opts.onNotice?.(`collecting ${targetLabel(target)} failed (attempt ${attempts} today, next in ${Math.round(retryDelayMs(attempts) / 60_000)} min): ${error}`);
    return { target, status: 'failed', error };
  }

  private async mark(target: CollectTarget, status: 'done' | 'failed', nextAttemptAt: number | null, error: string | null): Promise<void> {
    const now = this.opts.clock.now();
    await this.opts.db
      .insertInto('collect_runs')
      .values({ chart_key: target.key.key, day: utcDayOf(now), status, attempts: 1, next_attempt_at: nextAttemptAt, last_error: error, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['chart_key', 'day']).doUpdateSet((eb) => ({
          status,
          attempts: eb('collect_runs.attempts', '+', 1),
          next_attempt_at: nextAttemptAt,
          last_error: error,
          updated_at: now,
        })),
      )
      .execute();
  }
}
