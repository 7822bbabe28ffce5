import { innerEnvelope, isRecord, mismatch, pagedOperation, pick, singleOperation, type Operation } from '../operation.js';

const HASHTAG_PAGE = 'inspiration/popular/hashtag/pc/en';

/** An empty or missing object means the upstream knows no such item (docs/api-contract.md § Trends: → 404). */
function isEmpty(value: unknown): boolean {
  return !isRecord(value) || Object.keys(value).length === 0;
}

/** Trends group, endpoints 1–7 (docs/api-contract.md § Trends, docs/upstreams.md § Operations). */
export const trendOperations: Record<string, Operation> = {
  'tiktok-popular-trend-hashtag': pagedOperation({
    path: 'popular_trend/hashtag/list',
    referer: HASHTAG_PAGE,
    pageSize: 50,
    listKey: 'list',
    pagination: 'size',
    requestId: false,
    // sort_by=popular is what the web app sends for the chart (docs/api-contract.md § Trends, decided there).
    query: (p) => ({ ...pick(p, ['period', 'country_code', 'industry_id', 'filter_by']), sort_by: 'popular' }),
  }),

  'tiktok-popular-trend-hashtag-detail': singleOperation({
    path: 'popular_trend/hashtag/detail',
    referer: HASHTAG_PAGE,
    // country_code is sent empty for all regions, and language=en, as the web app does (docs/upstreams.md § Operations).
    query: (p) => ({
      hashtag_name: String(p.hashtag_name),
      period: String(p.period),
      country_code: p.country_code === undefined ? '' : String(p.country_code),
      language: 'en',
    }),
    build: (data, _p, env) => {
      if (!isRecord(data)) return mismatch('hashtag/detail: data is not an object');
      if (isEmpty(data.info)) return { ok: false, failure: { kind: 'not_found', message: 'hashtag not found' } };
      return { ok: true, data: innerEnvelope({ info: data.info }, env.request_id, true) };
    },
  }),

  'tiktok-popular-trend-song': pagedOperation({
    path: 'popular_trend/sound/rank_list',
    referer: 'inspiration/popular/music/pc/en',
    pageSize: 20,
    listKey: 'sound_list',
    pagination: 'size',
    requestId: true,
    query: (p) => pick(p, ['period', 'country_code', 'rank_type', 'new_on_board', 'commercial_music']),
  }),

  'tiktok-popular-trend-song-detail': singleOperation({
    path: 'popular_trend/sound/detail',
    referer: 'inspiration/popular/music/pc/en',
    query: (p) => pick(p, ['clip_id', 'period', 'country_code']),
    build: (data, _p, env) => {
      if (!isRecord(data)) return mismatch('sound/detail: data is not an object');
      if (isEmpty(data.sound)) return { ok: false, failure: { kind: 'not_found', message: 'song not found' } };
      const { sound, liked, disliked, like_count } = data;
      return { ok: true, data: innerEnvelope({ sound, liked, disliked, like_count }, env.request_id, true) };
    },
  }),

  'tiktok-popular-trend-creator': pagedOperation({
    path: 'popular_trend/creator/list',
    referer: 'inspiration/popular/creator/pc/en',
    pageSize: 50,
    listKey: 'creators',
    pagination: 'size',
    requestId: true,
    // audience_count is validated by the catalog but never sent (Crawlora: ignored upstream).
    query: (p) => pick(p, ['sort_by', 'creator_country']),
  }),

  'tiktok-popular-trend-video': pagedOperation({
    path: 'popular_trend/list',
    referer: 'inspiration/popular/pc/en',
    pageSize: 20,
    listKey: 'videos',
    pagination: 'video',
    requestId: true,
    query: (p) => pick(p, ['period', 'order_by', 'country_code']),
  }),

  'tiktok-popular-trend-country-industry-meta': singleOperation({
    path: 'popular_trend/hashtag/filters',
    referer: HASHTAG_PAGE,
    query: () => ({}),
    // Single-wrapped, ids as strings (docs/api-contract.md § Trends).
    build: (data) => {
      if (!isRecord(data) || !Array.isArray(data.country) || !Array.isArray(data.industry)) {
        return mismatch('hashtag/filters: no country and industry lists');
      }
      const items = (list: unknown[]) =>
        list.filter(isRecord).map((item) => ({ id: String(item.id), value: item.value }));
      return { ok: true, data: { country: items(data.country), industry: items(data.industry) } };
    },
  }),
};
