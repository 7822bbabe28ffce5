import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely';
import { utcDay } from '../billing/index.js';
import type { Database, UsageEventsTable } from '../store/index.js';

const DAY_MS = 86_400_000;

/** A half-open time range `[from, to)` in Unix ms, optionally narrowed to one key. */
export interface UsageRange {
  from: number;
  to: number;
  keyId?: string | undefined;
}

export interface UsageSummary {
  requests: number;
  successes: number;
  errors: number;
  credits: number;
  overage_credits: number;
  /** null when there were no requests. */
  avg_latency_ms: number | null;
  p95_latency_ms: number | null;
  /** HITs over 2xx answers; null when there were none. */
  cache_hit_ratio: number | null;
}

export interface EndpointUsage {
  operation_id: string;
  requests: number;
  successes: number;
  errors: number;
  credits: number;
  avg_latency_ms: number | null;
}

export interface DailyUsage {
  date: string;
  requests: number;
  successes: number;
  errors: number;
  credits: number;
}

/** `2xx`/`4xx`/`5xx` or one exact status. */
export type StatusFilter = { class: 2 | 4 | 5 } | { exact: number };

/** Where the previous page ended: the last row's time and request id. */
export interface RequestsCursor {
  time: number;
  requestId: string;
}

export interface RequestsQuery extends UsageRange {
  limit: number;
  cursor?: RequestsCursor | null;
  status?: StatusFilter | null;
  operationId?: string | null;
}

export type UsageEventRow = UsageEventsTable & { key_prefix: string | null; key_suffix: string | null };

export interface RequestsPage {
  requests: UsageEventRow[];
  nextCursor: string | null;
}

/** Opaque to clients: base64url of `<time>.<request id>`. */
export function encodeCursor(cursor: RequestsCursor): string {
  return Buffer.from(`${cursor.time}.${cursor.requestId}`).toString('base64url');
}

/** The cursor a client sent back, or null when it is not one of ours. */
export function decodeCursor(text: string): RequestsCursor | null {
  const match = /^(\d{1,16})\.([!-~]{1,128})$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  if (!match?.[1] || !match[2]) return null;
  return { time: Number(match[1]), requestId: match[2] };
}

/** The UTC days a range touches, oldest first. */
export function daysOf(range: Pick<UsageRange, 'from' | 'to'>): string[] {
  const days: string[] = [];
  for (let t = Math.floor(range.from / DAY_MS) * DAY_MS; t < range.to; t += DAY_MS) days.push(utcDay(t));
  return days;
}

function ratio(n: number, d: number, places: number): number | null {
  if (d === 0) return null;
  const f = 10 ** places;
  return Math.round((n / d) * f) / f;
}

// PostgreSQL sums BIGINT into NUMERIC, which pg hands over as a string.
const num = (v: unknown): number => Number(v ?? 0);

function dailyRows(db: Kysely<Database>, accountId: string, range: UsageRange) {
  const days = daysOf(range);
  let q = db
    .selectFrom('usage_daily')
    .where('account_id', '=', accountId)
    .where('day', '>=', days[0] ?? '9999-12-31')
    .where('day', '<=', days[days.length - 1] ?? '0000-01-01');
  if (range.keyId !== undefined) q = q.where('key_id', '=', range.keyId);
  return q;
}

function sums(eb: ExpressionBuilder<Database, 'usage_daily'>) {
  return [
    eb.fn.sum<number>('requests').as('requests'),
    eb.fn.sum<number>('successes').as('successes'),
    eb.fn.sum<number>('errors').as('errors'),
    eb.fn.sum<number>('credits').as('credits'),
    eb.fn.sum<number>('overage_credits').as('overage_credits'),
    eb.fn.sum<number>('latency_ms_sum').as('latency_ms_sum'),
    eb.fn.sum<number>('cache_hits').as('cache_hits'),
  ] as const;
}

