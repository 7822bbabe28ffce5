import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endpoints, findEndpoint, parseParams, type AnyEndpoint, type RawQuery } from '../../src/catalog/index.js';

function endpoint(operationId: string): AnyEndpoint {
  const e = findEndpoint(operationId);
  if (!e) throw new Error(`no endpoint ${operationId}`);
  return e;
}

function parsed(operationId: string, query: RawQuery): Record<string, unknown> {
  const r = parseParams(endpoint(operationId), query);
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.errors)}`);
  return r.params;
}

function errors(operationId: string, query: RawQuery) {
  const r = parseParams(endpoint(operationId), query);
  if (r.ok) throw new Error(`expected 400, got ${r.canonical}`);
  return r.errors;
}

const DOCS_ORDER: ReadonlyArray<[string, string, string]> = [
  ['/tiktok/popular-trend/hashtag', 'Trends', 'populartrend.hashtagTrendResponseDoc'],
  ['/tiktok/popular-trend/hashtag/detail', 'Trends', 'populartrend.hashtagDetailResponseDoc'],
  ['/tiktok/popular-trend/song', 'Trends', 'populartrend.songTrendResponseDoc'],
  ['/tiktok/popular-trend/song/detail', 'Trends', 'populartrend.songDetailResponseDoc'],
  ['/tiktok/popular-trend/creator', 'Trends', 'populartrend.creatorTrendResponseDoc'],
  ['/tiktok/popular-trend/video', 'Trends', 'populartrend.videoTrendResponseDoc'],
  ['/tiktok/popular-trend/country-industry-meta', 'Trends', 'populartrend.countryIndustryMetaResponseDoc'],
  ['/tiktok/creative-center/hashtags', 'Trends', 'creativecenter.trendingHashtagsResponseDoc'],
  ['/tiktok/creative-center/videos', 'Trends', 'creativecenter.trendingVideosResponseDoc'],
  ['/tiktok/top-ads/list', 'Top Ads', 'populartrend.topAdsListResponseDoc'],
  ['/tiktok/top-ads/detail', 'Top Ads', 'populartrend.topAdsDetailResponseDoc'],
  ['/tiktok/top-ads/analysis', 'Top Ads', 'populartrend.topAdsAnalysisResponseDoc'],
  ['/tiktok/top-ads/filters', 'Top Ads', 'populartrend.topAdsFiltersResponseDoc'],
  ['/tiktok/top-ads/recommend', 'Top Ads', 'populartrend.topAdsRecommendResponseDoc'],
  ['/tiktok/top-ads/spotlight', 'Top Ads', 'populartrend.topAdsSpotlightResponseDoc'],
  ['/tiktok/top-ads/suggestions', 'Top Ads', 'populartrend.topAdsSuggestionsResponseDoc'],
  ['/tiktok/top-ads/locations', 'Top Ads', 'populartrend.topAdsLocationsResponseDoc'],
  ['/tiktok/top-ads/location-info', 'Top Ads', 'populartrend.topAdsLocationInfoResponseDoc'],
  ['/tiktok/top-ads/safety', 'Top Ads', 'populartrend.topAdsSafetyResponseDoc'],
  ['/tiktok/keyword-insights', 'Keywords', 'keywordinsights.keywordListResponseDoc'],
  ['/tiktok/popular-trend/hashtag/history', 'Trends', 'history.hashtagHistoryResponseDoc'],
  ['/tiktok/popular-trend/movers', 'Trends', 'history.moversResponseDoc'],
];

describe('catalog list', () => {
  it('holds every endpoint in docs order, with its group and response schema name', () => {
    expect(endpoints.map((e) => [e.path, e.group, e.responseSchemaName])).toEqual(DOCS_ORDER);
  });

  it.each(endpoints.map((e) => [e.operationId, e] as const))('%s: id is the path without / and with - for /', (id, e) => {
    expect(id).toBe(e.path.slice(1).replaceAll('/', '-'));
    expect(findEndpoint(id)).toBe(e);
  });

  it.each(endpoints.map((e) => [e.operationId, e] as const))('%s: costs 8 credits on TikTok', (_, e) => {
    expect(e.creditCost).toBe(8);
    expect(e.platform).toBe('TikTok');
    expect(e.summary).toMatch(/^Retrieve TikTok /);
    expect(e.notes.length).toBeGreaterThan(0);
    expect(e.upstream.length).toBeGreaterThan(0);
  });

  it.each([
    ['tiktok-popular-trend-hashtag', 3600],
    ['tiktok-popular-trend-country-industry-meta', 86_400],
    ['tiktok-top-ads-filters', 86_400],
    ['tiktok-top-ads-detail', 21_600],
    ['tiktok-top-ads-analysis', 21_600],
    ['tiktok-top-ads-list', 3600],
    ['tiktok-keyword-insights', 3600],
    ['tiktok-creative-center-hashtags', 3600],
    ['tiktok-creative-center-videos', 3600],
    ['tiktok-top-ads-locations', 86_400],
    ['tiktok-top-ads-location-info', 86_400],
    ['tiktok-top-ads-safety', 3600],
  ])('%s: caches for %i s', (id, ttl) => {
    expect(endpoint(id).cacheTtlSeconds).toBe(ttl);
  });

  it('single-wraps country-industry-meta, the two TikTok One operations (as Crawlora does) and the history endpoints', () => {
    expect(endpoints.filter((e) => e.envelope === 'single').map((e) => e.operationId)).toEqual([
      'tiktok-popular-trend-country-industry-meta',
      'tiktok-creative-center-hashtags',
      'tiktok-creative-center-videos',
      'tiktok-popular-trend-hashtag-history',
      'tiktok-popular-trend-movers',
    ]);
  });

  it('serves the two creative-center operations from TikTok One only, and the newer Top Ads ones from Creative Center', () => {
    expect(endpoint('tiktok-creative-center-hashtags').sources).toEqual(['tiktok-one']);
    expect(endpoint('tiktok-creative-center-videos').sources).toEqual(['tiktok-one']);
    for (const id of ['tiktok-top-ads-locations', 'tiktok-top-ads-location-info', 'tiktok-top-ads-safety']) {
      expect(endpoint(id).sources).toEqual(['creative-center']);
      expect(endpoint(id).notes.some((note) => note.includes('inferred'))).toBe(true);
    }
  });

  it('serves analysis from keyframe and percentile together', () => {
    expect(endpoint('tiktok-top-ads-analysis').upstream).toEqual(['top_ads/keyframe', 'top_ads/percentile']);
  });
});

describe('samples', () => {
  it.each(endpoints.map((e) => [e.operationId, e] as const))('%s: sample satisfies the response schema exactly', (_, e) => {
    // Parsing strips unknown keys, so equality also catches a misspelt sample field.
    expect(e.responseSchema.parse(e.sample)).toEqual(e.sample);
  });

  it.each(endpoints.filter((e) => e.envelope === 'double').map((e) => [e.operationId, e] as const))(
    '%s: inner envelope is code 0, msg OK',
    (_, e) => {
      expect(e.sample).toMatchObject({ code: 0, msg: 'OK' });
      const hasRequestId = Object.hasOwn(e.sample as object, 'request_id');
      expect(hasRequestId).toBe(e.operationId !== 'tiktok-popular-trend-hashtag');
    },
  );

  it('rejects a sample whose inner code is not 0', () => {
    const e = endpoint('tiktok-top-ads-list');
    expect(e.responseSchema.safeParse({ ...(e.sample as object), code: 40101 }).success).toBe(false);
  });
});

describe('canonical form (docs/api-contract.md § Params and canonical form)', () => {
  it('fills defaults, clamps, upper-cases and drops unknown params', () => {
    const r = parseParams(endpoint('tiktok-popular-trend-hashtag'), { country_code: 'us', limit: '500', foo: '1' });
    expect(r).toMatchObject({ ok: true, canonical: 'tiktok-popular-trend-hashtag?country_code=US&limit=100&page=1&period=7' });
  });

  it('encodes values per RFC 3986', () => {
    const r = parseParams(endpoint('tiktok-top-ads-list'), { keyword: "coffee & tea's" });
    expect(r.ok && r.canonical).toBe(
      "tiktok-top-ads-list?keyword=coffee%20%26%20tea%27s&limit=20&order_by=for_you&page=1&period=30",
    );
  });

  it('joins CSV values with commas after sorting', () => {
    const r = parseParams(endpoint('tiktok-top-ads-list'), { country_code: 'us, gb,US,,' });
    expect(r.ok && r.canonical).toContain('country_code=GB%2CUS');
  });

  it('leaves ignored audience_count out of the canonical form', () => {
    const r = parseParams(endpoint('tiktok-popular-trend-creator'), { audience_count: '2' });
    expect(r.ok && r.canonical).toBe('tiktok-popular-trend-creator?limit=20&page=1&sort_by=follower');
  });

  it('gives equal canonical forms to equivalent queries', () => {
    const a = parseParams(endpoint('tiktok-keyword-insights'), { q: 'shoes', industry: '2,1', period: '7' });
    const b = parseParams(endpoint('tiktok-keyword-insights'), { keyword: ' shoes ', industry: '1,2,1' });
    expect(a.ok && b.ok && a.canonical === b.canonical).toBe(true);
  });
});

describe('params: defaults', () => {
  it.each<[string, Record<string, unknown>]>([
    ['tiktok-popular-trend-hashtag', { page: 1, limit: 20, period: 7 }],
    ['tiktok-popular-trend-song', { page: 1, limit: 20, period: 7, rank_type: 'popular', new_on_board: false, commercial_music: false }],
    ['tiktok-popular-trend-creator', { page: 1, limit: 20, sort_by: 'follower' }],
    ['tiktok-popular-trend-video', { page: 1, limit: 20, period: 7, order_by: 'vv' }],
    ['tiktok-popular-trend-country-industry-meta', {}],
    ['tiktok-top-ads-list', { page: 1, limit: 20, period: 30, order_by: 'for_you' }],
    ['tiktok-top-ads-filters', {}],
    ['tiktok-top-ads-spotlight', { page: 1, limit: 20 }],
    ['tiktok-top-ads-suggestions', { count: 50, scenario: 1 }],
    ['tiktok-keyword-insights', { page: 1, limit: 20, period: 7, order_by: 'post', order_type: 'desc' }],
    ['tiktok-top-ads-locations', {}],
    ['tiktok-top-ads-location-info', { module: 1 }],
    ['tiktok-top-ads-safety', {}],
  ])('%s: defaults to %j', (id, expected) => {
    expect(parsed(id, {})).toEqual(expected);
  });

  it.each<[string, RawQuery, Record<string, unknown>]>([
    ['tiktok-popular-trend-hashtag-detail', { hashtag_name: 'prom' }, { hashtag_name: 'prom', period: 7 }],
    ['tiktok-popular-trend-song-detail', { clip_id: '7339914391000000001' }, { clip_id: '7339914391000000001', period: 7 }],
    ['tiktok-top-ads-detail', { material_id: '7631130810943897607' }, { material_id: '7631130810943897607' }],
    ['tiktok-top-ads-analysis', { material_id: '1' }, { material_id: '1', metric: 'retain_ctr', period_type: 7 }],
    ['tiktok-top-ads-recommend', { material_id: '1' }, { material_id: '1', page: 1, limit: 20 }],
    ['tiktok-creative-center-hashtags', { country_code: 'us' }, { country_code: 'US', period: 7 }],
    ['tiktok-creative-center-videos', { country_code: 'jp' }, { country_code: 'JP', period: 7, sort_by: 'views', organic_only: false }],
    ['tiktok-top-ads-location-info', { module: '0' }, { module: 1 }],
    ['tiktok-top-ads-location-info', { module: '2' }, { module: 2 }],
  ])('%s %j: defaults to %j', (id, query, expected) => {
    expect(parsed(id, query)).toEqual(expected);
  });
});

describe('params: clamps (never an error)', () => {
  it.each<[string, string, string, number]>([
    ['tiktok-popular-trend-hashtag', 'page', '0', 1],
    ['tiktok-popular-trend-hashtag', 'page', '11', 10],
    ['tiktok-popular-trend-hashtag', 'page', '-5', 1],
    ['tiktok-popular-trend-hashtag', 'limit', '0', 1],
    ['tiktok-popular-trend-hashtag', 'limit', '500', 100],
    ['tiktok-popular-trend-hashtag', 'limit', '99999999999999999999999', 100],
    ['tiktok-popular-trend-song', 'page', '42', 10],
    ['tiktok-popular-trend-creator', 'page', '1000', 10],
    ['tiktok-popular-trend-video', 'limit', '101', 100],
    ['tiktok-top-ads-list', 'page', '1001', 1000],
    ['tiktok-top-ads-list', 'page', '999', 999],
    ['tiktok-top-ads-spotlight', 'page', '0', 1],
    ['tiktok-keyword-insights', 'page', '5000', 1000],
    ['tiktok-top-ads-suggestions', 'count', '0', 1],
    ['tiktok-top-ads-suggestions', 'count', '51', 50],
    ['tiktok-top-ads-suggestions', 'count', '7', 7],
  ])('%s: clamps %s=%s to %i', (id, name, raw, expected) => {
    const required = id === 'tiktok-top-ads-recommend' ? { material_id: '1' } : {};
    expect(parsed(id, { ...required, [name]: raw })[name]).toBe(expected);
  });

  it('clamps recommend page to 1000', () => {
    expect(parsed('tiktok-top-ads-recommend', { material_id: '1', page: '2000' }).page).toBe(1000);
  });
});

describe('params: 400 naming the param', () => {
  it.each<[string, RawQuery, string, RegExp]>([
    ['tiktok-popular-trend-hashtag', { page: '1.5' }, 'page', /integer/],
    ['tiktok-popular-trend-hashtag', { limit: '1e3' }, 'limit', /integer/],
    ['tiktok-popular-trend-hashtag', { page: '0x1' }, 'page', /integer/],
    ['tiktok-popular-trend-hashtag', { period: '14' }, 'period', /one of 7, 30, 120/],
    ['tiktok-popular-trend-hashtag', { industry_id: '0' }, 'industry_id', /one of 10000000000, /],
    // Not an industry country-industry-meta lists: TikTok One would refuse it, a 502 for a typo.
    ['tiktok-popular-trend-hashtag', { industry_id: '5' }, 'industry_id', /one of 10000000000, /],
    ['tiktok-popular-trend-hashtag', { filter_by: 'old' }, 'filter_by', /new_on_board/],
    ['tiktok-popular-trend-hashtag', { country_code: 'XX' }, 'country_code', /ISO 3166-1/],
    ['tiktok-popular-trend-hashtag', { country_code: 'USA' }, 'country_code', /ISO 3166-1/],
    ['tiktok-popular-trend-hashtag-detail', { hashtag_name: 'prom night' }, 'hashtag_name', /letters, digits or underscores/],
    ['tiktok-popular-trend-hashtag-detail', { hashtag_name: '#' }, 'hashtag_name', /empty/],
    ['tiktok-popular-trend-hashtag-detail', { hashtag_name: 'a'.repeat(101) }, 'hashtag_name', /at most 100/],
    ['tiktok-popular-trend-hashtag-detail', { hashtag_name: 'prom', period: '90' }, 'period', /365, 1095/],
    ['tiktok-popular-trend-song', { rank_type: 'breakout' }, 'rank_type', /popular, surging/],
    ['tiktok-popular-trend-song', { new_on_board: 'yes' }, 'new_on_board', /true, false, 1 or 0/],
    ['tiktok-popular-trend-song-detail', { clip_id: 'abc' }, 'clip_id', /digits/],
    ['tiktok-popular-trend-song-detail', { clip_id: '1'.repeat(21) }, 'clip_id', /./],
    ['tiktok-popular-trend-creator', { sort_by: 'likes' }, 'sort_by', /follower, engagement, avg_views/],
    ['tiktok-popular-trend-creator', { audience_count: '5' }, 'audience_count', /1, 2, 3, 4/],
    ['tiktok-popular-trend-creator', { creator_country: 'ZZ' }, 'creator_country', /ISO 3166-1/],
    ['tiktok-popular-trend-video', { period: '120' }, 'period', /one of 7, 30$/],
    ['tiktok-popular-trend-video', { order_by: 'views' }, 'order_by', /vv, like, comment, repost/],
    ['tiktok-top-ads-list', { period: '90' }, 'period', /7, 30, 180/],
    ['tiktok-top-ads-list', { order_by: 'newest' }, 'order_by', /for_you/],
    ['tiktok-top-ads-list', { country_code: 'US,XX' }, 'country_code', /got XX/],
    ['tiktok-top-ads-list', { industry: '1,abc' }, 'industry', /numeric id/],
    ['tiktok-top-ads-list', { ad_language: 'english' }, 'ad_language', /language id/],
    ['tiktok-top-ads-list', { duration: 'time-1' }, 'duration', /time-2/],
    ['tiktok-top-ads-list', { like: '6' }, 'like', /1, 2, 3, 4, 5/],
    ['tiktok-top-ads-list', { ad_format: '3' }, 'ad_format', /1, 2/],
    ['tiktok-top-ads-list', { keyword: 'k'.repeat(101) }, 'keyword', /at most 100/],
    ['tiktok-top-ads-analysis', { material_id: '1', metric: 'ctr' }, 'metric', /retain_ctr/],
    ['tiktok-top-ads-analysis', { material_id: '1', period_type: '14' }, 'period_type', /7, 30, 180/],
    ['tiktok-top-ads-suggestions', { scenario: '3' }, 'scenario', /1, 2/],
    ['tiktok-top-ads-suggestions', { count: 'ten' }, 'count', /integer/],
    ['tiktok-keyword-insights', { keyword_type: '7' }, 'keyword_type', /1, 2, 3, 4, 5, 6/],
    ['tiktok-keyword-insights', { order_by: 'views' }, 'order_by', /post_change/],
    ['tiktok-keyword-insights', { order_type: 'DESC' }, 'order_type', /desc, asc/],
    ['tiktok-creative-center-hashtags', { country_code: 'US', period: '120' }, 'period', /one of 7, 30$/],
    ['tiktok-creative-center-hashtags', { country_code: 'XX' }, 'country_code', /ISO 3166-1/],
    ['tiktok-creative-center-videos', { country_code: 'US', sort_by: 'likes' }, 'sort_by', /views, engagement, six_second_views/],
    ['tiktok-creative-center-videos', { country_code: 'US', content_label_id: 'tech' }, 'content_label_id', /content tag id from 11001 to 11015/],
    ['tiktok-creative-center-videos', { country_code: 'US', content_label_id: '0' }, 'content_label_id', /content tag id from 11001 to 11015/],
    ['tiktok-creative-center-videos', { country_code: 'US', organic_only: 'yes' }, 'organic_only', /true, false, 1 or 0/],
    ['tiktok-creative-center-videos', { country_code: 'US', period: '90' }, 'period', /one of 7, 30$/],
    ['tiktok-top-ads-location-info', { module: '-1' }, 'module', /non-negative integer/],
    ['tiktok-top-ads-location-info', { module: 'top' }, 'module', /non-negative integer/],
    ['tiktok-top-ads-location-info', { module: '2147483648' }, 'module', /at most 2147483647/],
  ])('%s %j: 400 on %s', (id, query, param, message) => {
    const errs = errors(id, query);
    expect(errs).toHaveLength(1);
    expect(errs[0]?.param).toBe(param);
    expect(errs[0]?.message).toMatch(message);
  });

  it('lists every bad param at once', () => {
    const errs = errors('tiktok-top-ads-list', { page: 'x', period: '1', like: '9' });
    expect(errs.map((e) => e.param).sort()).toEqual(['like', 'page', 'period']);
  });

  it.each([
    ['tiktok-popular-trend-hashtag-detail', 'hashtag_name'],
    ['tiktok-popular-trend-song-detail', 'clip_id'],
    ['tiktok-top-ads-detail', 'material_id'],
    ['tiktok-top-ads-analysis', 'material_id'],
    ['tiktok-top-ads-recommend', 'material_id'],
    ['tiktok-creative-center-hashtags', 'country_code'],
    ['tiktok-creative-center-videos', 'country_code'],
  ])('%s: 400 when required %s is missing', (id, param) => {
    expect(errors(id, {})).toEqual([{ param, message: 'is required' }]);
    expect(errors(id, { [param]: '  ' })).toEqual([{ param, message: 'is required' }]);
  });

  it.each([['id'], ['materialId']])('top-ads detail: 400 on %s with "use material_id"', (name) => {
    expect(errors('tiktok-top-ads-detail', { material_id: '1', [name]: '1' })).toEqual([
      { param: name, message: 'use material_id' },
    ]);
  });

  it('top-ads detail: lists id beside a missing material_id', () => {
    expect(errors('tiktok-top-ads-detail', { id: '1' })).toEqual([
      { param: 'id', message: 'use material_id' },
      { param: 'material_id', message: 'is required' },
    ]);
  });

  it.each<[string, string]>([
    ['tiktok-popular-trend-hashtag', 'page'],
    ['tiktok-popular-trend-hashtag', 'country_code'],
    ['tiktok-top-ads-list', 'keyword'],
    ['tiktok-top-ads-detail', 'material_id'],
  ])('%s: 400 when scalar %s is repeated', (id, param) => {
    const errs = errors(id, { [param]: ['1', '2'] });
    expect(errs.find((e) => e.param === param)?.message).toBe('must be given at most once');
  });

  it('does not count empty copies of a scalar as repeats: `period=&period=30` is period 30', () => {
    expect(parsed('tiktok-popular-trend-hashtag', { period: ['', '30'] }).period).toBe(30);
    expect(parsed('tiktok-popular-trend-hashtag', { period: [' ', ''] }).period).toBe(7);
  });

  it('names the first five bad CSV items, each cut short, not the whole list', () => {
    const bad = Array.from({ length: 1000 }, (_, i) => `x${i}`.padEnd(60, 'y'));
    const [error] = errors('tiktok-top-ads-list', { industry: bad.join(',') });
    expect(error?.param).toBe('industry');
    expect(error?.message).toMatch(/\(got x0y{38}…, x1y{38}…, x2y{38}…, x3y{38}…, x4y{38}… and 995 more\)$/);
  });
});

describe('params: normalisation', () => {
  it.each([['us'], ['Us'], [' US ']])('upper-cases country_code %j', (raw) => {
    expect(parsed('tiktok-popular-trend-hashtag', { country_code: raw }).country_code).toBe('US');
  });

  it.each([
    ['true', true], ['TRUE', true], ['True', true], ['1', true],
    ['false', false], ['FaLsE', false], ['0', false],
  ])('reads boolean %s as %s', (raw, expected) => {
    expect(parsed('tiktok-popular-trend-song', { new_on_board: raw }).new_on_board).toBe(expected);
  });

  it.each([
    ['#Prom', 'prom'],
    ['PROM', 'prom'],
    [' #prom_2026 ', 'prom_2026'],
    ['FiestaDeQuinceAños', 'fiestadequinceaños'],
    // Scripts that write vowels as combining marks, a decomposed accent composed, and a capital whose lower case carries a mark.
    ['สวัสดี', 'สวัสดี'],
    ['नमस्ते', 'नमस्ते'],
    ['cafe\u0301', 'caf\u00e9'],
    ['İstanbul', 'i\u0307stanbul'],
  ])(
    'normalises hashtag_name %j to %j',
    (raw, expected) => {
      expect(parsed('tiktok-popular-trend-hashtag-detail', { hashtag_name: raw }).hashtag_name).toBe(expected);
    },
  );

  it('documents a hashtag_name pattern that admits the raw `#Prom`', () => {
    const pattern = endpoint('tiktok-popular-trend-hashtag-detail').params.hashtag_name?.pattern ?? '';
    expect(new RegExp(pattern, 'u').test('#Prom')).toBe(true);
    expect(new RegExp(pattern, 'u').test('#สวัสดี')).toBe(true);
    expect(new RegExp(pattern, 'u').test('prom night')).toBe(false);
  });

  it.each<[string, string, string, string[]]>([
    ['tiktok-top-ads-list', 'country_code', 'us, GB ,us,,fr', ['FR', 'GB', 'US']],
    ['tiktok-top-ads-list', 'industry', '27000000000, 14000000000,27000000000', ['14000000000', '27000000000']],
    ['tiktok-top-ads-list', 'like', '5,1,1', ['1', '5']],
    ['tiktok-top-ads-list', 'ad_language', 'zh-Hant,en', ['en', 'zh-Hant']],
    ['tiktok-keyword-insights', 'objective', '3,1', ['1', '3']],
  ])('%s: splits, trims, de-duplicates and sorts CSV %s=%j', (id, name, raw, expected) => {
    expect(parsed(id, { [name]: raw })[name]).toEqual(expected);
  });

  it('reads a repeated CSV param as one list', () => {
    expect(parsed('tiktok-top-ads-list', { country_code: ['us', 'gb'] }).country_code).toEqual(['GB', 'US']);
  });

  it('treats a CSV of only commas as absent', () => {
    expect(parsed('tiktok-top-ads-list', { industry: ' , ,' })).not.toHaveProperty('industry');
  });

  it.each([['tiktok-popular-trend-hashtag', 'period', 7], ['tiktok-popular-trend-hashtag', 'page', 1]])(
    '%s: empty %s is absent, so the default applies',
    (id, name, expected) => {
      expect(parsed(id, { [name]: '' })[name]).toBe(expected);
    },
  );

  it('treats an empty country_code as absent', () => {
    expect(parsed('tiktok-popular-trend-hashtag', { country_code: '' })).not.toHaveProperty('country_code');
  });

  it('trims values', () => {
    expect(parsed('tiktok-popular-trend-hashtag', { period: ' 30 ' }).period).toBe(30);
  });

  it.each(['tiktok-top-ads-list', 'tiktok-keyword-insights'])('%s: q is an alias of keyword', (id) => {
    expect(parsed(id, { q: 'coffee' }).keyword).toBe('coffee');
  });

  it.each(['tiktok-top-ads-list', 'tiktok-keyword-insights'])('%s: explicit keyword wins over q', (id) => {
    expect(parsed(id, { q: 'tea', keyword: 'coffee' }).keyword).toBe('coffee');
  });

  it('uses q when keyword is empty', () => {
    expect(parsed('tiktok-top-ads-list', { q: 'tea', keyword: '' }).keyword).toBe('tea');
  });

  it('has no q alias where Crawlora has none', () => {
    expect(parsed('tiktok-popular-trend-hashtag-detail', { hashtag_name: 'prom', q: 'x' })).not.toHaveProperty('q');
  });

  it('validates audience_count, then drops it', () => {
    expect(parsed('tiktok-popular-trend-creator', { audience_count: '3' })).not.toHaveProperty('audience_count');
    expect(endpoint('tiktok-popular-trend-creator').params.audience_count?.ignored).toBe(true);
  });

  it('keeps big ids as strings', () => {
    expect(parsed('tiktok-top-ads-detail', { material_id: '7631130810943897607' }).material_id).toBe('7631130810943897607');
  });
});

