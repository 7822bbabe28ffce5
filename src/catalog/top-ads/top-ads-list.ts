import { z } from 'zod';
import { defineEndpoint } from '../define.js';
import { countryCodes, csv, digitIds, intEnum, paging, stringEnum, text } from '../params.js';
import { Material, TopAdsPagination, upstreamEnvelope } from '../schemas.js';
import { AD_FORMATS, described, DURATIONS, LIKE_BUCKETS, ORDER_BY, PERIODS, valuesOf } from './top-ads-options.js';

/** A listed Top Ads creative, shared by the Top Ads samples so they describe the same ad. */
export const SAMPLE_MATERIAL: z.input<typeof Material> = {
  id: '7631130810934026874',
  ad_title: 'Cold brew in 10s',
  brand_name: 'Brewly',
  cost: 2,
  ctr: 0.61,
  like: 48210,
  comment: 812,
  share: 1304,
  favorite: false,
  is_search: false,
  industry_key: 'label_27102000000',
  objective_key: 'campaign_objective_conversion',
  video_info: {
    vid: 'v10044g50000cold0brew000000000',
    cover: 'https://p16-sign-sg.tiktokcdn.com/ad-cover-1.jpeg?x-expires=1776816000',
    duration: 15.2,
    width: 720,
    height: 1280,
    video_url: { '720p': 'https://v16m-default.tiktokcdn.com/ad-video-1.mp4?x-expires=1776816000' },
  },
};

/** Endpoint 8: Top Ads, the upstream's high-performing auction ads (Crawlora, docs/api-contract.md § Top Ads). */
export const topAdsList = defineEndpoint({
  path: '/tiktok/top-ads/list',
  group: 'Top Ads',
  summary: 'Retrieve TikTok Top Ads',
  description:
    'Returns high-performing auction ads from TikTok Creative Center. The service defaults `period` to 30, ' +
    '`page` to 1, `limit` to 20, and `order_by` to `for_you`. Use `/tiktok/top-ads/filters` for dynamic ' +
    'enum values and static enums for order, duration, likes, and ad format.',
  params: {
    ...paging(1000),
    period: intEnum(valuesOf(PERIODS), { default: 30, description: 'Lookback period in days.' }),
    order_by: stringEnum(valuesOf(ORDER_BY), {
      default: 'for_you',
      description: `Sort order: ${described(ORDER_BY)}.`,
    }),
    country_code: countryCodes({
      description: 'Country code or comma-separated country codes from /tiktok/top-ads/filters.',
      example: 'US',
    }),
    keyword: text({
      maxLength: 100,
      aliases: ['q'],
      description: 'Brand or product keyword search; `q` is accepted as an alias, `keyword` wins when both are given.',
      example: 'coffee',
    }),
    industry: digitIds({
      description: 'Industry filter id or comma-separated ids from /tiktok/top-ads/filters.',
      example: '27102000000',
    }),
    objective: digitIds({
      description: 'Objective filter id or comma-separated ids from /tiktok/top-ads/filters.',
      example: '3',
    }),
    ad_language: csv({
      description: 'Ad language id or comma-separated ids from /tiktok/top-ads/filters.',
      example: 'en',
      item: /^[A-Za-z]{2,3}(-[A-Za-z]{2,4})?$/,
      itemMessage: 'each item must be a language id such as en or zh-Hant',
    }),
    pattern_label: digitIds({
      description: 'Pattern label id or comma-separated ids from /tiktok/top-ads/filters.',
      example: '10100100000',
    }),
    duration: stringEnum(valuesOf(DURATIONS), {
      description: `Video duration bucket: ${described(DURATIONS)}.`,
      example: 'time-2',
    }),
    like: csv({
      description: `Like percentile bucket id or comma-separated ids: ${described(LIKE_BUCKETS)}.`,
      example: '1',
      item: new RegExp(`^(${valuesOf(LIKE_BUCKETS).join('|')})$`),
      itemMessage: `each item must be one of ${valuesOf(LIKE_BUCKETS).join(', ')}`,
    }),
    ad_format: stringEnum(valuesOf(AD_FORMATS), { description: `Ad format id: ${described(AD_FORMATS)}.`, example: '1' }),
  },
  creditCost: 8,
  cacheTtlSeconds: 3600,
  upstream: ['top_ads/v2/list'],
  sources: ['creative-center'],
  envelope: 'double',
  responseSchemaName: 'populartrend.topAdsListResponseDoc',
  responseSchema: upstreamEnvelope(z.object({ materials: z.array(Material), pagination: TopAdsPagination }), {
    requestId: true,
  }),
  sample: {
    code: 0,
    msg: 'OK',
    request_id: '20260421093000F1A2B3C4D5E6F7A8B9C0',
    data: {
      materials: [SAMPLE_MATERIAL],
      pagination: { page: 1, size: 1, total: 400, total_count: 400, has_more: true },
    },
  },
  notes: [
    '`period` defaults to 30, `page` to 1, `limit` to 20 and `order_by` to `for_you`.',
    '`page` is clamped to 1–1000 and `limit` to 1–100; out-of-range values are never an error.',
    'CSV params (`country_code`, `industry`, `objective`, `ad_language`, `pattern_label`, `like`) are split on commas, trimmed, de-duplicated and sorted; every item is validated.',
    '`q` is an alias of `keyword`; an explicit `keyword` wins.',
    'Pages are windows over the upstream list (20 per upstream page, about 400 ads in all); a window past the end is an empty, charged list.',
    '`pagination.total` and `pagination.total_count` both carry the upstream total.',
    '`comment` and `share` are present only when the upstream sends them; top-ads/detail always has them.',
    'Video URLs are signed CDN links that expire.',
    'TikTok serves logged-out callers the first 20 ads only. Unless the operator configures a TikTok session cookie (`UPSTREAM_COOKIES`), a page beyond them is 503 `upstream_unavailable` with `detail: login_required`, not charged (a window reaching past them gives the ads there are, `has_more` true).',
  ],
});
