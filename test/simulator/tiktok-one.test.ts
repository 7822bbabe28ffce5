import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { INVALID_LOGIN_CODE, startSimulator, type SimulatorHandle } from '../../src/simulator/index.js';
import { call, callOne, LOGGED_IN } from './helpers.js';

const clock = new ManualClock(Date.UTC(2026, 10, 25, 12, 0, 0));
const today = Date.UTC(2026, 10, 25) / 1000;
const LIST = 'CreativeOne/KnowledgeAPI/GetHashtagList';
const DETAIL = 'CreativeOne/KnowledgeAPI/GetHashtagDetail';
const OVERVIEW = 'CreativeOne/Report/GetTopContentsOverview';
const VIDEOS = 'CreativeOne/Report/CreativeCenterGetTopContentsList';
const US_WEEK = { timeRange: 7, countryCode: 'US', page: 1, limit: 20 };
const STR = { 'agw-js-conv': 'str' };
let sim: SimulatorHandle;

beforeAll(async () => {
  sim = await startSimulator({ clock });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.clearFaults();
  sim.resetStats();
});

const hashtags = (body: Record<string, unknown>, headers: Record<string, string> = {}) => callOne(sim, LIST, { body, headers });
const videoQuery = (q: Record<string, string | number> = {}) =>
  `${VIDEOS}?${new URLSearchParams({ periodDimension: '3', periodEndTimestamp: String(today), orderByMetric: '1', countryCode: 'US', contentLabelIDs: '', organicOnly: 'false', page: '1', limit: '20', ...Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)])) })}`;
const videos = (q: Record<string, string | number> = {}, opts: { us?: boolean; headers?: Record<string, string> } = {}) =>
  callOne(sim, videoQuery(q), { us: opts.us ?? true, headers: opts.headers ?? LOGGED_IN });

/** The raw JSON text of `"field":<value>` occurrences, value as written (quotes kept). */
const rawValues = (text: string, field: string): string[] => [...text.matchAll(new RegExp(`"${field}":("?[0-9]+"?)`, 'g'))].map((m) => m[1]!);

