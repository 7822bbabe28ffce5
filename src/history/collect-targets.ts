import type { Kysely } from 'kysely';
import { isCountryCode } from '../catalog/index.js';
import type { Database } from '../store/index.js';
import { chartEndpoint } from './answers.js';
import { defaultChartKey, PUBLIC_CHARTS, type ChartKey, type PublicChart } from './charts.js';

/** A chart the collector fetches once a UTC day. */
export interface CollectTarget {
  chart: PublicChart;
  country: string | null;
  period: number | null;
  key: ChartKey;
  /** `setting` for the `COLLECT` variable, `stored` for `trendlens collect add`. */
  origin: 'setting' | 'stored';
}

/** A target as written by hand: `hashtag:US:7`, `song:GB`, `creator`, `video::30` (no country = all regions). */
export function parseTarget(text: string, origin: CollectTarget['origin'] = 'setting'): CollectTarget {
  const [chartText = '', countryText = '', periodText = ''] = text.trim().split(':');
  const chart = chartText.toLowerCase();
  if (!PUBLIC_CHARTS.includes(chart as PublicChart)) {
    throw new Error(`"${text}": the chart must be one of ${PUBLIC_CHARTS.join(', ')}`);
  }
  return target(chart as PublicChart, countryText === '' ? null : countryText, periodText === '' ? null : periodText, origin, text);
}

/** Checks a target's parts against the chart's catalog entry (its country and period params). */
export function target(chart: PublicChart, countryText: string | null, periodText: string | number | null, origin: CollectTarget['origin'], shown: string = chart): CollectTarget {
  const endpoint = chartEndpoint(chart);
  const country = countryText === null ? null : countryText.toUpperCase();
  if (country !== null && !isCountryCode(country)) throw new Error(`"${shown}": ${countryText} is not an ISO 3166-1 alpha-2 country code`);
  const periodDef = endpoint.params.period;
  let period: number | null = null;
  if (periodDef) {
    period = periodText === null ? (periodDef.default as number) : Number(periodText);
    if (!periodDef.enum?.includes(period)) throw new Error(`"${shown}": the ${chart} chart's period must be one of ${periodDef.enum?.join(', ')}`);
  } else if (periodText !== null) {
    throw new Error(`"${shown}": the ${chart} chart has no period`);
  }
  return { chart, country, period, key: defaultChartKey(chart, country, period, endpoint), origin };
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
  return rows.map((row) => target(row.chart as PublicChart, row.country_code, row.period, 'stored'));
}

/** Stores a target; adding one twice keeps one. */
export async function addTarget(db: Kysely<Database>, t: CollectTarget, now: number): Promise<void> {
  await db
    .insertInto('collect_targets')
    .values({ chart_key: t.key.key, chart: t.chart, country_code: t.country, period: t.period, created_at: now })
    .onConflict((oc) => oc.column('chart_key').doNothing())
    .execute();
}

/** Removes a stored target; false when there was none. */
export async function removeTarget(db: Kysely<Database>, t: CollectTarget): Promise<boolean> {
  const result = await db.deleteFrom('collect_targets').where('chart_key', '=', t.key.key).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
