import { hash } from 'node:crypto';
import { endpoints as catalogEndpoints, type AnyEndpoint } from '../catalog/index.js';
import { systemClock, type Clock } from '../clock.js';
import { MemoryResponseCache, STALE_WINDOW_SECONDS, type CacheEntry, type ResponseCache } from './cache.js';
import type { ChartObserver } from './chart-observer.js';
import { SourceRouter, type OperationStatus, type Provenance, type UpstreamLogger } from './router.js';
import { SingleFlight } from './single-flight.js';
import type { SourceOrder } from './source-order.js';
import type { Source, UpstreamFailure } from './source.js';

export type { UpstreamLogger } from './router.js';

/** How a 2xx body was obtained, sent as `X-Cache` (docs/api-contract.md § Headers). */
export type CacheStatus = 'HIT' | 'MISS' | 'STALE';

/** The gateway's answer: ready-to-send envelope bytes, or a failure for the error catalog. */
export type GatewayResult =
  | ({
      ok: true;
      /** The full outer envelope `{"code":200,"msg":"OK","data":…}`, built once per cache fill. */
      body: Buffer;
      cache: CacheStatus;
      /** Seconds since the upstream answered, on HIT and STALE (the `Age` header). */
      ageSeconds?: number;
    } & Provenance)
  | { ok: false; failure: UpstreamFailure; sourceId: string; adapter?: string };

/** The fetch stage of docs/architecture.md § A request's path: cache → single flight → source routing → circuit breaker → source. */
export interface UpstreamGateway {
  fetch(endpoint: AnyEndpoint, canonical: string, params: Record<string, unknown>): Promise<GatewayResult>;
  /** Each operation's sources, the one serving, circuit states and retirement. */
  status(): OperationStatus[];
  /** The sources behind the gateway, for `trendlens upstream check`. */
  readonly router: SourceRouter;
  close(): Promise<void>;
}

export interface UpstreamGatewayOptions {
  /** One source (tests with a scripted source); `sources` for several adapters. */
  source?: Source;
  /** One source per adapter; each endpoint tries those it declares, in order. */
  sources?: readonly Source[];
  /** The operator's `UPSTREAM_SOURCES`. */
  order?: SourceOrder;
  /** Endpoints `status()` reports on (default: the catalog). */
  endpoints?: readonly AnyEndpoint[];
  /** Default: an in-process LRU on `clock`. */
  cache?: ResponseCache;
  clock?: Clock;
  logger?: UpstreamLogger;
  /** Consecutive 5xx-class failures that open a circuit (default 5). */
  breakerThreshold?: number;
  /** How long an open circuit refuses calls (default 30 s). */
  breakerOpenMs?: number;
  /** How long a source that said `deprecated` is skipped for that operation (default 15 min). */
  deadSourceMs?: number;
  /** How long past its TTL an entry may be served as STALE (default 24 h). */
  staleWindowSeconds?: number;
  /** Sees every fresh upstream answer before it is cached; its result replaces the data. */
  chartObserver?: ChartObserver;
}

/** Cache keys the gateway remembers by canonical form before it starts over. */
const CACHE_KEYS_KEPT = 10_000;

/** Cache key = SHA-256(`<source ids>\n<canonical form>`) (docs/api-contract.md § Params and canonical form). */
export function cacheKey(sourceId: string, canonical: string): string {
  return hash('sha256', `${sourceId}\n${canonical}`, 'hex');
}

/** The outer envelope around a source's data, serialized once (docs/api-contract.md § Envelope). */
export function envelopeBytes(data: unknown): Buffer {
  return Buffer.from(`{"code":200,"msg":"OK","data":${JSON.stringify(data)}}`);
}

/** Entries written before provenance was stored are Creative Center answers. */
function provenanceOf(entry: CacheEntry, fallbackSourceId: string): Provenance {
  return entry.provenance ?? { sourceId: fallbackSourceId, adapter: 'creative-center', access: 'anonymous', headers: {} };
}

class Gateway implements UpstreamGateway {
  readonly router: SourceRouter;
  private readonly namespace: string;
  private readonly endpoints: readonly AnyEndpoint[];
  private readonly cache: ResponseCache;
  private readonly clock: Clock;
  private readonly logger?: UpstreamLogger;
  private readonly chartObserver?: ChartObserver;
  private readonly staleWindowMs: number;
  private readonly flights = new SingleFlight<GatewayResult>();
  private readonly keys = new Map<string, string>();

