/**
 * The Top Ads option sets Trendlens owns (docs/api-contract.md § Top Ads: list and filters): each value with the label
 * people see. top-ads/list validates its params against them and top-ads/filters serves them, so the
 * two can never disagree.
 */
export const ORDER_BY = [
  ['for_you', 'For You'],
  ['impression', 'Impressions'],
  ['ctr', 'CTR'],
  ['play_2s_rate', '2s view rate'],
  ['play_6s_rate', '6s view rate'],
  ['cvr', 'CVR'],
  ['like', 'Likes'],
] as const;

export const PERIODS = [
  [7, 'Last 7 days'],
  [30, 'Last 30 days'],
  [180, 'Last 180 days'],
] as const;

export const DURATIONS = [
  ['time-2', '≤ 10s'],
  ['time-3', '10–20s'],
  ['time-4', '20–30s'],
  ['time-5', '30–40s'],
  ['time-6', '40–60s'],
  ['time-7', '> 60s'],
] as const;

/** Like-percentile buckets. */
export const LIKE_BUCKETS = [
  ['1', 'Top 1–20%'],
  ['2', 'Top 21–40%'],
  ['3', 'Top 41–60%'],
  ['4', 'Top 61–80%'],
  ['5', 'Top 81–100%'],
] as const;

export const AD_FORMATS = [
  ['1', 'Spark Ads'],
  ['2', 'Non-Spark Ads'],
] as const;

/** An option set in words for a param's description: `time-2` ≤ 10s, `time-3` 10–20s, … */
export function described(options: ReadonlyArray<readonly [string | number, string]>): string {
  return options.map(([value, label]) => `\`${value}\` ${label}`).join(', ');
}

/** The values of an option set, as a tuple the param builders can narrow to. */
export function valuesOf<const T extends ReadonlyArray<readonly [string | number, string]>>(options: T): Array<T[number][0]> {
  return options.map(([value]) => value);
}
