import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STATUS_MESSAGES } from '../../src/http/index.js';
import { endpoints, type AnyEndpoint } from '../../src/catalog/index.js';
import type { SimulatorFault } from '../../src/simulator/index.js';
import { STALE_WINDOW_SECONDS } from '../../src/upstream/index.js';
import { startTestApp, type TestApp } from './app.js';

/**
 * What the per-endpoint contract tests (test/api/<operation>.test.ts) share: one metered GET that
 * reports what it cost, the assertions on charging, the upstream faults every endpoint must map
 * to the same docs/api-contract.md § Errors statuses, and the setup and blocks of tests that every route (or every
 * list or detail route) owes alike, so that each file states only what is its route's own.
 */

export type Caller = Awaited<ReturnType<TestApp['newCaller']>>;

/** One route's request with a query that starts with `?` or is empty, as `contractSuite` gives it. */
export type Call = (query: string) => Promise<Reply>;

/** A response, its parsed envelope and the credits it took from the caller's balance. */
export interface Reply {
  res: LightMyRequestResponse;
  body: any;
  charged: number;
}

/** The adapter id of the test app's source: the simulator, as in demo mode (docs/api-contract.md § Headers). */
export const SOURCE_ID = 'simulator';

/** One GET through the real metered pipeline, with the caller's key; `query` starts with `?` or is empty. */
export async function get(t: Pick<TestApp, 'app' | 'services'>, path: string, query: string, caller: Caller): Promise<Reply> {
  const before = (await t.services.credits.snapshot(caller.accountId)).balance;
  const res = await t.app.inject({ method: 'GET', url: `${path}${query}`, headers: { 'x-api-key': caller.apiKey } });
  const after = (await t.services.credits.snapshot(caller.accountId)).balance;
  return { res, body: res.json(), charged: before - after };
}

/** A 2xx is charged 8 credits and says so (docs/api-contract.md § Headers, § Credits). */
export function expectCharged(reply: Reply): void {
  expect(reply.res.headers['x-credits-charged']).toBe('8');
  expect(reply.charged).toBe(8);
}

/**
 * 200, charged, with the double envelope (docs/api-contract.md § Envelope): the inner `{code: 0, msg: "OK"}`, a
 * well-formed upstream request_id and a payload its endpoint's schema accepts.
 */
export function expectDoubleWrapped(reply: Reply, endpoint: AnyEndpoint): void {
  expectOk(reply);
  expect(() => endpoint.responseSchema.parse(reply.body.data)).not.toThrow();
  expect(reply.body.data).toMatchObject({ code: 0, msg: 'OK' });
  expect(reply.body.data.request_id).toMatch(/^[0-9]{14}[0-9A-F]{20}$/);
}

/** Only a 2xx is charged (docs/api-contract.md § Errors): no charge header, balance unchanged. */
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

/** 400 naming exactly these params (docs/api-contract.md § Errors), charging nothing. */
export function expectInvalid(reply: Reply, params: readonly string[]): void {
  expect(reply.res.statusCode).toBe(400);
  expect(reply.body).toMatchObject({ code: 400, msg: 'Invalid input' });
  expect((reply.body.data.errors as Array<{ param: string }>).map((e) => e.param).sort()).toEqual([...params].sort());
  expectNothingCharged(reply);
}

/** An upstream-caused error: its status and `data`, the adapter named, nothing charged (docs/api-contract.md § Errors, § Headers). */
export function expectUpstreamFailure(reply: Reply, status: number, data: unknown): void {
  expect(reply.res.statusCode).toBe(status);
  expect(reply.body).toEqual({ code: status, msg: STATUS_MESSAGES[status], data });
  expect(reply.res.headers['x-upstream-source']).toBe(SOURCE_ID);
  expectNothingCharged(reply);
}

const NON_JSON = { error: 'upstream_bad_response', detail: 'non_json' };
const UPSTREAM_ERROR = { error: 'upstream_bad_response', detail: 'upstream_error' };

/** Every simulator fault with the status and `data` docs/api-contract.md § Errors gives it, for `it.each`. */
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

/** The 40101 fault, which the client answers by re-signing once (docs/api-contract.md § Upstream outcomes and caching). */
export const NO_PERMISSION: SimulatorFault = { kind: 'error_code', code: 40101, msg: 'no permission' };