describe('GetHashtagList', () => {
  it('shows an anonymous caller the top 3 only, with totalCount 3 and no login header', async () => {
    const r = await hashtags({ ...US_WEEK });
    expect(r.status).toBe(200);
    expect(r.json.BaseResp).toEqual({ StatusCode: 0, StatusMessage: '' });
    expect(r.json.items.map((i: any) => i.rankIndex)).toEqual([1, 2, 3]);
    expect(r.json.pagination).toEqual({ page: 1, limit: 20, totalCount: 3, hasMore: false });
    expect(r.headers.get('x-tt-agw-login')).toBeNull();
    expect((await hashtags({ ...US_WEEK, page: 2 })).json.items).toEqual([]);
  });

  it('treats a session cookie without the matching x-csrftoken as anonymous', async () => {
    const r = await hashtags({ ...US_WEEK }, { cookie: LOGGED_IN.cookie!, 'x-csrftoken': 'wrong' });
    expect(r.json.pagination.totalCount).toBe(3);
  });

  it('pages a logged-in caller through 100 distinct hashtags, 20 a page, with x-tt-agw-login: 1', async () => {
    const items: any[] = [];
    for (let page = 1; page <= 5; page++) {
      const r = await hashtags({ ...US_WEEK, page }, LOGGED_IN);
      expect(r.headers.get('x-tt-agw-login')).toBe('1');
      expect(r.json.pagination).toEqual({ page, limit: 20, totalCount: 100, hasMore: page < 5 });
      items.push(...r.json.items);
    }
    expect(items.map((i) => i.rankIndex)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(new Set(items.map((i) => i.hashtagName)).size).toBe(100);
    expect((await hashtags({ ...US_WEEK, page: 6 }, LOGGED_IN)).json.items).toEqual([]);
  });

  it('accepts a limit up to 100 and refuses 101', async () => {
    expect((await hashtags({ ...US_WEEK, limit: 100 }, LOGGED_IN)).json.items).toHaveLength(100);
    expect((await hashtags({ ...US_WEEK, limit: 101 }, LOGGED_IN)).json.code).toBe('InvalidRequest');
  });

  it('writes items with 19-digit ids, curves of one point a day ending today at 00:00 UTC, values 0–100', async () => {
    const r = await hashtags({ ...US_WEEK, timeRange: 30, limit: 100 }, { ...LOGGED_IN, ...STR });
    for (const item of r.json.items) {
      expect(Object.keys(item).sort()).toEqual(['hashtagID', 'hashtagName', 'industryIDs', 'popularityCurve', 'publishCnt', 'rankIndex', 'topCreators', 'vv']);
      expect(item.hashtagID).toMatch(/^[0-9]{19}$/);
      expect(item.publishCnt).toMatch(/^[0-9]+$/);
      expect(item.topCreators.length).toBeGreaterThan(0);
      expect(item.topCreators[0]).toEqual({ handleName: expect.any(String) });
      const curve = item.popularityCurve as Array<{ timestamp: string; value: number }>;
      expect(curve).toHaveLength(30);
      expect(Number(curve.at(-1)!.timestamp)).toBe(today);
      curve.forEach((p, i) => {
        expect(Number(p.timestamp)).toBe(today - (29 - i) * 86_400);
        expect(p.value).toBeGreaterThanOrEqual(0);
        expect(p.value).toBeLessThanOrEqual(100);
      });
    }
    const lastPoints = r.json.items.map((i: any) => i.popularityCurve.at(-1).value);
    expect(lastPoints.filter((v: number) => v === 0).length).toBeGreaterThan(50);
  });

  it('holds the catalog example hashtags in the US chart', async () => {
    const names = (await hashtags({ ...US_WEEK, limit: 100 }, LOGGED_IN)).json.items.map((i: any) => i.hashtagName);
    expect(names).toContain('prom');
    expect(names).toContain('promdress');
  });

  it('narrows to an industry, every item carrying its id', async () => {
    const r = await hashtags({ ...US_WEEK, industryID: 30000000000, limit: 100 }, LOGGED_IN);
    expect(r.json.items).toHaveLength(100);
    for (const item of r.json.items) expect(item.industryIDs).toContain(30000000000);
  });

  it('ignores an industryID given as a string', async () => {
    const plain = await hashtags({ ...US_WEEK }, LOGGED_IN);
    expect((await hashtags({ ...US_WEEK, industryID: '99' }, LOGGED_IN)).text).toBe(plain.text);
  });

  it('answers an empty chart for a country outside the 27 hashtag regions', async () => {
    const r = await hashtags({ ...US_WEEK, countryCode: 'NL' }, LOGGED_IN);
    expect(r.json.items).toEqual([]);
    expect(r.json.pagination.totalCount).toBe(0);
  });

  it.each([
    ['an unknown industryID', { industryID: 16000000001 }, 'industryID'],
    ['an unsupported timeRange', { timeRange: 14 }, 'timeRange'],
    ['a missing countryCode', { countryCode: undefined }, 'countryCode'],
  ])('answers HTTP 400 InvalidRequest for %s', async (_, change, field) => {
    const r = await hashtags({ ...US_WEEK, ...change }, LOGGED_IN);
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ code: 'InvalidRequest', message: expect.stringContaining(field) });
  });

  it('answers InvalidRequest for a body that is not a JSON object', async () => {
    expect((await callOne(sim, LIST, { body: 'not json', headers: LOGGED_IN })).json.code).toBe('InvalidRequest');
  });
});

