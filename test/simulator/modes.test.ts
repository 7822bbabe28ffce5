import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { startSimulator, type SimulatorHandle } from '../../src/simulator/index.js';
import { userSign } from '../../src/simulator/sign.js';
import { call, signedHeaders } from './helpers.js';

const clock = new ManualClock(Date.UTC(2026, 7, 3, 9, 0, 0));
const now = clock.now();
const REQUEST_ID = /^20260803090000[0-9A-F]{20}$/;
let sim: SimulatorHandle;

beforeAll(async () => {
  sim = await startSimulator({ clock, era: '2024' });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.setMode('signed-2024'));

const HASHTAGS = 'popular_trend/hashtag/list?limit=5';

describe('signed-2024 (default)', () => {
  it('answers a correctly signed call', async () => {
    const r = await call(sim, HASHTAGS, { nowMs: now });
    expect(r.json.code).toBe(0);
    expect(r.json.request_id).toMatch(REQUEST_ID);
  });

  it.each([
    ['no headers', {}],
    ['only anonymous-user-id', { 'anonymous-user-id': '123e4567-e89b-42d3-a456-426614174000' }],
    ['a wrong sign', { ...signedHeaders(now), 'user-sign': '0000000000000000' }],
    ['a sign for another timestamp', { ...signedHeaders(now), timestamp: String(now / 1000 + 1) }],
  ])('answers HTTP 200 code 40101 for %s', async (_, headers) => {
    const r = await call(sim, HASHTAGS, { nowMs: now, headers });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ code: 40101, msg: 'no permission', request_id: expect.stringMatching(REQUEST_ID), data: {} });
  });

  it('accepts the web-id form of the sign', async () => {
    const timestamp = String(now / 1000);
    const webId = '7601202182150424071';
    const headers = { 'anonymous-user-id': '123e4567-e89b-42d3-a456-426614174000', 'web-id': webId, timestamp, 'user-sign': userSign(webId, timestamp) };
    expect((await call(sim, HASHTAGS, { nowMs: now, headers })).json.code).toBe(0);
  });

  it('accepts an old signature by default (lenient freshness)', async () => {
    const r = await call(sim, HASHTAGS, { nowMs: now, headers: signedHeaders(now - 30 * 86_400_000) });
    expect(r.json.code).toBe(0);
  });
});

describe('maxSignatureAgeSeconds', () => {
  it('rejects signatures older than the limit and keeps fresh ones', async () => {
    const strict = await startSimulator({ clock, era: '2024', maxSignatureAgeSeconds: 60 });
    try {
      expect((await call(strict, HASHTAGS, { nowMs: now, headers: signedHeaders(now - 61_000) })).json.code).toBe(40101);
      expect((await call(strict, HASHTAGS, { nowMs: now, headers: signedHeaders(now - 59_000) })).json.code).toBe(0);
    } finally {
      await strict.close();
    }
  });
});

describe('legacy-2023', () => {
  it('answers with only an anonymous-user-id', async () => {
    sim.setMode('legacy-2023');
    const r = await call(sim, HASHTAGS, { nowMs: now, headers: { 'anonymous-user-id': 'anything' } });
    expect(r.json.code).toBe(0);
    expect(r.json.data.list).toHaveLength(5);
  });

  it('still answers 40101 without one', async () => {
    sim.setMode('legacy-2023');
    expect((await call(sim, HASHTAGS, { nowMs: now, headers: {} })).json.code).toBe(40101);
  });
});

describe('deprecated-2026', () => {
  it.each(['popular_trend/hashtag/list', 'popular_trend/sound/rank_list', 'popular_trend/creator/list', 'script/keyword/list'])(
    'retires %s with code 0, msg deprecated and empty data',
    async (path) => {
      sim.setMode('deprecated-2026');
      const r = await call(sim, path, { nowMs: now });
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ code: 0, msg: 'deprecated', request_id: expect.stringMatching(REQUEST_ID), data: {} });
    },
  );

  it('keeps Top Ads working', async () => {
    sim.setMode('deprecated-2026');
    const r = await call(sim, 'top_ads/v2/list?limit=3', { nowMs: now });
    expect(r.json.msg).toBe('OK');
    expect(r.json.data.materials).toHaveLength(3);
  });

  it('still checks the signature first', async () => {
    sim.setMode('deprecated-2026');
    expect((await call(sim, 'popular_trend/hashtag/list', { nowMs: now, headers: {} })).json.code).toBe(40101);
  });
});

describe('paths', () => {
  it('answers 404 for a path the upstream never had (e.g. v2 variants, top_product)', async () => {
    for (const path of ['popular_trend/hashtag/v2/list', 'top_product/list']) {
      const r = await call(sim, path, { nowMs: now });
      expect(r.status).toBe(404);
    }
  });

  it('counts every request on an upstream path, faults and 404s included', async () => {
    sim.resetStats();
    await call(sim, HASHTAGS, { nowMs: now });
    await call(sim, HASHTAGS, { nowMs: now, headers: {} });
    await call(sim, 'top_ads/v2/filters', { nowMs: now });
    expect(sim.stats()).toEqual({ calls: 3, byPath: { 'popular_trend/hashtag/list': 2, 'top_ads/v2/filters': 1 } });
    sim.resetStats();
    expect(sim.stats()).toEqual({ calls: 0, byPath: {} });
  });
});
