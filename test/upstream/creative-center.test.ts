import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { endpoints, findEndpoint, parseParams, type AnyEndpoint, type RawQuery } from '../../src/catalog/index.js';
import { ManualClock } from '../../src/clock.js';
import { startSimulator, type SimulatorFault, type SimulatorHandle } from '../../src/simulator/index.js';
import { CreativeCenterClient } from '../../src/upstream/creative-center/client.js';
import { userSign } from '../../src/upstream/creative-center/sign.js';
import {
  createCreativeCenterSource,
  createUpstreamGateway,
  operations,
  type CreativeCenterSourceOptions,
  type UpstreamResult,
} from '../../src/upstream/index.js';

let sim: SimulatorHandle;
const opened: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, era: '2024' });
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  sim.clearFaults();
  sim.setMode('signed-2024');
  sim.resetStats();
});

afterAll(async () => {
  await sim.close();
});

/** The real adapter pointed at the simulator, with retries that do not wait. */
function source(opts: Partial<CreativeCenterSourceOptions> = {}) {
  const s = createCreativeCenterSource({ baseUrl: sim.baseUrl, id: 'simulator', backoff: () => 0, ...opts });
  opened.push(s);
  return s;
}

function endpoint(operationId: string): AnyEndpoint {
  const e = findEndpoint(operationId);
  if (!e) throw new Error(`no catalog entry ${operationId}`);
  return e;
}

function params(e: AnyEndpoint, query: RawQuery = {}): Record<string, unknown> {
  const parsed = parseParams(e, query);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.params;
}

async function fetchOp(operationId: string, query: RawQuery = {}, opts: Partial<CreativeCenterSourceOptions> = {}): Promise<UpstreamResult> {
  const e = endpoint(operationId);
  return source(opts).fetch(e, params(e, query));
}

