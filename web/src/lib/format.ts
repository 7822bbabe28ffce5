/**
 * Numbers, dates and counts for people: the reader's locale for digits, one time format with its
 * zone (UTC, as the server counts days and resets) and plurals that agree with their number.
 */

/** `5,336,592,219` in the reader's locale; `—` for a missing value. */
export function formatNumber(value: number | null | undefined, locale?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString(locale, { maximumFractionDigits: Number.isInteger(value) ? 0 : 2 });
}

/** `5.3B`, `12K`: compact, with at most `fractionDigits` decimals. */
export function formatCompact(value: number, locale?: string, fractionDigits = 1): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: fractionDigits }).format(value);
}

/**
 * An axis's tick labels, compact like `formatCompact` but with as many decimals as it takes to tell
 * neighbouring ticks apart: `0.85 0.9 0.95 1`, never `0.9 0.9 1 1`; `1M 1.05M 1.1M`, never `1M 1.1M 1.1M`.
 */
export function formatTicks(ticks: readonly number[], locale?: string): string[] {
  let labels: string[] = [];
  for (let digits = 1; digits <= 4; digits++) {
    labels = ticks.map((t) => formatCompact(t, locale, digits));
    if (new Set(labels).size === new Set(ticks).size) break;
  }
  return labels;
}

/** A ratio as a percentage: 0.88 → `88%`, 0.0123 → `1.23%`. */
export function formatPercent(ratio: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: Math.abs(ratio) < 0.1 ? 2 : 1 }).format(ratio);
}

/** `2 Dec 2026, 02:05 UTC`: every time in the app reads the same way, with its zone. */
export function formatTime(iso: string | number | null | undefined, locale?: string): string {
  if (iso === null || iso === undefined || iso === '') return 'never';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return `${date.toLocaleString(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })} UTC`;
}

/** `21 Apr 2026`: a calendar day (UTC), from an ISO date, an ISO time or Unix seconds. */
export function formatDay(value: string | number, locale?: string): string {
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toLocaleDateString(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
}

/** `21 Apr`: a calendar day (UTC) without its year, for axis labels. */
export function formatShortDay(value: string, locale?: string): string {
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString(locale, { timeZone: 'UTC', day: 'numeric', month: 'short' });
}

/** `1 error`, `2 errors`, `1,024 items`; `many` defaults to `one` + "s". */
export function plural(count: number, one: string, many = `${one}s`, locale?: string): string {
  return `${formatNumber(count, locale)} ${count === 1 ? one : many}`;
}

const RATIO_KEYS = /(^|_)(ctr|cvr|rate|ratio|percent|share|retain)(_|$)/;
const TIME_KEYS = /(^|_)(time|timestamp|date|at)$/;

/**
 * A response value as a table cell: big counts grouped, ratios named like `ctr` as percentages,
 * Unix times under time-like keys as dates. Anything else is its plain text.
 */
export function formatCell(key: string, value: string | number | boolean, locale?: string): string {
  if (typeof value !== 'number') return String(value);
  const name = key.toLowerCase();
  if (RATIO_KEYS.test(name) && value >= 0 && value <= 1) return formatPercent(value, locale);
  if (TIME_KEYS.test(name) && value > 946_684_800 && value < 4_102_444_800) return formatDay(value, locale);
  if (/(^|_)id$/.test(name)) return String(value);
  return formatNumber(value, locale);
}
