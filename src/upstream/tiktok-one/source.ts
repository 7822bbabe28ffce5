import type { AnyEndpoint } from '../../catalog/index.js';
import { systemClock, type Clock } from '../../clock.js';
import { checkAgainstSchema, PageCache, type AdapterOptions } from '../adapter-kit/index.js';
import type { Source, UpstreamAccess, UpstreamResult } from '../source.js';
import { TikTokOneClient, type TikTokOneCallResult, type TikTokOneRequest } from './client.js';
import { tiktokOneOperations, type LongPeriod, type TikTokOneContext } from './operations.js';

export interface TikTokOneSourceOptions extends AdapterOptions {
  /** `https://ads.tiktok.com/`, or the simulator's `tiktokOne.baseUrl`. */
  baseUrl: string;
  /** `https://ads.us.tiktok.com/`, or the simulator's `tiktokOne.usBaseUrl`. */
  usBaseUrl: string;
  /** Source id: `tiktok-one` (default); `simulator` in demo mode and tests. */
  id?: string;
}

/**
 * What the calls of one fetch said about access (docs/upstreams.md § TikTok One transport): one page
 * answered as to an anonymous caller makes the whole answer anonymous (it holds only what anonymous
 * callers reach), and a session whose cookies were sent but answered anonymously has expired.
 */
class AnswerAccess {
  /** Undefined until a call is answered. */
  access: UpstreamAccess | undefined;
  readonly expiredSessions = new Set<number>();

  note(result: TikTokOneCallResult): void {
    if (!result.ok) return;
    this.access = this.access === 'anonymous' ? 'anonymous' : result.access;
    if (result.access === 'anonymous' && result.session !== undefined) this.expiredSessions.add(result.session);
  }
}

/**
 * The TikTok One adapter (docs/upstreams.md § TikTok One): maps the catalog endpoints it can serve
 * onto CreativeOne calls, windows 20-item pages, reuses pages briefly, remembers which long period
 * TikTok One accepts, reads each answer's access from TikTok's login header, and checks every result
 * against the endpoint's response schema.
 */
class TikTokOneSource implements Source {
  readonly id: string;
  readonly adapter = 'tiktok-one' as const;
  readonly access: UpstreamAccess;
  readonly client: TikTokOneClient;
  private readonly clock: Clock;
  private readonly budgetMs: number;
  private readonly pages: PageCache<TikTokOneCallResult>;
  private longPeriod: LongPeriod = 120;
  /** Sessions (1-based places in the operator's list) already reported expired: each is reported once. */
  private readonly reportedExpired = new Set<number>();

  constructor(opts: TikTokOneSourceOptions) {
    this.id = opts.id ?? 'tiktok-one';
    this.clock = opts.clock ?? systemClock;
    this.budgetMs = opts.budgetMs ?? 25_000;
    this.pages = new PageCache({ clock: this.clock, ttlMs: opts.pageCacheTtlMs, maxEntries: opts.pageCacheEntries });
    this.client = new TikTokOneClient(opts);
    this.access = this.client.loggedIn ? 'logged-in' : 'anonymous';
  }

  serves(operationId: string): boolean {
    return tiktokOneOperations[operationId] !== undefined;
  }

  needsLogin(operationId: string): boolean {
    return tiktokOneOperations[operationId]?.needsLogin ?? false;
  }

  async fetch(endpoint: AnyEndpoint, params: Record<string, unknown>, signal?: AbortSignal): Promise<UpstreamResult> {
    const operation = tiktokOneOperations[endpoint.operationId];
    if (!operation) throw new Error(`no TikTok One mapping for ${endpoint.operationId}`);
    const deadline = performance.now() + this.budgetMs;
    const answers = new AnswerAccess();
    const ctx: TikTokOneContext = {
      call: async (req) => {
        const result = await this.call(req, deadline, signal);
        answers.note(result);
        return result;
      },
      longPeriod: () => this.longPeriod,
      acceptedLongPeriod: (period) => {
        this.longPeriod = period;
      },
      now: () => this.clock.now(),
    };
    const result = this.anonymousNotFoundAsLoginRequired(endpoint, answers, checkAgainstSchema(endpoint, await operation.run(ctx, params)));
    // A failure may follow answers to an expired session too (hashtag detail: the list, then InvalidLogin): it carries their access and warnings as well.
    const warnings = this.expiryWarnings(answers.expiredSessions);
    return {
      ...result,
      ...(answers.access === undefined ? {} : { access: answers.access }),
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  }

  async close(): Promise<void> {
    this.pages.clear();
    await this.client.close();
  }

  /**
   * A name missing from a chart served as to an anonymous caller may rank below the anonymous top 3: for
   * an operation that needs a login, that is no definite "not found", and the login is what is missing.
   */
  private anonymousNotFoundAsLoginRequired(endpoint: AnyEndpoint, answers: AnswerAccess, result: UpstreamResult): UpstreamResult {
    if (result.ok || result.failure.kind !== 'not_found' || answers.access !== 'anonymous' || !this.needsLogin(endpoint.operationId)) return result;
    return { ok: false, failure: { kind: 'unavailable', detail: 'login_required', message: `${result.failure.message ?? 'not found'}, as TikTok One shows it to an anonymous caller` } };
  }

  /** A warning for each expired session not reported before, naming the fix. */
  private expiryWarnings(sessions: ReadonlySet<number>): string[] {
    const fresh = [...sessions].filter((session) => !this.reportedExpired.has(session));
    for (const session of fresh) this.reportedExpired.add(session);
    return fresh.map(
      (session) =>
        `TikTok One answered session ${session} of ${this.client.sessionCount} in UPSTREAM_COOKIES as an anonymous caller (no x-tt-agw-login: 1): ` +
        'the session has expired, so answers hold only what anonymous callers get (the top 3 hashtags, 4 videos, no hashtag detail). ' +
        'Set UPSTREAM_COOKIES to fresh cookies of a logged-in TikTok One session.',
    );
  }

  /** One call, through the page cache (keyed by host, path, query and body). */
  private call(req: TikTokOneRequest, deadline: number, signal?: AbortSignal): Promise<TikTokOneCallResult> {
    const key = `${req.host} ${req.method} ${req.path}?${new URLSearchParams(req.query ?? {}).toString()} ${JSON.stringify(req.body ?? null)}`;
    return this.pages.get(key, () => this.client.call(req, { deadline, signal }));
  }
}

/** Builds the TikTok One adapter; point the base URLs at the simulator for demo mode and tests. */
export function createTikTokOneSource(opts: TikTokOneSourceOptions): Source {
  return new TikTokOneSource(opts);
}
