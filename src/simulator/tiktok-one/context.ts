import type { Int64 } from './protocol.js';

/** What a TikTok One route sees of a request. */
export interface OneContext {
  /** The JSON body of a POST (an empty object for GET). */
  body: Record<string, unknown>;
  query: URLSearchParams;
  nowMs: number;
  loggedIn: boolean;
  /** Writes int64 fields as `agw-js-conv` asks. */
  int: Int64;
  /** The long hashtag period this simulator accepts (the other one is refused). */
  longPeriod: 90 | 120;
  /** Called on the US video host (`/us/` prefix) rather than the main one. */
  usHost: boolean;
}

/** A whole number from a JSON body field or query value (numeric strings too), else undefined. */
export function wholeNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^-?[0-9]{1,15}$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** `page` ≥ 1 (default 1) and `limit` 1…max (default 20); a limit out of range is refused. */
export function pageAndLimit(pageRaw: unknown, limitRaw: unknown, max: number): { page: number; limit: number } | string {
  const page = pageRaw === undefined || pageRaw === '' ? 1 : wholeNumber(pageRaw);
  const limit = limitRaw === undefined || limitRaw === '' ? 20 : wholeNumber(limitRaw);
  if (page === undefined || page < 1) return 'page must be a whole number ≥ 1';
  if (limit === undefined || limit < 1 || limit > max) return `limit must be 1–${max}`;
  return { page, limit };
}
