import type { AnyEndpoint } from '../../catalog/index.js';
import { systemClock, type Clock } from '../../clock.js';
import { SingleFlight } from '../single-flight.js';
import type { Source, UpstreamAccess, UpstreamResult } from '../source.js';
import { TikTokOneClient, type TikTokOneCallResult, type TikTokOneRequest } from './client.js';
import { tiktokOneOperations, type LongPeriod, type TikTokOneContext } from './operations.js';

export interface TikTokOneSourceOptions {
  /** `https://ads.tiktok.com/`, or the simulator's `tiktokOne.baseUrl`. */
  baseUrl: string;
  /** `https://ads.us.tiktok.com/`, or the simulator's `tiktokOne.usBaseUrl`. */
  usBaseUrl: string;
  /** Source id: `tiktok-one` (default); `simulator` in demo mode and tests. */
  id?: string;
  /** The operator's TikTok One session cookie strings (`sessionid`, `sid_tt`, `csrftoken`, …). */
  cookies?: readonly string[];
  userAgent?: string;
  /** Per-call timeout (default 10 s). */
  timeoutMs?: number;
  /** Whole-request budget across pages and retries (default 25 s). */
  budgetMs?: number;
  retries?: number;
  backoff?: (attempt: number) => number;
  clock?: Clock;
  /** How long one upstream page is reused across overlapping windows (default 60 s). */
  pageCacheTtlMs?: number;
  /** Upstream pages kept for reuse (default 2,000). */
  pageCacheEntries?: number;
}

/**
 * The TikTok One adapter (docs/upstreams.md § TikTok One): maps the catalog endpoints it can serve
 * onto CreativeOne calls, windows 20-item pages, reuses pages briefly, remembers which long period
 * TikTok One accepts, and checks every result against the endpoint's response schema.
 */
class TikTokOneSource implements Source {
  readonly id: string;
  readonly adapter = 'tiktok-one' as const;
  readonly access: UpstreamAccess;
  readonly client: TikTokOneClient;
  private readonly clock: Clock;
  private readonly budgetMs: number;
  private readonly pageTtlMs: number;
  private readonly pageEntries: number;
  private readonly pages = new Map<string, { result: TikTokOneCallResult; expiresAt: number }>();
  private readonly flights = new SingleFlight<TikTokOneCallResult>();
  private longPeriod: LongPeriod = 120;

  constructor(opts: TikTokOneSourceOptions) {
    this.id = opts.id ?? 'tiktok-one';
    this.clock = opts.clock ?? systemClock;
    this.budgetMs = opts.budgetMs ?? 25_000;
    this.pageTtlMs = opts.pageCacheTtlMs ?? 60_000;
    this.pageEntries = opts.pageCacheEntries ?? 2_000;
    this.client = new TikTokOneClient({
      baseUrl: opts.baseUrl,
      usBaseUrl: opts.usBaseUrl,
      cookies: opts.cookies,
      userAgent: opts.userAgent,
      timeoutMs: opts.timeoutMs,
      retries: opts.retries,
      backoff: opts.backoff,
    });
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
    const ctx: TikTokOneContext = {
      call: (req) => this.call(req, deadline, signal),
      longPeriod: () => this.longPeriod,
      acceptedLongPeriod: (period) => {
        this.longPeriod = period;
      },
      now: () => this.clock.now(),
    };
    const result = await operation.run(ctx, params);
    if (!result.ok) return result;
    const checked = endpoint.responseSchema.safeParse(result.data);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
      return { ok: false, failure: { kind: 'bad_response', detail: 'schema_mismatch', message: `${endpoint.operationId} ${where}` } };
    }
    return { ok: true, data: checked.data, ...(result.headers ? { headers: result.headers } : {}) };
  }

  async close(): Promise<void> {
    this.pages.clear();
    await this.client.close();
  }

  /** One call, reused for `pageTtlMs` and single-flighted (keyed by host, path, query and body). */
  private call(req: TikTokOneRequest, deadline: number, signal?: AbortSignal): Promise<TikTokOneCallResult> {
    const key = `${req.host} ${req.method} ${req.path}?${new URLSearchParams(req.query ?? {}).toString()} ${JSON.stringify(req.body ?? null)}`;
    const cached = this.pages.get(key);
    if (cached && cached.expiresAt > this.clock.now()) return Promise.resolve(cached.result);
    return this.flights.run(key, async () => {
      const result = await this.client.call(req, { deadline, signal });
      if (result.ok && this.pageTtlMs > 0) this.remember(key, result);
      return result;
    });
  }

  private remember(key: string, result: TikTokOneCallResult): void {
    this.pages.delete(key);
    this.pages.set(key, { result, expiresAt: this.clock.now() + this.pageTtlMs });
    for (const oldest of this.pages.keys()) {
      if (this.pages.size <= this.pageEntries) break;
      this.pages.delete(oldest);
    }
  }
}

/** Builds the TikTok One adapter; point the base URLs at the simulator for demo mode and tests. */
export function createTikTokOneSource(opts: TikTokOneSourceOptions): Source {
  return new TikTokOneSource(opts);
}
