import { createHash } from 'node:crypto';
import type { AnyEndpoint } from '../catalog/index.js';
import { systemClock, type Clock } from '../clock.js';
import { MemoryResponseCache, STALE_WINDOW_SECONDS, type CacheEntry, type ResponseCache } from './cache.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { SingleFlight } from './single-flight.js';
import type { Source, UpstreamFailure } from './source.js';

/** How a 2xx body was obtained, sent as `X-Cache` (docs/api-contract.md § Headers). */
export type CacheStatus = 'HIT' | 'MISS' | 'STALE';

/** The gateway's answer: ready-to-send envelope bytes, or a failure for the error catalog. */
export type GatewayResult =
  | {
      ok: true;
      /** The full outer envelope `{"code":200,"msg":"OK","data":…}`, built once per cache fill. */
      body: Buffer;
      cache: CacheStatus;
      /** Seconds since the upstream answered, on HIT and STALE (the `Age` header). */
      ageSeconds?: number;
      sourceId: string;
    }
  | { ok: false; failure: UpstreamFailure; sourceId: string };

/** The fetch stage of docs/architecture.md § A request's path: cache → single flight → circuit breaker → source. */
export interface UpstreamGateway {
  fetch(endpoint: AnyEndpoint, canonical: string, params: Record<string, unknown>): Promise<GatewayResult>;
  close(): Promise<void>;
}

/** Enough of pino's interface for the gateway's few log lines. */
export interface UpstreamLogger {
  warn(obj: object, msg: string): void;
}

export interface UpstreamGatewayOptions {
  source: Source;
  /** Default: an in-process LRU on `clock`. */
  cache?: ResponseCache;
  clock?: Clock;
  logger?: UpstreamLogger;
  /** Consecutive 5xx-class failures that open a circuit (default 5). */
  breakerThreshold?: number;
  /** How long an open circuit refuses calls (default 30 s). */
  breakerOpenMs?: number;
  /** How long past its TTL an entry may be served as STALE (default 24 h). */
  staleWindowSeconds?: number;
}

/** Cache key = SHA-256(`<adapter id>\n<canonical form>`) (docs/api-contract.md § Params and canonical form). */
export function cacheKey(sourceId: string, canonical: string): string {
  return createHash('sha256').update(`${sourceId}\n${canonical}`).digest('hex');
}

/** The outer envelope around a source's data, serialized once (docs/api-contract.md § Envelope). */
export function envelopeBytes(data: unknown): Buffer {
  return Buffer.from(`{"code":200,"msg":"OK","data":${JSON.stringify(data)}}`);
}

/** 5xx-class failures count against the circuit and may be answered from a stale entry (docs/api-contract.md § Upstream outcomes and caching). */
function isServerSide(failure: UpstreamFailure): boolean {
  return failure.kind !== 'not_found';
}

class Gateway implements UpstreamGateway {
  private readonly source: Source;
  private readonly cache: ResponseCache;
  private readonly clock: Clock;
  private readonly logger?: UpstreamLogger;
  private readonly breaker: CircuitBreaker;
  private readonly staleWindowMs: number;
  private readonly flights = new SingleFlight<GatewayResult>();

  constructor(opts: UpstreamGatewayOptions) {
    this.source = opts.source;
    this.clock = opts.clock ?? systemClock;
    this.staleWindowMs = (opts.staleWindowSeconds ?? STALE_WINDOW_SECONDS) * 1000;
    this.cache =
      opts.cache ?? new MemoryResponseCache({ clock: this.clock, staleWindowSeconds: opts.staleWindowSeconds });
    this.logger = opts.logger;
    this.breaker = new CircuitBreaker({ clock: this.clock, failureThreshold: opts.breakerThreshold, openMs: opts.breakerOpenMs });
  }

  async fetch(endpoint: AnyEndpoint, canonical: string, params: Record<string, unknown>): Promise<GatewayResult> {
    const key = cacheKey(this.source.id, canonical);
    const hit = this.fresh(await this.readCache(key));
    if (hit) return hit;
    return this.flights.run(key, () => this.fill(endpoint, key, params));
  }

  async close(): Promise<void> {
    await this.source.close();
    await this.cache.close();
  }

  /** One upstream trip for every concurrent miss on the same key. */
  private async fill(endpoint: AnyEndpoint, key: string, params: Record<string, unknown>): Promise<GatewayResult> {
    // A flight that finished just before this one started may have filled the entry already.
    const entry = await this.readCache(key);
    const hit = this.fresh(entry);
    if (hit) return hit;

    const circuit = `${this.source.id} ${endpoint.path}`;
    const admission = this.breaker.admit(circuit);
    if (!admission.allowed) {
      const failure: UpstreamFailure = { kind: 'unavailable', detail: 'circuit_open', retryAfterSeconds: admission.retryAfterSeconds };
      return this.stale(entry) ?? { ok: false, failure, sourceId: this.source.id };
    }

    let result;
    try {
      result = await this.source.fetch(endpoint, params);
    } catch (error) {
      this.breaker.fail(circuit);
      throw error;
    }
    if (!result.ok) {
      if (!isServerSide(result.failure)) {
        this.breaker.succeed(circuit);
        return { ok: false, failure: result.failure, sourceId: this.source.id };
      }
      this.breaker.fail(circuit);
      this.logger?.warn({ operationId: endpoint.operationId, source: this.source.id, failure: result.failure }, 'upstream failure');
      return this.stale(entry) ?? { ok: false, failure: result.failure, sourceId: this.source.id };
    }
    this.breaker.succeed(circuit);
    const stored: CacheEntry = { body: envelopeBytes(result.data), storedAt: this.clock.now(), ttlSeconds: endpoint.cacheTtlSeconds };
    try {
      await this.cache.set(key, stored);
    } catch (error) {
      this.logger?.warn({ err: error, operationId: endpoint.operationId }, 'response cache write failed');
    }
    return { ok: true, body: stored.body, cache: 'MISS', sourceId: this.source.id };
  }

  /** A cache outage degrades to misses instead of failing requests. */
  private async readCache(key: string): Promise<CacheEntry | undefined> {
    try {
      return await this.cache.get(key);
    } catch (error) {
      this.logger?.warn({ err: error }, 'response cache read failed');
      return undefined;
    }
  }

  private age(entry: CacheEntry): number {
    return this.clock.now() - entry.storedAt;
  }

  private fresh(entry: CacheEntry | undefined): GatewayResult | undefined {
    if (!entry || this.age(entry) >= entry.ttlSeconds * 1000) return undefined;
    return { ok: true, body: entry.body, cache: 'HIT', ageSeconds: Math.floor(this.age(entry) / 1000), sourceId: this.source.id };
  }

  private stale(entry: CacheEntry | undefined): GatewayResult | undefined {
    if (!entry || this.age(entry) >= entry.ttlSeconds * 1000 + this.staleWindowMs) return undefined;
    return { ok: true, body: entry.body, cache: 'STALE', ageSeconds: Math.floor(this.age(entry) / 1000), sourceId: this.source.id };
  }
}

/** Builds the fetch stage around one source. */
export function createUpstreamGateway(opts: UpstreamGatewayOptions): UpstreamGateway {
  return new Gateway(opts);
}
