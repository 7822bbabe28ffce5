import type { Catalog } from './catalog.js';
import type { WatchView } from './console-api.js';
import { formatNumber } from './format.js';

/** The three kinds of watch, with the words the create form shows for each. */
export const WATCH_KINDS = [
  { kind: 'entry', label: 'A name enters the chart', hint: 'Fires when the name appears in the chart, or in its top N when you give one.' },
  { kind: 'new_entry', label: 'Any new entry in the top N', hint: 'Fires for every entry that was not in the top N the day before.' },
  { kind: 'rank_change', label: 'A rank change of at least k places', hint: 'Fires for every entry that moves k or more places, up or down (within the top N when given).' },
] as const;

export type WatchKind = (typeof WATCH_KINDS)[number]['kind'];

/** The create form's values, as typed; the names are the Console API's, so its field errors land on them. */
export interface WatchDraft {
  kind: WatchKind;
  chart: string;
  country_code: string;
  period: string;
  name: string;
  top_n: string;
  min_change: string;
  endpoint_id: string;
}

/** Which fields each kind takes besides the chart and the endpoint; `required` are the ones it cannot do without. */
export const KIND_FIELDS: Readonly<Record<WatchKind, { name: boolean; min_change: boolean; topNRequired: boolean }>> = {
  entry: { name: true, min_change: false, topNRequired: false },
  new_entry: { name: false, min_change: false, topNRequired: true },
  rank_change: { name: false, min_change: true, topNRequired: false },
};

/** A whole number as a number; anything else as typed, so the server names what is wrong with it. */
function integerOrText(raw: string): number | string {
  const value = raw.trim();
  return /^-?\d+$/.test(value) ? Number(value) : value;
}

/**
 * The `POST watches` body for a draft: only the kind's fields; empty optional fields left out so the
 * server applies its default (all regions, the chart's default period, the whole chart).
 */
export function watchBody(draft: WatchDraft): Record<string, unknown> {
  const fields = KIND_FIELDS[draft.kind];
  const body: Record<string, unknown> = { kind: draft.kind, chart: draft.chart, endpoint_id: draft.endpoint_id };
  if (draft.country_code.trim() !== '') body.country_code = draft.country_code.trim();
  if (draft.period.trim() !== '') body.period = integerOrText(draft.period);
  if (fields.name) body.name = draft.name;
  if (fields.min_change) body.min_change = integerOrText(draft.min_change);
  if (draft.top_n.trim() !== '' || fields.topNRequired) body.top_n = integerOrText(draft.top_n);
  return body;
}

/** What a watch looks for, in words: "#coffee enters the top 10", "moves 5 or more places". */
export function watchRule(watch: Pick<WatchView, 'kind' | 'name' | 'top_n' | 'min_change'>): string {
  const top = watch.top_n === null ? 'the chart' : `the top ${formatNumber(watch.top_n)}`;
  if (watch.kind === 'entry') return `“${watch.name ?? ''}” enters ${top}`;
  if (watch.kind === 'new_entry') return `Any new entry in ${top}`;
  const places = `${formatNumber(watch.min_change)} or more places`;
  return watch.top_n === null ? `Any entry moves ${places}` : `An entry in ${top} moves ${places}`;
}

/** A chart's scope in words: "US, 7 days"; "all regions" and "default period" where none is set. */
export function chartScope(country: string | null, period: number | null): string {
  return `${country ?? 'all regions'}, ${period === null ? 'default period' : `${formatNumber(period)} days`}`;
}

/** How much of a limit is used: "3 of 5 watches". */
export function limitInWords(count: number, limit: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} of ${formatNumber(limit)} ${limit === 1 ? one : many}`;
}

/** What a chart picker offers: the chart names, and every period some chart takes (in days, ascending). */
export interface ChartChoices {
  charts: string[];
  /** A period the chosen chart does not take (video has no 120), the server refuses on the period field. */
  periods: string[];
}

/**
 * The charts and periods a watch or a collected chart can name: catalog.json's `charts`, the list the
 * Console API checks them against. Not a public endpoint's params: the operator may switch any endpoint
 * off (`DISABLED_ENDPOINTS`), movers included, and watches and collection need none of them.
 */
export function chartChoices(catalog: Pick<Catalog, 'charts'>): ChartChoices {
  const charts = Array.isArray(catalog.charts) ? catalog.charts : [];
  const periods = [...new Set(charts.flatMap((c) => c.periods ?? []))].sort((a, b) => a - b);
  return { charts: charts.map((c) => c.chart), periods: periods.map(String) };
}

/** Why a chart picker has nothing to offer, in words ("nothing to watch", "nothing to collect"); null when it has charts. */
export function noChartsInWords(choices: ChartChoices, nothingTo: 'watch' | 'collect'): string | null {
  if (choices.charts.length > 0) return null;
  return `No chart to choose: this server's catalog (/api/v1/catalog.json) lists none, so there is nothing to ${nothingTo}.`;
}
