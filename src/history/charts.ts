import { canonicalForm, findEndpoint, type AnyEndpoint } from '../catalog/index.js';
import type { ChartObservation } from '../upstream/index.js';

/** The charts history keeps; `ad` is the Top Ads list. */
export type ChartKind = 'hashtag' | 'song' | 'creator' | 'video' | 'ad';

/** What makes entries of two days of a chart the same entry: the upstream's id, or the name (case folded). */
export type EntryIdentity = 'id' | 'name';

/** Where a ranking lives in one operation's answer, and which of its fields name an entry. */
export interface ChartSpec {
  kind: ChartKind;
  /** Key of the item array in the payload. */
  list: string;
  id: string;
  name: string;
  /** The query param holding the chart's country (creators use `creator_country`). */
  countryParam: string;
  /** The numeric field movers rank growth by; absent where the chart has no such number. */
  metric?: string;
  /**
   * How entries are matched across days (movement, movers, history, watches). `name` for hashtags: a
   * hashtag's id differs between the Creative Center and TikTok One adapters, and a failover changes
   * which of them serves a chart (docs/upstreams.md § Source routing), while its name names one hashtag.
   * `id` elsewhere: a title or a nickname names no one entry.
   */
  identity: EntryIdentity;
}

/**
 * Every ranking operation history snapshots, by operation id. Operations missing from the catalog
 * (an older or newer build) are simply never observed.
 */
export const CHART_SPECS: Readonly<Record<string, ChartSpec>> = {
  'tiktok-popular-trend-hashtag': { kind: 'hashtag', list: 'list', id: 'hashtag_id', name: 'hashtag_name', countryParam: 'country_code', metric: 'video_views', identity: 'name' },
  'tiktok-popular-trend-song': { kind: 'song', list: 'sound_list', id: 'clip_id', name: 'title', countryParam: 'country_code', identity: 'id' },
  'tiktok-popular-trend-creator': { kind: 'creator', list: 'creators', id: 'tcm_id', name: 'nick_name', countryParam: 'creator_country', metric: 'follower_cnt', identity: 'id' },
  'tiktok-popular-trend-video': { kind: 'video', list: 'videos', id: 'item_id', name: 'title', countryParam: 'country_code', metric: 'video_views', identity: 'id' },
  'tiktok-top-ads-list': { kind: 'ad', list: 'materials', id: 'id', name: 'ad_title', countryParam: 'country_code', metric: 'ctr', identity: 'id' },
  'tiktok-creative-center-hashtags': { kind: 'hashtag', list: 'hashtags', id: 'hashtag_id', name: 'hashtag_name', countryParam: 'country_code', metric: 'video_views', identity: 'name' },
  'tiktok-creative-center-videos': { kind: 'video', list: 'videos', id: 'item_id', name: 'title', countryParam: 'country_code', metric: 'video_views', identity: 'id' },
};

/** The operation behind each chart the history endpoints and watches name. */
export const CHART_OPERATIONS = {
  hashtag: 'tiktok-popular-trend-hashtag',
  song: 'tiktok-popular-trend-song',
  creator: 'tiktok-popular-trend-creator',
  video: 'tiktok-popular-trend-video',
} as const;

/** The chart names callers use (movers, watches, collection). */
export type PublicChart = keyof typeof CHART_OPERATIONS;
export const PUBLIC_CHARTS = Object.keys(CHART_OPERATIONS) as PublicChart[];

/** The periods a chart takes, from its catalog entry's `period` param; null for a chart without one (creators). */
export function chartPeriods(chart: PublicChart): readonly number[] | null {
  const def = findEndpoint(CHART_OPERATIONS[chart])?.params.period;
  return def ? ((def.enum ?? []) as readonly number[]) : null;
}

/**
 * Why `period` names no chart of `chart`, in words, or null when it does. A chart without periods has
 * none to miss: whether a period given for it is an error is the caller's rule (`COLLECT` refuses it,
 * movers and watches ignore it).
 */
export function periodProblem(chart: PublicChart, period: number): string | null {
  const periods = chartPeriods(chart);
  return periods === null || periods.includes(period) ? null : `the ${chart} chart's period must be one of ${periods.join(', ')}`;
}

/** Params that select a window of a chart, not the chart itself. */
const WINDOW_PARAMS = new Set(['page', 'limit', 'count']);

/** One entry of a chart as history stores it. */
export interface ChartEntry {
  id: string;
  name: string;
  rank: number;
  metrics: Record<string, number>;
}

/** A chart answer reduced to what history keeps. */
export interface ChartReading {
  spec: ChartSpec;
  key: ChartKey;
  entries: ChartEntry[];
  /** How many entries the whole chart holds, as the answer says; null when the answer cannot know. */
  total: number | null;
}

