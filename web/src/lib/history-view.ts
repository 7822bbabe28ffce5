import type { Endpoint } from './catalog.js';
import { initialValues, type ParamValues } from './request-url.js';
import { MOVERS_OPERATION_ID } from './watches.js';

/** The public history endpoint the Console's History page calls with one of the user's keys. */
export const HISTORY_OPERATION_ID = 'tiktok-popular-trend-hashtag-history';

/** The history params the page asks for; the rest keep their catalog defaults. */
const HISTORY_FIELDS = ['hashtag_name', 'country_code', 'period', 'days'] as const;

/** The history endpoint cut to the page's fields, for the catalog-built param form. */
export function historyForm(endpoint: Endpoint): Endpoint {
  return { ...endpoint, params: endpoint.params.filter((p) => (HISTORY_FIELDS as readonly string[]).includes(p.name)) };
}

/** Starting values: the catalog's examples for the name and country, so the first draw works in the demo. */
export function startingHistoryValues(form: Endpoint): Record<string, string> {
  const values = initialValues(form);
  for (const p of form.params) if (p.example !== undefined && (p.name === 'hashtag_name' || p.name === 'country_code')) values[p.name] = p.example;
  return values;
}

/** The movers request beside a history: the same hashtag chart (country, period), over the same days. */
export function moversValues(history: ParamValues, direction: string): Record<string, string> {
  return {
    chart: 'hashtag',
    country_code: history.country_code ?? '',
    period: history.period ?? '',
    since: history.days ?? '',
    direction,
  };
}

/** The history and movers endpoints of a catalog; null for a server without history. */
export function historyEndpoints(endpoints: readonly Endpoint[]): { history: Endpoint; movers: Endpoint } | null {
  const history = endpoints.find((e) => e.operationId === HISTORY_OPERATION_ID);
  const movers = endpoints.find((e) => e.operationId === MOVERS_OPERATION_ID);
  return history && movers ? { history, movers } : null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a 2xx history answer says beside its points: how many days it drew over, and any notice. */
export function historySummary(body: unknown): { points: number; coveredDays: number; notice: string | null } | null {
  const data = isRecord(body) && isRecord(body.data) ? body.data : null;
  if (!data || !Array.isArray(data.points)) return null;
  return {
    points: data.points.length,
    coveredDays: Array.isArray(data.covered_days) ? data.covered_days.length : 0,
    notice: typeof data.notice === 'string' ? data.notice : null,
  };
}

/** A 2xx movers answer: how many it lists and the two stored days it compared (null where history has none). */
export function moversSummary(body: unknown): { count: number; sinceDate: string | null; latestDate: string | null } {
  const data = isRecord(body) && isRecord(body.data) ? body.data : {};
  const day = (v: unknown) => (typeof v === 'string' ? v : null);
  return { count: Array.isArray(data.list) ? data.list.length : 0, sinceDate: day(data.since_date), latestDate: day(data.latest_date) };
}

/** Why a movers list is empty, in words: no stored day, one stored day, or nothing moved that way. */
export function emptyMoversInWords(summary: { sinceDate: string | null; latestDate: string | null }, direction: string, formatDay: (day: string) => string): string {
  if (summary.latestDate === null) return 'History holds no day of this chart yet.';
  if (summary.sinceDate === null || summary.sinceDate === summary.latestDate) {
    return `History holds only ${formatDay(summary.latestDate)} of this chart: there is no earlier day to compare with yet.`;
  }
  return `No ${direction} hashtags between ${formatDay(summary.sinceDate)} and ${formatDay(summary.latestDate)}.`;
}
