import { z } from 'zod';
import { defineEndpoint } from '../define.js';
import { countryCode, intEnum, required } from '../params.js';

/** One of a hashtag's top creators; TikTok One often sends the handle alone. */
export const HashtagTopCreator = z.object({
  handle: z.string(),
  nickname: z.string().optional(),
  avatar_url: z.string().optional(),
  follower_count: z.number().int().optional(),
  creator_id: z.string().optional(),
  tiktok_uid: z.string().optional(),
  country_code: z.string().optional(),
  rank: z.number().int().optional(),
});

/** One point of TikTok One's popularity curve: a day at 00:00 UTC, popularity 0–100. */
export const PopularityPoint = z.object({
  timestamp: z.number().int().refine((t) => t % 86_400 === 0, 'must be 00:00 UTC'),
  value: z.number().min(0).max(100),
});

/** A ranked hashtag in TikTok One's own field names, snake-cased. */
export const TrendingHashtag = z.object({
  hashtag_id: z.string(),
  hashtag_name: z.string(),
  industry_ids: z.array(z.number().int()),
  popularity_curve: z.array(PopularityPoint),
  publish_count: z.number().int(),
  rank: z.number().int().min(1),
  top_creators: z.array(HashtagTopCreator),
  video_views: z.number().int(),
});

/** TikTok One's hashtag chart as Crawlora serves it, single-wrapped like country-industry-meta. */
export const creativeCenterHashtags = defineEndpoint({
  path: '/tiktok/creative-center/hashtags',
  group: 'Trends',
  summary: 'Retrieve TikTok Creative Center trending hashtags',
  description:
    'Returns the trending hashtags of one country from TikTok One, the home of Creative Center since 2026, ' +
    'in its own shape: rank, daily popularity curve (0–100), posts, views, industries and top creators. ' +
    'How many hashtags come back depends on the access the server has to TikTok One (see the notes).',
  params: {
    country_code: required(countryCode({ description: 'ISO 3166-1 alpha-2 country code of the chart.' })),
    period: intEnum([7, 30], { default: 7, description: 'Trend window in days.' }),
  },
  creditCost: 8,
  cacheTtlSeconds: 3600,
  upstream: ['CreativeOne/KnowledgeAPI/GetHashtagList'],
  sources: ['tiktok-one'],
  envelope: 'single',
  responseSchemaName: 'creativecenter.trendingHashtagsResponseDoc',
  responseSchema: z.object({ hashtags: z.array(TrendingHashtag), total_count: z.number().int().min(0) }),
  sample: {
    hashtags: [
      {
        hashtag_id: '7400795988650459167',
        hashtag_name: 'prom',
        industry_ids: [22000000000],
        popularity_curve: [
          { timestamp: 1776556800, value: 71.4 },
          { timestamp: 1776643200, value: 100 },
          { timestamp: 1776729600, value: 88.25 },
        ],
        publish_count: 34639,
        rank: 1,
        top_creators: [{ handle: 'mia.styles' }],
        video_views: 29712825,
      },
    ],
    total_count: 100,
  },
  notes: [
    '`country_code` is required: TikTok One has no all-regions chart. `period` is 7 or 30 (default 7).',
    'Served by TikTok One only; answers carry `X-Upstream-Adapter: tiktok-one` and `X-Upstream-Access` (`anonymous` or `logged-in`).',
    'Anonymous access to TikTok One yields the top 3 hashtags of a chart (`total_count` 3). With the operator\'s logged-in TikTok One session (`UPSTREAM_COOKIES`) the chart holds up to 100.',
    'TikTok One covers 27 hashtag regions (US FR DE IT ES GB AR AU BR CA CO EG ID IL JP KR MY MX PH SA SG ZA TW TH TR AE VN); another valid country answers 200 with an empty list.',
    '`popularity_curve` has one point per day at 00:00 UTC (`timestamp` in seconds) with `value` from 0 to 100, unlike the 0–1 `trend` of /tiktok/popular-trend/hashtag; the last point is often low because that day is not over.',
    'TikTok One gives no rank movement, promotion flag or country block; `industry_ids` are ids only (names in /tiktok/popular-trend/country-industry-meta).',
    'Single-wrapped: `data` is `{hashtags, total_count}` itself, with no inner `{code, msg}` envelope.',
    'Cached for 1 hour.',
  ],
});
