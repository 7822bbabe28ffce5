import type { AnyEndpoint } from '../catalog/index.js';
import type { Clock } from '../clock.js';
import type { Store } from '../store/index.js';
import type { ChartObserver } from '../upstream/index.js';
import { envelopeBytes } from '../upstream/index.js';
import { hashtagHistory, movers } from './answers.js';
import { HistoryObserver } from './observer.js';
import { SnapshotRecorder } from './recorder.js';

/** Chart history (docs: README § Trend history): snapshots, movement, history answers. */
export interface History {
  /** The gateway's observer: records fresh chart answers and fills in rank movement. */
  observer: ChartObserver;
  /** Answers a catalog endpoint with `servedFrom: 'history'`; throws ApiError for 4xx. */
  serve(endpoint: AnyEndpoint, params: Record<string, unknown>): Promise<HistoryAnswer>;
  /** Resolves once every snapshot taken so far is stored and watches have looked at it. */
  flush(): Promise<void>;
  close(): Promise<void>;
  readonly retentionDays: number;
  readonly recorder: SnapshotRecorder;
}

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

export interface HistoryOptions {
  store: Store;
  clock: Clock;
  retentionDays: number;
  onError?: (error: unknown) => void;
}

/** The adapter id history answers carry in `X-Upstream-Source` and usage records. */
export const HISTORY_SOURCE_ID = 'history';

type Answer = (...args: Parameters<typeof hashtagHistory>) => Promise<unknown>;

const ANSWERS: Record<string, Answer> = {
  'tiktok-popular-trend-hashtag-history': hashtagHistory,
  'tiktok-popular-trend-movers': movers,
};

/** Builds history over an open store. */
export function createHistory(opts: HistoryOptions): History {
  const { store, clock, retentionDays } = opts;
  const recorder = new SnapshotRecorder(store.db, clock, { retentionDays, onError: opts.onError });
  return {
    observer: new HistoryObserver(store.db, clock, recorder),
    recorder,
    retentionDays,
    async serve(endpoint, params) {
      const answer = ANSWERS[endpoint.operationId];
      if (!answer) throw new Error(`history does not serve ${endpoint.operationId}`);
      const data = await answer(store.db, clock, retentionDays, params);
      return { ok: true, body: envelopeBytes(data), cache: 'MISS', sourceId: HISTORY_SOURCE_ID, headers: { 'X-Served-From': HISTORY_SOURCE_ID } };
    },
    flush: () => recorder.flush(),
    close: () => recorder.close(),
  };
}

export { CHART_SPECS, CHART_OPERATIONS, PUBLIC_CHARTS, chartKeyOf, defaultChartKey, readChart, type PublicChart, type ChartKey } from './charts.js';
export { utcDayOf, addDays } from './days.js';
export { RANK_UP, RANK_SAME, RANK_DOWN, RANK_NEW } from './movement.js';
