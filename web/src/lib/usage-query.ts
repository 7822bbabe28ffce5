import type { Endpoint } from './catalog.js';
import type { KeyView } from './console-api.js';

/** The `range` values of docs/api-contract.md § Console API, with the words the Usage page shows for them. */
export const RANGE_CHOICES = [
  ['day', 'Today (UTC)'],
  ['week', 'Last 7 days'],
  ['month', 'Last 30 days'],
  ['period', 'This billing period'],
  ['custom', 'Custom dates'],
] as const;
export type RangeChoice = (typeof RANGE_CHOICES)[number][0];

/** The status classes the request log filters on (docs/api-contract.md § Console API also takes exact codes; the page offers classes). */
export const STATUS_CHOICES = [
  ['', 'All'],
  ['2xx', '2xx (success)'],
  ['4xx', '4xx (client error)'],
  ['5xx', '5xx (server error)'],
] as const;
export type StatusChoice = (typeof STATUS_CHOICES)[number][0];

/** Rows per page of `usage/requests`: the server clamps `limit` to 1–100 and defaults to 50. */
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;

/** docs/api-contract.md § Console API: a custom range covers at most 93 days, counting both end days. */
export const MAX_CUSTOM_DAYS = 93;
const DAY_MS = 86_400_000;

/** What every usage panel is scoped to. Dates are `YYYY-MM-DD` (UTC days, as the date inputs give them); `keyId` '' means all keys. */
export interface UsageScope {
  range: RangeChoice;
  from: string;
  to: string;
  keyId: string;
}

/** The request log's own filters. `endpoint` is an operation id, '' for all. */
export interface RequestFilter {
  status: StatusChoice;
  endpoint: string;
  limit: number;
}

export type ScopeCheck = { ok: true } | { ok: false; field: 'from' | 'to'; message: string };

/** Milliseconds of a `YYYY-MM-DD` UTC day, or null when it is not a real calendar date. */
export function parseDay(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? ms : null;
}

/** `YYYY-MM-DD` of a UTC instant. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The dates "Custom" starts from: the last 7 UTC days, today included (what "Last 7 days" shows). */
export function defaultCustomDates(now: number): { from: string; to: string } {
  return { from: dayOf(now - 6 * DAY_MS), to: dayOf(now) };
}

/** The scope with another range; choosing "Custom" with no dates yet fills in the last 7 days. */
export function withRange(scope: UsageScope, range: RangeChoice, now: number): UsageScope {
  if (range === 'custom' && scope.from === '' && scope.to === '') return { ...scope, range, ...defaultCustomDates(now) };
  return { ...scope, range };
}

/** The days a usage answer covers, from its half-open RFC 3339 `[from, to)`: "2026-02-25 – 2026-03-03 (UTC)". */
export function boundsInWords(from: string, to: string): string {
  const a = Date.parse(from);
  const b = Date.parse(to);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return '';
  const last = dayOf(b - 1);
  const first = dayOf(a);
  return first === last ? `${first} (UTC)` : `${first} – ${last} (UTC)`;
}

/** Days a custom range covers, both end days counted (the server's `[from's day, to's day + 1)`). */
export function customSpanDays(from: string, to: string): number | null {
  const a = parseDay(from);
  const b = parseDay(to);
  return a === null || b === null ? null : Math.round((b - a) / DAY_MS) + 1;
}

/**
 * Checks a scope before anything is sent, with the same rules as the server (docs/api-contract.md § Console API), and says
 * what is wrong in words. Only `custom` has anything to check.
 */
