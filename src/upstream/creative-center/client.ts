import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { systemClock, type Clock } from '../../clock.js';
import type { UpstreamFailure } from '../source.js';
import { HeaderFactory } from './headers.js';
import { parseJsonKeepingIds } from './json.js';

/** The least budget worth starting an upstream attempt with. */
const MIN_ATTEMPT_MS = 20;

/** The upstream's own envelope (docs/upstreams.md § Envelope and pagination). */
export interface UpstreamEnvelope {
  code: number;
  msg: string;
  request_id?: string;
  data: unknown;
}

/** One radar call's outcome: the upstream envelope with code 0, or a classified failure. */
export type CallResult = { ok: true; envelope: UpstreamEnvelope } | { ok: false; failure: UpstreamFailure };

export interface CreativeCenterClientOptions {
  /** `…/creative_radar_api/v1/`; paths are resolved against it. */
  baseUrl: string;
  cookies?: readonly string[];
  webId?: string;
  userAgent?: string;
  /** Per-call timeout (docs/api-contract.md § Upstream outcomes and caching: 10 s). */
  timeoutMs?: number;
  /** Extra attempts after a network error, timeout or 5xx (bounded; default 2). */
  retries?: number;
  /** Delay before retry number `attempt` (0-based); injectable so tests do not wait. */
  backoff?: (attempt: number) => number;
  clock?: Clock;
  /** Keep-alive connections per upstream origin. */
  connections?: number;
  /** Largest response body read; anything bigger is an upstream error (default 16 MiB). */
  maxBodyBytes?: number;
}

export interface CallOptions {
  /** `performance.now()` milliseconds after which no attempt starts (the request budget). */
  deadline: number;
  /** Creative Center page sent as referer. */
  referer: string;
  signal?: AbortSignal;
}

/** Exponential backoff with jitter: about 250 ms, 500 ms, 1 s … capped at 2 s, each 50–100 %. */
export function exponentialBackoff(attempt: number): number {
  const base = Math.min(2000, 250 * 2 ** attempt);
  return base / 2 + Math.random() * (base / 2);
}

/** Network errors that mean no connection was made (docs/api-contract.md § Errors `connect_failed`). */
export const CONNECT_ERRORS = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** How one HTTP exchange ended, before the retry policy looks at it. */
type Attempt =
  | { type: 'response'; status: number; contentType: string; text?: string }
  | { type: 'network'; connectFailed: boolean; message: string }
  | { type: 'too_large'; bytes: number }
  | { type: 'timeout' };

/** What the retry loop does next. */
type Verdict =
  | { next: 'done'; result: CallResult }
  | { next: 'retry'; failure: UpstreamFailure }
  | { next: 'resign' };

const NON_JSON = { kind: 'bad_response', detail: 'non_json' } as const;

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

function isEnvelope(value: unknown): value is UpstreamEnvelope {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'number' && typeof v.msg === 'string' && (v.request_id === undefined || typeof v.request_id === 'string');
}

/** Classifies an HTTP answer by status and content type before any parsing (docs/upstreams.md § Upstream errors). */
function judgeResponse(status: number, contentType: string, text: string | undefined): Verdict {
  if (status === 404) return { next: 'done', result: { ok: false, failure: { kind: 'unavailable', detail: 'deprecated' } } };
  if ((status >= 300 && status < 400) || status === 401 || status === 403) {
    return { next: 'done', result: { ok: false, failure: { ...NON_JSON, message: `login wall (HTTP ${status})` } } };
  }
  if (status >= 500) {
    return { next: 'retry', failure: { kind: 'bad_response', detail: 'upstream_error', message: `upstream HTTP ${status}` } };
  }
  if (status < 200 || status >= 300 || text === undefined) {
    return { next: 'done', result: { ok: false, failure: { kind: 'bad_response', detail: 'upstream_error', message: `upstream HTTP ${status}` } } };
  }
  if (!isJsonContentType(contentType)) {
    return { next: 'done', result: { ok: false, failure: { ...NON_JSON, message: `content-type ${contentType || 'missing'}` } } };
  }
  let parsed: unknown;
  try {
    parsed = parseJsonKeepingIds(text);
  } catch {
    return { next: 'done', result: { ok: false, failure: { ...NON_JSON, message: 'malformed JSON' } } };
  }
  if (!isEnvelope(parsed)) {
    return { next: 'done', result: { ok: false, failure: { kind: 'bad_response', detail: 'schema_mismatch', message: 'no {code, msg} envelope' } } };
  }
  const { code, msg } = parsed;
  if (code === 0) {
    if (msg.toLowerCase() === 'deprecated') {
      return { next: 'done', result: { ok: false, failure: { kind: 'unavailable', detail: 'deprecated' } } };
    }
    return { next: 'done', result: { ok: true, envelope: parsed } };
  }
  if (code === 40101) return { next: 'resign' };
  if (code === 40004) return { next: 'done', result: { ok: false, failure: { kind: 'not_found', message: msg } } };
  return {
    next: 'done',
    result: { ok: false, failure: { kind: 'bad_response', detail: 'upstream_error', message: `upstream code ${code}: ${msg}` } },
  };
}

