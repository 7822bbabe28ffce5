import { systemClock, type Clock } from '../../clock.js';
import { HttpTransport, isJsonContentType, judgeFailedExchange, type Exchange, type RetryPolicy, type TransportLimits } from '../adapter-kit/index.js';
import type { Verdict as RetryVerdict } from '../adapter-kit/index.js';
import type { UpstreamFailure } from '../source.js';
import { HeaderFactory } from './headers.js';
import { parseJsonKeepingIds } from './json.js';

/** The upstream's own envelope (docs/upstreams.md § Envelope and pagination). */
export interface UpstreamEnvelope {
  code: number;
  msg: string;
  request_id?: string;
  data: unknown;
}

/** One radar call's outcome: the upstream envelope with code 0, or a classified failure. */
export type CallResult = { ok: true; envelope: UpstreamEnvelope } | { ok: false; failure: UpstreamFailure };

export interface CreativeCenterClientOptions extends TransportLimits, RetryPolicy {
  /** `…/creative_radar_api/v1/`; paths are resolved against it. */
  baseUrl: string;
  cookies?: readonly string[];
  webId?: string;
  userAgent?: string;
  clock?: Clock;
}

export interface CallOptions {
  /** `performance.now()` milliseconds after which no attempt starts (the request budget). */
  deadline: number;
  /** Creative Center page sent as referer. */
  referer: string;
  signal?: AbortSignal;
}

/** What the retry loop does next; `resign` is this upstream's own: 40101 asks for fresh signed headers. */
type Verdict = RetryVerdict<CallResult> | { next: 'resign' };

const NON_JSON = { kind: 'bad_response', detail: 'non_json' } as const;

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

function judge(exchange: Exchange): Verdict {
  if (exchange.type !== 'response') return judgeFailedExchange(exchange);
  return judgeResponse(exchange.status, exchange.contentType, exchange.text);
}

/**
 * The Creative Center radar API over HTTP: signed headers, keep-alive pool, per-call timeout, bounded
 * retries with backoff on network errors, timeouts and 5xx, one re-sign on 40101 (docs/upstreams.md § How the client behaves).
 */
export class CreativeCenterClient {
  readonly headers: HeaderFactory;
  private readonly baseUrl: URL;
  private readonly transport: HttpTransport;

  constructor(opts: CreativeCenterClientOptions) {
    const base = opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`;
    this.baseUrl = new URL(base);
    this.headers = new HeaderFactory({
      clock: opts.clock ?? systemClock,
      cookies: opts.cookies,
      webId: opts.webId,
      userAgent: opts.userAgent,
    });
    this.transport = new HttpTransport({ ...opts, adapter: 'creative-center' });
  }

  /** GETs one radar path (`popular_trend/hashtag/list`) and classifies the answer. */
  async call(path: string, query: Readonly<Record<string, string>>, opts: CallOptions): Promise<CallResult> {
    const url = new URL(path, this.baseUrl);
    for (const [name, value] of Object.entries(query)) url.searchParams.append(name, value);
    let resigned = false;
    return this.transport.call(opts, async (send): Promise<RetryVerdict<CallResult>> => {
      // Every attempt builds its headers afresh, so each carries a new timestamp and user-sign.
      const verdict = judge(await send({ method: 'GET', url, headers: this.headers.build(opts.referer) }));
      if (verdict.next !== 'resign') return verdict;
      // A fresh client often loses its first signed call (docs/upstreams.md § Transport and signing): re-sign once.
      if (resigned) return { next: 'done', result: { ok: false, failure: { kind: 'bad_response', detail: 'no_permission' } } };
      resigned = true;
      return { next: 'again' };
    });
  }

  async close(): Promise<void> {
    await this.transport.close();
  }
}