/** Which chart an answer belongs to: operation, country, period and every other filter. */
export interface ChartKey {
  /** The canonical form of the chart's params without paging: `<operationId>?country_code=US&period=7`. */
  key: string;
  operationId: string;
  kind: ChartKind;
  /** The spec's: how the chart's entries are matched across days. */
  identity: EntryIdentity;
  country: string | null;
  period: number | null;
}

/** The chart key of an operation's params, or null when the operation is not a chart. */
export function chartKeyOf(operationId: string, params: Record<string, unknown>): ChartKey | null {
  const spec = CHART_SPECS[operationId];
  if (!spec) return null;
  const chartParams = Object.fromEntries(Object.entries(params).filter(([name]) => !WINDOW_PARAMS.has(name)));
  const country = chartParams[spec.countryParam];
  const period = chartParams.period;
  return {
    key: canonicalForm(operationId, chartParams),
    operationId,
    kind: spec.kind,
    identity: spec.identity,
    country: typeof country === 'string' ? country : Array.isArray(country) ? country.join(',') : null,
    period: typeof period === 'number' ? period : null,
  };
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** The payload that holds the list: the inner envelope's `data` for double-wrapped answers. */
export function payloadOf(endpoint: Pick<AnyEndpoint, 'envelope'>, data: unknown): Record<string, unknown> | null {
  const outer = record(data);
  return endpoint.envelope === 'double' ? record(outer?.data) : outer;
}

function totalOf(payload: Record<string, unknown>): number | null {
  const pagination = record(payload.pagination);
  const total = pagination?.total ?? pagination?.total_count ?? payload.total_count;
  return typeof total === 'number' ? total : null;
}

/** Numbers the entry carries at its top level, movement fields and durations aside. */
function metricsOf(item: Record<string, unknown>): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const [name, value] of Object.entries(item)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    if (name === 'rank' || name === 'rank_diff' || name === 'rank_diff_type' || name === 'duration') continue;
    metrics[name] = value;
  }
  return metrics;
}

/** Which adapter served an answer, and with what access (`X-Upstream-Adapter`, `X-Upstream-Access`). */
export type ServedBy = Pick<ChartObservation, 'adapter' | 'access'>;

/**
 * Whether the answer's total is only what anonymous TikTok One access reaches (the top 3 hashtags,
 * `total` 3; the first 4 videos): then it says nothing about the chart's size (its access levels,
 * docs/upstreams.md § TikTok One operations).
 */
function cappedTotal(served: ServedBy): boolean {
  return served.adapter === 'tiktok-one' && served.access === 'anonymous';
}

/**
 * Reads a chart out of an answer. Items without a rank get their position in the chart, counting the
 * window's offset (`(page−1)·limit`), so a page-2 answer lands at ranks 21–40.
 */
export function readChart(endpoint: AnyEndpoint, params: Record<string, unknown>, data: unknown, served: ServedBy): ChartReading | null {
  const key = chartKeyOf(endpoint.operationId, params);
  const spec = CHART_SPECS[endpoint.operationId];
  const payload = payloadOf(endpoint, data);
  if (!key || !spec || !payload || !Array.isArray(payload[spec.list])) return null;
  const page = typeof params.page === 'number' ? params.page : 1;
  const limit = typeof params.limit === 'number' ? params.limit : 0;
  const offset = (page - 1) * limit;
  const entries: ChartEntry[] = [];
  (payload[spec.list] as unknown[]).forEach((raw, index) => {
    const item = record(raw);
    const id = item?.[spec.id];
    if (!item || (typeof id !== 'string' && typeof id !== 'number')) return;
    const name = item[spec.name];
    entries.push({
      id: String(id),
      name: typeof name === 'string' ? name : String(id),
      rank: typeof item.rank === 'number' ? item.rank : offset + index + 1,
      metrics: metricsOf(item),
    });
  });
  return { spec, key, entries, total: cappedTotal(served) ? null : totalOf(payload) };
}

/**
 * The chart key of a public chart for a country and period, with every other param at its catalog
 * default: the chart a caller gets when asking for just that country and period.
 */
export function defaultChartKey(chart: PublicChart, country: string | null, period: number | null, endpoint: AnyEndpoint): ChartKey {
  const spec = CHART_SPECS[CHART_OPERATIONS[chart]] as ChartSpec;
  const params: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(endpoint.params)) {
    if (def.default !== undefined && !def.ignored && !WINDOW_PARAMS.has(name)) params[name] = def.default;
  }
  if (country !== null) params[spec.countryParam] = country;
  if ('period' in endpoint.params && period !== null) params.period = period;
  return chartKeyOf(endpoint.operationId, params) as ChartKey;
}