  constructor(opts: UpstreamGatewayOptions) {
    const sources = opts.sources ?? (opts.source ? [opts.source] : []);
    if (sources.length === 0) throw new Error('the upstream gateway needs at least one source');
    this.clock = opts.clock ?? systemClock;
    this.router = new SourceRouter({
      sources,
      order: opts.order,
      clock: this.clock,
      logger: opts.logger,
      breakerThreshold: opts.breakerThreshold,
      breakerOpenMs: opts.breakerOpenMs,
      deadSourceMs: opts.deadSourceMs,
    });
    // One namespace for all adapters: an answer is cached once, whichever adapter served it.
    this.namespace = [...new Set(sources.map((s) => s.id))].join('+');
    this.endpoints = opts.endpoints ?? catalogEndpoints;
    this.staleWindowMs = (opts.staleWindowSeconds ?? STALE_WINDOW_SECONDS) * 1000;
    this.cache =
      opts.cache ?? new MemoryResponseCache({ clock: this.clock, staleWindowSeconds: opts.staleWindowSeconds });
    this.logger = opts.logger;
    this.chartObserver = opts.chartObserver;
  }

  async fetch(endpoint: AnyEndpoint, canonical: string, params: Record<string, unknown>): Promise<GatewayResult> {
    const key = this.keyOf(canonical);
    const read = this.readCache(key);
    const hit = this.fresh(read instanceof Promise ? await read : read);
    if (hit) return hit;
    return this.flights.run(key, () => this.fill(endpoint, key, params));
  }

  status(): OperationStatus[] {
    return this.router.status(this.endpoints);
  }

  async close(): Promise<void> {
    await this.router.close();
    await this.cache.close();
  }

  /** One upstream trip for every concurrent miss on the same key. */
  private async fill(endpoint: AnyEndpoint, key: string, params: Record<string, unknown>): Promise<GatewayResult> {
    // A flight that finished just before this one started may have filled the entry already.
    const entry = await this.readCache(key);
    const hit = this.fresh(entry);
    if (hit) return hit;

    const result = await this.router.fetch(endpoint, params);
    if (!result.ok) {
      // 5xx-class failures may be answered from a stale entry (docs/api-contract.md § Upstream outcomes and caching); a 404 is the answer.
      if (result.failure.kind === 'not_found') return result;
      return this.stale(entry) ?? result;
    }
    const { data: fetched, ok: _ok, ...provenance } = result;
    const data = await this.observe(endpoint, params, provenance, fetched);
    const stored: CacheEntry = { body: envelopeBytes(data), storedAt: this.clock.now(), ttlSeconds: endpoint.cacheTtlSeconds, provenance };
    try {
      await this.cache.set(key, stored);
    } catch (error) {
      this.logger?.warn({ err: error, operationId: endpoint.operationId }, 'response cache write failed');
    }
    return { ok: true, body: stored.body, cache: 'MISS', ...provenance };
  }

  /** Lets the chart observer enrich a fresh answer; a failing observer costs the enrichment, not the answer. */
  private async observe(endpoint: AnyEndpoint, params: Record<string, unknown>, { adapter, access }: Provenance, data: unknown): Promise<unknown> {
    if (!this.chartObserver) return data;
    try {
      return await this.chartObserver.enrich({ endpoint, params, adapter, access, data });
    } catch (error) {
      this.logger?.warn({ err: error, operationId: endpoint.operationId }, 'chart observer failed; serving the answer as fetched');
      return data;
    }
  }

  /** The cache key of a canonical form, remembered: callers repeat the same few queries, and each key is a SHA-256. */
  private keyOf(canonical: string): string {
    let key = this.keys.get(canonical);
    if (key === undefined) {
      key = cacheKey(this.namespace, canonical);
      if (this.keys.size >= CACHE_KEYS_KEPT) this.keys.clear();
      this.keys.set(canonical, key);
    }
    return key;
  }

  /** A cache outage degrades to misses instead of failing requests. An entry held in memory comes without a promise. */
  private readCache(key: string): CacheEntry | undefined | Promise<CacheEntry | undefined> {
    try {
      const read = this.cache.get(key);
      return read instanceof Promise ? read.catch(this.cacheReadFailed) : read;
    } catch (error) {
      return this.cacheReadFailed(error);
    }
  }

  private readonly cacheReadFailed = (error: unknown): undefined => {
    this.logger?.warn({ err: error }, 'response cache read failed');
    return undefined;
  };

  private age(entry: CacheEntry): number {
    return this.clock.now() - entry.storedAt;
  }

  private fresh(entry: CacheEntry | undefined): GatewayResult | undefined {
    if (!entry || this.age(entry) >= entry.ttlSeconds * 1000) return undefined;
    return { ok: true, body: entry.body, cache: 'HIT', ageSeconds: Math.floor(this.age(entry) / 1000), ...provenanceOf(entry, this.namespace) };
  }

  private stale(entry: CacheEntry | undefined): GatewayResult | undefined {
    if (!entry || this.age(entry) >= entry.ttlSeconds * 1000 + this.staleWindowMs) return undefined;
    return { ok: true, body: entry.body, cache: 'STALE', ageSeconds: Math.floor(this.age(entry) / 1000), ...provenanceOf(entry, this.namespace) };
  }
}

/** Builds the fetch stage around one source or one source per adapter. */
export function createUpstreamGateway(opts: UpstreamGatewayOptions): UpstreamGateway {
  return new Gateway(opts);
}
