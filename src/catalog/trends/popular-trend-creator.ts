import { z } from 'zod';
import { defineEndpoint } from '../define.js';
import { countryCode, ignored, intEnum, paging, stringEnum } from '../params.js';
import { Pagination, upstreamEnvelope } from '../schemas.js';

/** One creator on the upstream's creator chart, with three recent videos (docs/upstreams.md § Item shapes). */
export const CreatorItem = z.object({
  tcm_id: z.string(),
  user_id: z.string(),
  nick_name: z.string(),
  avatar_url: z.string(),
  country_code: z.string(),
  follower_cnt: z.number().int(),
  liked_cnt: z.number().int(),
  tt_link: z.string(),
  tcm_link: z.string(),
  items: z.array(
    z.object({
      item_id: z.string(),
      cover_url: z.string(),
      tt_link: z.string(),
      vv: z.number().int(),
      liked_cnt: z.number().int(),
      /** Unix seconds. */
      create_time: z.number().int(),
    }),
  ),
});

/** Endpoint 5: popular creators (Crawlora's withdrawn endpoint, docs/api-contract.md § Trends). */
export const popularTrendCreator = defineEndpoint({
  path: '/tiktok/popular-trend/creator',
  group: 'Trends',
  summary: 'Retrieve TikTok popular-trend creators',
  description:
    'Returns popular TikTok creators from the Creative Center, sorted by followers, engagement or average ' +
    'views, optionally narrowed by the creator\'s country. The service clamps page to 1–10 and limit to at ' +
    'most 100.',
  params: {
    ...paging(10),
    sort_by: stringEnum(['follower', 'engagement', 'avg_views'], { default: 'follower', description: 'Sort order.' }),
    creator_country: countryCode({ description: 'ISO 3166-1 alpha-2 code of the creator\'s country.' }),
    audience_count: ignored(
      intEnum([1, 2, 3, 4], {
        description: 'Follower bucket 1–4: accepted for compatibility, not applied upstream.',
        example: '1',
      }),
    ),
  },
  creditCost: 8,
  cacheTtlSeconds: 3600,
  upstream: ['popular_trend/creator/list'],
  sources: ['creative-center'],
  retired: {
    since: '2026',
    reason:
      'TikTok folded Creative Center into TikTok One and moved creators to the Creator Marketplace, a logged-in search with no chart to map; the legacy creator list answers "deprecated".',
  },
  envelope: 'double',
  responseSchemaName: 'populartrend.creatorTrendResponseDoc',
  responseSchema: upstreamEnvelope(z.object({ creators: z.array(CreatorItem), pagination: Pagination }), {
    requestId: true,
  }),
  sample: {
    code: 0,
    msg: 'OK',
    request_id: '20260421093000D1E2F3A4B5C6D7E8F9A0',
    data: {
      creators: [
        {
          tcm_id: '7012345678901234567',
          user_id: '6801234567890123456',
          nick_name: 'Chef Ana',
          avatar_url: 'https://p16-sign-va.tiktokcdn.com/avatar-ana.jpeg?x-expires=1776816000',
          country_code: 'US',
          follower_cnt: 1250000,
          liked_cnt: 48210000,
          tt_link: 'https://www.tiktok.com/@chefana',
          tcm_link: 'https://creatormarketplace.tiktok.com/ad#/author/7012345678901234567',
          items: [],
        },
      ],
      pagination: { page: 1, size: 1, total: 459, has_more: true },
    },
  },
  notes: [
    'Retired since 2026 (`retired` in the catalog): TikTok no longer serves this data, so the answer is 503 `upstream_retired`, never charged, with a message naming what changed. It is still asked first, so it serves again if TikTok brings it back (docs/upstreams.md § Source routing).',
    '`page` is clamped to 1–10 and `limit` to 1–100; out-of-range values are never an error.',
    '`sort_by` defaults to `follower`.',
    '`audience_count` (1–4) is validated, then ignored: accepted for compatibility, not applied upstream, and not part of the cache key.',
    'Pages are windows over the upstream list (50 per upstream page); a window past the end is an empty, charged list.',
    '`items` holds up to three recent videos; `create_time` is Unix seconds.',
  ],
});
