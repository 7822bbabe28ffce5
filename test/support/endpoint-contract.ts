import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { STATUS_MESSAGES } from '../../src/api/errors.js';
import { endpoints } from '../../src/catalog/index.js';
import type { SimulatorFault } from '../../src/simulator/index.js';
import { STALE_WINDOW_SECONDS } from '../../src/upstream/index.js';
import type { TestApp } from './app.js';

/**
 * What the per-endpoint contract tests (test/api/<operation>.test.ts) share: one metered GET that
 * reports what it cost, the assertions on charging, and the upstream faults every endpoint must map
 * to the same contract §3.2 statuses.
 */

export type Caller = Awaited<ReturnType<TestApp['newCaller']>>;

/** A response, its parsed envelope and the credits it took from the caller's balance. */
export interface Reply {
  res: LightMyRequestResponse;
  body: any;
  charged: number;
}

/** The adapter id of the test app's source: the simulator, as in demo mode (contract §3.4). */
export const SOURCE_ID = 'simulator';

/** One GET through the real metered pipeline, with the caller's key; `query` starts with `?` or is empty. */
export async function get(t: Pick<TestApp, 'app' | 'services'>, path: string, query: string, caller: Caller): Promise<Reply> {
  const before = (await t.services.credits.snapshot(caller.accountId)).balance;
  const res = await t.app.inject({ method: 'GET', url: `${path}${query}`, headers: { 'x-api-key': caller.apiKey } });
  const after = (await t.services.credits.snapshot(caller.accountId)).balance;
  return { res, body: res.json(), charged: before - after };
}

/** A 2xx is charged 8 credits and says so (contract §3.4, §5.2). */
export function expectCharged(reply: Reply): void {
  expect(reply.res.headers['x-credits-charged']).toBe('8');
  expect(reply.charged).toBe(8);
}

/** Only a 2xx is charged (contract §3.2): no charge header, balance unchanged. */
export function expectNothingCharged(reply: Reply): void {
  expect(reply.res.headers['x-credits-charged']).toBeUndefined();
  expect(reply.charged).toBe(0);
}

/** 200 with the outer envelope `{code: 200, msg: "OK"}`, charged. */
export function expectOk(reply: Reply): void {
  expect(reply.res.statusCode).toBe(200);
  expect(reply.body).toMatchObject({ code: 200, msg: 'OK' });
  expectCharged(reply);
}

/** 400 naming exactly these params (contract §3.2), charging nothing. */
export function expectInvalid(reply: Reply, params: readonly string[]): void {
  expect(reply.res.statusCode).toBe(400);
  expect(reply.body).toMatchObject({ code: 400, msg: 'Invalid input' });
  expect((reply.body.data.errors as Array<{ param: string }>).map((e) => e.param).sort()).toEqual([...params].sort());
  expectNothingCharged(reply);
}

/** An upstream-caused error: its status and `data`, the adapter named, nothing charged (contract §3.2, §3.4). */
export function expectUpstreamFailure(reply: Reply, status: number, data: unknown): void {
  expect(reply.res.statusCode).toBe(status);
  expect(reply.body).toEqual({ code: status, msg: STATUS_MESSAGES[status], data });
  expect(reply.res.headers['x-upstream-source']).toBe(SOURCE_ID);
  expectNothingCharged(reply);
}

const NON_JSON = { error: 'upstream_bad_response', detail: 'non_json' };
const UPSTREAM_ERROR = { error: 'upstream_bad_response', detail: 'upstream_error' };

/** Every simulator fault with the status and `data` contract §3.2 gives it, for `it.each`. */
export const UPSTREAM_FAULTS: ReadonlyArray<readonly [string, SimulatorFault, number, unknown]> = [
  ['502 non_json on a login-wall redirect', { kind: 'login_wall', variant: 'redirect' }, 502, NON_JSON],
  ['502 non_json on a login-wall HTML page sent with 200', { kind: 'login_wall', variant: 'html' }, 502, NON_JSON],
  ['502 non_json on a login wall sent with 401', { kind: 'login_wall', variant: '401' }, 502, NON_JSON],
  ['502 non_json on a login wall sent with 403', { kind: 'login_wall', variant: '403' }, 502, NON_JSON],
  ['502 non_json on truncated JSON', { kind: 'malformed', variant: 'truncated' }, 502, NON_JSON],
  ['502 non_json on JSON with trailing garbage', { kind: 'malformed', variant: 'garbage' }, 502, NON_JSON],
  ['502 non_json on JSON sent as text/html', { kind: 'malformed', variant: 'content_type' }, 502, NON_JSON],
  ['502 upstream_error on upstream HTTP 500 with a text body', { kind: 'http_error', status: 500, body: 'text' }, 502, UPSTREAM_ERROR],
  ['502 upstream_error on upstream HTTP 503 with an empty body', { kind: 'http_error', status: 503, body: 'empty' }, 502, UPSTREAM_ERROR],
  ['502 upstream_error on a dropped connection', { kind: 'drop' }, 502, UPSTREAM_ERROR],
  ['502 upstream_error on an unknown non-zero code', { kind: 'error_code', code: 50001 }, 502, UPSTREAM_ERROR],
  ['502 upstream_error on the rate-limit code 40100', { kind: 'error_code', code: 40100 }, 502, UPSTREAM_ERROR],
  ['504 upstream_timeout on a hang', { kind: 'hang' }, 504, { error: 'upstream_timeout' }],
];

/** The 40101 fault, which the client answers by re-signing once (contract §4.1). */
export const NO_PERMISSION: SimulatorFault = { kind: 'error_code', code: 40101, msg: 'no permission' };

/** The 2026 answer for retired paths (contract §3.2 `deprecated`). */
export const DEPRECATED = { error: 'upstream_unavailable', detail: 'deprecated' };

/**
 * Moves the test clock past the longest catalog TTL, the 24 h stale window and the adapter's page
 * reuse, so the next request goes upstream whatever earlier tests cached (needed by param-less endpoints).
 */
export function outliveCaches(t: TestApp): void {
  const longestTtl = Math.max(...endpoints.map((e) => e.cacheTtlSeconds));
  t.clock.advance((longestTtl + STALE_WINDOW_SECONDS + 61) * 1000);
}

/** Ids the upstream really knows, taken from the list endpoints' answers as a client would. */
export interface LiveIds {
  hashtagNames: string[];
  clipIds: string[];
  materialIds: string[];
}

/** Reads hashtag names from the flagship, clip ids from the song chart and material ids from Top Ads. */
export async function liveIds(t: TestApp, caller: Caller): Promise<LiveIds> {
  const hashtags = await get(t, '/api/v1/tiktok/popular-trend/hashtag', '?limit=50', caller);
  const songs = await get(t, '/api/v1/tiktok/popular-trend/song', '?limit=50', caller);
  const ads = await get(t, '/api/v1/tiktok/top-ads/list', '?limit=20', caller);
  return {
    hashtagNames: (hashtags.body.data.data.list as Array<{ hashtag_name: string }>).map((h) => h.hashtag_name),
    clipIds: (songs.body.data.data.sound_list as Array<{ clip_id: string }>).map((s) => s.clip_id),
    materialIds: (ads.body.data.data.materials as Array<{ id: string }>).map((m) => m.id),
  };
}

/** Hands out the items of a list in turn, so each test can use one no earlier test has cached. */
export function rotation<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => {
    const item = items[i++ % items.length];
    if (item === undefined) throw new Error('rotation over an empty list');
    return item;
  };
}
