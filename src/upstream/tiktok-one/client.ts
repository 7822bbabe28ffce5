import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { CONNECT_ERRORS, errorCode, exponentialBackoff, isJsonContentType } from '../creative-center/client.js';
import { cookieValue, DEFAULT_USER_AGENT } from '../creative-center/headers.js';
import { parseJsonKeepingIds } from '../creative-center/json.js';
import type { UpstreamFailure } from '../source.js';

/** The least budget worth starting an upstream attempt with. */
const MIN_ATTEMPT_MS = 20;

/** TikTok One's id-shaped keys (`hashtagID`, `itemID`, `authorID`): big integers under them stay exact. */
const ID_KEY = /(?:ID|Id|^id)$/;

/** `BaseResp.StatusCode` of a call that needs a logged-in session (docs/upstreams.md § TikTok One). */
const INVALID_LOGIN_CODE = 38001001;

/** The trends page the web app calls from, sent as referer and origin. */
export const TIKTOK_ONE_ORIGIN = 'https://ads.tiktok.com';
const TRENDS_PAGE = `${TIKTOK_ONE_ORIGIN}/creative/creativeCenter/trends/hashtag`;

/** One TikTok One call: a JSON POST body or GET query, on the global host or the US one. */
export interface TikTokOneRequest {
  method: 'GET' | 'POST';
  /** Relative to the base URL, e.g. `CreativeOne/KnowledgeAPI/GetHashtagList`. */
  path: string;
  query?: Readonly<Record<string, string>>;
  body?: Readonly<Record<string, unknown>>;
  /** US top contents live on their own host. */
  host: 'global' | 'us';
}

/** A call's payload (the top-level object beside `BaseResp`) and TikTok's log id, or a failure. */
export type TikTokOneCallResult =
  | { ok: true; payload: Record<string, unknown>; logId?: string }
  | { ok: false; failure: UpstreamFailure };

export interface TikTokOneClientOptions {
  /** `https://ads.tiktok.com/`, or the simulator's `tiktokOne.baseUrl`. */
  baseUrl: string;
  /** `https://ads.us.tiktok.com/`, or the simulator's `tiktokOne.usBaseUrl`. */
  usBaseUrl: string;
  /** The operator's TikTok One session cookie strings, used round-robin. */
  cookies?: readonly string[];
  userAgent?: string;
  /** Per-call timeout (default 10 s). */
  timeoutMs?: number;
  /** Extra attempts after a network error, timeout or 5xx (default 2). */
  retries?: number;
  backoff?: (attempt: number) => number;
  connections?: number;
  /** Largest response body read (default 16 MiB). */
  maxBodyBytes?: number;
}

export interface TikTokOneCallOptions {
  /** `performance.now()` milliseconds after which no attempt starts. */
  deadline: number;
  signal?: AbortSignal;
}

type Attempt =
  | { type: 'response'; status: number; contentType: string; text?: string; logId?: string }
  | { type: 'network'; connectFailed: boolean; message: string }
  | { type: 'too_large'; bytes: number }
  | { type: 'timeout' };

type Verdict = { next: 'done'; result: TikTokOneCallResult } | { next: 'retry'; failure: UpstreamFailure };

