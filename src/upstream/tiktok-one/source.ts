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
  private readonly pages: PageCache<TikTokOneCallResult>;
  private longPeriod: LongPeriod = 120;

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
    const ctx: TikTokOneContext = {
      call: (req) => this.call(req, deadline, signal),
      longPeriod: () => this.longPeriod,
      acceptedLongPeriod: (period) => {
        this.longPeriod = period;
      },
      now: () => this.clock.now(),
    };
    return checkAgainstSchema(endpoint, await operation.run(ctx, params));
  }

  async close(): Promise<void> {
    this.pages.clear();
    await this.client.close();
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
