import { describe, expect, it } from 'vitest';
import { parseParams } from '../../src/catalog/index.js';
import { popularTrendHashtag } from '../../src/catalog/trends/popular-trend-hashtag.js';
import { ManualClock } from '../../src/clock.js';
import { cacheKey, createUpstreamGateway, MemoryResponseCache, type Source, type UpstreamFailure, type UpstreamResult } from '../../src/upstream/index.js';

const endpoint = popularTrendHashtag;
const parsed = parseParams(endpoint, { limit: '1' });
if (!parsed.ok) throw new Error('bad params');
const { canonical, params } = parsed;

/** A scripted source: answers come from `next`, calls are counted, each call can be held open. */
function fakeSource(next: () => UpstreamResult | Promise<UpstreamResult>) {
  const source: Source & { calls: number } = {
    id: 'fake',
    calls: 0,
    async fetch() {
      source.calls++;
      return next();
    },
    async close() {},
  };
  return source;
}

const ok = (n: number): UpstreamResult => ({ ok: true, data: { code: 0, msg: 'OK', data: { n } } });
const fail = (failure: UpstreamFailure): UpstreamResult => ({ ok: false, failure });

describe('gateway cache', () => {
  it('misses, then hits with the same bytes, then misses again after the TTL', async () => {
    const clock = new ManualClock();
    let n = 0;
    const source = fakeSource(() => ok(++n));
    const gateway = createUpstreamGateway({ source, clock });

    const first = await gateway.fetch(endpoint, canonical, params);
    expect(first).toMatchObject({ ok: true, cache: 'MISS', sourceId: 'fake' });
    expect(first.ok && JSON.parse(first.body.toString())).toEqual({ code: 200, msg: 'OK', data: { code: 0, msg: 'OK', data: { n: 1 } } });

    clock.advance(10_000);
    const second = await gateway.fetch(endpoint, canonical, params);
    expect(second).toMatchObject({ ok: true, cache: 'HIT', ageSeconds: 10 });
    expect(first.ok && second.ok && second.body === first.body).toBe(true);

    clock.advance(endpoint.cacheTtlSeconds * 1000);
    const third = await gateway.fetch(endpoint, canonical, params);
    expect(third).toMatchObject({ ok: true, cache: 'MISS' });
    expect(source.calls).toBe(2);
  });

  it('keys the cache by SHA-256 of adapter id and canonical form', async () => {
    const clock = new ManualClock();
    const cache = new MemoryResponseCache({ clock });
    const gateway = createUpstreamGateway({ source: fakeSource(() => ok(1)), clock, cache });
    await gateway.fetch(endpoint, canonical, params);
    expect(cacheKey('fake', canonical)).toMatch(/^[0-9a-f]{64}$/);
    expect(await cache.get(cacheKey('fake', canonical))).toBeDefined();
  });

  it.each([
    ['bad_response', { kind: 'bad_response', detail: 'non_json' }],
    ['unavailable', { kind: 'unavailable', detail: 'deprecated' }],
    ['timeout', { kind: 'timeout' }],
  ] as const)('serves an expired entry as STALE with its age on %s', async (_name, failure) => {
    const clock = new ManualClock();
    let answer = ok(1);
    const gateway = createUpstreamGateway({ source: fakeSource(() => answer), clock });
    await gateway.fetch(endpoint, canonical, params);
    clock.advance((endpoint.cacheTtlSeconds + 3600) * 1000);
    answer = fail(failure);
    const stale = await gateway.fetch(endpoint, canonical, params);
    expect(stale).toMatchObject({ ok: true, cache: 'STALE', ageSeconds: endpoint.cacheTtlSeconds + 3600 });
  });

  it('does not serve stale on not_found', async () => {
    const clock = new ManualClock();
    let answer = ok(1);
    const gateway = createUpstreamGateway({ source: fakeSource(() => answer), clock });
    await gateway.fetch(endpoint, canonical, params);
    clock.advance((endpoint.cacheTtlSeconds + 1) * 1000);
    answer = fail({ kind: 'not_found' });
    expect(await gateway.fetch(endpoint, canonical, params)).toEqual({ ok: false, failure: { kind: 'not_found' }, sourceId: 'fake', adapter: 'creative-center' });
  });

  it('does not serve an entry more than 24 h past its TTL', async () => {
    const clock = new ManualClock();
    let answer = ok(1);
    const gateway = createUpstreamGateway({ source: fakeSource(() => answer), clock });
    await gateway.fetch(endpoint, canonical, params);
    clock.advance((endpoint.cacheTtlSeconds + 86_400) * 1000);
    answer = fail({ kind: 'timeout' });
    expect(await gateway.fetch(endpoint, canonical, params)).toEqual({ ok: false, failure: { kind: 'timeout' }, sourceId: 'fake', adapter: 'creative-center' });
  });

  it('does not cache failures', async () => {
    const clock = new ManualClock();
    let answer = fail({ kind: 'timeout' });
    const source = fakeSource(() => answer);
    const gateway = createUpstreamGateway({ source, clock });
    expect(await gateway.fetch(endpoint, canonical, params)).toMatchObject({ ok: false });
    answer = ok(1);
    expect(await gateway.fetch(endpoint, canonical, params)).toMatchObject({ ok: true, cache: 'MISS' });
    expect(source.calls).toBe(2);
  });

  it('treats a failing cache as a miss', async () => {
    const clock = new ManualClock();
    const broken = { get: async () => Promise.reject(new Error('down')), set: async () => Promise.reject(new Error('down')), close: async () => {} };
    const warnings: string[] = [];
    const gateway = createUpstreamGateway({ source: fakeSource(() => ok(1)), clock, cache: broken, logger: { warn: (_o, m) => warnings.push(m) } });
    expect(await gateway.fetch(endpoint, canonical, params)).toMatchObject({ ok: true, cache: 'MISS' });
    expect(warnings).toContain('response cache write failed');
  });

  it('treats a cache that throws at once, without a promise, as a miss too', async () => {
    // ResponseCache.get may answer without a promise (an entry held in memory), so it may also fail without one.
    const clock = new ManualClock();
    const broken = {
      get: () => {
        throw new Error('down');
      },
      set: async () => {},
      close: async () => {},
    };
    const warnings: string[] = [];
    const gateway = createUpstreamGateway({ source: fakeSource(() => ok(1)), clock, cache: broken, logger: { warn: (_o, m) => warnings.push(m) } });
    expect(await gateway.fetch(endpoint, canonical, params)).toMatchObject({ ok: true, cache: 'MISS' });
    expect(warnings).toContain('response cache read failed');
  });
});