function judge(attempt: Attempt): Verdict {
  switch (attempt.type) {
    case 'response':
      return judgeResponse(attempt.status, attempt.contentType, attempt.text);
    case 'timeout':
      return { next: 'retry', failure: { kind: 'timeout' } };
    case 'too_large':
      return { next: 'done', result: { ok: false, failure: { kind: 'bad_response', detail: 'upstream_error', message: `body over ${attempt.bytes} bytes` } } };
    case 'network':
      return {
        next: 'retry',
        failure: attempt.connectFailed
          ? { kind: 'unavailable', detail: 'connect_failed' }
          : { kind: 'bad_response', detail: 'upstream_error', message: attempt.message },
      };
  }
}

/**
 * The Creative Center radar API over HTTP: signed headers, keep-alive pool, per-call timeout, bounded
 * retries with backoff on network errors, timeouts and 5xx, one re-sign on 40101 (docs/upstreams.md § How the client behaves).
 */
export class CreativeCenterClient {
  readonly headers: HeaderFactory;
  private readonly baseUrl: URL;
  private readonly agent: Agent;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoff: (attempt: number) => number;
  private readonly maxBodyBytes: number;

  constructor(opts: CreativeCenterClientOptions) {
    const base = opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`;
    this.baseUrl = new URL(base);
    this.headers = new HeaderFactory({
      clock: opts.clock ?? systemClock,
      cookies: opts.cookies,
      webId: opts.webId,
      userAgent: opts.userAgent,
    });
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.retries = opts.retries ?? 2;
    this.backoff = opts.backoff ?? exponentialBackoff;
    this.maxBodyBytes = opts.maxBodyBytes ?? 16 * 1024 * 1024;
    this.agent = new Agent({
      connections: opts.connections ?? 32,
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 600_000,
      connect: { timeout: Math.min(this.timeoutMs, 10_000) },
    });
  }

  /** GETs one radar path (`popular_trend/hashtag/list`) and classifies the answer. */
  async call(path: string, query: Readonly<Record<string, string>>, opts: CallOptions): Promise<CallResult> {
    const url = new URL(path, this.baseUrl);
    for (const [name, value] of Object.entries(query)) url.searchParams.append(name, value);

    let retriesLeft = this.retries;
    let resigned = false;
    for (let attemptNo = 0; ; ) {
      const remaining = opts.deadline - performance.now();
      // An attempt with only a sliver of budget left cannot succeed; it would only cost the upstream a call.
      if (remaining < MIN_ATTEMPT_MS || opts.signal?.aborted) return { ok: false, failure: { kind: 'timeout' } };
      const verdict = judge(await this.attempt(url, opts.referer, Math.min(this.timeoutMs, remaining), opts.signal));
      if (verdict.next === 'done') return verdict.result;
      if (verdict.next === 'resign') {
        // A fresh client often loses its first signed call (docs/upstreams.md § Transport and signing): re-sign once.
        if (resigned) return { ok: false, failure: { kind: 'bad_response', detail: 'no_permission' } };
        resigned = true;
        continue;
      }
      if (retriesLeft <= 0) return { ok: false, failure: verdict.failure };
      const delay = this.backoff(attemptNo++);
      if (performance.now() + delay >= opts.deadline) return { ok: false, failure: verdict.failure };
      retriesLeft--;
      if (delay > 0) {
        try {
          await sleep(delay, undefined, { signal: opts.signal });
        } catch {
          return { ok: false, failure: verdict.failure };
        }
      }
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private async attempt(url: URL, referer: string, timeoutMs: number, outer?: AbortSignal): Promise<Attempt> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const signal = outer ? AbortSignal.any([controller.signal, outer]) : controller.signal;
    try {
      const res = await request(url, {
        method: 'GET',
        headers: this.headers.build(referer),
        dispatcher: this.agent,
        signal,
      });
      const rawType = res.headers['content-type'];
      const contentType = (Array.isArray(rawType) ? rawType[0] : rawType) ?? '';
      if (res.statusCode < 200 || res.statusCode >= 300) {
        await res.body.dump();
        return { type: 'response', status: res.statusCode, contentType };
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
      return { type: 'response', status: res.statusCode, contentType, text: Buffer.concat(chunks).toString('utf8') };
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
