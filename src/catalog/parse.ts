import type { AnyEndpoint } from './types.js';

/** Raw query as Fastify's parser gives it: repeated names become arrays. */
export type RawQuery = Record<string, string | string[] | undefined>;

export interface ParamError {
  param: string;
  message: string;
}

/** Parsed, defaulted, clamped and normalised params plus their canonical form (docs/api-contract.md § Params and canonical form). */
export interface CanonicalRequest {
  params: Record<string, unknown>;
  /** `<operationId>?<name>=<value>&…` in byte order of names; the cache key and idempotency fingerprint. */
  canonical: string;
}

export type ParseResult = ({ ok: true } & CanonicalRequest) | { ok: false; errors: ParamError[] };

/** RFC 3986 encoding: encodeURIComponent leaves !'()* alone, which RFC 3986 reserves. */
function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function serialise(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

/**
 * Control characters (C0, DEL and C1), and U+FFFD: what the query parser makes of bytes that are not
 * UTF-8 (`caf%E9`). Neither is anything TikTok could match, and sent upstream they would only cost
 * the caller credits.
 */
const UNREADABLE = /[\p{Cc}\ufffd]/u;

/**
 * Reads one param by its name or an alias: the canonical name wins (docs/api-contract.md § Params and canonical form, `q` alias). A repeated
 * CSV param is read as one list (`industry=1&industry=2` = `industry=1,2`); a repeated
 * scalar is an error.
 */
function rawValue(
  query: RawQuery,
  names: readonly string[],
  isList: boolean,
): { value?: string; repeated?: string } {
  for (const name of names) {
    const raw = query[name];
    if (raw === undefined) continue;
    // Empty copies count as absent, so `?x=&x=7` is `x=7`, not a repeated scalar.
    const given = Array.isArray(raw) ? raw.filter((v) => v.trim() !== '') : [raw];
    if (given.length > 1 && !isList) return { repeated: name };
    const trimmed = given.join(',').trim();
    // `?x=` is the same as absent (docs/api-contract.md § Params and canonical form), so an empty canonical name lets the alias speak.
    if (trimmed !== '') return { value: trimmed };
  }
  return {};
}

/**
 * Applies the parameter rules of docs/api-contract.md § Params and canonical form to a raw query: unknown params ignored, empties absent,
 * values trimmed, types/enums checked (every bad param listed), clamps and defaults applied; params
 * marked `ignored` are validated and then dropped.
 */
export function parseParams(endpoint: AnyEndpoint, query: RawQuery): ParseResult {
  const errors: ParamError[] = [];
  const params: Record<string, unknown> = {};

  for (const [name, hint] of Object.entries(endpoint.rejectedParams ?? {})) {
    if (query[name] !== undefined) errors.push({ param: name, message: hint });
  }

  for (const [name, def] of Object.entries(endpoint.params)) {
    const { value, repeated } = rawValue(query, [name, ...(def.aliases ?? [])], def.type === 'csv');
    if (repeated !== undefined) {
      errors.push({ param: repeated, message: 'must be given at most once' });
      continue;
    }
    if (value !== undefined && UNREADABLE.test(value)) {
      errors.push({ param: name, message: 'must be UTF-8 text without control characters once percent-decoded' });
      continue;
    }
    if (value === undefined) {
      if (def.required) errors.push({ param: name, message: 'is required' });
      else if (def.default !== undefined && !def.ignored) params[name] = def.default;
      continue;
    }
    const parsed = def.schema.safeParse(value);
    if (!parsed.success) {
      errors.push({ param: name, message: parsed.error.issues[0]?.message ?? 'is invalid' });
      continue;
    }
    const isEmptyList = Array.isArray(parsed.data) && parsed.data.length === 0;
    // An ignored param is validated only: it reaches neither the upstream nor the canonical form (docs/api-contract.md § Params and canonical form).
    if (!isEmptyList && !def.ignored) params[name] = parsed.data;
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, params, canonical: canonicalForm(endpoint.operationId, params) };
}

/** `<operationId>?a=1&b=2`: names in byte order, values RFC 3986-encoded (docs/api-contract.md § Params and canonical form). */
export function canonicalForm(operationId: string, params: Record<string, unknown>): string {
  const pairs = Object.keys(params)
    .filter((name) => params[name] !== undefined)
    .sort()
    .map((name) => `${name}=${rfc3986(serialise(params[name]))}`);
  return `${operationId}?${pairs.join('&')}`;
}
