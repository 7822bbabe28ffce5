import type { UpstreamFailure, UpstreamResult } from '../source.js';
import { fetchWindow } from '../windowing.js';
import type { CallResult, UpstreamEnvelope } from './client.js';

/** Canonical params as `parseParams` produces them: defaulted, clamped, CSV as string[]. */
export type Params = Record<string, unknown>;

/** Upstream query params, in the order they are sent. */
export type Query = Record<string, string>;

/** What an operation may do: one upstream call through the page cache, single flight and budget. */
export interface OperationContext {
  call(path: string, query: Query, referer: string): Promise<CallResult>;
}

/** How one catalog endpoint is served from the radar API (docs/upstreams.md § Operations, docs/api-contract.md § Endpoints). */
export interface Operation {
  /** Radar paths it calls, e.g. `popular_trend/hashtag/list`. */
  readonly paths: readonly string[];
  /** Items per upstream page (U, docs/api-contract.md § Pagination) for windowed operations. */
  readonly pageSize?: number;
  run(ctx: OperationContext, params: Params): Promise<UpstreamResult>;
}

/** A transform's verdict on an upstream payload. */
export type Built = { ok: true; data: unknown } | { ok: false; failure: UpstreamFailure };

/** The payload did not have the shape this operation relies on. */
export function mismatch(message: string): { ok: false; failure: UpstreamFailure } {
  return { ok: false, failure: { kind: 'bad_response', detail: 'schema_mismatch', message } };
}

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Query value of a canonical param: CSV lists joined with commas, booleans as true/false. */
function queryValue(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** Copies the named params that are present, under the same upstream name (the default of docs/api-contract.md § Endpoints). */
export function pick(params: Params, names: readonly string[]): Query {
  const query: Query = {};
  for (const name of names) {
    const value = params[name];
    if (value !== undefined) query[name] = queryValue(value);
  }
  return query;
}

/** The inner envelope of a double-wrapped answer (docs/api-contract.md § Envelope), request id passed through or left out. */
export function innerEnvelope(data: unknown, requestId: string | undefined, withRequestId: boolean): unknown {
  return withRequestId && requestId !== undefined
    ? { code: 0, msg: 'OK', request_id: requestId, data }
    : { code: 0, msg: 'OK', data };
}

/** Pagination spellings of our responses (docs/api-contract.md § Pagination), each describing the caller's window. */
export type PaginationStyle = 'size' | 'video' | 'top-ads';

function pagination(style: PaginationStyle, page: number, size: number, total: number): Record<string, unknown> {
  const has_more = page * size < total;
  switch (style) {
    case 'size':
      return { page, size, total, has_more };
    case 'video':
      return { page, limit: size, total_count: total, has_more };
    case 'top-ads':
      return { page, size, total, total_count: total, has_more };
  }
}

/** Reads one upstream page's list and total, whichever of the three pagination spellings it uses. */
function readPage(envelope: UpstreamEnvelope, listKey: string): { items: unknown[]; total: number } | undefined {
  const data = envelope.data;
  if (!isRecord(data) || !Array.isArray(data[listKey])) return undefined;
  const items = data[listKey] as unknown[];
  const p = data.pagination;
  const total = isRecord(p) ? (p.total ?? p.total_count) : undefined;
  if (typeof total !== 'number' || !Number.isInteger(total) || total < 0) return undefined;
  return { items, total };
}

/**
 * An empty page inside the list's own total: the upstream withholds it, as TikTok does past page 1 of
 * Top Ads for a caller without a session (or whose session expired). Served, it would be a charged
 * empty page saying `has_more`, and a client walking the pages would pay for each one.
 */
function withheld(page: number, total: number): { ok: false; failure: UpstreamFailure } {
  return {
    ok: false,
    failure: {
      kind: 'unavailable',
      detail: 'login_required',
      message: `page ${page} of ${total} items withheld: no logged-in session (UPSTREAM_COOKIES unset, or its session expired)`,
      hint: `TikTok lists ${total} items but shows logged-out callers only the first page; this server has no working TikTok session for page ${page}.`,
    },
  };
}

/** A windowed list endpoint (docs/api-contract.md § Pagination): upstream pages of U items, sliced to the caller's window. */
export function pagedOperation(spec: {
  path: string;
  referer: string;
  pageSize: number;
  listKey: string;
  pagination: PaginationStyle;
  /** False only for the flagship, whose inner envelope carries no request_id (docs/api-contract.md § Upstream outcomes and caching). */
  requestId: boolean;
  query(params: Params): Query;
}): Operation {
  return {
    paths: [spec.path],
    pageSize: spec.pageSize,
    async run(ctx, params) {
      const page = params.page as number;
      const limit = params.limit as number;
      const base = spec.query(params);
      const window = await fetchWindow({
        page,
        limit,
        pageSize: spec.pageSize,
        fetchPage: async (upstreamPage) => {
          const query = { ...base, page: String(upstreamPage), limit: String(spec.pageSize) };
          const result = await ctx.call(spec.path, query, spec.referer);
          if (!result.ok) return result;
          const read = readPage(result.envelope, spec.listKey);
          if (!read) return mismatch(`${spec.path}: no ${spec.listKey} list with a pagination total`);
          return { ok: true, ...read, requestId: result.envelope.request_id };
        },
      });
      if (!window.ok) return window;
      if (window.items.length === 0 && (page - 1) * limit < window.total) return withheld(page, window.total);
      const data = { [spec.listKey]: window.items, pagination: pagination(spec.pagination, page, limit, window.total) };
      return { ok: true, data: innerEnvelope(data, window.requestId, spec.requestId) };
    },
  };
}

/** An endpoint served by one upstream call whose payload `build` reshapes. */
export function singleOperation(spec: {
  path: string;
  referer: string;
  query(params: Params): Query;
  build(data: unknown, params: Params, envelope: UpstreamEnvelope): Built;
}): Operation {
  return {
    paths: [spec.path],
    async run(ctx, params) {
      const result = await ctx.call(spec.path, spec.query(params), spec.referer);
      if (!result.ok) return result;
      return spec.build(result.envelope.data, params, result.envelope);
    },
  };
}