describe('agw-js-conv', () => {
  it('writes int64 fields as strings with agw-js-conv: str', async () => {
    const r = await hashtags({ ...US_WEEK }, { ...LOGGED_IN, ...STR });
    for (const field of ['hashtagID', 'publishCnt', 'rankIndex', 'vv', 'timestamp']) {
      const values = rawValues(r.text, field);
      expect(values.length).toBeGreaterThan(0);
      for (const v of values) expect(v).toMatch(/^"[0-9]+"$/);
    }
    expect(r.text).toMatch(/"industryIDs":\[([0-9]+,?)*\]/);
  });

  it('writes bare numbers without it, 19-digit ids beyond 2^53 exact in the text', async () => {
    const r = await hashtags({ ...US_WEEK }, LOGGED_IN);
    const ids = rawValues(r.text, 'hashtagID');
    expect(ids).toHaveLength(20);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9]{19}$/);
      expect(BigInt(id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    }
    const withStrings = rawValues((await hashtags({ ...US_WEEK }, { ...LOGGED_IN, ...STR })).text, 'hashtagID');
    expect(withStrings.map((s) => s.replace(/"/g, ''))).toEqual(ids);
  });

  it('does the same for video ids', async () => {
    const bare = rawValues((await videos()).text, 'itemID');
    const quoted = rawValues((await videos({}, { headers: { ...LOGGED_IN, ...STR } })).text, 'itemID');
    expect(bare).toHaveLength(20);
    for (const id of bare) expect(BigInt(id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(quoted).toEqual(bare.map((id) => `"${id}"`));
  });
});

describe('GetHashtagDetail', () => {
  it('answers InvalidLogin to an anonymous caller', async () => {
    const r = await callOne(sim, DETAIL, { body: { hashtagID: '7400795988650459167', timeRange: 7, countryCode: 'US' } });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ BaseResp: { StatusCode: INVALID_LOGIN_CODE, StatusMessage: 'InvalidLogin' } });
  });

  it('answers a logged-in caller for an id the list handed out', async () => {
    const first = (await hashtags({ ...US_WEEK }, { ...LOGGED_IN, ...STR })).json.items[0];
    const r = await callOne(sim, DETAIL, { body: { hashtagID: first.hashtagID, timeRange: 7, countryCode: 'US' }, headers: { ...LOGGED_IN, ...STR } });
    expect(r.headers.get('x-tt-agw-login')).toBe('1');
    expect(r.json).toMatchObject({
      BaseResp: { StatusCode: 0, StatusMessage: '' },
      hashtagID: first.hashtagID,
      hashtagName: first.hashtagName,
      timeRange: 7,
      countryCode: 'US',
      popularityCurve: first.popularityCurve,
    });
    expect(r.json.ageProfile[0]).toEqual({ ageLevel: expect.stringMatching(/^[0-9]$/), vvPercent: expect.stringMatching(/^[0-9]+\.[0-9]{2}$/) });
    expect(r.json.representativeCountryProfile[0]).toEqual({ countryCode: 'US', countryTgiScore: expect.any(Number) });
    expect(r.json.videoList[0]).toEqual({ itemID: expect.stringMatching(/^[0-9]{19}$/), vid: expect.any(String), coverURL: expect.any(String), videoURL: { default: expect.any(String) } });
  });

  it('answers an empty detail for an id it never handed out, and InvalidRequest for a numeric id', async () => {
    const unknown = await callOne(sim, DETAIL, { body: { hashtagID: '1234', timeRange: 7, countryCode: 'US' }, headers: LOGGED_IN });
    expect(unknown.json).toEqual({ BaseResp: { StatusCode: 0, StatusMessage: '' } });
    const numeric = await callOne(sim, DETAIL, { body: { hashtagID: 1234, timeRange: 7, countryCode: 'US' }, headers: LOGGED_IN });
    expect(numeric.json.code).toBe('InvalidRequest');
  });
});

describe('top contents', () => {
  it('gives the period ends, in seconds at 00:00 UTC', async () => {
    const r = await callOne(sim, OVERVIEW);
    expect(r.json).toEqual({
      BaseResp: { StatusCode: 0, StatusMessage: '' },
      lastDailyEndTimestamp: today,
      lastWeeklyEndTimestamp: Date.UTC(2026, 10, 23) / 1000,
      lastMonthlyEndTimestamp: Date.UTC(2026, 10, 1) / 1000,
    });
  });

  it('shows an anonymous caller page 1 with 4 items while claiming 100, and nothing past it', async () => {
    const first = await videos({}, { headers: {} });
    expect(first.json.entityInfos).toHaveLength(4);
    expect(first.json.pagination).toEqual({ page: 1, limit: 20, totalCount: 100, hasMore: true, pageCount: 5 });
    const second = await videos({ page: 2 }, { headers: {} });
    expect(second.json.entityInfos).toEqual([]);
  });

  it('pages a logged-in caller through 100 videos, 20 at most, sorted by the metric asked', async () => {
    const ids = new Set<string>();
    for (let page = 1; page <= 5; page++) {
      const r = await videos({ page, orderByMetric: 2 }, { headers: { ...LOGGED_IN, ...STR } });
      expect(r.json.pagination).toMatchObject({ page, totalCount: 100, hasMore: page < 5 });
      const rates = r.json.entityInfos.map((e: any) => e.itemMetrics.engagementRate);
      expect(rates).toEqual([...rates].sort((a, b) => b - a));
      for (const e of r.json.entityInfos) ids.add(e.itemInfo.itemID);
    }
    expect(ids.size).toBe(100);
    expect((await videos({ limit: 21 })).json.code).toBe('InvalidRequest');
  });

  it('keeps every chart in order by the metric it ranks by, whichever day and country: none rises with the rank', async () => {
    const field = { 1: 'videoViews', 2: 'engagementRate', 3: 'sixSecondsVTR' } as const;
    const start = clock.now();
    try {
      // Six weeks of days: the six-second view rate falls by under 1% a rank, where its jitter once let ranks swap.
      for (let day = 0; day < 42; day++) {
        clock.set(start + day * 86_400_000);
        for (const [country, us] of [['JP', false], ['US', true]] as const) {
          for (const metric of [1, 2, 3] as const) {
            const values: number[] = [];
            for (let page = 1; page <= 5; page++) {
              const r = await videos({ page, orderByMetric: metric, countryCode: country }, { us, headers: { ...LOGGED_IN, ...STR } });
              values.push(...r.json.entityInfos.map((e: any) => Number(e.itemMetrics[field[metric]])));
            }
            expect(values, `${country}, metric ${metric}, day ${day}`).toEqual([...values].sort((a, b) => b - a));
          }
        }
      }
    } finally {
      clock.set(start);
    }
  });

  it('writes the entity shape', async () => {
    const e = (await videos({ contentLabelIDs: '11002' }, { headers: { ...LOGGED_IN, ...STR } })).json.entityInfos[0];
    expect(Object.keys(e).sort()).toEqual(['contentTags', 'itemAuthorInfo', 'itemAuthorMetrics', 'itemInfo', 'itemMetrics']);
    expect(Object.keys(e.itemInfo).sort()).toEqual(['authorID', 'contentType', 'coverURL', 'coverURLList', 'createTime', 'creatorID', 'itemID', 'title', 'videoURL']);
    expect(Object.keys(e.itemAuthorInfo).sort()).toEqual(['avatarURI', 'bio', 'handlerName', 'nickName']);
    expect(Object.keys(e.itemMetrics).sort()).toEqual(['engagementRate', 'organicVideoViews', 'organicVideoViewsLifeTime', 'sixSecondsVTR', 'videoViews', 'videoViewsLifeTime']);
    expect(e.contentTags[0]).toEqual({ contentLabelID: 11002, contentLabelName: 'Beauty' });
  });

  it('serves US only on the US host, and the other countries only on the main host', async () => {
    expect((await videos({ countryCode: 'US' }, { us: false })).json).toMatchObject({ entityInfos: [], pagination: { totalCount: 0, hasMore: false } });
    expect((await videos({ countryCode: 'US' }, { us: true })).json.pagination.totalCount).toBe(100);
    expect((await videos({ countryCode: 'JP' }, { us: false })).json.pagination.totalCount).toBe(100);
    expect((await videos({ countryCode: 'JP' }, { us: true })).json.entityInfos).toEqual([]);
    expect((await videos({ countryCode: 'GB' }, { us: false })).json.entityInfos).toEqual([]);
    expect((await callOne(sim, LIST, { body: US_WEEK, headers: LOGGED_IN, us: true })).status).toBe(404);
    expect(sim.stats().byPath).toMatchObject({ [`us/${VIDEOS}`]: 2, [VIDEOS]: 3, [`us/${LIST}`]: 1 });
  });

  it.each([
    ['periodDimension 4', { periodDimension: 4 }],
    ['orderByMetric 9', { orderByMetric: 9 }],
    ['an unknown content label', { contentLabelIDs: '11002,12000' }],
  ])('answers InvalidRequest "not supported top contents setting" for %s', async (_, q) => {
    const r = await videos(q);
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ code: 'InvalidRequest', message: 'not supported top contents setting' });
  });

  it('answers InvalidRequest without countryCode', async () => {
    expect((await videos({ countryCode: '' })).json.message).toContain('countryCode');
  });
});

