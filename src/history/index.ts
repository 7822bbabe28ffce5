import type { AnyEndpoint } from '../catalog/index.js';
import type { Clock } from '../clock.js';
import type { Store } from '../store/index.js';
import type { ChartObserver } from '../upstream/index.js';
import { envelopeBytes } from '../upstream/index.js';
import { hashtagHistory, movers } from './answers.js';
import { BackgroundRun } from './background-run.js';
import type { CollectTarget } from './collect-targets.js';
import { Collector, type ChartFetch } from './collector.js';
import { HistoryObserver } from './observer.js';
import { SnapshotRecorder } from './recorder.js';
import { createRunLock } from './run-lock.js';
import { Watches } from './watches.js';
import { Webhooks } from './webhooks.js';

/** The adapter id history answers carry in `X-Upstream-Source` and usage records. */
export const HISTORY_SOURCE_ID = 'history';

/** A history endpoint's 2xx, shaped like the gateway's so the metered route sends it alike. */
export interface HistoryAnswer {
  ok: true;
  body: Buffer;
  cache: 'MISS';
  ageSeconds?: undefined;
  sourceId: typeof HISTORY_SOURCE_ID;
  /** `X-Served-From: history`. */
  headers: Readonly<Record<string, string>>;
}

/** Chart history (README § Trend history): snapshots, movement, history answers, collection, watches. */
export interface History {
  /** The gateway's observer: records fresh chart answers and fills in rank movement. */
  observer: ChartObserver;
  /** Answers a catalog endpoint with `servedFrom: 'history'`; throws ApiError for 4xx. */
  serve(endpoint: AnyEndpoint, params: Record<string, unknown>): Promise<HistoryAnswer>;
  readonly retentionDays: number;
  readonly recorder: SnapshotRecorder;
  readonly collector: Collector;
  readonly watches: Watches;
  readonly webhooks: Webhooks;
  /** A collection of every target started from the Console, in the background. */
  readonly backgroundRun: BackgroundRun;
  /** Collects due charts and sends due webhooks every minute until `close`. */
  startScheduler(): void;
  /** Whether this instance's scheduler runs (the server's; not the CLI's). */
  scheduling(): boolean;
  /** Resolves once every snapshot taken so far is stored and watches have looked at it. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface HistoryOptions {
  store: Store;
  clock: Clock;
  retentionDays: number;
  /** How the collector fetches a chart: the gateway, bound once it exists. */
  fetch: ChartFetch;
  /** Targets of the `COLLECT` setting. */
  collect?: readonly CollectTarget[];
  /** WEBHOOK_ALLOW_PRIVATE: let webhooks reach loopback and private addresses. */
  allowPrivateWebhooks?: boolean;
  /** Pause between two collection calls (default 2 s). */
  pacingMs?: number;
  sleep?: (ms: number) => Promise<void>;
  onError?: (error: unknown) => void;
  /** Operational notices in words (a collection failed and will be retried). */
  onNotice?: (message: string) => void;
}

type Answer = (...args: Parameters<typeof hashtagHistory>) => Promise<unknown>;

const ANSWERS: Record<string, Answer> = {
  'tiktok-popular-trend-hashtag-history': hashtagHistory,
  'tiktok-popular-trend-movers': movers,
};

const SCHEDULER_TICK_MS = 60_000;
/** The delivery log is pruned hourly. */
const PRUNE_EVERY_TICKS = 60;

/** Builds history over an open store. */
export function createHistory(opts: HistoryOptions): History {
  const { store, clock, retentionDays } = opts;
  const onError = opts.onError ?? ((error: unknown) => console.error('history:', error));
  const recorder = new SnapshotRecorder(store.db, clock, { retentionDays, onError });
  const webhooks = new Webhooks({ db: store.db, clock, allowPrivate: opts.allowPrivateWebhooks ?? false, onError });
  const watches = new Watches(store.db, clock, webhooks);
  recorder.onStored(async (snapshot) => {
    await watches.evaluate(snapshot);
  });
  const collector = new Collector({
    db: store.db,
    clock,
    fetch: opts.fetch,
    recorder,
    lock: createRunLock(store.db, store.dialect, 'trendlens-collector'),
    configured: opts.collect ?? [],
    pacingMs: opts.pacingMs,
    sleep: opts.sleep,
    onNotice: opts.onNotice ?? ((message) => console.warn(`history: ${message}`)),
  });
  const backgroundRun = new BackgroundRun(collector, clock, onError);
  let timer: NodeJS.Timeout | null = null;
  let ticking: Promise<void> | null = null;
  return {
    observer: new HistoryObserver(store.db, clock, recorder),
    recorder,
    collector,
    watches,
    webhooks,
    backgroundRun,
    retentionDays,
    async serve(endpoint, params) {
      const answer = ANSWERS[endpoint.operationId];
      if (!answer) throw new Error(`history does not serve ${endpoint.operationId}`);
      const data = await answer(store.db, clock, retentionDays, params);
      return { ok: true, body: envelopeBytes(data), cache: 'MISS', sourceId: HISTORY_SOURCE_ID, headers: { 'X-Served-From': HISTORY_SOURCE_ID } };
    },
    startScheduler() {
      if (timer) return;
      let ticks = 0;
      const tick = () => {
        ticking ??= collector
          .runDue()
          .then(() => webhooks.deliverDue())
          .then(() => (ticks++ % PRUNE_EVERY_TICKS === 0 ? webhooks.prune() : undefined))
          .catch(onError)
          .finally(() => {
            ticking = null;
          });
      };
      timer = setInterval(tick, SCHEDULER_TICK_MS);
      timer.unref();
      tick();
    },
    scheduling: () => timer !== null,
    flush: () => recorder.flush(),
    async close() {
      if (timer) clearInterval(timer);
      timer = null;
      await ticking;
      await backgroundRun.idle();
      await recorder.close();
      await webhooks.idle();
    },
  };
}

export { CHART_SPECS, CHART_OPERATIONS, PUBLIC_CHARTS, chartPeriods, periodProblem, chartKeyOf, defaultChartKey, readChart, type PublicChart, type ChartKey } from './charts.js';
export { parseCollectSetting, parseTarget, target, targetLabel, addTarget, removeTarget, TargetError, type CollectTarget, type TargetProblem } from './collect-targets.js';
export { retryDelayMs, type CollectOutcome, type ChartFetch, type TargetState } from './collector.js';
export type { BackgroundRun } from './background-run.js';
export type { DeliveryView, EndpointView, RunView, TargetView, WatchView } from './views.js';
export { utcDayOf, addDays } from './days.js';
export { RANK_UP, RANK_SAME, RANK_DOWN, RANK_NEW, movementOf } from './movement.js';
export type { StoredDay, StoredEntry } from './snapshots.js';
export { checkWebhookUrl, isPrivateAddress } from './url-guard.js';
export { watchLimit, matchesOf, ENDPOINT_LIMIT, type WatchInput } from './watches.js';
export { signPayload, SIGNATURE_HEADER, DISABLE_AFTER_FAILURES, RETRY_WINDOW_MS } from './webhooks.js';
export type { Collector } from './collector.js';
export type { Watches } from './watches.js';
export type { Webhooks } from './webhooks.js';
