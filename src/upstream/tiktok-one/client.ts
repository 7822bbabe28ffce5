import { CookieSessions, DEFAULT_USER_AGENT, firstHeader, HttpTransport, isJsonContentType, judgeFailedExchange } from '../adapter-kit/index.js';
import type { Exchange, RetryPolicy, TransportLimits, Verdict as RetryVerdict } from '../adapter-kit/index.js';
import { parseJsonKeepingIds } from '../creative-center/json.js';
import type { UpstreamAccess, UpstreamFailure } from '../source.js';

/** TikTok One's id-shaped keys (`hashtagID`, `itemID`, `authorID`): big integers under them stay exact. */
const ID_KEY = /(?:ID|Id|^id)$/;

/** `BaseResp.StatusCode` of a call that needs a logged-in session (docs/upstreams.md § TikTok One). */
const INVALID_LOGIN_CODE = 38001001;

/**
 * The answer header TikTok One's gateway sets to `1` on an answer to a logged-in session. An expired
 * session's cookies are still answered, as to an anonymous caller, so only this header tells.
 */
const LOGIN_HEADER = 'x-tt-agw-login';

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

/**
 * A call's payload (the top-level object beside `BaseResp`), TikTok's log id, the access TikTok
 * answered with (`x-tt-agw-login: 1` or not) and which configured session's cookies were sent
 * (1-based; absent when none), or a failure.
 */
export type TikTokOneCallResult =
  | { ok: true; payload: Record<string, unknown>; logId?: string; access: UpstreamAccess; session?: number }
  | { ok: false; failure: UpstreamFailure };

export interface TikTokOneClientOptions extends TransportLimits, RetryPolicy {
  /** `https://ads.tiktok.com/`, or the simulator's `tiktokOne.baseUrl`. */
  baseUrl: string;
  /** `https://ads.us.tiktok.com/`, or the simulator's `tiktokOne.usBaseUrl`. */
  usBaseUrl: string;
  /** The operator's TikTok One session cookie strings, used round-robin. */
  cookies?: readonly string[];
  userAgent?: string;
}

export interface TikTokOneCallOptions {
  /** `performance.now()` milliseconds after which no attempt starts. */
  deadline: number;
  signal?: AbortSignal;
}

type Verdict = RetryVerdict<TikTokOneCallResult>;

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
function judgeResponse(exchange: Extract<Exchange, { type: 'response' }>, session: number | undefined): Verdict {
  const { status, contentType, text } = exchange;
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
  if (base.StatusCode === 0) {
    const access: UpstreamAccess = firstHeader(exchange.headers[LOGIN_HEADER]) === '1' ? 'logged-in' : 'anonymous';
    const logId = firstHeader(exchange.headers['x-tt-logid']);
    return { next: 'done', result: { ok: true, payload: parsed, logId, access, ...(session === undefined ? {} : { session }) } };
  }
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

function judge(exchange: Exchange, session: number | undefined): Verdict {
  return exchange.type === 'response' ? judgeResponse(exchange, session) : judgeFailedExchange(exchange);
}

/** Bodies of 4xx answers are read too: a refused parameter is explained in one. */
function readsBody(status: number): boolean {
  return status >= 200 && status < 500 && status !== 403 && status !== 404;
}

/**
 * TikTok One over HTTP: unsigned JSON calls with the web app's headers and `agw-js-conv: str`, the
 * operator's cookies round-robin with `x-csrftoken`, keep-alive pool, per-call timeout and bounded
 * retries with backoff on network errors, timeouts and 5xx.
 */
export class TikTokOneClient {
  private readonly bases: Readonly<Record<TikTokOneRequest['host'], URL>>;
  private readonly sessions: CookieSessions;
  private readonly userAgent: string;
  private readonly transport: HttpTransport;

  constructor(opts: TikTokOneClientOptions) {
    const slash = (u: string) => new URL(u.endsWith('/') ? u : `${u}/`);
    this.bases = { global: slash(opts.baseUrl), us: slash(opts.usBaseUrl) };
    this.sessions = new CookieSessions(opts.cookies);
    this.userAgent = opts.userAgent ?? DEFAULT_USER_AGENT;
    this.transport = new HttpTransport({ ...opts, adapter: 'tiktok-one', readsBody });
  }

  /** Whether calls carry a session cookie. */
  get loggedIn(): boolean {
    return this.sessions.loggedIn;
  }

  /** How many sessions the operator configured. */
  get sessionCount(): number {
    return this.sessions.count;
  }

  /** The base URL a host name resolves to, for the operator's messages. */
  baseUrl(host: TikTokOneRequest['host']): string {
    return this.bases[host].href;
  }

  async call(req: TikTokOneRequest, opts: TikTokOneCallOptions): Promise<TikTokOneCallResult> {
    const url = new URL(req.path, this.bases[req.host]);
    for (const [name, value] of Object.entries(req.query ?? {})) url.searchParams.append(name, value);
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    // Each attempt takes the next session's cookies.
    return this.transport.call(opts, async (send) => {
      const { headers, session } = this.headers(body !== undefined);
      return judge(await send({ method: req.method, url, headers, body }), session);
    });
  }

  async close(): Promise<void> {
    await this.transport.close();
  }

  /** One attempt's headers, and the place of the session whose cookies they carry. */
  private headers(withBody: boolean): { headers: Record<string, string>; session?: number } {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'agw-js-conv': 'str',
      origin: TIKTOK_ONE_ORIGIN,
      referer: TRENDS_PAGE,
      'user-agent': this.userAgent,
    };
    if (withBody) headers['content-type'] = 'application/json';
    const session = this.sessions.addTo(headers);
    return session === undefined ? { headers } : { headers, session };
  }
}