function rawRows<O>(query: SelectQueryBuilder<Database, 'usage_events', O>, accountId: string, range: UsageRange) {
  let q = query.where('usage_events.account_id', '=', accountId).where('usage_events.time', '>=', range.from).where('usage_events.time', '<', range.to);
  if (range.keyId !== undefined) q = q.where('usage_events.key_id', '=', range.keyId);
  return q;
}

/** Nearest-rank p95 over the raw events of the range (raw events are kept 30 days). */
async function p95Latency(db: Kysely<Database>, accountId: string, range: UsageRange): Promise<number | null> {
  const counted = await rawRows(db.selectFrom('usage_events').select((eb) => eb.fn.countAll<number>().as('n')), accountId, range).executeTakeFirst();
  const n = num(counted?.n);
  if (n === 0) return null;
  const row = await rawRows(db.selectFrom('usage_events').select('latency_ms'), accountId, range)
    .orderBy('latency_ms', 'asc')
    .limit(1)
    .offset(Math.ceil(0.95 * n) - 1)
    .executeTakeFirst();
  return row ? num(row.latency_ms) : null;
}

export async function querySummary(db: Kysely<Database>, accountId: string, range: UsageRange): Promise<UsageSummary> {
  const row = await dailyRows(db, accountId, range).select(sums).executeTakeFirst();
  const requests = num(row?.requests);
  const successes = num(row?.successes);
  return {
    requests,
    successes,
    errors: num(row?.errors),
    credits: num(row?.credits),
    overage_credits: num(row?.overage_credits),
    avg_latency_ms: ratio(num(row?.latency_ms_sum), requests, 1),
    p95_latency_ms: await p95Latency(db, accountId, range),
    cache_hit_ratio: ratio(num(row?.cache_hits), successes, 4),
  };
}

export async function queryEndpoints(db: Kysely<Database>, accountId: string, range: UsageRange): Promise<EndpointUsage[]> {
  const rows = await dailyRows(db, accountId, range).select('operation_id').select(sums).groupBy('operation_id').execute();
  return rows
    .map((r) => ({
      operation_id: r.operation_id,
      requests: num(r.requests),
      successes: num(r.successes),
      errors: num(r.errors),
      credits: num(r.credits),
      avg_latency_ms: ratio(num(r.latency_ms_sum), num(r.requests), 1),
    }))
    .sort((a, b) => b.requests - a.requests || a.operation_id.localeCompare(b.operation_id));
}

export async function queryDaily(db: Kysely<Database>, accountId: string, range: UsageRange): Promise<DailyUsage[]> {
  const rows = await dailyRows(db, accountId, range).select('day').select(sums).groupBy('day').execute();
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return daysOf(range).map((date) => {
    const r = byDay.get(date);
    return { date, requests: num(r?.requests), successes: num(r?.successes), errors: num(r?.errors), credits: num(r?.credits) };
  });
}

export async function queryRequests(db: Kysely<Database>, accountId: string, query: RequestsQuery): Promise<RequestsPage> {
  let q = rawRows(
    db
      .selectFrom('usage_events')
      .leftJoin('api_keys', 'api_keys.id', 'usage_events.key_id')
      .selectAll('usage_events')
      .select(['api_keys.key_prefix as key_prefix', 'api_keys.key_suffix as key_suffix']),
    accountId,
    query,
  );
  const { status, cursor } = query;
  if (status && 'exact' in status) q = q.where('usage_events.status', '=', status.exact);
  if (status && 'class' in status) q = q.where('usage_events.status', '>=', status.class * 100).where('usage_events.status', '<', status.class * 100 + 100);
  if (query.operationId) q = q.where('usage_events.operation_id', '=', query.operationId);
  if (cursor) {
    q = q.where((eb) =>
      eb.or([
        eb('usage_events.time', '<', cursor.time),
        eb.and([eb('usage_events.time', '=', cursor.time), eb('usage_events.request_id', '<', cursor.requestId)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('usage_events.time', 'desc')
    .orderBy('usage_events.request_id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > query.limit && last ? encodeCursor({ time: last.time, requestId: last.request_id }) : null;
  return { requests: page, nextCursor };
}