/** The inner `data` of a successful double-wrapped answer. */
function inner(result: UpstreamResult): Record<string, any> {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.failure)}`);
  return (result.data as { data: Record<string, any> }).data;
}

/** A material id the simulator hands out, read from the raw upstream list. */
async function someMaterialId(): Promise<string> {
  const client = new CreativeCenterClient({ baseUrl: sim.baseUrl });
  opened.push(client);
  const result = await client.call('education/top_ads/list', { page: '1', limit: '1' }, { deadline: performance.now() + 5000, referer: 'x' });
  if (!result.ok) throw new Error(JSON.stringify(result.failure));
  const id = (result.envelope.data as { materials: Array<{ id: string }> }).materials[0]!.id;
  sim.resetStats();
  return id;
}

const HASHTAGS = 'tiktok-popular-trend-hashtag';
const HASHTAG_PATH = 'popular_trend/hashtag/list';

describe('signing and modes', () => {
  it('is accepted by a signed-2024 upstream', async () => {
    const result = await fetchOp(HASHTAGS);
    expect(result.ok).toBe(true);
    expect(sim.stats().calls).toBe(1);
  });

  it('works against legacy-2023', async () => {
    sim.setMode('legacy-2023');
    expect((await fetchOp(HASHTAGS)).ok).toBe(true);
  });

  it('reports deprecated-2026 hashtag/list as unavailable/deprecated, never as an empty list', async () => {
    sim.setMode('deprecated-2026');
    expect(await fetchOp(HASHTAGS)).toEqual({ ok: false, failure: { kind: 'unavailable', detail: 'deprecated' } });
  });

  it('keeps Top Ads working in deprecated-2026', async () => {
    sim.setMode('deprecated-2026');
    expect((await fetchOp('tiktok-top-ads-filters')).ok).toBe(true);
  });

  it('treats an upstream 404 (retired path) as deprecated', async () => {
    const client = new CreativeCenterClient({ baseUrl: sim.baseUrl, backoff: () => 0 });
    opened.push(client);
    const result = await client.call('popular_trend/v2/hashtag/list', {}, { deadline: performance.now() + 5000, referer: 'x' });
    expect(result).toEqual({ ok: false, failure: { kind: 'unavailable', detail: 'deprecated' } });
  });
});

describe('40101 re-sign', () => {
  it('re-signs once when a fresh client loses its first signed call', async () => {
    sim.addFault({ fault: { kind: 'drop_first_signed' } });
    expect((await fetchOp(HASHTAGS)).ok).toBe(true);
    expect(sim.stats().calls).toBe(2);
  });

  it('gives up with no_permission when 40101 persists after one re-sign', async () => {
    sim.addFault({ fault: { kind: 'error_code', code: 40101, msg: 'no permission' } });
    expect(await fetchOp(HASHTAGS)).toEqual({ ok: false, failure: { kind: 'bad_response', detail: 'no_permission' } });
    expect(sim.stats().calls).toBe(2);
  });
});

describe('fault classification', () => {
  it.each<[string, SimulatorFault, unknown]>([
    ['login wall redirect', { kind: 'login_wall', variant: 'redirect' }, { kind: 'bad_response', detail: 'non_json' }],
    ['login wall html', { kind: 'login_wall', variant: 'html' }, { kind: 'bad_response', detail: 'non_json' }],
    ['login wall 401', { kind: 'login_wall', variant: '401' }, { kind: 'bad_response', detail: 'non_json' }],
    ['login wall 403', { kind: 'login_wall', variant: '403' }, { kind: 'bad_response', detail: 'non_json' }],
    ['truncated JSON', { kind: 'malformed', variant: 'truncated' }, { kind: 'bad_response', detail: 'non_json' }],
    ['trailing garbage', { kind: 'malformed', variant: 'garbage' }, { kind: 'bad_response', detail: 'non_json' }],
    ['JSON with an HTML content type', { kind: 'malformed', variant: 'content_type' }, { kind: 'bad_response', detail: 'non_json' }],
    ['rate-limit code 40100', { kind: 'error_code', code: 40100 }, { kind: 'bad_response', detail: 'upstream_error' }],
    ['code 40004', { kind: 'error_code', code: 40004, msg: 'material not found' }, { kind: 'not_found' }],
    ['code 0 deprecated', { kind: 'error_code', code: 0, msg: 'deprecated' }, { kind: 'unavailable', detail: 'deprecated' }],
  ])('%s is classified without retrying', async (_name, fault, expected) => {
    sim.addFault({ fault, path: HASHTAG_PATH });
    const result = await fetchOp(HASHTAGS);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.failure).toMatchObject(expected as object);
    expect(sim.stats().calls).toBe(1);
  });

  it.each([500, 502, 503, 504] as const)('retries HTTP %i twice, then reports upstream_error', async (status) => {
    sim.addFault({ fault: { kind: 'http_error', status, body: status % 2 ? 'empty' : 'text' } });
    const result = await fetchOp(HASHTAGS);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'bad_response', detail: 'upstream_error' } });
    expect(sim.stats().calls).toBe(3);
  });

  it('recovers when a 503 clears before the retries run out', async () => {
    sim.addFault({ fault: { kind: 'http_error', status: 503, body: 'text' }, times: 2 });
    expect((await fetchOp(HASHTAGS)).ok).toBe(true);
    expect(sim.stats().calls).toBe(3);
  });

  it('waits the injected backoff between retries', async () => {
    sim.addFault({ fault: { kind: 'http_error', status: 500, body: 'text' } });
    const attempts: number[] = [];
    await fetchOp(HASHTAGS, {}, { backoff: (n) => (attempts.push(n), 0) });
    expect(attempts).toEqual([0, 1]);
  });

  it('makes no retry when retries is 0', async () => {
    sim.addFault({ fault: { kind: 'http_error', status: 500, body: 'text' } });
    await fetchOp(HASHTAGS, {}, { retries: 0 });
    expect(sim.stats().calls).toBe(1);
  });

  it('retries a dropped socket, then reports upstream_error', async () => {
    sim.addFault({ fault: { kind: 'drop' } });
    expect(await fetchOp(HASHTAGS)).toMatchObject({ ok: false, failure: { kind: 'bad_response', detail: 'upstream_error' } });
    expect(sim.stats().calls).toBe(3);
  });

  it('times out a hanging call after timeoutMs', async () => {
    sim.addFault({ fault: { kind: 'hang' } });
    const started = performance.now();
    expect(await fetchOp(HASHTAGS, {}, { timeoutMs: 100, retries: 0 })).toEqual({ ok: false, failure: { kind: 'timeout' } });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(sim.stats().calls).toBe(1);
  });

  it('times out a slow answer and retries it', async () => {
    sim.addFault({ fault: { kind: 'slow', ms: 1000 } });
    expect(await fetchOp(HASHTAGS, {}, { timeoutMs: 80 })).toEqual({ ok: false, failure: { kind: 'timeout' } });
    expect(sim.stats().calls).toBe(3);
  });

  it('accepts a slow answer inside the timeout', async () => {
    sim.addFault({ fault: { kind: 'slow', ms: 30 }, times: 1 });
    expect((await fetchOp(HASHTAGS, {}, { timeoutMs: 2000 })).ok).toBe(true);
  });

  it('stops retrying when the request budget is spent', async () => {
    sim.addFault({ fault: { kind: 'hang' } });
    const result = await fetchOp(HASHTAGS, {}, { timeoutMs: 100, budgetMs: 150, retries: 5 });
    expect(result).toEqual({ ok: false, failure: { kind: 'timeout' } });
    // Five retries were allowed; the 150 ms budget leaves room for the first call and at most one more
    // (on a loaded machine an attempt may even be cut off before the simulator has seen it).
    expect(sim.stats().calls).toBeLessThanOrEqual(2);
  });

  it('reports a refused connection as unavailable/connect_failed', async () => {
    const closed = await startSimulator({ port: 0 });
    const baseUrl = closed.baseUrl;
    await closed.close();
    const e = endpoint(HASHTAGS);
    const s = createCreativeCenterSource({ baseUrl, backoff: () => 0 });
    opened.push(s);
    expect(await s.fetch(e, params(e))).toEqual({ ok: false, failure: { kind: 'unavailable', detail: 'connect_failed' } });
  });
});

describe('headers (docs/upstreams.md § Transport and signing)', () => {
  let seen: IncomingHttpHeaders[] = [];
  let capture: ReturnType<typeof createServer>;
  let captureUrl: string;

  beforeAll(async () => {
    capture = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"code":0,"msg":"OK","data":{}}');
    });
    await new Promise<void>((r) => capture.listen(0, '127.0.0.1', r));
    captureUrl = `http://127.0.0.1:${(capture.address() as AddressInfo).port}/creative_radar_api/v1/`;
  });

  afterAll(async () => {
    capture.closeAllConnections();
    await new Promise((r) => capture.close(r));
  });

  afterEach(() => {
    seen = [];
  });

  async function callTwice(opts: { cookies?: string[]; webId?: string } = {}) {
    const client = new CreativeCenterClient({ baseUrl: captureUrl, ...opts });
    opened.push(client);
    for (let i = 0; i < 2; i++) {
      await client.call('popular_trend/hashtag/list', { page: '1' }, { deadline: performance.now() + 5000, referer: 'inspiration/popular/hashtag/pc/en' });
    }
    return client;
  }

  it('sends the full signed header set with one v4 UUID per client', async () => {
    const client = await callTwice();
    const [a, b] = seen;
    const uuid = client.headers.anonymousUserId;
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (const h of [a!, b!]) {
      expect(h['accept']).toBe('application/json, text/plain, */*');
      expect(h['anonymous-user-id']).toBe(uuid);
      expect(h['lang']).toBe('en');
      expect(h['referer']).toBe('https://ads.tiktok.com/business/creativecenter/inspiration/popular/hashtag/pc/en');
      expect(h['timestamp']).toMatch(/^[0-9]{10}$/);
      expect(h['user-agent']).toMatch(/Mozilla/);
      expect(h['user-sign']).toBe(userSign(uuid, h['timestamp'] as string));
      expect(h['cookie']).toBeUndefined();
      expect(h['web-id']).toBeUndefined();
    }
  });

  it('uses a new anonymous-user-id per client instance', async () => {
    const one = await callTwice();
    const two = await callTwice();
    expect(one.headers.anonymousUserId).not.toBe(two.headers.anonymousUserId);
  });

  it('rotates session cookies round-robin and sends x-csrftoken from the csrftoken cookie', async () => {
    await callTwice({ cookies: ['sessionid=a; csrftoken=tok-a', 'sessionid=b'], webId: '7601202182150424071' });
    expect(seen.map((h) => h.cookie)).toEqual(['sessionid=a; csrftoken=tok-a', 'sessionid=b']);
    expect(seen.map((h) => h['x-csrftoken'])).toEqual(['tok-a', undefined]);
    expect(seen[0]!['web-id']).toBe('7601202182150424071');
  });
});

