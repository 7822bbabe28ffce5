import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { MemoryResponseCache } from '../../src/upstream/cache.js';

const entry = (clock: ManualClock, body: string, ttlSeconds = 60) => ({ body: Buffer.from(body), storedAt: clock.now(), ttlSeconds });

describe('MemoryResponseCache', () => {
  it('returns what was stored', async () => {
    const clock = new ManualClock();
    const cache = new MemoryResponseCache({ clock });
    await cache.set('k', entry(clock, 'abc'));
    expect((await cache.get('k'))?.body.toString()).toBe('abc');
  });

  it('keeps an entry 24 h past its TTL for stale use, then drops it', async () => {
    const clock = new ManualClock();
    const cache = new MemoryResponseCache({ clock });
    await cache.set('k', entry(clock, 'abc', 60));
    clock.advance(60_000 + 86_400_000 - 1);
    expect(await cache.get('k')).toBeDefined();
    clock.advance(1);
    expect(await cache.get('k')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const clock = new ManualClock();
    const cache = new MemoryResponseCache({ clock, maxEntries: 2 });
    await cache.set('a', entry(clock, 'a'));
    await cache.set('b', entry(clock, 'b'));
    await cache.get('a');
    await cache.set('c', entry(clock, 'c'));
    expect(await cache.get('a')).toBeDefined();
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('c')).toBeDefined();
  });

  it('evicts by body bytes and refuses a body larger than the budget', async () => {
    const clock = new ManualClock();
    const cache = new MemoryResponseCache({ clock, maxBytes: 10 });
    await cache.set('a', entry(clock, '123456'));
    await cache.set('b', entry(clock, '123456'));
    expect(await cache.get('a')).toBeUndefined();
    expect(cache.byteSize).toBe(6);
    await cache.set('big', entry(clock, '12345678901'));
    expect(await cache.get('big')).toBeUndefined();
    expect(await cache.get('b')).toBeDefined();
  });

  it('replaces an entry without double-counting its bytes', async () => {
    const clock = new ManualClock();
    const cache = new MemoryResponseCache({ clock });
    await cache.set('a', entry(clock, '1234'));
    await cache.set('a', entry(clock, '12'));
    expect(cache.byteSize).toBe(2);
  });
});