describe('gateway single flight', () => {
  it('1,000 concurrent identical cold fetches make exactly 1 source call', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const source = fakeSource(async () => {
      await gate;
      return ok(1);
    });
    const gateway = createUpstreamGateway({ source, clock: new ManualClock() });
    const all = Promise.all(Array.from({ length: 1000 }, () => gateway.fetch(endpoint, canonical, params)));
    await new Promise((r) => setTimeout(r, 5));
    release();
    const results = await all;
    expect(source.calls).toBe(1);
    expect(results.every((r) => r.ok)).toBe(true);
  });
});

describe('gateway circuit breaker', () => {
  it('opens after 5 consecutive 5xx-class failures and answers circuit_open without calling upstream', async () => {
    const clock = new ManualClock();
    let answer = fail({ kind: 'timeout' });
    const source = fakeSource(() => answer);
    const gateway = createUpstreamGateway({ source, clock });
    for (let i = 0; i < 5; i++) await gateway.fetch(endpoint, canonical, params);
    expect(source.calls).toBe(5);
    const refused = await gateway.fetch(endpoint, canonical, params);
    expect(refused).toEqual({ ok: false, failure: { kind: 'unavailable', detail: 'circuit_open', retryAfterSeconds: 30 }, sourceId: 'fake', adapter: 'creative-center' });
    expect(source.calls).toBe(5);

    clock.advance(30_000);
    answer = ok(1);
    expect(await gateway.fetch(endpoint, canonical, params)).toMatchObject({ ok: true, cache: 'MISS' });
    expect(source.calls).toBe(6);
  });

  it('does not count not_found against the circuit', async () => {
    const source = fakeSource(() => fail({ kind: 'not_found' }));
    const gateway = createUpstreamGateway({ source, clock: new ManualClock() });
    for (let i = 0; i < 7; i++) await gateway.fetch(endpoint, canonical, params);
    expect(source.calls).toBe(7);
  });

  it('serves a stale entry while the circuit is open', async () => {
    const clock = new ManualClock();
    let answer = ok(1);
    const source = fakeSource(() => answer);
    const gateway = createUpstreamGateway({ source, clock });
    await gateway.fetch(endpoint, canonical, params);
    clock.advance((endpoint.cacheTtlSeconds + 1) * 1000);
    answer = fail({ kind: 'bad_response', detail: 'upstream_error' });
    for (let i = 0; i < 5; i++) await gateway.fetch(endpoint, canonical, params);
    const calls = source.calls;
    expect(await gateway.fetch(endpoint, canonical, params)).toMatchObject({ ok: true, cache: 'STALE' });
    expect(source.calls).toBe(calls);
  });
});
