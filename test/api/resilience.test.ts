import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SimulatorFault } from '../../src/simulator/index.js';
import { STALE_WINDOW_SECONDS } from '../../src/upstream/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  NO_PERMISSION,
  SOURCE_ID,
  contractApp,
  expectCharged,
  expectUpstreamFailure,
  get,
  rotation,
  type Caller,
} from '../support/endpoint-contract.js';

/** Upstream outcomes the gateway owns (docs/api-contract.md § Upstream outcomes and caching): stale-if-error and the circuit breaker. */

const HASHTAGS = { path: '/api/v1/tiktok/popular-trend/hashtag', upstream: 'popular_trend/hashtag/list' };
const HASHTAG_DETAIL = { path: '/api/v1/tiktok/popular-trend/hashtag/detail', upstream: 'popular_trend/hashtag/detail' };
const CREATORS = { path: '/api/v1/tiktok/popular-trend/creator', upstream: 'popular_trend/creator/list' };
const VIDEOS = { path: '/api/v1/tiktok/popular-trend/video', upstream: 'popular_trend/list' };
const SONGS = { path: '/api/v1/tiktok/popular-trend/song', upstream: 'popular_trend/sound/rank_list' };
const KEYWORDS = { path: '/api/v1/tiktok/keyword-insights', upstream: 'script/keyword/list' };
const SPOTLIGHT = { path: '/api/v1/tiktok/top-ads/spotlight', upstream: 'education/top_ads/list' };
const SUGGESTIONS = { path: '/api/v1/tiktok/top-ads/suggestions', upstream: 'top_ads/query_suggestion' };

const HOUR_MS = 3600_000;
const UPSTREAM_503: SimulatorFault = { kind: 'http_error', status: 503, body: 'empty' };
const UPSTREAM_ERROR = { error: 'upstream_bad_response', detail: 'upstream_error' };
const CIRCUIT_OPEN = { error: 'upstream_unavailable', detail: 'circuit_open' };

const { t, caller } = contractApp({ start: { breakerThreshold: 5 } });

const call = (endpoint: { path: string }, query: string) => get(t, endpoint.path, query, caller);

/** A trend-chart country no earlier test has cached. */
const freshCountry = rotation(['US', 'GB', 'DE', 'FR', 'JP', 'BR', 'CA', 'AU', 'IT', 'ES', 'MX', 'KR', 'ID', 'TH', 'VN', 'PH', 'MY', 'SG', 'TR', 'SA']);

/** A query no earlier request on that endpoint used: a limit from a counter. */
const freshLimit = (() => {
  let n = 0;
  return () => `?limit=${(n++ % 100) + 1}`;
})();

/** `n` requests, each failing upstream with a 503 and answered 502. */
async function failTimes(endpoint: { path: string; upstream: string }, n: number): Promise<void> {
  t.simulator.addFault({ fault: UPSTREAM_503, path: endpoint.upstream });
  for (let i = 0; i < n; i++) expectUpstreamFailure(await call(endpoint, freshLimit()), 502, UPSTREAM_ERROR);
  t.simulator.clearFaults();
}