export function checkScope(scope: UsageScope): ScopeCheck {
  if (scope.range !== 'custom') return { ok: true };
  if (scope.from === '') return { ok: false, field: 'from', message: 'Choose a start date for the custom range.' };
  if (parseDay(scope.from) === null) return { ok: false, field: 'from', message: 'The start date is not a valid date. Use the form YYYY-MM-DD.' };
  if (scope.to === '') return { ok: false, field: 'to', message: 'Choose an end date for the custom range.' };
  if (parseDay(scope.to) === null) return { ok: false, field: 'to', message: 'The end date is not a valid date. Use the form YYYY-MM-DD.' };
  const days = customSpanDays(scope.from, scope.to)!;
  if (days < 1) return { ok: false, field: 'to', message: `The end date (${scope.to}) is before the start date (${scope.from}). Choose an end date on or after the start date.` };
  if (days > MAX_CUSTOM_DAYS) {
    return { ok: false, field: 'to', message: `A custom range can cover at most ${MAX_CUSTOM_DAYS} days; ${scope.from} to ${scope.to} covers ${days} days. Move the dates closer together.` };
  }
  return { ok: true };
}

function scopeParams(scope: UsageScope): URLSearchParams {
  const params = new URLSearchParams({ range: scope.range });
  if (scope.range === 'custom') {
    // RFC 3339 instants at the start of each UTC day; the server counts `to`'s whole day.
    params.set('from', `${scope.from}T00:00:00Z`);
    params.set('to', `${scope.to}T00:00:00Z`);
  }
  if (scope.keyId !== '') params.set('key_id', scope.keyId);
  return params;
}

/** The query string of usage/overview, usage/endpoints and usage/timeseries. Check the scope first. */
export function scopeQuery(scope: UsageScope): string {
  return scopeParams(scope).toString();
}

/** The query string of usage/requests: the scope, the log's filters, and the cursor of the page to fetch (null for the first). */
export function requestsQuery(scope: UsageScope, filter: RequestFilter, cursor: string | null): string {
  const params = scopeParams(scope);
  params.set('limit', String(Math.min(100, Math.max(1, Math.trunc(filter.limit) || DEFAULT_PAGE_SIZE))));
  if (filter.status !== '') params.set('status', filter.status);
  if (filter.endpoint !== '') params.set('endpoint', filter.endpoint);
  if (cursor !== null) params.set('cursor', cursor);
  return params.toString();
}

/** What the page calls each query parameter, for the server's field errors. */
const PARAM_LABELS: Record<string, string> = {
  range: 'Range',
  from: 'Start date',
  to: 'End date',
  key_id: 'Key',
  status: 'Status',
  endpoint: 'Endpoint',
  limit: 'Rows per page',
  cursor: 'Older requests',
};

/** Server wordings that name another parameter, said the page's way. */
const MESSAGE_WORDS: Record<string, string> = {
  'must not be before from': 'must not be before the start date',
  'is required with range=custom': 'is required for a custom range',
  'must be an RFC 3339 date-time': 'is not a valid date',
};

/** A usage route's 400 field errors in words ("End date must not be before the start date."), or null when there are none. */
export function fieldErrorsInWords(fields: Record<string, string>): string | null {
  const parts = Object.entries(fields).map(([param, message]) => `${PARAM_LABELS[param] ?? param} ${MESSAGE_WORDS[message] ?? message}`);
  return parts.length === 0 ? null : `Please check: ${parts.join('; ')}.`;
}

/** One option of a select. */
export interface Option {
  value: string;
  label: string;
}

/** The endpoint filter's options, grouped as catalog.json groups them, in catalog order; value is the operation id. */
export function endpointOptions(endpoints: readonly Pick<Endpoint, 'operationId' | 'path' | 'group'>[]): { group: string; options: Option[] }[] {
  const groups = new Map<string, Option[]>();
  for (const e of endpoints) {
    const list = groups.get(e.group) ?? [];
    list.push({ value: e.operationId, label: e.path });
    groups.set(e.group, list);
  }
  return [...groups].map(([group, options]) => ({ group, options }));
}

/** The key filter's options: masked key and name, with the status when the key no longer works. */
export function keyOptions(keys: readonly Pick<KeyView, 'id' | 'name' | 'masked_key' | 'status'>[]): Option[] {
  return keys.map((k) => ({ value: k.id, label: `${k.masked_key} — ${k.name}${k.status === 'active' ? '' : ` (${k.status})`}` }));
}