describe('big-int ids', () => {
  it('passes related_items[].item_id through as the exact 19-digit string', async () => {
    const e = endpoint('tiktok-popular-trend-hashtag-detail');
    const result = await source().fetch(e, params(e, { hashtag_name: 'prom' }));
    const items = inner(result).info.related_items as Array<{ item_id: unknown }>;
    expect(items.length).toBeGreaterThan(0);

    const raw = await request(`${sim.baseUrl}popular_trend/hashtag/detail?hashtag_name=prom&period=7&country_code=&language=en`, {
      headers: { 'anonymous-user-id': 'x' },
    });
    const text = await raw.body.text();
    sim.setMode('legacy-2023');
    const legacy = await request(`${sim.baseUrl}popular_trend/hashtag/detail?hashtag_name=prom&period=7&country_code=&language=en`, {
      headers: { 'anonymous-user-id': 'x' },
    });
    const rawIds = [...(await legacy.body.text()).matchAll(/"item_id":\s*([0-9]+)/g)].map((m) => m[1]);
    expect(text).toContain('40101');
    expect(rawIds.length).toBe(items.length);
    expect(items.map((i) => i.item_id)).toEqual(rawIds);
    expect(rawIds.some((id) => BigInt(id!) > BigInt(Number.MAX_SAFE_INTEGER))).toBe(true);
  });
});

