import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ParamError } from '../catalog/index.js';
import { envelope as restEnvelope, ERRORS, STATUS_MESSAGES, type ErrorCode } from '../http/index.js';

/** A REST answer as a tool sees it: status, the headers that carry metering, and the body's text. */
export interface RestAnswer {
  status: number;
  headers: Readonly<Record<string, string | undefined>>;
  body: string;
}

type Metering = Record<string, string | number | null>;

/**
 * Whether a source answered this request. `X-Upstream-Source` alone does not say so: demo mode puts
 * it on every API response, refusals included (docs/architecture.md § Sources and honest modes).
 * `X-Cache` comes only with a 2xx from a source, its cache or history, and `X-Upstream-Adapter` only
 * with those and an upstream-caused 404/5xx (docs/api-contract.md § Headers).
 */
function sourceAnswered(h: RestAnswer['headers']): boolean {
  return h['x-cache'] !== undefined || h['x-upstream-adapter'] !== undefined;
}

/** What a tool call cost and where its data came from, read from the REST answer's headers. */
function metering(answer: RestAnswer): Metering {
  const h = answer.headers;
  const number = (name: string) => (h[name] === undefined ? null : Number(h[name]));
  return {
    request_id: h['x-request-id'] ?? null,
    status: answer.status,
    credits_charged: number('x-credits-charged') ?? 0,
    credits_remaining: number('x-credits-remaining'),
    cache: h['x-cache'] ?? null,
    upstream_source: sourceAnswered(h) ? (h['x-upstream-source'] ?? null) : null,
    rate_limit_remaining: number('x-ratelimit-remaining'),
  };
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERRORS, value);
}

/** Our error code for a non-2xx envelope: `data.error`, a billing rejection's `reason`, or 400's `invalid_input`. */
function errorCode(status: number, data: Record<string, unknown>): string {
  if (isErrorCode(data.error)) return data.error;
  if (isErrorCode(data.reason)) return data.reason;
  if (status === 400) return 'invalid_input';
  return status >= 500 ? 'internal_error' : `http_${status}`;
}

/** The sentence a person reads: the field errors of a 400, a rejection's own message, else the catalog's. */
function errorMessage(code: string, data: Record<string, unknown>): string {
  if (Array.isArray(data.errors)) {
    return (data.errors as { param?: unknown; message?: unknown }[]).map((e) => `${String(e.param)} ${String(e.message)}`).join('; ');
  }
  if (typeof data.message === 'string') return data.message;
  const detail = typeof data.detail === 'string' ? ` (${data.detail})` : '';
  return (isErrorCode(code) ? ERRORS[code].doc : 'The request failed.') + detail;
}

function parse(body: string): { code?: unknown; msg?: unknown; data?: unknown } | null {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

/** Every tool error has one shape (docs/mcp.md § Results and errors): the code first in the text, the same facts as structured content. */
function toolError(code: string, message: string, status: number | null, envelope: object | null, meta: Metering): CallToolResult {
  return {
    isError: true,
    content: [{ type: 'text', text: `${code}: ${message}` }],
    structuredContent: { error: code, message, status, ...(envelope ? { envelope } : {}) },
    _meta: { trendlens: meta },
  };
}

/**
 * A REST answer as an MCP tool result. A 2xx returns the envelope exactly as REST sends it; anything
 * else is a tool error whose text starts with our error code, so a model and a person both see why.
 */
export function toolResult(answer: RestAnswer): CallToolResult {
  const envelope = parse(answer.body);
  const meta = metering(answer);
  if (answer.status >= 200 && answer.status < 300 && envelope) {
    return { content: [{ type: 'text', text: answer.body }], structuredContent: envelope as Record<string, unknown>, _meta: { trendlens: meta } };
  }
  const data = (envelope?.data !== null && typeof envelope?.data === 'object' ? envelope.data : {}) as Record<string, unknown>;
  const code = errorCode(answer.status, data);
  return toolError(code, errorMessage(code, data), answer.status, envelope, meta);
}

/**
 * Arguments the MCP layer refuses before any REST call, as the 400 `invalid_input` REST gives for a bad
 * param: the same envelope and text, nothing charged, no request made (so no request id).
 */
export function refusedInput(errors: readonly ParamError[]): CallToolResult {
  const body = JSON.stringify(restEnvelope(400, STATUS_MESSAGES[400] ?? 'Error', { errors }));
  return toolResult({ status: 400, headers: {}, body });
}

/**
 * The stdio server's own error when the Trendlens it calls gave no answer at all: no status, and every
 * metering field null, since there were no headers to read them from (a timed-out call may still have run).
 */
export function unreachable(reason: string): CallToolResult {
  const meta = { request_id: null, status: null, credits_charged: null, credits_remaining: null, cache: null, upstream_source: null, rate_limit_remaining: null };
  return toolError('trendlens_unreachable', `no answer from Trendlens (${reason})`, null, null, meta);
}
