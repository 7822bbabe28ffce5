import type { Catalog, Endpoint } from './catalog.js';
import { initialValues, type ParamValues } from './request-url.js';

/** The public history endpoint the Console's History page calls with one of the user's keys. */
export const HISTORY_OPERATION_ID = 'tiktok-popular-trend-hashtag-history';
/** The public movers endpoint the History page calls beside it, for the same chart. */
export const MOVERS_OPERATION_ID = 'tiktok-popular-trend-movers';

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

/** One of the History page's two endpoints: served, or why not (the operator switched it off, or this server has none). */
export type HistoryPart = { endpoint: Endpoint; missing: null } | { endpoint: null; missing: 'disabled' | 'absent' };

function part(catalog: Pick<Catalog, 'endpoints' | 'disabled'>, operationId: string): HistoryPart {
  const endpoint = catalog.endpoints.find((e) => e.operationId === operationId);
  if (endpoint) return { endpoint, missing: null };
  return { endpoint: null, missing: (catalog.disabled ?? []).includes(operationId) ? 'disabled' : 'absent' };
}

/**
 * The history and movers endpoints of a catalog, each on its own: the operator may switch either off
 * (`DISABLED_ENDPOINTS`, catalog.json's `disabled`), and the page then leaves out what needs it.
 */
export function historyEndpoints(catalog: Pick<Catalog, 'endpoints' | 'disabled'>): { history: HistoryPart; movers: HistoryPart } {
  return { history: part(catalog, HISTORY_OPERATION_ID), movers: part(catalog, MOVERS_OPERATION_ID) };
}

/**
 * Why the History page has no hashtag history to draw, in words, naming what the server still offers;
 * null when it has the history endpoint.
 */
export function noHistoryInWords(parts: { history: HistoryPart; movers: HistoryPart }): string | null {
  const { history, movers } = parts;
  if (history.missing === null) return null;
  if (history.missing === 'absent' && movers.missing === 'absent') return 'This server does not offer trend history.';
  if (history.missing === 'disabled' && movers.missing === 'disabled') {
    return 'The operator switched trend history off on this server (hashtag history and movers): there is nothing to draw here.';
  }
  const noHistory = history.missing === 'disabled' ? 'The operator switched hashtag history off on this server' : 'This server does not offer hashtag history';
  if (movers.missing === null) return `${noHistory}, so there is no rank to draw here; the movers of a chart are in the Playground.`;
  return `${noHistory}, and ${movers.missing === 'disabled' ? 'the operator switched movers off' : 'it offers no movers'}: there is nothing to draw here.`;
}

/** Why the History page draws no movers beside a history, in words; null when it has the movers endpoint. */
export function noMoversInWords(movers: HistoryPart): string | null {
  if (movers.missing === null) return null;
  return movers.missing === 'disabled'
    ? 'The operator switched movers off on this server, so only the rank history is drawn.'
    : 'This server does not offer movers, so only the rank history is drawn.';
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