describe('windowing over the simulator (docs/api-contract.md § Pagination)', () => {
  it('serves page 2 limit 25 from one upstream page of 50', async () => {
    const s = source();
    const e = endpoint(HASHTAGS);
    const all = inner(await s.fetch(e, params(e, { limit: '100' }))).list as unknown[];
    sim.resetStats();
    const window = inner(await source().fetch(e, params(e, { page: '2', limit: '25' })));
    expect(sim.stats().byPath[HASHTAG_PATH]).toBe(1);
    expect(window.list).toEqual(all.slice(25, 50));
    expect(window.pagination).toEqual({ page: 2, size: 25, total: 100, has_more: true });
  });

  it('serves page 2 limit 40 from upstream pages 1 and 2', async () => {
    const e = endpoint(HASHTAGS);
    const all = inner(await source().fetch(e, params(e, { limit: '100' }))).list as unknown[];
    sim.resetStats();
    const window = inner(await source().fetch(e, params(e, { page: '2', limit: '40' })));
    expect(sim.stats().byPath[HASHTAG_PATH]).toBe(2);
    expect(window.list).toEqual(all.slice(40, 80));
  });

  it('reuses cached upstream pages across overlapping windows', async () => {
    const s = source();
    const e = endpoint(HASHTAGS);
    await s.fetch(e, params(e, { page: '2', limit: '40' }));
    await s.fetch(e, params(e, { page: '1', limit: '50' }));
    await s.fetch(e, params(e, { page: '3', limit: '30' }));
    expect(sim.stats().byPath[HASHTAG_PATH]).toBe(2);
  });

  it('gives an empty list, charged as a 200, when the offset is past the total', async () => {
    const window = inner(await fetchOp(HASHTAGS, { page: '10', limit: '20' }));
    expect(window.list).toEqual([]);
    expect(window.pagination).toEqual({ page: 10, size: 20, total: 100, has_more: false });
  });

  it('sends sort_by=popular and the upstream page size with the flagship, and no request_id back', async () => {
    const result = await fetchOp(HASHTAGS, { limit: '5' });
    expect(result.ok && (result.data as Record<string, unknown>).request_id).toBeUndefined();
    expect(inner(result).list).toHaveLength(5);
  });

  it('windows songs over pages of 20 and stops at the short last page', async () => {
    const window = inner(await fetchOp('tiktok-popular-trend-song', { page: '1', limit: '100' }));
    const total = window.pagination.total as number;
    expect(window.sound_list).toHaveLength(Math.min(100, total));
    expect(sim.stats().byPath['popular_trend/sound/rank_list']).toBe(Math.ceil(Math.min(100, total) / 20) + (total % 20 === 0 && total < 100 ? 1 : 0));
  });

  it('keeps the video pagination spelling {page, limit, total_count, has_more}', async () => {
    const result = await fetchOp('tiktok-popular-trend-video', { page: '3', limit: '7' });
    expect((result.ok && (result.data as Record<string, unknown>).request_id) as string).toMatch(/^[0-9]{14}[0-9A-F]{20}$/);
    expect(inner(result).pagination).toEqual({ page: 3, limit: 7, total_count: 500, has_more: true });
    expect(inner(result).videos).toHaveLength(7);
  });

  it('keeps request_id on creators', async () => {
    const result = await fetchOp('tiktok-popular-trend-creator', { limit: '60' });
    expect(result.ok && (result.data as Record<string, unknown>).request_id).toMatch(/^[0-9]{14}[0-9A-F]{20}$/);
    expect(inner(result).creators).toHaveLength(60);
    expect(sim.stats().byPath['popular_trend/creator/list']).toBe(2);
  });
});

