import type { Kysely } from 'kysely';
import { isCountryCode } from '../catalog/index.js';
import type { Database } from '../store/index.js';
import { chartEndpoint } from './answers.js';
import { chartPeriods, defaultChartKey, periodProblem, PUBLIC_CHARTS, type ChartKey, type PublicChart } from './charts.js';

/** A chart the collector fetches once a UTC day. */
export interface CollectTarget {
  chart: PublicChart;
  country: string | null;
  period: number | null;
  key: ChartKey;
  /** `setting` for the `COLLECT` variable, `stored` for `trendlens collect add`. */
  origin: 'setting' | 'stored';
}

/** One part of a target that cannot be collected, and why in words. */
export interface TargetProblem {
  part: 'chart' | 'country' | 'period';
  reason: string;
}

/** A target that cannot be collected; `problems` names each bad part (the Console's 400 lists them). */
export class TargetError extends Error {
  constructor(
    shown: string,
    readonly problems: readonly TargetProblem[],
  ) {
    super(`"${shown}": ${problems.map((p) => p.reason).join('; ')}`);
  }
}

function isPublicChart(chart: string): chart is PublicChart {
  return (PUBLIC_CHARTS as readonly string[]).includes(chart);
}

/**
 * Checks a target's parts against the chart's catalog entry (its country and period params): the one
 * check behind `COLLECT`, `trendlens collect add` and the Console. No country = all regions; no period
 * = the chart's default. Throws TargetError naming every bad part; the country is checked whatever
 * the chart, the period only against a known chart.
 */
export function target(parts: { chart: string; country: string | null; period: string | number | null }, origin: CollectTarget['origin'], shown: string = parts.chart): CollectTarget {
  const chart = parts.chart.trim().toLowerCase();
  const problems: TargetProblem[] = [];
  if (!isPublicChart(chart)) problems.push({ part: 'chart', reason: `the chart must be one of ${PUBLIC_CHARTS.join(', ')}` });
  const country = parts.country === null ? null : parts.country.toUpperCase();
  if (country !== null && !isCountryCode(country)) problems.push({ part: 'country', reason: `${parts.country} is not an ISO 3166-1 alpha-2 country code` });
  if (!isPublicChart(chart)) throw new TargetError(shown, problems);
  const endpoint = chartEndpoint(chart);
  let period: number | null = null;
  if (chartPeriods(chart) !== null) {
    period = parts.period === null ? (endpoint.params.period?.default as number) : Number(parts.period);
    const problem = periodProblem(chart, period);
    if (problem !== null) problems.push({ part: 'period', reason: problem });
  } else if (parts.period !== null) {
    problems.push({ part: 'period', reason: `the ${chart} chart has no period` });
  }
  if (problems.length > 0) throw new TargetError(shown, problems);
  return { chart, country, period, key: defaultChartKey(chart, country, period, endpoint), origin };
}

/** A target as written by hand: `hashtag:US:7`, `song:GB`, `creator`, `video::30` (no country = all regions). */
export function parseTarget(text: string, origin: CollectTarget['origin'] = 'setting'): CollectTarget {
  const [chart = '', country = '', period = ''] = text.trim().split(':');
  return target({ chart, country: country === '' ? null : country, period: period === '' ? null : period }, origin, text);
}

/** The `COLLECT` setting: comma-separated targets. Throws naming the first bad one. */
export function parseCollectSetting(text: string): CollectTarget[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => parseTarget(s));
}

/** How a target is written back: `hashtag:US:7`. */
export function targetLabel(t: Pick<CollectTarget, 'chart' | 'country' | 'period'>): string {
  return [t.chart, t.country ?? '', t.period ?? ''].join(':').replace(/:+$/, '');
}

/** Targets added with the CLI. */
export async function storedTargets(db: Kysely<Database>): Promise<CollectTarget[]> {
  const rows = await db.selectFrom('collect_targets').selectAll().orderBy('created_at').execute();
  return rows.map((row) => target({ chart: row.chart, country: row.country_code, period: row.period }, 'stored'));
}

/** Stores a target; adding one twice keeps one. False when it was stored already. */
export async function addTarget(db: Kysely<Database>, t: CollectTarget, now: number): Promise<boolean> {
  const result = await db
    .insertInto('collect_targets')
    .values({ chart_key: t.key.key, chart: t.chart, country_code: t.country, period: t.period, created_at: now })
    .onConflict((oc) => oc.column('chart_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Removes a stored target; false when there was none. */
export async function removeTarget(db: Kysely<Database>, t: CollectTarget): Promise<boolean> {
  const result = await db.deleteFrom('collect_targets').where('chart_key', '=', t.key.key).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
