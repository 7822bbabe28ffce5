import { Agent, request } from 'undici';
// The registry itself, not the metrics face: the face also holds the Fastify hook, which the web
// app's type-check (it reads the catalog's types, and through them this module's) cannot resolve.
import { countUpstreamCall, type UpstreamCallOutcome } from '../../metrics/registry.js';
import type { UpstreamAdapter, UpstreamFailure } from '../source.js';
import { callWithRetries, type CallFailed, type RetryPolicy, type Verdict } from './retries.js';

/** Network errors that mean no connection was made (docs/api-contract.md § Errors `connect_failed`). */
export const CONNECT_ERRORS = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The first string `code` on an error or its causes (undici nests the system error). */
export function errorCode(err: unknown): string | undefined {
  let cur: unknown = err;
  for (let depth = 0; depth < 4 && cur !== null && typeof cur === 'object'; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/** `application/json`, `…+json` or `text/json`, parameters ignored. */
export function isJsonContentType(contentType: string): boolean {
  const media = contentType.split(';')[0]!.trim().toLowerCase();
  return media === 'application/json' || media.endsWith('+json') || media === 'text/json';
}

/** A response header's value, or its first value when repeated. */
export function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** How one HTTP exchange ended, before an adapter judges it. `text` is absent where the body was not read. */
export type Exchange =
  | { type: 'response'; status: number; contentType: string; headers: Readonly<Record<string, string | string[] | undefined>>; text?: string }
  | { type: 'network'; connectFailed: boolean; message: string }
  | { type: 'too_large'; bytes: number }
  | { type: 'timeout' };

export interface ExchangeRequest {
  method: 'GET' | 'POST';
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

/** The limits an adapter's client takes from its caller. */
export interface TransportLimits {
  /** Per-call timeout (docs/api-contract.md § Upstream outcomes and caching: 10 s). */
  timeoutMs?: number;
  /** Keep-alive connections per upstream origin (default 32). */
  connections?: number;
  /** Largest response body read; anything bigger is an upstream error (default 16 MiB). */
  maxBodyBytes?: number;
}

export interface HttpTransportOptions extends TransportLimits, RetryPolicy {
  /** The adapter whose upstream this is: the `adapter` label of `trendlens_upstream_calls_total`. */
  adapter: UpstreamAdapter;
  /** Which statuses' bodies are worth reading; the rest are drained unread (default: 2xx). */
  readsBody?: (status: number) => boolean;
}

const isSuccess = (status: number) => status >= 200 && status < 300;

/**
 * How a failed call is labelled (README.md § Operating in public). "No such item" is a healthy
 * upstream's definite answer, as the circuit breaker takes it too; retirement is the catalog's word,
 * not an answer, and counts as unavailable should an adapter ever say it.
 */
function failureOutcome(failure: UpstreamFailure): UpstreamCallOutcome {
  if (failure.kind === 'not_found') return 'ok';
  return failure.kind === 'retired' ? 'unavailable' : failure.kind;
}

/** How one call ended, from the adapter's verdict on its answer. */
function callOutcome(verdict: Verdict<{ ok: true } | CallFailed>): UpstreamCallOutcome {
  switch (verdict.next) {
    case 'done':
      return verdict.result.ok ? 'ok' : failureOutcome(verdict.result.failure);
    case 'retry':
      return failureOutcome(verdict.failure);
    case 'again':
      // An adapter repairs in place only an answer it could not use (Creative Center's 40101 asks for a re-sign).
      return 'bad_response';
  }
}

/** Sends one request and reports how the exchange ended; it never throws. */
export type Send = (req: ExchangeRequest) => Promise<Exchange>;

/**
 * One upstream's HTTP connection pool and retry policy: each exchange runs under its own timeout and
 * the caller's signal, reads at most `maxBodyBytes`, and ends in an `Exchange` rather than a throw;
 * the adapter judges each one, and the retry loop acts on the verdict within the request budget.
 */
export class HttpTransport {
  private readonly adapter: UpstreamAdapter;
  private readonly timeoutMs: number;
  private readonly retryPolicy: RetryPolicy;
  private readonly agent: Agent;
  private readonly maxBodyBytes: number;
  private readonly readsBody: (status: number) => boolean;

  constructor(opts: HttpTransportOptions) {
    this.adapter = opts.adapter;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.maxBodyBytes = opts.maxBodyBytes ?? 16 * 1024 * 1024;
    this.readsBody = opts.readsBody ?? isSuccess;
    this.retryPolicy = { retries: opts.retries, backoff: opts.backoff };
    this.agent = new Agent({
      connections: opts.connections ?? 32,
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 600_000,
      connect: { timeout: Math.min(this.timeoutMs, 10_000) },
    });
  }

  /**
   * One upstream call: `attempt` sends one request (building it afresh each time, so signed headers and
   * session rotation stay per attempt) and judges the exchange; retries follow the verdict until the
   * `deadline` (`performance.now()` milliseconds) or the signal ends them. Every attempt is counted in
   * `trendlens_upstream_calls_total`, so retries and the calls of a source that failed before another
   * answered show there.
   */
  call<R extends { ok: true } | CallFailed>(budget: { deadline: number; signal?: AbortSignal }, attempt: (send: Send) => Promise<Verdict<R>>): Promise<R | CallFailed> {
    return callWithRetries(this.retryPolicy, { ...budget, timeoutMs: this.timeoutMs }, async (timeoutMs) => {
      const verdict = await attempt((req) => this.exchange(req, timeoutMs, budget.signal));
      countUpstreamCall(this.adapter, callOutcome(verdict));
      return verdict;
    });
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  /** Sends one request; `timeoutMs` is this exchange's share of the budget (at most the per-exchange timeout). */
  private async exchange(req: ExchangeRequest, timeoutMs: number, outer?: AbortSignal): Promise<Exchange> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const signal = outer ? AbortSignal.any([controller.signal, outer]) : controller.signal;
    try {
      const res = await request(req.url, { method: req.method, headers: req.headers, body: req.body, dispatcher: this.agent, signal });
      const contentType = firstHeader(res.headers['content-type']) ?? '';
      if (!this.readsBody(res.statusCode)) {
        await res.body.dump();
        return { type: 'response', status: res.statusCode, contentType, headers: res.headers };
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > this.maxBodyBytes) {
          res.body.destroy();
          return { type: 'too_large', bytes: this.maxBodyBytes };
        }
        chunks.push(chunk as Buffer);
      }
      return { type: 'response', status: res.statusCode, contentType, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') };
    } catch (err) {
      if (timedOut || signal.aborted) return { type: 'timeout' };
      const code = errorCode(err);
      return {
        type: 'network',
        connectFailed: code !== undefined && CONNECT_ERRORS.has(code),
        message: `network error${code ? ` ${code}` : ''}: ${(err as Error).message}`,
      };
    } finally {
      clearTimeout(timer);
    }
  }
}
