import type { Kysely } from 'kysely';
import { ApiError } from '../http/index.js';
import { findEndpoint, type AnyEndpoint } from '../catalog/index.js';
import type { Clock } from '../clock.js';
import type { Database } from '../store/index.js';
import { CHART_OPERATIONS, CHART_SPECS, defaultChartKey, periodProblem, type PublicChart } from './charts.js';
import { addDays, utcDayOf } from './days.js';
import { entryDays, findEntry, firstSeen, rankSeries, readDay, storedDays, type StoredDay, type StoredEntry } from './snapshots.js';

/** The catalog entry of a public chart; the catalog always holds the four. */
export function chartEndpoint(chart: PublicChart): AnyEndpoint {
  const endpoint = findEndpoint(CHART_OPERATIONS[chart]);
  if (!endpoint) throw new Error(`catalog lacks ${CHART_OPERATIONS[chart]}`);
  return endpoint;
}

function chartLabel(chart: string, country: string | null, period: number | null): string {
  return `the ${chart} chart for ${country ?? 'all regions'}${period === null ? '' : `, period ${period}`}`;
}

/** `/tiktok/popular-trend/hashtag/history`: one point per stored day that held the hashtag. */
export async function hashtagHistory(db: Kysely<Database>, clock: Clock, retentionDays: number, params: Record<string, unknown>) {
  const name = params.hashtag_name as string | undefined;
  const id = params.hashtag_id as string | undefined;
  if (name === undefined && id === undefined) {
    throw ApiError.invalidInput([{ param: 'hashtag_name', message: 'or hashtag_id is required' }]);
  }
  // Both could name two different hashtags; answering for one of them would hide the mix-up.
  if (name !== undefined && id !== undefined) {
    throw ApiError.invalidInput([{ param: 'hashtag_id', message: 'must not be given with hashtag_name: give one of them' }]);
  }
  const country = (params.country_code as string | undefined) ?? null;
  const period = params.period as number;
  const requested = params.days as number;
  const days = Math.min(requested, retentionDays);
  const key = defaultChartKey('hashtag', country, period, chartEndpoint('hashtag'));
  const entry = await findEntry(db, key, id !== undefined ? { id } : { name });
  if (!entry) {
    const named = id !== undefined ? `id ${id}` : `"${name}"`;
    throw new ApiError('resource_not_found', {
      data: { error: 'resource_not_found', message: `No hashtag ${named} in ${chartLabel('hashtag', country, period)} in the stored history.` },
    });
  }
  const last = utcDayOf(clock.now());
  const first = addDays(last, -(days - 1));
  const [stored, points] = await Promise.all([storedDays(db, key.key, first, last), entryDays(db, key, entry.key, first, last)]);
  // A day that saw part of the chart without the hashtag cannot say it was off the chart: it is not covered.
  const held = new Set(points.map((p) => p.day));
  const covered = stored.filter((d) => d.complete || held.has(d.day)).map((d) => d.day);
  return {
    hashtag_id: entry.id,
    hashtag_name: entry.name,
    country_code: country,
    period,
    days,
    covered_days: covered,
    points: points.map((p) => ({
      date: p.day,
      rank: p.rank,
      publish_cnt: p.metrics.publish_cnt ?? null,
      video_views: p.metrics.video_views ?? null,
    })),
    retention_days: retentionDays,
    ...(days < requested
      ? { notice: `days was cut from ${requested} to ${days}: this instance keeps ${retentionDays} days of history (HISTORY_RETENTION_DAYS).` }
      : {}),
  };
}

type Direction = 'rising' | 'falling' | 'new' | 'dropped';

function growth(metric: number | null, previous: number | null): number | null {
  if (metric === null || previous === null || previous === 0) return null;
  return Math.round(((metric - previous) / previous) * 10_000) / 10_000;
}