describe('200 STALE: an expired entry answers a 5xx-class failure', () => {
  it.each([
    ['upstream HTTP 503', UPSTREAM_503],
    ['a login wall', { kind: 'login_wall', variant: 'html' }],
    ['malformed JSON', { kind: 'malformed', variant: 'truncated' }],
    ['an unknown upstream code', { kind: 'error_code', code: 50001 }],
    ['a persisting 40101', NO_PERMISSION],
    ['a dropped connection', { kind: 'drop' }],
    ['a hang (timeout)', { kind: 'hang' }],
  ] as ReadonlyArray<[string, SimulatorFault]>)('serves the entry past its TTL on %s, charged, with X-Cache STALE and Age', async (_, fault) => {
    const query = `?country_code=${freshCountry()}&limit=5`;
    const fresh = await call(HASHTAGS, query);
    expect(fresh.res.headers['x-cache']).toBe('MISS');
    t.clock.advance(HOUR_MS + 1_000);
    t.simulator.addFault({ fault, path: HASHTAGS.upstream });
    const stale = await call(HASHTAGS, query);
    expect(stale.res.statusCode).toBe(200);
    expect(stale.res.headers['x-cache']).toBe('STALE');
    expect(stale.res.headers.age).toBe('3601');
    expect(stale.res.headers['x-upstream-source']).toBe(SOURCE_ID);
    expect(stale.res.body).toBe(fresh.res.body);
    expectCharged(stale);
  });

  it('serves an entry up to 24 h past its TTL', async () => {
    const query = `?country_code=${freshCountry()}&limit=5`;
    await call(HASHTAGS, query);
    t.clock.advance(HOUR_MS + STALE_WINDOW_SECONDS * 1000 - 1_000);
    t.simulator.addFault({ fault: UPSTREAM_503, path: HASHTAGS.upstream });
    const stale = await call(HASHTAGS, query);
    expect(stale.res.headers['x-cache']).toBe('STALE');
    expect(stale.res.headers.age).toBe(String(3600 + STALE_WINDOW_SECONDS - 1));
  });

  it('goes upstream first: a healthy upstream past the TTL answers MISS with new bytes, then HIT', async () => {
    const query = `?country_code=${freshCountry()}&limit=5`;
    await call(HASHTAGS, query);
    t.clock.advance(HOUR_MS);
    const refreshed = await call(HASHTAGS, query);
    expect(refreshed.res.headers['x-cache']).toBe('MISS');
    expect(refreshed.res.headers.age).toBeUndefined();
    expect((await call(HASHTAGS, query)).res.headers['x-cache']).toBe('HIT');
  });
});

describe('502 and 404 when nothing stale may answer', () => {
  it('502 once the entry is more than 24 h past its TTL, charging nothing', async () => {
    const query = `?country_code=${freshCountry()}&limit=5`;
    await call(HASHTAGS, query);
    t.clock.advance(HOUR_MS + STALE_WINDOW_SECONDS * 1000);
    t.simulator.addFault({ fault: UPSTREAM_503, path: HASHTAGS.upstream });
    expectUpstreamFailure(await call(HASHTAGS, query), 502, UPSTREAM_ERROR);
  });

  it('404 on a definite not-found (40004) even with an expired entry: not a 5xx-class failure', async () => {
    const fill = await get(t, HASHTAGS.path, '?limit=1', caller);
    const name = fill.body.data.data.list[0].hashtag_name as string;
    expect((await call(HASHTAG_DETAIL, `?hashtag_name=${name}&period=30`)).res.statusCode).toBe(200);
    t.clock.advance(HOUR_MS + 1_000);
    t.simulator.addFault({ fault: { kind: 'error_code', code: 40004 }, path: HASHTAG_DETAIL.upstream });
    expectUpstreamFailure(await call(HASHTAG_DETAIL, `?hashtag_name=${name}&period=30`), 404, { error: 'resource_not_found' });
  });
});