/** The 2026 answer for retired paths (docs/api-contract.md § Errors `deprecated`). */
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

/** Options of the test app a contract file starts; the short upstream timeout keeps hang faults fast. */
export type ContractAppOptions = NonNullable<Parameters<typeof startTestApp>[0]>;

/**
 * The shared life of a contract file: one test app and one caller for the whole file, and a
 * simulator without faults in the 2024 mode before each test. `t`, `caller` and `ids` are bound
 * late (the app starts in `beforeAll`), so they may be destructured at the top of the file but only
 * read inside tests and hooks.
 */
export interface ContractApp {
  t: TestApp;
  caller: Caller;
  /** Live ids, read once in `beforeAll`; only with `liveIds: true`. */
  ids: LiveIds;
}

/** Registers the `beforeAll`/`afterAll`/`beforeEach` of a contract file; call it at the top level. */
export function contractApp(opts: { start?: ContractAppOptions; liveIds?: boolean } = {}): ContractApp {
  let t: TestApp | undefined;
  let caller: Caller | undefined;
  let ids: LiveIds | undefined;
  beforeAll(async () => {
    t = await startTestApp({ timeoutMs: 500, ...opts.start });
    caller = await t.newCaller();
    if (opts.liveIds) ids = await liveIds(t, caller);
  });
  afterAll(async () => t?.close());
  beforeEach(() => {
    t!.simulator.clearFaults();
    t!.simulator.setMode('signed-2024');
  });
  return {
    t: lateBound('the test app', TEST_APP_KEYS, () => t),
    caller: lateBound('the caller', CALLER_KEYS, () => caller),
    ids: lateBound('the live ids (pass liveIds: true)', LIVE_IDS_KEYS, () => ids),
  };
}

/** A contract file's app, plus its one route: `call(query)` and, for detail routes, `fresh()` ids. */
export interface ContractSuite extends ContractApp {
  call: Call;
  /** The next live id of the kind asked for that no earlier test has used, so none is cached. */
  fresh(): string;
}

/** `contractApp` for the route at `path`; `fresh` names the live ids the route takes. */
export function contractSuite(path: string, opts: { fresh?: keyof LiveIds; start?: ContractAppOptions } = {}): ContractSuite {
  const suite = contractApp({ start: opts.start, liveIds: opts.fresh !== undefined });
  let next: (() => string) | undefined;
  return {
    ...suite,
    call: (query) => get(suite.t, path, query, suite.caller),
    fresh: () => {
      if (opts.fresh === undefined) throw new Error('contractSuite: pass fresh to hand out live ids');
      next ??= rotation(suite.ids[opts.fresh]);
      return next();
    },
  };
}

const TEST_APP_KEYS = {
  app: true,
  services: true,
  simulator: true,
  clock: true,
  newCaller: true,
  close: true,
} satisfies Record<keyof TestApp, true>;
const CALLER_KEYS = { apiKey: true, accountId: true, keyId: true } satisfies Record<keyof Caller, true>;
const LIVE_IDS_KEYS = { hashtagNames: true, clipIds: true, materialIds: true } satisfies Record<keyof LiveIds, true>;

