import type { Redis } from 'ioredis';
import { systemClock, type Clock } from '../clock.js';
import { STALE_WINDOW_SECONDS, type CacheEntry, type ResponseCache } from './cache.js';

export interface RedisResponseCacheOptions {
  redis: Redis;
  /** Namespace for keys, so one Redis can serve several deployments. */
  keyPrefix?: string;
  clock?: Clock;
  staleWindowSeconds?: number;
  /** Quit the client on close (true when the cache created it). */
  ownsClient?: boolean;
}

/** storedAt as a float64 and ttlSeconds as a uint32 ahead of the body: no JSON around cached bytes. */
const HEADER_BYTES = 12;

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
    this.prefix = opts.keyPrefix ?? 'trendlens:response:';
    this.clock = opts.clock ?? systemClock;
    this.staleWindowMs = (opts.staleWindowSeconds ?? STALE_WINDOW_SECONDS) * 1000;
    this.ownsClient = opts.ownsClient ?? false;
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    const value = await this.redis.getBuffer(this.prefix + key);
    if (!value || value.length < HEADER_BYTES) return undefined;
    const entry = {
      storedAt: value.readDoubleBE(0),
      ttlSeconds: value.readUInt32BE(8),
      body: value.subarray(HEADER_BYTES),
    };
    // Redis expiry is the backstop; a clock the tests move must be honoured as well.
    if (this.clock.now() >= entry.storedAt + entry.ttlSeconds * 1000 + this.staleWindowMs) return undefined;
    return entry;
  }

  async set(key: string, entry: CacheEntry): Promise<void> {
    const lifeMs = entry.storedAt + entry.ttlSeconds * 1000 + this.staleWindowMs - this.clock.now();
    if (lifeMs <= 0) return;
    const header = Buffer.alloc(HEADER_BYTES);
    header.writeDoubleBE(entry.storedAt, 0);
    header.writeUInt32BE(entry.ttlSeconds, 8);
    await this.redis.set(this.prefix + key, Buffer.concat([header, entry.body]), 'PX', Math.ceil(lifeMs));
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.redis.quit();
  }
}
