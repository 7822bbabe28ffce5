import createClient, { type Client } from 'openapi-fetch';
import { toTrendlensError } from './errors.js';
import { retryingFetch } from './retry.js';
import type { paths } from './schema.js';

export type { paths, components, operations } from './schema.js';
export { TrendlensError, toTrendlensError, type TrendlensErrorCode, type ErrorEnvelope, type FieldError } from './errors.js';
export { retryDelayMs, RETRIED_STATUSES } from './retry.js';

/** The typed client: openapi-fetch's, over the Trendlens API's paths. */
export type TrendlensClient = Client<paths>;

export interface TrendlensClientOptions {
  /** The server's origin, e.g. `http://localhost:8080`; paths carry `/api/v1`. */
  baseUrl: string;
  /** A `tl_live_…` API key, sent as `x-api-key`. */
  apiKey: string;
  /** Retries of a 429 or 503 after its `Retry-After` (default 2; 0 turns them off); a 503 without one is final. */
  retries?: number;
  /** Longest `Retry-After` worth waiting for; a longer one returns the answer (default 60 000 ms). */
  maxRetryDelayMs?: number;
  /** How to wait between attempts (default `setTimeout`); tests pass their own clock. */
  sleep?: (ms: number) => Promise<void>;
  /** The fetch to use (default the global one). */
  fetch?: (request: Request) => Promise<Response>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A typed Trendlens client. Every call is `client.GET(path, { params: { query } })` with paths, params
 * and responses checked against the API's OpenAPI document:
 *
 * ```ts
 * const client = createTrendlensClient({ baseUrl: 'http://localhost:8080', apiKey });
 * const { data, error } = await client.GET('/api/v1/tiktok/popular-trend/hashtag', { params: { query: { page: 1 } } });
 * ```
 */
export function createTrendlensClient(opts: TrendlensClientOptions): TrendlensClient {
  const base = opts.fetch ?? ((request: Request) => globalThis.fetch(request));
  return createClient<paths>({
    baseUrl: opts.baseUrl.replace(/\/+$/, ''),
    headers: { 'x-api-key': opts.apiKey },
    fetch: retryingFetch(base, { retries: opts.retries ?? 2, maxDelayMs: opts.maxRetryDelayMs ?? 60_000, sleep: opts.sleep ?? wait }),
  });
}

/** A fresh `Idempotency-Key` value: a random UUID. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}

/**
 * Request options carrying an `Idempotency-Key`, to spread into a call: a retry with the same key gets
 * the first answer back without a second charge.
 *
 * ```ts
 * await client.GET('/api/v1/tiktok/top-ads/list', { params: { query: {} }, ...withIdempotencyKey() });
 * ```
 */
export function withIdempotencyKey(key: string = idempotencyKey()): { headers: { 'Idempotency-Key': string } } {
  return { headers: { 'Idempotency-Key': key } };
}

/**
 * The data of a call's result, or a thrown TrendlensError carrying our error code, message, request
 * id and `Retry-After`.
 */
export function unwrap<D, E>(result: { data?: D; error?: E; response: Response }): D {
  if (result.error !== undefined || result.data === undefined) throw toTrendlensError(result.response, result.error);
  return result.data;
}