describe('operation mappings', () => {
  it('serves every catalog endpoint that names the creative-center adapter, from the simulator', async () => {
    const s = source();
    const failures: string[] = [];
    const song = inner(await fetchOp('tiktok-popular-trend-song', { limit: '1' })).sound_list[0].clip_id as string;
    const ad = await someMaterialId();
    const required: Record<string, RawQuery> = {
      'tiktok-popular-trend-hashtag-detail': { hashtag_name: 'prom' },
      'tiktok-popular-trend-song-detail': { clip_id: song },
      'tiktok-top-ads-detail': { material_id: ad },
      'tiktok-top-ads-analysis': { material_id: ad },
      'tiktok-top-ads-recommend': { material_id: ad },
    };
    const legacy = endpoints.filter((e) => e.sources.includes('creative-center'));
    for (const e of legacy) {
      const result = await s.fetch(e, params(e, required[e.operationId] ?? {}));
      if (!result.ok) failures.push(`${e.operationId}: ${JSON.stringify(result.failure)}`);
    }
    expect(failures).toEqual([]);
    expect(endpoints.filter((e) => s.serves?.(e.operationId))).toEqual(legacy);
  });

  it('single-wraps country-industry-meta with string ids', async () => {
    const result = await fetchOp('tiktok-popular-trend-country-industry-meta');
    const data = result.ok ? (result.data as { country: Array<{ id: unknown }>; industry: Array<{ id: unknown }> }) : undefined;
    expect(data?.country.length).toBeGreaterThan(0);
    expect(data?.industry.every((i) => typeof i.id === 'string')).toBe(true);
    expect(Object.keys(data ?? {})).toEqual(['country', 'industry']);
  });

  it('answers not_found for an unknown hashtag (empty info)', async () => {
    const result = await fetchOp('tiktok-popular-trend-hashtag-detail', { hashtag_name: 'zz_no_such_tag_0000' });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'not_found' } });
  });

  it('answers not_found for an unknown song (empty sound)', async () => {
    const result = await fetchOp('tiktok-popular-trend-song-detail', { clip_id: '1' });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'not_found' } });
  });

  it('sends hashtag detail for all regions with an empty country_code', async () => {
    const data = inner(await fetchOp('tiktok-popular-trend-hashtag-detail', { hashtag_name: '#Prom' }));
    expect(data.info.country_info).toEqual({ id: 'ALL', value: 'ALL', label: 'ALL' });
  });

  it('answers not_found for an unknown material (upstream 40004)', async () => {
    expect(await fetchOp('tiktok-top-ads-detail', { material_id: '123' })).toMatchObject({ ok: false, failure: { kind: 'not_found' } });
  });

  it('adds the static filter lists to the upstream ones', async () => {
    const data = inner(await fetchOp('tiktok-top-ads-filters'));
    expect(Object.keys(data).sort()).toEqual(
      ['ad_format', 'ad_language', 'analysis_metric', 'country', 'duration', 'industry', 'like', 'objective', 'order_by', 'pattern_label', 'period'],
    );
    expect(data.industry.length).toBeGreaterThan(0);
  });

  it('asks for suggestions with an empty query', async () => {
    const data = inner(await fetchOp('tiktok-top-ads-suggestions', { count: '5' }));
    expect(data.query.length).toBeLessThanOrEqual(5);
    expect(data.query.every((q: unknown) => typeof q === 'string')).toBe(true);
  });

  it.each([
    ['retain_ctr', 'ctr_percentile', 'CTR'],
    ['retain_cvr', 'time_attr_conversion_rate_percentile', 'CVR'],
    ['click_cnt', 'click_cnt_percentile', 'Clicks'],
    ['convert_cnt', 'time_attr_convert_cnt_percentile', 'Conversion'],
    ['play_retain_cnt', 'show_cnt_percentile', 'Remain'],
  ])('analysis %s calls keyframe and percentile %s in parallel', async (metric, percentileMetric, label) => {
    const ad = await someMaterialId();
    sim.resetStats();
    const data = inner(await fetchOp('tiktok-top-ads-analysis', { material_id: ad, metric, period_type: '30' }));
    expect(data).toMatchObject({ metric, metric_label: label, percentile_metric: percentileMetric, period_type: 30 });
    expect(data.percentile).toBe(data.percentile_data[percentileMetric]);
    expect(sim.stats().byPath).toEqual({ 'top_ads/keyframe': 1, 'top_ads/percentile': 1 });
  });

  it('fails analysis when either half fails', async () => {
    const ad = await someMaterialId();
    sim.addFault({ fault: { kind: 'error_code', code: 40100 }, path: 'top_ads/percentile' });
    expect(await fetchOp('tiktok-top-ads-analysis', { material_id: ad })).toMatchObject({
      ok: false,
      failure: { kind: 'bad_response', detail: 'upstream_error' },
    });
  });

  it('pages recommendations locally from one upstream list', async () => {
    const ad = await someMaterialId();
    const s = source();
    const e = endpoint('tiktok-top-ads-recommend');
    sim.resetStats();
    const all = inner(await s.fetch(e, params(e, { material_id: ad, limit: '100' }))).materials as unknown[];
    const window = inner(await s.fetch(e, params(e, { material_id: ad, page: '2', limit: '3' }))).materials;
    expect(window).toEqual(all.slice(3, 6));
    expect(sim.stats().byPath).toEqual({ 'top_ads/v2/recommend': 1 });
  });
});

