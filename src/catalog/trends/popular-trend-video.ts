import { z } from 'zod';
import { defineEndpoint } from '../define.js';
import { countryCode, prefilled, intEnum, paging, stringEnum } from '../params.js';
import { upstreamEnvelope } from '../schemas.js';

/** One trending video (docs/upstreams.md § Item shapes); `region` is the country's name. */
export const VideoItem = z.object({
  id: z.string(),
  item_id: z.string(),
  item_url: z.string(),
  title: z.string(),
  cover: z.string(),
  /** Seconds; TikTok One's top contents do not say, so it is left out when they serve. */
  duration: z.number().int().optional(),
  country_code: z.string(),
  region: z.string(),
});

/** Trending videos keep the upstream's own pagination spelling (docs/api-contract.md § Trends). */
export const VideoPagination = z.object({
  page: z.number().int(),
  limit: z.number().int(),
  total_count: z.number().int(),
  has_more: z.boolean(),
});

/** Endpoint 6: trending videos (withdrawn by Crawlora, served by Trendlens; docs/api-contract.md § Trends). */
export const popularTrendVideo = defineEndpoint({
  path: '/tiktok/popular-trend/video',
  group: 'Trends',
  summary: 'Retrieve TikTok popular-trend videos',
  description:
    'Returns trending TikTok videos from the Creative Center for a period, ordered by views, likes, ' +
    'comments or reposts, optionally narrowed by country. The service clamps page to 1–10, limit to at ' +
    'most 100, and defaults period to 7.',
  params: {
    ...paging(10),
    period: intEnum([7, 30], { default: 7, description: 'Window in days.' }),
    order_by: stringEnum(['vv', 'like', 'comment', 'repost'], {
      default: 'vv',
      description: '`vv` (views, the UI\'s "Hot"), `like`, `comment` or `repost`.',
    }),
    country_code: prefilled(
      countryCode({ description: 'ISO 3166-1 alpha-2 country code; absent means all regions (the legacy API only: TikTok One needs a country).' }),
    ),
  },
  creditCost: 8,
  cacheTtlSeconds: 3600,
  upstream: ['CreativeOne/Report/GetTopContentsOverview', 'CreativeOne/Report/CreativeCenterGetTopContentsList', 'popular_trend/list'],
  sources: ['tiktok-one', 'creative-center'],
  envelope: 'double',
  responseSchemaName: 'populartrend.videoTrendResponseDoc',
  responseSchema: upstreamEnvelope(z.object({ videos: z.array(VideoItem), pagination: VideoPagination }), {
    requestId: true,
  }),
  sample: {
    code: 0,
    msg: 'OK',
    request_id: '20260421093000E5F6A7B8C9D0E1F2A3B4',
    data: {
      videos: [
        {
          id: '7630000000000000001',
          item_id: '7630000000000000001',
          item_url: 'https://www.tiktok.com/@morningmia/video/7630000000000000001',
          title: 'Morning routine',
          cover: 'https://p16-sign-va.tiktokcdn.com/video-cover-1.jpeg?x-expires=1776816000',
          duration: 31,
          country_code: 'US',
          region: 'United States',
        },
      ],
      pagination: { page: 1, limit: 1, total_count: 500, has_more: true },
    },
  },
  notes: [
    'Withdrawn by Crawlora (410 there); served here.',
    '`page` is clamped to 1–10 and `limit` to 1–100; out-of-range values are never an error.',
    '`period` defaults to 7 (7 or 30 only), `order_by` to `vv`.',
    'Pagination keeps the upstream spelling `{page, limit, total_count, has_more}` but describes the caller\'s window.',
    'Pages are windows over the upstream list (20 per upstream page); a window past the end is an empty, charged list.',
    'A country the upstream does not cover answers 200 with an empty list.',
    'Since 2026 TikTok One\'s top contents serve it first (`X-Upstream-Adapter: tiktok-one`; US videos from its US host): it needs `country_code`, has data for US, JP, ID, TH and VN, ranks by views only among the four `order_by` values (`vv`), and gives no `duration`. Other requests fall back to the legacy list, and answer 503 `not_available` where that is gone.',
    'Anonymous TikTok One access yields the first 4 videos (`pagination.total_count` 4); with the operator\'s logged-in session 20 per upstream page up to 100.',
  ],
});