/** An object whose every property reads through to `current()`, which must have been set by then. */
function lateBound<T extends object>(what: string, keys: Record<keyof T, true>, current: () => T | undefined): T {
  const view = {} as T;
  for (const key of Object.keys(keys) as Array<keyof T>) {
    Object.defineProperty(view, key, {
      enumerable: true,
      get() {
        const target = current();
        if (target === undefined) throw new Error(`${what} is set in beforeAll: read it inside tests and hooks`);
        const value = target[key];
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }
  return view;
}

/**
 * The `5xx from the upstream` describe every route owes (docs/api-contract.md § Errors, § Upstream outcomes and caching): each simulator fault
 * mapped to its status, 40101 re-signed once then 502, and — for the trend paths the upstream
 * retired — 503 deprecated in the 2026 mode. `more` declares the route's own causes in the same block.
 */
export function describeUpstreamFailures(opts: {
  t: TestApp;
  /** The route's request, with a query no earlier test has cached. */
  request: () => Promise<Reply>;
  /** The upstream path the route calls. */
  upstream: string;
  /** `retired`: the operation has no 2026 source, so "deprecated" becomes 503 `upstream_retired`. */
  deprecatedIn2026: boolean | 'retired';
  more?: () => void;
}): void {
  const { t, request, upstream } = opts;
  describe('5xx from the upstream, charging nothing', () => {
    beforeEach(() => outliveCaches(t));

    itMapsUpstreamFaults({ t, request, upstream });

    it('502 no_permission when 40101 persists after one re-sign', async () => {
      t.simulator.addFault({ fault: NO_PERMISSION, path: upstream });
      t.simulator.resetStats();
      expectUpstreamFailure(await request(), 502, NO_PERMISSION_DATA);
      expect(t.simulator.stats().byPath[upstream]).toBe(2);
    });

    if (opts.deprecatedIn2026 === 'retired') {
      it('503 upstream_retired in the 2026 mode, charging nothing', async () => {
        t.simulator.setMode('deprecated-2026');
        const reply = await request();
        expect(reply.res.statusCode).toBe(503);
        expect(reply.body.data).toMatchObject({ error: 'upstream_retired', since: '2026' });
        expect(reply.res.headers['retry-after']).toBeUndefined();
        expectNothingCharged(reply);
      });
    } else if (opts.deprecatedIn2026) {
      it('503 deprecated in the 2026 mode, without Retry-After: a retry would get the same answer', async () => {
        t.simulator.setMode('deprecated-2026');
        const reply = await request();
        expectUpstreamFailure(reply, 503, DEPRECATED);
        expect(reply.res.headers['retry-after']).toBeUndefined();
      });
    }

    opts.more?.();
  });
}

/** The `data` of a 40101 that persisted after the re-sign (docs/api-contract.md § Errors). */
export const NO_PERMISSION_DATA = { error: 'upstream_bad_response', detail: 'no_permission' };

/** One `it` per UPSTREAM_FAULTS row, named by the row (plus `suffix`), faulting `upstream` only. */
export function itMapsUpstreamFaults(opts: { t: TestApp; request: () => Promise<Reply>; upstream: string; suffix?: string }): void {
  const { t, request, upstream } = opts;
  it.each(UPSTREAM_FAULTS)(`%s${opts.suffix ?? ''}`, async (_, fault, status, data) => {
    t.simulator.addFault({ fault, path: upstream });
    expectUpstreamFailure(await request(), status, data);
  });
}

/**
 * The `404` describe of a detail route: each unknown id (or uncovered country) is
 * resource_not_found, charging nothing. With `answeredOnce`, the upstream was asked exactly once:
 * a definite not-found is not retried.
 */
export function describeUnknownIds(opts: {
  call: Call;
  cases: ReadonlyArray<readonly [cause: string, query: () => string]>;
  /** Names the upstream's not-found code in the test names (Top Ads answers 40004). */
  upstreamCode?: number;
  answeredOnce?: { t: TestApp; upstream: string };
}): void {
  const code = opts.upstreamCode === undefined ? '' : ` (upstream ${opts.upstreamCode})`;
  describe('404', () => {
    it.each(opts.cases)(`resource_not_found${code} for %s, charging nothing`, async (_, query) => {
      opts.answeredOnce?.t.simulator.resetStats();
      expectUpstreamFailure(await opts.call(query()), 404, { error: 'resource_not_found' });
      if (opts.answeredOnce) expect(opts.answeredOnce.t.simulator.stats().byPath[opts.answeredOnce.upstream]).toBe(1);
    });
  });
}

/** How a list route pages, for the windowing tests shared by the chart and list routes. */
export interface ListPaging {
  call: Call;
  /** The list in an answer. */
  items: (body: any) => unknown[];
  /** The ids of the list in an answer, in order. */
  ids: (body: any) => string[];
  /** The whole pagination object the route answers for a window, in the route's own spelling. */
  pagination: (page: number, size: number, hasMore: boolean) => Record<string, unknown>;
}

/** An `it` per row of `[name, query, pagination]`: out-of-range page and limit are clamped, not refused. */
export function itClampsPaging(
  call: Call,
  cases: ReadonlyArray<readonly [name: string, query: string, pagination: Record<string, unknown>]>,
): void {
  it.each(cases)('%s', async (_, query, pagination) => {
    const { res, body } = await call(query);
    expect(res.statusCode).toBe(200);
    expect(body.data.data.pagination).toMatchObject(pagination);
  });
}

/** Page 2 of limit 30 is items 31–60, however the upstream pages (the route windows its pages). */
export function itWindowsAcrossUpstreamPages(paging: ListPaging, upstreamPageSize: number): void {
  it(`windows across upstream pages of ${upstreamPageSize}: page 2 of limit 30 continues where page 1 ended`, async () => {
    const sixty = paging.ids((await paging.call('?limit=60')).body);
    const first = paging.ids((await paging.call('?page=1&limit=30')).body);
    const second = await paging.call('?page=2&limit=30');
    expect(sixty).toHaveLength(60);
    expect(first).toEqual(sixty.slice(0, 30));
    expect(paging.ids(second.body)).toEqual(sixty.slice(30, 60));
    expect(second.body.data.data.pagination).toEqual(paging.pagination(2, 30, true));
  });
}

/** The last window holds what is left of the total and says has_more false. */
export function itEndsOnTheLastWindow(paging: ListPaging, last: { page: number; limit: number; length: number }): void {
  const holds = last.length < last.limit ? ` holds the last ${last.length}` : '';
  it(`ends the list on the last window: page ${last.page} of ${last.limit}${holds}, has_more false`, async () => {
    const { body } = await paging.call(`?page=${last.page}&limit=${last.limit}`);
    expect(paging.items(body)).toHaveLength(last.length);
    expect(body.data.data.pagination).toEqual(paging.pagination(last.page, last.limit, false));
  });
}

/** A window past the end is an empty list, still charged: the request was valid (docs/api-contract.md § Envelope). */
export function itAnswersEmptyPastTheEnd(paging: ListPaging, past: { page: number; limit: number }): void {
  it(`answers an empty, charged list past the end: page ${past.page} of ${past.limit}`, async () => {
    const reply = await paging.call(`?page=${past.page}&limit=${past.limit}`);
    expect(reply.res.statusCode).toBe(200);
    expect(paging.items(reply.body)).toEqual([]);
    expect(reply.body.data.data.pagination).toEqual(paging.pagination(past.page, past.limit, false));
    expectCharged(reply);
  });
}

/** Top Ads paths live on in the 2026 mode, when the trend paths are retired (docs/api-contract.md § Errors `deprecated`). */
export function itKeepsWorkingIn2026(t: TestApp, request: () => Promise<Reply>, also?: (reply: Reply) => void): void {
  it('keeps working in the 2026 mode, when the trend paths are retired', async () => {
    t.simulator.setMode('deprecated-2026');
    const reply = await request();
    expect(reply.res.statusCode).toBe(200);
    also?.(reply);
    expectCharged(reply);
  });
}

/**
 * A HIT (with its Age) a second before the TTL, a MISS at it. `uncachedQuery` gives a query nothing
 * has cached yet (a fresh id, or '' after `outliveCaches`), asked three times.
 */
export function itCachesFor(t: TestApp, hours: number, call: Call, uncachedQuery: () => string): void {
  it(`caches for ${hours} hours: a HIT just before, a MISS at ${hours} h`, async () => {
    const query = uncachedQuery();
    await call(query);
    t.clock.advance(hours * 3600_000 - 1_000);
    const before = await call(query);
    expect(before.res.headers['x-cache']).toBe('HIT');
    expect(before.res.headers.age).toBe(String(hours * 3600 - 1));
    t.clock.advance(1_000);
    expect((await call(query)).res.headers['x-cache']).toBe('MISS');
  });
}

/** `query`, asked after `filledBy`, is answered from the same cache entry: 200, a HIT, the very same bytes. */
export async function expectSameEntry(call: Call, filledBy: string, query: string): Promise<Reply> {
  const first = await call(filledBy);
  const second = await call(query);
  expect(second.res.statusCode).toBe(200);
  expect(second.res.headers['x-cache']).toBe('HIT');
  expect(second.res.body).toBe(first.res.body);
  return second;
}
