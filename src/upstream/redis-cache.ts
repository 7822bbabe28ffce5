import type { Redis } from 'ioredis';
import { systemClock, type Clock } from '../clock.js';
import { MemoryResponseCache, STALE_WINDOW_SECONDS, type CacheEntry, type ResponseCache } from './cache.js';
import type { Provenance } from './router.js';

export interface RedisResponseCacheOptions {
  redis: Redis;
  /** Namespace for keys, so one Redis can serve several deployments. */
  keyPrefix?: string;
  clock?: Clock;
  staleWindowSeconds?: number;
  /** Quit the client on close (true when the cache created it). */
  ownsClient?: boolean;
  /** Most body bytes of fresh entries each instance also keeps in memory. */
  localMaxBytes?: number;
}

/**
 * storedAt as a float64, ttlSeconds and the provenance's byte length as uint32s, then the provenance
 * as JSON and the body: no JSON around the cached bytes themselves.
 */
const HEADER_BYTES = 16;

/**
 * The response cache in Redis, shared by every instance (docs/architecture.md § One machine or many). Values are the
 * envelope bytes behind a 16-byte header; Redis expires each key when its stale window ends.
 *
 * Each instance also keeps the entries it has read or written in memory while they are fresh: an entry
 * never changes before its TTL ends (a refresh only replaces an expired one), so a fresh local copy answers
 * exactly as Redis would, without a round trip and an 11 kB transfer on every cache hit. Once the TTL has
 * passed, the local copy is gone and Redis is asked again, where another instance may have refreshed it.
 */
export class RedisResponseCache implements ResponseCache {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly clock: Clock;
  private readonly staleWindowMs: number;
  private readonly ownsClient: boolean;
  private readonly local: MemoryResponseCache;

  constructor(opts: RedisResponseCacheOptions) {
    this.redis = opts.redis;
    // v2: entries carry their provenance; entries of the older layout are not read as this one.
    this.prefix = opts.keyPrefix ?? 'trendlens:response:v2:';
    this.clock = opts.clock ?? systemClock;
    this.staleWindowMs = (opts.staleWindowSeconds ?? STALE_WINDOW_SECONDS) * 1000;
    this.ownsClient = opts.ownsClient ?? false;
    this.local = new MemoryResponseCache({ clock: this.clock, maxBytes: opts.localMaxBytes ?? 32 * 1024 * 1024, staleWindowSeconds: 0 });
  }

  get(key: string): CacheEntry | undefined | Promise<CacheEntry | undefined> {
    // With no stale window, the memory cache forgets an entry the moment its TTL ends.
    return this.local.get(key) ?? this.getShared(key).then(async (entry) => {
      if (entry) await this.local.set(key, entry);
      return entry;
    });
  }

  private async getShared(key: string): Promise<CacheEntry | undefined> {
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
    await this.local.set(key, entry);
  }

  async close(): Promise<void> {
    await this.local.close();
    if (this.ownsClient) await this.redis.quit();
  }
}