describe('blocking and faults', () => {
  it('answers a HeadlessChrome user agent with HTTP 403 and a short text body', async () => {
    const r = await hashtags({ ...US_WEEK }, { ...LOGGED_IN, 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/131.0.0.0 Safari/537.36' });
    expect(r.status).toBe(403);
    expect(r.type).toMatch(/^text\/plain/);
    expect(r.text.length).toBeLessThan(100);
  });

  it('applies a fault rule on a TikTok One path to both hosts, and a us/ rule to the US host only', async () => {
    sim.addFault({ fault: { kind: 'http_error', status: 503, body: 'text' }, path: VIDEOS, times: 2 });
    expect((await videos({}, { us: true })).status).toBe(503);
    expect((await videos({ countryCode: 'JP' }, { us: false })).status).toBe(503);
    expect((await videos({}, { us: true })).status).toBe(200);
    sim.addFault({ fault: { kind: 'drop' }, path: `us/${VIDEOS}`, times: 1 });
    expect((await videos({ countryCode: 'JP' }, { us: false })).status).toBe(200);
  });

  it('forces InvalidLogin on a logged-in call', async () => {
    sim.addFault({ fault: { kind: 'invalid_login' }, path: LIST, times: 1 });
    expect((await hashtags({ ...US_WEEK }, LOGGED_IN)).json.BaseResp.StatusCode).toBe(INVALID_LOGIN_CODE);
    expect((await hashtags({ ...US_WEEK }, LOGGED_IN)).json.BaseResp.StatusCode).toBe(0);
  });

  it('forces InvalidRequest with a message, also through the x-simulator-fault header', async () => {
    sim.addFault({ fault: { kind: 'invalid_request', message: 'timeRange not supported' }, path: LIST, times: 1 });
    expect((await hashtags({ ...US_WEEK }, LOGGED_IN)).json).toEqual({ code: 'InvalidRequest', message: 'timeRange not supported' });
    const forced = await hashtags({ ...US_WEEK }, { ...LOGGED_IN, 'x-simulator-fault': JSON.stringify({ kind: 'invalid_request' }) });
    expect(forced.status).toBe(400);
    expect(forced.json.code).toBe('InvalidRequest');
  });

  it('writes error_code faults as a BaseResp status and malformed ones as broken JSON', async () => {
    sim.addFault({ fault: { kind: 'error_code', code: 40100, msg: 'Too many requests' }, path: LIST, times: 1 });
    expect((await hashtags({ ...US_WEEK })).json).toEqual({ BaseResp: { StatusCode: 40100, StatusMessage: 'Too many requests' } });
    sim.addFault({ fault: { kind: 'malformed', variant: 'truncated' }, path: LIST, times: 1 });
    const broken = await hashtags({ ...US_WEEK });
    expect(broken.text.startsWith('{"BaseResp"')).toBe(true);
    expect(broken.json).toBeUndefined();
  });

  it('counts TikTok One calls in stats, faulted ones included', async () => {
    sim.addFault({ fault: { kind: 'http_error', status: 500, body: 'empty' }, path: LIST, times: 1 });
    await hashtags({ ...US_WEEK });
    await hashtags({ ...US_WEEK });
    await callOne(sim, OVERVIEW);
    expect(sim.stats()).toEqual({ calls: 3, byPath: { [LIST]: 2, [OVERVIEW]: 1 } });
  });
});

describe('Top Ads on TikTok One', () => {
  const SEARCH = 'CreativeOne/TopAds/SearchMaterial';
  const search = (body: Record<string, unknown>, headers: Record<string, string> = LOGGED_IN) =>
    callOne(sim, SEARCH, { body: { timeRange: 30, orderField: 1, page: '1', limit: '20', sourceModule: 1, ...body }, headers });

  it('serves the filters of sourceModule 1 and 2, and refuses another module', async () => {
    const r = await callOne(sim, 'CreativeOne/TopAds/Filters?sourceModule=1');
    expect(r.json.BaseResp.StatusCode).toBe(0);
    expect(r.json.industryList.length).toBeGreaterThan(10);
    expect(r.json.countryList).toContainEqual({ countryCode: 'US', name: 'United States' });
    expect(r.json.timeRangeList).toEqual([7, 30, 180]);
    expect((await callOne(sim, 'CreativeOne/TopAds/Filters?sourceModule=3')).json.code).toBe('InvalidRequest');
  });

  it('pages ads with 19-digit material ids that the legacy detail resolves', async () => {
    const r = await search({ countryCodeList: ['US'] }, { ...LOGGED_IN, ...STR });
    expect(r.json.itemList).toHaveLength(20);
    expect(r.json.pagination).toEqual({ page: 1, limit: 20, totalCount: 400, hasMore: true });
    const item = r.json.itemList[0];
    expect(item.materialID).toMatch(/^[0-9]{19}$/);
    expect(item).toMatchObject({ videoInfo: { videoURL: { default: expect.any(String) } }, clickRate: expect.any(Number), ctrRank: expect.any(Number) });
    const raw = rawValues((await search({ countryCodeList: ['US'] })).text, 'materialID');
    expect(raw[0]).toBe(item.materialID);
    const detail = await call(sim, `top_ads/v2/detail?material_id=${item.materialID}`, { nowMs: clock.now() });
    expect(detail.json.data).toMatchObject({ id: item.materialID, country_code: ['US'] });
  });

  it('refuses an unsupported timeRange or orderField and a limit above 20', async () => {
    expect((await search({ timeRange: 90 })).json.code).toBe('InvalidRequest');
    expect((await search({ orderField: 5 })).json.code).toBe('InvalidRequest');
    expect((await search({ limit: '21' })).json.code).toBe('InvalidRequest');
  });
});
