import { z } from 'zod';
import { defineEndpoint } from '../define.js';
import { countryCode, prefilled, intEnum, paging, stringEnum } from '../params.js';
import { TREND_INDUSTRIES } from '../industries.js';
import { CountryInfo, IndustryInfo, Pagination, RankFields, TrendPoint, upstreamEnvelope } from '../schemas.js';

/**
 * One chart hashtag. TikTok One gives no rank movement and no promotion flag, so `rank_diff`,
 * `rank_diff_type` and `is_promoted` are optional: left out rather than invented
 * (docs/upstreams.md § TikTok One).
 */
export const HashtagItem = z.object({
  hashtag_id: z.string(),
  hashtag_name: z.string(),
  country_info: CountryInfo,
  industry_info: IndustryInfo.optional(),
  is_promoted: z.boolean().optional(),
  trend: z.array(TrendPoint),
  creators: z.array(z.object({ nick_name: z.string(), avatar_url: z.string().optional() })).max(3).optional(),
  publish_cnt: z.number().int(),
  video_views: z.number().int(),
  rank: RankFields.rank,
  rank_diff: RankFields.rank_diff.optional(),
  rank_diff_type: RankFields.rank_diff_type.optional(),
});

/** Endpoint 1, the flagship: the upstream's top-100 hashtag chart (docs/api-contract.md § Trends). */
export const popularTrendHashtag = defineEndpoint({
  path: '/tiktok/popular-trend/hashtag',
  group: 'Trends',
  summary: 'Retrieve TikTok popular-trend hashtags',
  description:
    'Returns the TikTok Creative Center top-100 trending hashtags for a period, optionally narrowed by ' +
    'country, industry or to hashtags new to the top 100. The service clamps page to 1–10, limit to at ' +
    'most 100, and defaults period to 7.',
  params: {
    ...paging(10),
    period: intEnum([7, 30, 120], { default: 7, description: 'Trend window in days.' }),
    // The ids country-industry-meta lists; TikTok One refuses any other, which would be a 502 for a typo.
    industry_id: intEnum(
      TREND_INDUSTRIES.map((i) => i.id),
      { description: 'Industry id from country-industry-meta (11 digits, e.g. 22000000000).', example: '22000000000' },
    ),
    country_code: prefilled(
      countryCode({ description: 'ISO 3166-1 alpha-2 country code; absent means all regions (the legacy API only: TikTok One needs a country).' }),
    ),
    filter_by: stringEnum(['new_on_board'], {
      description: '`new_on_board` keeps only hashtags new to the top 100.',
      example: 'new_on_board',
    }),
  },
  creditCost: 8,
  cacheTtlSeconds: 3600,
  upstream: ['popular_trend/hashtag/list', 'CreativeOne/KnowledgeAPI/GetHashtagList'],
  sources: ['creative-center', 'tiktok-one'],
  envelope: 'double',
  responseSchemaName: 'populartrend.hashtagTrendResponseDoc',
  responseSchema: upstreamEnvelope(
    z.object({ list: z.array(HashtagItem), pagination: Pagination }),
    { requestId: false },
  ),
  sample: {
    code: 0,
    msg: 'OK',
    data: {
      list: [
        {
          hashtag_id: '4777',
          hashtag_name: 'prom',
          country_info: { id: 'US', value: 'United States', label: 'US' },
          industry_info: { id: 22000000000, value: 'Apparel & Accessories', label: 'label_22000000000' },
          is_promoted: false,
          trend: [
            { time: 1776211200, value: 0.42 },
            { time: 1776297600, value: 0.55 },
            { time: 1776384000, value: 0.61 },
            { time: 1776470400, value: 0.74 },
            { time: 1776556800, value: 0.83 },
            { time: 1776643200, value: 0.91 },
            { time: 1776729600, value: 1 },
          ],
          publish_cnt: 179872,
          video_views: 766182036,
          rank: 1,
          rank_diff: 0,
          rank_diff_type: 2,
        },
        {
          hashtag_id: '5470287380',
          hashtag_name: 'graduation',
          country_info: { id: 'US', value: 'United States', label: 'US' },
          is_promoted: false,
          trend: [
            { time: 1776211200, value: 0.31 },
            { time: 1776297600, value: 0.38 },
            { time: 1776384000, value: 0.47 },
            { time: 1776470400, value: 0.52 },
            { time: 1776556800, value: 0.66 },
            { time: 1776643200, value: 0.8 },
            { time: 1776729600, value: 0.94 },
          ],
          publish_cnt: 120551,
          video_views: 512993410,
          rank: 2,
          rank_diff: 3,
          rank_diff_type: 1,
        },
        {
          hashtag_id: '5475382852908376',
          hashtag_name: 'promdress',
          country_info: { id: 'US', value: 'United States', label: 'US' },
          industry_info: { id: 22000000000, value: 'Apparel & Accessories', label: 'label_22000000000' },
          is_promoted: false,
          trend: [
            { time: 1776211200, value: 0.2 },
            { time: 1776297600, value: 0.26 },
            { time: 1776384000, value: 0.35 },
            { time: 1776470400, value: 0.49 },
            { time: 1776556800, value: 0.58 },
            { time: 1776643200, value: 0.72 },
            { time: 1776729600, value: 0.86 },
          ],
          publish_cnt: 64210,
          video_views: 288410553,
          rank: 3,
          rank_diff: 1,
          rank_diff_type: 1,
        },
        {
          hashtag_id: '41223878432536',
          hashtag_name: 'skincare',
          country_info: { id: 'US', value: 'United States', label: 'US' },
          industry_info: { id: 14000000000, value: 'Beauty & Personal Care', label: 'label_14000000000' },
          is_promoted: false,
          trend: [
            { time: 1776211200, value: 0.88 },
            { time: 1776297600, value: 0.9 },
            { time: 1776384000, value: 0.86 },
            { time: 1776470400, value: 0.84 },
            { time: 1776556800, value: 0.81 },
            { time: 1776643200, value: 0.8 },
            { time: 1776729600, value: 0.78 },
          ],
          publish_cnt: 98013,
          video_views: 405127762,
          rank: 4,
          rank_diff: 2,
          rank_diff_type: 3,
        },
        {
          hashtag_id: '76116650',
          hashtag_name: 'fyp',
          country_info: { id: 'US', value: 'United States', label: 'US' },
          is_promoted: false,
          trend: [
            { time: 1776211200, value: 0.71 },
            { time: 1776297600, value: 0.69 },
            { time: 1776384000, value: 0.73 },
            { time: 1776470400, value: 0.7 },
            { time: 1776556800, value: 0.72 },
            { time: 1776643200, value: 0.68 },
            { time: 1776729600, value: 0.7 },
          ],
          publish_cnt: 2518090,
          video_views: 5336592219,
          rank: 5,
          rank_diff: 0,
          rank_diff_type: 2,
        },
      ],
      pagination: { page: 1, size: 5, total: 100, has_more: true },
    },
  },
  notes: [
    '`page` is clamped to 1–10 and `limit` to 1–100; out-of-range values are never an error.',
    '`period` defaults to 7. The chart holds at most 100 hashtags, so `pagination.total` is at most 100.',
    'Pages are windows over the upstream chart: `(page−1)·limit` items are skipped; a window past the end is an empty, charged list.',
    'A country the upstream does not cover answers 200 with an empty list.',
    '`rank_diff_type`: 1 up, 2 unchanged, 3 down, 4 new to the chart.',
    'Since 2026 the legacy chart answers "deprecated" and TikTok One serves (`X-Upstream-Adapter: tiktok-one`). It needs `country_code` (no all-regions chart) and cannot filter `new_on_board`; those requests are served only where the legacy chart still answers, else 503 `upstream_unavailable` with `detail` `not_available`.',
    'TikTok One gives no `rank_diff`, `rank_diff_type` or `is_promoted`: they are left out of its items, never invented; `trend` values are its 0–100 popularity divided by 100, to two decimals; `creators[].avatar_url` appears when it sends one.',
    'Anonymous TikTok One access (`X-Upstream-Access: anonymous`) yields the top 3 hashtags, `pagination.total` 3; with the operator\'s logged-in session 20 per upstream page up to 100.',
    '`period=120`: TikTok One is asked for 120 days; when it refuses, 90 days are served and the answer says so in `X-Upstream-Period: 90`.',
    'The inner envelope carries no `request_id`, as in Crawlora.',
  ],
});