/** `/tiktok/popular-trend/movers`: what moved between the latest stored day and one `since` days before. */
export async function movers(db: Kysely<Database>, clock: Clock, retentionDays: number, params: Record<string, unknown>) {
  const chart = params.chart as PublicChart;
  const direction = params.direction as Direction;
  const since = params.since as number;
  const sortBy = params.sort_by as 'rank_change' | 'metric_growth';
  const limit = params.limit as number;
  const country = (params.country_code as string | undefined) ?? null;
  const endpoint = chartEndpoint(chart);
  const period = 'period' in endpoint.params ? (params.period as number) : null;
  // The movers param takes every chart's periods; a period this chart has none of would only answer an empty list.
  const problem = period === null ? null : periodProblem(chart, period);
  if (problem !== null) throw ApiError.invalidInput([{ param: 'period', message: problem }]);
  const key = defaultChartKey(chart, country, period, endpoint);
  const metricName = CHART_SPECS[key.operationId]?.metric ?? null;
  const today = utcDayOf(clock.now());
  const stored = (await storedDays(db, key.key, addDays(today, -(retentionDays - 1)), today)).map((d) => d.day);
  const answer = { chart, country_code: country, period, direction, since, sort_by: sortBy, metric_name: metricName };
  const latestDay = stored.at(-1);
  const target = latestDay === undefined ? undefined : addDays(latestDay, -since);
  const baseDay = target === undefined ? undefined : ([...stored].reverse().find((d) => d <= target) ?? stored.find((d) => d !== latestDay));
  if (latestDay === undefined || baseDay === undefined) {
    return { ...answer, since_date: null, latest_date: latestDay ?? null, list: [] };
  }
  const [latest, base] = (await Promise.all([readDay(db, key, latestDay), readDay(db, key, baseDay)])) as [StoredDay, StoredDay];
  const metricOf = (entry: StoredEntry | undefined) => (entry && metricName ? (entry.metrics[metricName] ?? null) : null);
  const entryKeys = new Set([...latest.entries.keys(), ...base.entries.keys()]);
  const rows = [...entryKeys].flatMap((entryKey) => {
    const now = latest.entries.get(entryKey);
    const before = base.entries.get(entryKey);
    // Absence means something only on a day that holds the whole chart: new needs the whole base day, dropped the whole latest one.
    const include =
      direction === 'new'
        ? now && !before && base.complete
        : direction === 'dropped'
          ? !now && before && latest.complete
          : now && before && (direction === 'rising' ? before.rank > now.rank : before.rank < now.rank);
    if (!include) return [];
    const metric = metricOf(now);
    const previousMetric = metricOf(before);
    return [
      {
        entryKey,
        // As the upstream gave it: on the latest day, or on the earlier one for an entry that dropped out.
        id: (now ?? before)!.id,
        name: (now ?? before)!.name,
        rank: now?.rank ?? null,
        previous_rank: before?.rank ?? null,
        rank_change: now && before ? before.rank - now.rank : null,
        metric,
        previous_metric: previousMetric,
        metric_growth: growth(metric, previousMetric),
      },
    ];
  });
  const byRank = (a: (typeof rows)[number], b: (typeof rows)[number]) => (a.rank ?? a.previous_rank ?? 0) - (b.rank ?? b.previous_rank ?? 0);
  const byChange = (a: (typeof rows)[number], b: (typeof rows)[number]) => Math.abs(b.rank_change ?? 0) - Math.abs(a.rank_change ?? 0);
  const byGrowth = (a: (typeof rows)[number], b: (typeof rows)[number]) => (b.metric_growth ?? -Infinity) - (a.metric_growth ?? -Infinity);
  rows.sort((a, b) => (sortBy === 'metric_growth' ? byGrowth(a, b) || byChange(a, b) : byChange(a, b) || byGrowth(a, b)) || byRank(a, b));
  const listed = rows.slice(0, limit);
  const listedKeys = listed.map((r) => r.entryKey);
  const [series, seen] = await Promise.all([rankSeries(db, key, listedKeys, baseDay, latestDay), firstSeen(db, key, listedKeys)]);
  return {
    ...answer,
    since_date: baseDay,
    latest_date: latestDay,
    list: listed.map(({ entryKey, ...row }) => ({
      ...row,
      first_seen: seen.get(entryKey) ?? baseDay,
      sparkline: (series.get(entryKey) ?? []).map((p) => p.rank),
    })),
  };
}