describe('parseParams properties', () => {
  const anyValue = fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }), fc.constant(undefined));
  const anyName = fc.oneof(
    fc.constantFrom('page', 'limit', 'period', 'country_code', 'keyword', 'q', 'id', 'material_id', 'hashtag_name', 'industry', 'like', 'count', 'audience_count'),
    fc.string(),
  );
  const anyQuery = fc.dictionary(anyName, anyValue) as fc.Arbitrary<RawQuery>;

  it.each(endpoints.map((e) => [e.operationId, e] as const))('%s: never throws on any query', (_, e) => {
    fc.assert(
      fc.property(anyQuery, (query) => {
        const r = parseParams(e, query);
        if (r.ok) expect(r.canonical.startsWith(`${e.operationId}?`)).toBe(true);
        else expect(r.errors.length).toBeGreaterThan(0);
      }),
    );
  });

  const paged = endpoints.filter((e) => e.params.page !== undefined);
  it.each(paged.map((e) => [e.operationId, e] as const))('%s: clamps any integer page and limit into range', (_, e) => {
    const pageMax = e.params.page?.maximum ?? 0;
    const required = Object.fromEntries(
      Object.entries(e.params)
        .filter(([, d]) => d.required)
        .map(([name, d]) => [name, d.example ?? '1']),
    );
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt(), (page, limit) => {
        const r = parseParams(e, { ...required, page: String(page), limit: String(limit) });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const p = r.params.page as number;
        const l = r.params.limit as number;
        expect(p).toBeGreaterThanOrEqual(1);
        expect(p).toBeLessThanOrEqual(pageMax);
        expect(l).toBeGreaterThanOrEqual(1);
        expect(l).toBeLessThanOrEqual(100);
        if (page >= 1n && page <= BigInt(pageMax)) expect(p).toBe(Number(page));
      }),
    );
  });

  it('rejects any non-integer page', () => {
    const e = endpoint('tiktok-popular-trend-hashtag');
    fc.assert(
      fc.property(
        fc.string().filter((s) => s.trim() !== '' && !/^-?[0-9]+$/.test(s.trim())),
        (page) => {
          const r = parseParams(e, { page });
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.errors.map((x) => x.param)).toEqual(['page']);
        },
      ),
    );
  });

  it('rejects any non-integer limit written as a decimal or exponent', () => {
    const e = endpoint('tiktok-top-ads-list');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)), (n) => {
        expect(parseParams(e, { limit: String(n) }).ok).toBe(false);
      }),
    );
  });
});
