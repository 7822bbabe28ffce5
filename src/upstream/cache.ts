import type { Clock } from '../clock.js';
import type { Provenance } from './router.js';

/** How long past its TTL an entry may still be served as STALE on a 5xx-class failure (docs/api-contract.md § Upstream outcomes and caching). */
export const STALE_WINDOW_SECONDS = 24 * 60 * 60;

/** One cached response: the full outer envelope bytes, sent as-is on a hit (docs/architecture.md § Hot path). */
export interface CacheEntry {
  body: Buffer;
  /** Clock milliseconds when the upstream answer was stored. */
  storedAt: number;
  ttlSeconds: number;
  /** Which source served it, so a HIT or STALE says the same as the MISS did. */
  provenance?: Provenance;
}

/**
 * The response cache behind the gateway, shared by all accounts (docs/api-contract.md § Upstream outcomes and caching). Entries live for their
 * TTL plus the stale window; freshness is judged by the caller from `storedAt` and `ttlSeconds`.
 */
export interface ResponseCache {
  /** An entry held in this process comes back at once, without a promise: a cache hit is the hot path. */
  get(key: string): CacheEntry | undefined | Promise<CacheEntry | undefined>;
  set(key: string, entry: CacheEntry): Promise<void>;
  close(): Promise<void>;
}

export interface MemoryResponseCacheOptions {
  clock: Clock;
  /** Most entries kept; the least recently used go first. */
  maxEntries?: number;
  /** Most body bytes kept, so a burst of large bodies cannot exhaust memory. */
  maxBytes?: number;
  staleWindowSeconds?: number;
}

/**
 * In-process LRU bounded by entry count and body bytes. A Map keeps insertion order, so re-inserting on
 * read makes its first key the least recently used — no library needed for a byte-bounded LRU.
 */
export class MemoryResponseCache implements ResponseCache {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly clock: Clock;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly staleWindowMs: number;
  private bytes = 0;

  constructor(opts: MemoryResponseCacheOptions) {
    this.clock = opts.clock;
    this.maxEntries = opts.maxEntries ?? 10_000;
    this.maxBytes = opts.maxBytes ?? 256 * 1024 * 1024;
    this.staleWindowMs = (opts.staleWindowSeconds ?? STALE_WINDOW_SECONDS) * 1000;
  }

  get(key: string): CacheEntry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.clock.now() >= entry.storedAt + entry.ttlSeconds * 1000 + this.staleWindowMs) {
      this.remove(key, entry);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  async set(key: string, entry: CacheEntry): Promise<void> {
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    if (entry.body.length > this.maxBytes) return;
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [oldKey, old] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.remove(oldKey, old);
    }
  }

  async close(): Promise<void> {
    this.entries.clear();
    this.bytes = 0;
  }

  /** Entries currently held. */
  get size(): number {
    return this.entries.size;
  }

  /** Body bytes currently held. */
  get byteSize(): number {
    return this.bytes;
  }

  private remove(key: string, entry: CacheEntry): void {
    this.entries.delete(key);
    this.bytes -= entry.body.length;
  }
}
