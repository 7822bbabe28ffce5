import type { Redis } from 'ioredis';
import { systemClock, type Clock } from '../clock.js';
import { STALE_WINDOW_SECONDS, type CacheEntry, type ResponseCache } from './cache.js';
import type { Provenance } from './router.js';

export interface RedisResponseCacheOptions {
  redis: Redis;
  /** Namespace for keys, so one Redis can serve several deployments. */
  keyPrefix?: string;
  clock?: Clock;
  staleWindowSeconds?: number;
  /** Quit the client on close (true when the cache created it). */
  ownsClient?: boolean;
}

/**
 * storedAt as a float64, ttlSeconds and the provenance's byte length as uint32s, then the provenance
 * as JSON and the body: no JSON around the cached bytes themselves.
 */
const HEADER_BYTES = 16;

/**
 * The response cache in Redis, shared by every instance (docs/architecture.md § One machine or many). Values are the
 * envelope bytes behind a 12-byte header; Redis expires each key when its stale window ends.
 */
export class RedisResponseCache implements ResponseCache {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly clock: Clock;
  private readonly staleWindowMs: number;
  private readonly ownsClient: boolean;

  constructor(opts: RedisResponseCacheOptions) {
    this.redis = opts.redis;
    // v2: entries carry their provenance; entries of the older layout are not read as this one.
    this.prefix = opts.keyPrefix ?? 'trendlens:response:v2:';
    this.clock = opts.clock ?? systemClock;
    this.staleWindowMs = (opts.staleWindowSeconds ?? STALE_WINDOW_SECONDS) * 1000;
    this.ownsClient = opts.ownsClient ?? false;
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    const value = await this.redis.getBuffer(this.prefix + key);
    if (!value || value.length < HEADER_BYTES) return undefined;
    const provenanceBytes = value.readUInt32BE(12);
    if (value.length < HEADER_BYTES + provenanceBytes) return undefined;
    const entry: CacheEntry = {
      storedAt: value.readDoubleBE(0),
      ttlSeconds: value.readUInt32BE(8),
      body: value.subarray(HEADER_BYTES + provenanceBytes),
    };
    if (provenanceBytes > 0) entry.provenance = JSON.parse(value.subarray(HEADER_BYTES, HEADER_BYTES + provenanceBytes).toString('utf8')) as Provenance;
    // Redis expiry is the backstop; a clock the tests move must be honoured as well.
    if (this.clock.now() >= entry.storedAt + entry.ttlSeconds * 1000 + this.staleWindowMs) return undefined;
    return entry;
  }

  async set(key: string, entry: CacheEntry): Promise<void> {
    const lifeMs = entry.storedAt + entry.ttlSeconds * 1000 + this.staleWindowMs - this.clock.now();
    if (lifeMs <= 0) return;
    const provenance = entry.provenance ? Buffer.from(JSON.stringify(entry.provenance)) : Buffer.alloc(0);
    const header = Buffer.alloc(HEADER_BYTES);
    header.writeDoubleBE(entry.storedAt, 0);
    header.writeUInt32BE(entry.ttlSeconds, 8);
    header.writeUInt32BE(provenance.length, 12);
    await this.redis.set(this.prefix + key, Buffer.concat([header, provenance, entry.body]), 'PX', Math.ceil(lifeMs));
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.redis.quit();
  }
}
