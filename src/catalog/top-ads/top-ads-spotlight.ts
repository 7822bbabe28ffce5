import { z } from 'zod';
import { defineEndpoint } from '../define.js';
import { paging } from '../params.js';
import { Material, TopAdsPagination, upstreamEnvelope } from '../schemas.js';
import { SAMPLE_MATERIAL } from './top-ads-list.js';

/** Endpoint 13: Top Ads Spotlight, hand-picked by TikTok (Crawlora, docs/api-contract.md § Top Ads). */
export const topAdsSpotlight = defineEndpoint({
  path: '/tiktok/top-ads/spotlight',
  group: 'Top Ads',
  summary: 'Retrieve TikTok Top Ads Spotlight',
  description: 'Returns Top Ads Spotlight materials handpicked by TikTok Creative Center.',
  params: { ...paging(1000) },
  creditCost: 8,
  cacheTtlSeconds: 3600,
  upstream: ['education/top_ads/list'],
  sources: ['creative-center'],
  envelope: 'double',
  responseSchemaName: 'populartrend.topAdsSpotlightResponseDoc',
  responseSchema: upstreamEnvelope(z.object({ materials: z.array(Material), pagination: TopAdsPagination }), {
    requestId: true,
  }),
  sample: {
    code: 0,
    msg: 'OK',
    request_id: '20260421093000F4A5B6C7D8E9F0A1B2C3',
    data: {
      materials: [{ ...SAMPLE_MATERIAL, id: '7629001234534026800', ad_title: 'Our barista, your kitchen', cost: 3 }],
      pagination: { page: 1, size: 1, total: 120, total_count: 120, has_more: true },
    },
  },
  notes: [
    '`page` is clamped to 1–1000 and `limit` to 1–100; out-of-range values are never an error.',
    'Covers every spotlight industry: the upstream is called without `industry`.',
    'Pages are windows over the upstream list (50 per upstream page); a window past the end is an empty, charged list.',
    '`pagination.total` and `pagination.total_count` both carry the upstream total.',
  ],
});