describe('gateway over the simulator', () => {
  it('1,000 concurrent identical cold fetches make exactly 1 upstream call', async () => {
    const gateway = createUpstreamGateway({ source: source() });
    const e = endpoint(HASHTAGS);
    const parsed = parseParams(e, { limit: '10' });
    if (!parsed.ok) throw new Error('params');
    const results = await Promise.all(Array.from({ length: 1000 }, () => gateway.fetch(e, parsed.canonical, parsed.params)));
    expect(sim.stats().calls).toBe(1);
    expect(results.every((r) => r.ok && r.sourceId === 'simulator')).toBe(true);
    const bodies = new Set(results.map((r) => (r.ok ? r.body.toString() : '')));
    expect(bodies.size).toBe(1);
    expect(JSON.parse([...bodies][0]!)).toMatchObject({ code: 200, msg: 'OK', data: { code: 0, msg: 'OK' } });
  });

  it('serves MISS, HIT, then STALE when the upstream fails after the TTL, then opens the circuit', async () => {
    const clock = new ManualClock();
    const gateway = createUpstreamGateway({ source: source({ clock, retries: 0 }), clock });
    const e = endpoint(HASHTAGS);
    const parsed = parseParams(e, {});
    if (!parsed.ok) throw new Error('params');
    const get = () => gateway.fetch(e, parsed.canonical, parsed.params);

    expect(await get()).toMatchObject({ ok: true, cache: 'MISS' });
    clock.advance(60_000);
    expect(await get()).toMatchObject({ ok: true, cache: 'HIT', ageSeconds: 60 });
    expect(sim.stats().calls).toBe(1);

    clock.advance(e.cacheTtlSeconds * 1000);
    sim.addFault({ fault: { kind: 'http_error', status: 503, body: 'text' } });
    for (let i = 0; i < 5; i++) expect(await get()).toMatchObject({ ok: true, cache: 'STALE', ageSeconds: e.cacheTtlSeconds + 60 });
    expect(sim.stats().calls).toBe(6);
    expect(await get()).toMatchObject({ ok: true, cache: 'STALE' });
    expect(sim.stats().calls).toBe(6);

    clock.advance(30_000);
    sim.clearFaults();
    expect(await get()).toMatchObject({ ok: true, cache: 'MISS' });
    expect(sim.stats().calls).toBe(7);
  });

  it('answers circuit_open with retry-after and no upstream call once 5 calls have failed', async () => {
    const clock = new ManualClock();
    const gateway = createUpstreamGateway({ source: source({ clock, retries: 0 }), clock });
    const e = endpoint(HASHTAGS);
    sim.addFault({ fault: { kind: 'http_error', status: 502, body: 'empty' } });
    for (const country of ['US', 'GB', 'FR', 'DE', 'JP']) {
      const parsed = parseParams(e, { country_code: country });
      if (!parsed.ok) throw new Error('params');
      expect(await gateway.fetch(e, parsed.canonical, parsed.params)).toMatchObject({ ok: false, failure: { detail: 'upstream_error' } });
    }
    const parsed = parseParams(e, { country_code: 'IT' });
    if (!parsed.ok) throw new Error('params');
    expect(await gateway.fetch(e, parsed.canonical, parsed.params)).toEqual({
      ok: false,
      failure: { kind: 'unavailable', detail: 'circuit_open', retryAfterSeconds: 30 },
      sourceId: 'simulator',
      adapter: 'creative-center',
    });
    expect(sim.stats().calls).toBe(5);
  });
});

describe('session cookies', () => {
  it('gets past page 1 of Top Ads only with a logged-in cookie', async () => {
    // Logged out, a page TikTok withholds is login_required (free), not a charged empty page saying has_more.
    expect(await fetchOp('tiktok-top-ads-list', { page: '2', limit: '20' })).toMatchObject({ ok: false, failure: { kind: 'unavailable', detail: 'login_required' } });
    const firstOnly = inner(await fetchOp('tiktok-top-ads-list', { page: '1', limit: '100' }));
    expect(firstOnly.materials).toHaveLength(20);
    expect(firstOnly.pagination).toMatchObject({ page: 1, size: 100, total: 400, has_more: true });
    const loggedIn = inner(await fetchOp('tiktok-top-ads-list', { page: '2', limit: '20' }, { cookies: ['sessionid=abc; csrftoken=t'] }));
    expect(loggedIn.materials).toHaveLength(20);
    expect(loggedIn.pagination).toEqual({ page: 2, size: 20, total: 400, total_count: 400, has_more: true });
  });
});