function done(failure: UpstreamFailure): Verdict {
  return { next: 'done', result: { ok: false, failure } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `InvalidLogin` and `InvalidRequest` by whichever envelope carries them. */
function namedFailure(name: string, message: string): UpstreamFailure | undefined {
  if (name === 'InvalidLogin') return { kind: 'unavailable', detail: 'login_required', message };
  if (name === 'InvalidRequest') return { kind: 'bad_response', detail: 'invalid_request', message };
  return undefined;
}

/** The gateway's own `{code: "InvalidRequest", message}` envelope as a failure. */
function refusal(parsed: Record<string, unknown>): UpstreamFailure {
  const code = String(parsed.code);
  const message = String(parsed.message ?? parsed.msg ?? code);
  return namedFailure(code, message) ?? { kind: 'bad_response', detail: 'upstream_error', message: `${code}: ${message}` };
}

/** A non-2xx body in the gateway's envelope, if it is one. */
function gatewayRefusal(text: string): UpstreamFailure | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) && typeof parsed.code === 'string' ? refusal(parsed) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Classifies an answer (docs/upstreams.md § TikTok One): 403 or an HTML page is a bot wall
 * (`blocked`), 404 means the path is gone (`deprecated`, so the next source serves), `InvalidLogin`
 * needs a session, `InvalidRequest` comes in its own `{code, message}` envelope.
 */
function judgeResponse(attempt: Extract<Attempt, { type: 'response' }>): Verdict {
  const { status, contentType, text } = attempt;
  if (status === 403) return done({ kind: 'unavailable', detail: 'blocked', message: 'HTTP 403' });
  if (status === 401) return done({ kind: 'unavailable', detail: 'login_required', message: 'HTTP 401' });
  if (status === 404) return done({ kind: 'unavailable', detail: 'deprecated', message: 'HTTP 404' });
  if (status >= 300 && status < 400) return done({ kind: 'unavailable', detail: 'blocked', message: `redirected (HTTP ${status})` });
  if (status >= 500) return { next: 'retry', failure: { kind: 'bad_response', detail: 'upstream_error', message: `upstream HTTP ${status}` } };
  if (text === undefined) return done({ kind: 'bad_response', detail: 'upstream_error', message: `upstream HTTP ${status}` });
  if (status < 200 || status >= 300) {
    // The gateway answers a refused parameter with HTTP 400 and `{"code":"InvalidRequest","message":…}`.
    const refused = gatewayRefusal(text);
    return done(refused ?? { kind: 'bad_response', detail: 'upstream_error', message: `upstream HTTP ${status}` });
  }
  if (/html/i.test(contentType) || text.trimStart().startsWith('<')) {
    return done({ kind: 'unavailable', detail: 'blocked', message: 'an HTML page instead of JSON' });
  }
  if (contentType !== '' && !isJsonContentType(contentType)) {
    return done({ kind: 'bad_response', detail: 'non_json', message: `content-type ${contentType}` });
  }
  let parsed: unknown;
  try {
    parsed = parseJsonKeepingIds(text, { idKey: ID_KEY });
  } catch {
    return done({ kind: 'bad_response', detail: 'non_json', message: 'malformed JSON' });
  }
  if (!isRecord(parsed)) return done({ kind: 'bad_response', detail: 'schema_mismatch', message: 'answer is not an object' });
  if (typeof parsed.code === 'string') return done(refusal(parsed));
  const base = parsed.BaseResp;
  if (!isRecord(base) || typeof base.StatusCode !== 'number') {
    return done({ kind: 'bad_response', detail: 'schema_mismatch', message: 'no BaseResp.StatusCode' });
  }
  if (base.StatusCode === 0) return { next: 'done', result: { ok: true, payload: parsed, logId: attempt.logId } };
  const statusMessage = typeof base.StatusMessage === 'string' ? base.StatusMessage : '';
  if (base.StatusCode === INVALID_LOGIN_CODE) return done({ kind: 'unavailable', detail: 'login_required', message: statusMessage });
  return done(
    namedFailure(statusMessage, statusMessage) ?? {
      kind: 'bad_response',
      detail: 'upstream_error',
      message: `StatusCode ${base.StatusCode}: ${statusMessage}`,
    },
  );
}

function judge(attempt: Attempt): Verdict {
  switch (attempt.type) {
    case 'response':
      return judgeResponse(attempt);
    case 'timeout':
      return { next: 'retry', failure: { kind: 'timeout' } };
    case 'too_large':
      return done({ kind: 'bad_response', detail: 'upstream_error', message: `body over ${attempt.bytes} bytes` });
    case 'network':
      return {
        next: 'retry',
        failure: attempt.connectFailed
          ? { kind: 'unavailable', detail: 'connect_failed' }
          : { kind: 'bad_response', detail: 'upstream_error', message: attempt.message },
      };
  }
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * TikTok One over HTTP: unsigned JSON calls with the web app's headers and `agw-js-conv: str`, the
 * operator's cookies round-robin with `x-csrftoken`, keep-alive pool, per-call timeout and bounded
 * retries with backoff on network errors, timeouts and 5xx.
 */
export class TikTokOneClient {
  private readonly bases: Readonly<Record<TikTokOneRequest['host'], URL>>;
  private readonly sessions: readonly { cookie: string; csrf?: string }[];
  private readonly userAgent: string;
  private readonly agent: Agent;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoff: (attempt: number) => number;
  private readonly maxBodyBytes: number;
  private nextSession = 0;

  constructor(opts: TikTokOneClientOptions) {
    const slash = (u: string) => new URL(u.endsWith('/') ? u : `${u}/`);
    this.bases = { global: slash(opts.baseUrl), us: slash(opts.usBaseUrl) };
    this.sessions = (opts.cookies ?? [])
      .map((c) => c.trim())
      .filter((c) => c.length > 0)
      .map((cookie) => ({ cookie, csrf: cookieValue(cookie, 'csrftoken') }));
    this.userAgent = opts.userAgent ?? DEFAULT_USER_AGENT;
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

  /** Whether calls carry a session cookie. */
  get loggedIn(): boolean {
    return this.sessions.length > 0;
  }

  /** The base URL a host name resolves to, for the operator's messages. */
  baseUrl(host: TikTokOneRequest['host']): string {
    return this.bases[host].href;
  }

  async call(req: TikTokOneRequest, opts: TikTokOneCallOptions): Promise<TikTokOneCallResult> {
    const url = new URL(req.path, this.bases[req.host]);
    for (const [name, value] of Object.entries(req.query ?? {})) url.searchParams.append(name, value);
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    let retriesLeft = this.retries;
    for (let attemptNo = 0; ; ) {
      const remaining = opts.deadline - performance.now();
      if (remaining < MIN_ATTEMPT_MS || opts.signal?.aborted) return { ok: false, failure: { kind: 'timeout' } };
      const verdict = judge(await this.attempt(req.method, url, body, Math.min(this.timeoutMs, remaining), opts.signal));
      if (verdict.next === 'done') return verdict.result;
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

  private headers(withBody: boolean): Record<string, string> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'agw-js-conv': 'str',
      origin: TIKTOK_ONE_ORIGIN,
      referer: TRENDS_PAGE,
      'user-agent': this.userAgent,
    };
    if (withBody) headers['content-type'] = 'application/json';
    const session = this.sessions[this.nextSession];
    if (session) {
      this.nextSession = (this.nextSession + 1) % this.sessions.length;
      headers.cookie = session.cookie;
      if (session.csrf !== undefined) headers['x-csrftoken'] = session.csrf;
    }
    return headers;
  }

  private async attempt(method: 'GET' | 'POST', url: URL, body: string | undefined, timeoutMs: number, outer?: AbortSignal): Promise<Attempt> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const signal = outer ? AbortSignal.any([controller.signal, outer]) : controller.signal;
    try {
      const res = await request(url, { method, headers: this.headers(body !== undefined), body, dispatcher: this.agent, signal });
      const contentType = firstHeader(res.headers['content-type']) ?? '';
      const logId = firstHeader(res.headers['x-tt-logid']);
      // Bodies of 4xx answers are read too: a refused parameter is explained in one.
      if (res.statusCode < 200 || res.statusCode >= 500 || res.statusCode === 403 || res.statusCode === 404) {
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
      return { type: 'response', status: res.statusCode, contentType, text: Buffer.concat(chunks).toString('utf8'), logId };
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
