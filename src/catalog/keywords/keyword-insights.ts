import { z } from 'zod';
import { defineEndpoint } from '../define.js';
import { countryCode, digitIds, intEnum, paging, stringEnum, text } from '../params.js';
import { Pagination, upstreamEnvelope } from '../schemas.js';

/** One ad-script keyword and its performance (docs/upstreams.md § Item shapes). */
export const KeywordItem = z.object({
  keyword: z.string(),
  post: z.number().int(),
  /** Percent change of `post` against the previous period. */
  post_change: z.number(),
  ctr: z.number(),
  cvr: z.number(),
  cpa: z.number(),
  cost: z.number(),
  impression: z.number(),
  like: z.number().int(),
  share: z.number().int(),
  comment: z.number().int(),
  /** Percent of plays reaching 6 seconds. */
  play_six_rate: z.number(),
  /** Up to five video ids. */
  video_list: z.array(z.string()).max(5),
});

/** Endpoint 15: ad-script keywords ranked by performance (new in Trendlens, docs/api-contract.md § Keywords). */
export const keywordInsights = defineEndpoint({
  path: '/tiktok/keyword-insights',
  group: 'Keywords',
  summary: 'Retrieve TikTok keyword insights',
  description:
    'Returns ad-script keywords from TikTok Creative Center ranked by performance (posts, CTR, CVR, CPA, ' +
    'cost, impressions, 6-second play rate, likes, shares, comments), optionally narrowed by country, ' +
    'industry, objective, keyword type or a search term.',
  params: {
    ...paging(1000),
    period: intEnum([7, 30, 120], { default: 7, description: 'Window in days.' }),
    country_code: countryCode({ description: 'ISO 3166-1 alpha-2 country code; absent means all regions.' }),
    industry: digitIds({ description: 'Industry id or comma-separated ids.', example: '27000000000' }),
    objective: digitIds({ description: 'Objective id or comma-separated ids.', example: '3' }),
    keyword_type: intEnum([1, 2, 3, 4, 5, 6], {
      description: '1 selling point, 2 pain point, 3 target audience, 4 call to action, 5 others, 6 product.',
      example: '1',
    }),
    order_by: stringEnum(
      ['post', 'post_change', 'ctr', 'cvr', 'cpa', 'cost', 'impression', 'play_six_rate', 'like', 'share', 'comment'],
      { default: 'post', description: 'Sort field.' },
    ),
    order_type: stringEnum(['desc', 'asc'], { default: 'desc', description: 'Sort direction.' }),
    keyword: text({
      maxLength: 100,
      aliases: ['q'],
      description: 'Keyword search; `q` is accepted as an alias, `keyword` wins when both are given.',
      example: 'free shipping',
    }),
  },
  creditCost: 8,
  cacheTtlSeconds: 3600,
  upstream: ['script/keyword/list'],
  sources: ['creative-center'],
  retired: {
    since: '2026',
    reason:
      'TikTok folded Creative Center into TikTok One, which has no keyword insights; the legacy keyword list answers "deprecated".',
  },
  envelope: 'double',
  responseSchemaName: 'keywordinsights.keywordListResponseDoc',
  responseSchema: upstreamEnvelope(z.object({ keyword_list: z.array(KeywordItem), pagination: Pagination }), {
    requestId: true,
  }),
  sample: {
    code: 0,
    msg: 'OK',
    request_id: '20260421093000B6C7D8E9F0A1B2C3D4E5',
    data: {
      keyword_list: [
        {
          keyword: 'free shipping',
          post: 1520,
          post_change: 12.5,
          ctr: 0.91,
          cvr: 4.3,
          cpa: 6.2,
          cost: 1840.5,
          impression: 2315000,
          like: 18200,
          share: 940,
          comment: 610,
          play_six_rate: 31.4,
          video_list: ['7630000000000000001'],
        },
      ],
      pagination: { page: 1, size: 1, total: 500, has_more: true },
    },
  },
  notes: [
    'Retired since 2026 (`retired` in the catalog): TikTok no longer serves this data, so the answer is 503 `upstream_retired`, never charged, with a message naming what changed. It is still asked first, so it serves again if TikTok brings it back (docs/upstreams.md § Source routing).',
    '`page` is clamped to 1–1000 and `limit` to 1–100; out-of-range values are never an error.',
    '`period` defaults to 7, `order_by` to `post`, `order_type` to `desc`.',
    '`industry` and `objective` are comma-separated digit ids, de-duplicated and sorted.',
    '`q` is an alias of `keyword`; an explicit `keyword` wins.',
    'Pages are windows over the upstream list (50 per upstream page, about 500 keywords); a window past the end is an empty, charged list.',
    '`post_change` and `play_six_rate` are percentages; `video_list` holds up to five video ids.',
  ],
});
