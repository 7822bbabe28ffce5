import type { AnyEndpoint } from '../../catalog/index.js';
import { systemClock, type Clock } from '../../clock.js';
import { checkAgainstSchema, PageCache, type AdapterOptions } from '../adapter-kit/index.js';
import type { Source, UpstreamAccess, UpstreamResult } from '../source.js';
import { CreativeCenterClient, type CallResult } from './client.js';
import type { OperationContext, Query } from './operation.js';
import { operations } from './operations/index.js';

export interface CreativeCenterSourceOptions extends AdapterOptions {
  /** `https://ads.tiktok.com/creative_radar_api/v1/`, or the simulator's `baseUrl`. */
  baseUrl: string;
  /** Adapter id: `creative-center` (default); `simulator` in demo mode and tests. */
  id?: string;
  webId?: string;
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
  private readonly pages: PageCache<CallResult>;

  constructor(opts: CreativeCenterSourceOptions) {
    this.id = opts.id ?? 'creative-center';
    this.clock = opts.clock ?? systemClock;
    this.budgetMs = opts.budgetMs ?? 25_000;
    this.pages = new PageCache({ clock: this.clock, ttlMs: opts.pageCacheTtlMs, maxEntries: opts.pageCacheEntries });
    this.client = new CreativeCenterClient({ ...opts, clock: this.clock });
    this.access = this.client.headers.loggedIn ? 'logged-in' : 'anonymous';
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
    return checkAgainstSchema(endpoint, await operation.run(ctx, params));
  }

  async close(): Promise<void> {
    this.pages.clear();
    await this.client.close();
  }

  /** One radar call, through the page cache (keyed by adapter, path and query). */
  private call(path: string, query: Query, referer: string, deadline: number, signal?: AbortSignal): Promise<CallResult> {
    const key = `${this.id}\n${path}?${new URLSearchParams(query).toString()}`;
    return this.pages.get(key, () => this.client.call(path, query, { deadline, referer, signal }));
  }
}

/** Builds the Creative Center adapter; point `baseUrl` at the simulator for demo mode and tests. */
export function createCreativeCenterSource(opts: CreativeCenterSourceOptions): Source {
  return new CreativeCenterSource(opts);
}