describe('raw byte cases (local server)', () => {
  let reply: { status: number; type?: string; body: string } = { status: 200, body: '' };
  let server: ReturnType<typeof createServer>;
  let baseUrl: string;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(reply.status, reply.type ? { 'content-type': reply.type } : {});
      res.end(reply.body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/creative_radar_api/v1/`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  async function call(opts: { maxBodyBytes?: number } = {}) {
    const client = new CreativeCenterClient({ baseUrl, backoff: () => 0, ...opts });
    opened.push(client);
    return client.call('popular_trend/hashtag/list', {}, { deadline: performance.now() + 5000, referer: 'x' });
  }

  it.each<[string, typeof reply, unknown]>([
    ['a JSON array', { status: 200, type: 'application/json', body: '[]' }, { kind: 'bad_response', detail: 'schema_mismatch' }],
    ['an envelope without msg', { status: 200, type: 'application/json', body: '{"code":0,"data":{}}' }, { kind: 'bad_response', detail: 'schema_mismatch' }],
    ['no content type', { status: 200, body: '{"code":0,"msg":"OK","data":{}}' }, { kind: 'bad_response', detail: 'non_json' }],
    ['HTTP 429', { status: 429, type: 'text/plain', body: 'slow down' }, { kind: 'bad_response', detail: 'upstream_error' }],
  ])('classifies %s', async (_name, answer, expected) => {
    reply = answer;
    expect(await call()).toMatchObject({ ok: false, failure: expected as object });
  });

  it('accepts application/json with a charset and keeps the request_id', async () => {
    reply = { status: 200, type: 'application/json; charset=utf-8', body: '{"code":0,"msg":"OK","request_id":"r","data":{"x":1}}' };
    expect(await call()).toEqual({ ok: true, envelope: { code: 0, msg: 'OK', request_id: 'r', data: { x: 1 } } });
  });

  it('refuses a body over maxBodyBytes', async () => {
    reply = { status: 200, type: 'application/json', body: `{"code":0,"msg":"OK","data":"${'x'.repeat(4096)}"}` };
    expect(await call({ maxBodyBytes: 1024 })).toMatchObject({ ok: false, failure: { kind: 'bad_response', detail: 'upstream_error' } });
  });
});

describe('canonical params → upstream query (docs/upstreams.md § Operations)', () => {
  const queries: Array<{ path: string; query: Record<string, string> }> = [];
  let server: ReturnType<typeof createServer>;
  let baseUrl: string;
  const emptyPage =
    '{"code":0,"msg":"OK","request_id":"20260101000000ABCDEFABCDEFABCDEFAB","data":{"list":[],"sound_list":[],"creators":[],' +
    '"videos":[],"materials":[],"keyword_list":[],"pagination":{"page":1,"size":0,"total":0,"total_count":0,"has_more":false}}}';

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      queries.push({ path: url.pathname.replace('/creative_radar_api/v1/', ''), query: Object.fromEntries(url.searchParams) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(emptyPage);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/creative_radar_api/v1/`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('has a mapping for every catalog endpoint that names the creative-center adapter, and for no other', () => {
    const legacy = endpoints.filter((e) => e.sources.includes('creative-center')).map((e) => e.operationId);
    expect(Object.keys(operations).sort()).toEqual([...legacy].sort());
  });

  it.each<[string, RawQuery, Array<{ path: string; query: Record<string, string> }>]>([
    [
      'tiktok-popular-trend-hashtag',
      { country_code: 'us', industry_id: '22000000000', filter_by: 'new_on_board', period: '30' },
      [{ path: 'popular_trend/hashtag/list', query: { page: '1', limit: '50', period: '30', country_code: 'US', industry_id: '22000000000', filter_by: 'new_on_board', sort_by: 'popular' } }],
    ],
    [
      'tiktok-popular-trend-hashtag-detail',
      { hashtag_name: '#Prom' },
      [{ path: 'popular_trend/hashtag/detail', query: { hashtag_name: 'prom', period: '7', country_code: '', language: 'en' } }],
    ],
    [
      'tiktok-popular-trend-song',
      { rank_type: 'surging', new_on_board: '1', country_code: 'GB' },
      [{ path: 'popular_trend/sound/rank_list', query: { page: '1', limit: '20', period: '7', country_code: 'GB', rank_type: 'surging', new_on_board: 'true', commercial_music: 'false' } }],
    ],
    [
      'tiktok-popular-trend-song-detail',
      { clip_id: '7339914391000000001', period: '30' },
      [{ path: 'popular_trend/sound/detail', query: { clip_id: '7339914391000000001', period: '30' } }],
    ],
    [
      'tiktok-popular-trend-creator',
      { sort_by: 'engagement', creator_country: 'US', audience_count: '2' },
      [{ path: 'popular_trend/creator/list', query: { page: '1', limit: '50', sort_by: 'engagement', creator_country: 'US' } }],
    ],
    [
      'tiktok-popular-trend-video',
      { order_by: 'like', period: '30', country_code: 'JP' },
      [{ path: 'popular_trend/list', query: { page: '1', limit: '20', period: '30', order_by: 'like', country_code: 'JP' } }],
    ],
    ['tiktok-popular-trend-country-industry-meta', {}, [{ path: 'popular_trend/hashtag/filters', query: {} }]],
    [
      'tiktok-top-ads-list',
      { country_code: 'us,GB', q: 'coffee', industry: '2,1', objective: '3', ad_language: 'en', pattern_label: '10', duration: 'time-2', like: '2,1', ad_format: '1' },
      [
        {
          path: 'top_ads/v2/list',
          query: {
            page: '1', limit: '20', period: '30', order_by: 'for_you', country_code: 'GB,US', keyword: 'coffee', industry: '1,2',
            objective: '3', ad_language: 'en', pattern_label: '10', duration: 'time-2', like: '1,2', ad_format: '1',
          },
        },
      ],
    ],
    ['tiktok-top-ads-detail', { material_id: '7631130810943897607' }, [{ path: 'top_ads/v2/detail', query: { material_id: '7631130810943897607' } }]],
    ['tiktok-top-ads-filters', {}, [{ path: 'top_ads/v2/filters', query: {} }]],
    [
      'tiktok-top-ads-recommend',
      { material_id: '7631130810943897607', page: '3', limit: '5' },
      [{ path: 'top_ads/v2/recommend', query: { material_id: '7631130810943897607' } }],
    ],
    ['tiktok-top-ads-spotlight', { page: '2' }, [{ path: 'education/top_ads/list', query: { page: '1', limit: '50' } }]],
    ['tiktok-top-ads-suggestions', { count: '99' }, [{ path: 'top_ads/query_suggestion', query: { query: '', count: '50', scenario: '1' } }]],
    ['tiktok-top-ads-locations', { country_code: 'US' }, [{ path: 'top_ads/location/list', query: {} }]],
    ['tiktok-top-ads-location-info', {}, [{ path: 'top_ads/location/info', query: { module: '1' } }]],
    ['tiktok-top-ads-location-info', { module: '0' }, [{ path: 'top_ads/location/info', query: { module: '1' } }]],
    ['tiktok-top-ads-location-info', { module: '7' }, [{ path: 'top_ads/location/info', query: { module: '7' } }]],
    ['tiktok-top-ads-safety', {}, [{ path: 'top_ads/configure/safety', query: {} }]],
    [
      'tiktok-keyword-insights',
      { country_code: 'US', industry: '27000000000', objective: '3', keyword_type: '2', order_by: 'ctr', order_type: 'asc', q: 'free' },
      [
        {
          path: 'script/keyword/list',
          query: { page: '1', limit: '50', period: '7', country_code: 'US', industry: '27000000000', objective: '3', keyword_type: '2', order_by: 'ctr', order_type: 'asc', keyword: 'free' },
        },
      ],
    ],
  ])('%s sends the upstream query', async (operationId, query, expected) => {
    queries.length = 0;
    const e = endpoint(operationId);
    const s = createCreativeCenterSource({ baseUrl, backoff: () => 0 });
    opened.push(s);
    await s.fetch(e, params(e, query));
    expect(queries).toEqual(expected);
  });

  it('sends analysis as keyframe with the metric and percentile with the mapped metric', async () => {
    queries.length = 0;
    const e = endpoint('tiktok-top-ads-analysis');
    const s = createCreativeCenterSource({ baseUrl, backoff: () => 0 });
    opened.push(s);
    await s.fetch(e, params(e, { material_id: '7631130810943897607', metric: 'convert_cnt', period_type: '180' }));
    expect(queries.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'top_ads/keyframe', query: { material_id: '7631130810943897607', metric: 'convert_cnt' } },
      { path: 'top_ads/percentile', query: { material_id: '7631130810943897607', metric: 'time_attr_convert_cnt_percentile', period_type: '180' } },
    ]);
  });
});
