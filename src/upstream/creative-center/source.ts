import type { AnyEndpoint } from '../../catalog/index.js';
import { systemClock, type Clock } from '../../clock.js';
import { SingleFlight } from '../single-flight.js';
import type { Source, UpstreamAccess, UpstreamResult } from '../source.js';
import { CreativeCenterClient, type CallResult } from './client.js';
import type { OperationContext, Query } from './operation.js';
import { operations } from './operations/index.js';

export interface CreativeCenterSourceOptions {
  /** `https://ads.tiktok.com/creative_radar_api/v1/`, or the simulator's `baseUrl`. */
  baseUrl: string;
  /** Adapter id: `creative-center` (default); `simulator` in demo mode and tests. */
  id?: string;
  /** Operator-supplied logged-in session cookie strings, used round-robin. */
  cookies?: string[];
  webId?: string;
  userAgent?: string;
  /** Per-call timeout (docs/api-contract.md § Upstream outcomes and caching: 10 s). */
  timeoutMs?: number;
  /** Whole-request budget across pages and retries (docs/api-contract.md § Upstream outcomes and caching: 25 s). */
  budgetMs?: number;
  /** Extra attempts after network errors, timeouts and 5xx (default 2). */
  retries?: number;
  backoff?: (attempt: number) => number;
  clock?: Clock;
  /** How long one upstream page is reused across overlapping windows (default 60 s). */
  pageCacheTtlMs?: number;
  /** Upstream pages kept for reuse (default 2,000). */
  pageCacheEntries?: number;
}

/**
 * The Creative Center adapter (docs/architecture.md § Sources and honest modes): maps each catalog endpoint onto radar calls, windows paged
 * lists (docs/api-contract.md § Pagination), reuses upstream pages briefly, and checks the result against the endpoint's
 * response schema so nothing off-contract reaches a caller.
 */
class CreativeCenterSource implements Source {
  readonly id: string;
  readonly adapter = 'creative-center' as const;
  readonly access: UpstreamAccess;
  readonly client: CreativeCenterClient;
  private readonly clock: Clock;
  private readonly budgetMs: number;
  private readonly pageTtlMs: number;
  private readonly pageEntries: number;
  private readonly pages = new Map<string, { result: CallResult; expiresAt: number }>();
  private readonly flights = new SingleFlight<CallResult>();

  constructor(opts: CreativeCenterSourceOptions) {
    this.id = opts.id ?? 'creative-center';
    this.access = (opts.cookies ?? []).some((c) => c.trim() !== '') ? 'logged-in' : 'anonymous';
    this.clock = opts.clock ?? systemClock;
    this.budgetMs = opts.budgetMs ?? 25_000;
    this.pageTtlMs = opts.pageCacheTtlMs ?? 60_000;
    this.pageEntries = opts.pageCacheEntries ?? 2_000;
    this.client = new CreativeCenterClient({
      baseUrl: opts.baseUrl,
      cookies: opts.cookies,
      webId: opts.webId,
      userAgent: opts.userAgent,
      timeoutMs: opts.timeoutMs,
      retries: opts.retries,
      backoff: opts.backoff,
      clock: this.clock,
    });
  }

  serves(operationId: string): boolean {
    return operations[operationId] !== undefined;
  }

  async fetch(endpoint: AnyEndpoint, params: Record<string, unknown>, signal?: AbortSignal): Promise<UpstreamResult> {
    const operation = operations[endpoint.operationId];
    if (!operation) throw new Error(`no upstream mapping for ${endpoint.operationId}`);
    const deadline = performance.now() + this.budgetMs;
    const ctx: OperationContext = {
      call: (path, query, referer) => this.call(path, query, referer, deadline, signal),
    };
    const result = await operation.run(ctx, params);
    if (!result.ok) return result;
    const checked = endpoint.responseSchema.safeParse(result.data);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
      return { ok: false, failure: { kind: 'bad_response', detail: 'schema_mismatch', message: `${endpoint.operationId} ${where}` } };
    }
    return { ok: true, data: checked.data };
  }

  async close(): Promise<void> {
    this.pages.clear();
    await this.client.close();
  }

  /** One radar call, reused for `pageTtlMs` and single-flighted (keyed by adapter, path and query). */
  private call(path: string, query: Query, referer: string, deadline: number, signal?: AbortSignal): Promise<CallResult> {
    const key = `${this.id}\n${path}?${new URLSearchParams(query).toString()}`;
    const cached = this.pages.get(key);
    if (cached && cached.expiresAt > this.clock.now()) return Promise.resolve(cached.result);
    return this.flights.run(key, async () => {
      const result = await this.client.call(path, query, { deadline, referer, signal });
      if (result.ok && this.pageTtlMs > 0) this.remember(key, result);
      return result;
    });
  }

  private remember(key: string, result: CallResult): void {
    this.pages.delete(key);
    this.pages.set(key, { result, expiresAt: this.clock.now() + this.pageTtlMs });
    for (const oldest of this.pages.keys()) {
      if (this.pages.size <= this.pageEntries) break;
      this.pages.delete(oldest);
    }
  }
}

/** Builds the Creative Center adapter; point `baseUrl` at the simulator for demo mode and tests. */
export function createCreativeCenterSource(opts: CreativeCenterSourceOptions): Source {
  return new CreativeCenterSource(opts);
}