describe('503 circuit_open', () => {
  it('opens after 5 consecutive failures: the 6th request is refused without an upstream call, with Retry-After 30', async () => {
    await failTimes(CREATORS, 5);
    t.simulator.resetStats();
    const refused = await call(CREATORS, freshLimit());
    expectUpstreamFailure(refused, 503, CIRCUIT_OPEN);
    expect(refused.res.headers['retry-after']).toBe('30');
    expect(t.simulator.stats().byPath[CREATORS.upstream]).toBeUndefined();
  });

  it('keeps circuits per path: other endpoints answer while one is open', async () => {
    await failTimes(SUGGESTIONS, 5);
    expectUpstreamFailure(await call(SUGGESTIONS, '?count=3'), 503, CIRCUIT_OPEN);
    expect((await call(HASHTAGS, `?country_code=${freshCountry()}`)).res.statusCode).toBe(200);
  });

  it('counts only consecutive failures: a success in between starts the count again', async () => {
    await failTimes(SONGS, 4);
    expect((await call(SONGS, `?country_code=${freshCountry()}`)).res.statusCode).toBe(200);
    await failTimes(SONGS, 4);
    t.simulator.addFault({ fault: UPSTREAM_503, path: SONGS.upstream });
    t.simulator.resetStats();
    expectUpstreamFailure(await call(SONGS, freshLimit()), 502, UPSTREAM_ERROR);
    expect(t.simulator.stats().byPath[SONGS.upstream]).toBeGreaterThan(0);
    expectUpstreamFailure(await call(SONGS, freshLimit()), 503, CIRCUIT_OPEN);
  });

  it('does not count 404s: an unknown id keeps reaching the upstream', async () => {
    for (let i = 0; i < 6; i++) {
      expectUpstreamFailure(await call(HASHTAG_DETAIL, `?hashtag_name=nosuchtag${i}`), 404, { error: 'resource_not_found' });
    }
  });

  it('lets one probe through after 30 s on the clock; its success closes the circuit', async () => {
    await failTimes(VIDEOS, 5);
    t.clock.advance(29_000);
    const early = await call(VIDEOS, freshLimit());
    expectUpstreamFailure(early, 503, CIRCUIT_OPEN);
    expect(early.res.headers['retry-after']).toBe('1');
    t.clock.advance(1_000);
    t.simulator.resetStats();
    const probe = await call(VIDEOS, '?limit=3');
    expect(probe.res.statusCode).toBe(200);
    expect(probe.res.headers['x-cache']).toBe('MISS');
    expect(t.simulator.stats().byPath[VIDEOS.upstream]).toBe(1);
    expect((await call(VIDEOS, '?period=30')).res.statusCode).toBe(200);
  });

  it('lets exactly one probe through: a request while it runs is refused with Retry-After 1', async () => {
    await failTimes(KEYWORDS, 5);
    t.clock.advance(30_000);
    // The probe's first attempt hangs until the client's timeout, then its retry answers.
    t.simulator.addFault({ fault: { kind: 'hang' }, path: KEYWORDS.upstream, times: 1 });
    t.simulator.resetStats();
    const probe = call(KEYWORDS, '?keyword=free');
    await vi.waitFor(() => expect(t.simulator.stats().byPath[KEYWORDS.upstream]).toBe(1));
    const during = await call(KEYWORDS, '?keyword=shipping');
    expectUpstreamFailure(during, 503, CIRCUIT_OPEN);
    expect(during.res.headers['retry-after']).toBe('1');
    expect((await probe).res.statusCode).toBe(200);
    expect(t.simulator.stats().byPath[KEYWORDS.upstream]).toBe(2);
  });

  it('re-opens for another 30 s when the probe fails', async () => {
    await failTimes(SPOTLIGHT, 5);
    t.clock.advance(30_000);
    t.simulator.addFault({ fault: UPSTREAM_503, path: SPOTLIGHT.upstream });
    expectUpstreamFailure(await call(SPOTLIGHT, freshLimit()), 502, UPSTREAM_ERROR);
    const refused = await call(SPOTLIGHT, freshLimit());
    expectUpstreamFailure(refused, 503, CIRCUIT_OPEN);
    expect(refused.res.headers['retry-after']).toBe('30');
  });

  it('still serves an expired entry as STALE while open', async () => {
    const stalePath = { path: '/api/v1/tiktok/top-ads/list', upstream: 'top_ads/v2/list' };
    const kept = await call(stalePath, '?limit=7&period=7');
    t.clock.advance(HOUR_MS + 1_000);
    await failTimes(stalePath, 5);
    t.simulator.resetStats();
    const stale = await call(stalePath, '?limit=7&period=7');
    expect(stale.res.statusCode).toBe(200);
    expect(stale.res.headers['x-cache']).toBe('STALE');
    expect(stale.res.body).toBe(kept.res.body);
    expect(t.simulator.stats().byPath[stalePath.upstream]).toBeUndefined();
    expectCharged(stale);
  });
});

describe('503 connect_failed', () => {
  let down: TestApp;
  let downCaller: Caller;
  beforeAll(async () => {
    down = await startTestApp();
    downCaller = await down.newCaller();
    await down.simulator.close();
  });
  afterAll(async () => down.close());

  it('answers 503 upstream_unavailable connect_failed with Retry-After when the upstream refuses connections', async () => {
    const reply = await get(down, HASHTAGS.path, '', downCaller);
    expectUpstreamFailure(reply, 503, { error: 'upstream_unavailable', detail: 'connect_failed' });
    expect(reply.res.headers['retry-after']).toBe('30');
  });
});
