import { z } from 'zod';
import { defineEndpoint } from '../define.js';
import { digitId, paging } from '../params.js';
import { Material, upstreamEnvelope } from '../schemas.js';
import { SAMPLE_MATERIAL } from './top-ads-list.js';

/** Endpoint 12: ads related to one Top Ads creative (Crawlora, docs/api-contract.md § Top Ads). */
export const topAdsRecommend = defineEndpoint({
  path: '/tiktok/top-ads/recommend',
  group: 'Top Ads',
  summary: 'Retrieve TikTok Top Ads recommendations',
  description: 'Returns recommended Top Ads materials related to a material id.',
  params: {
    material_id: digitId({ maxDigits: 20, description: 'Top Ads material id (1–20 digits).', example: SAMPLE_MATERIAL.id }),
    ...paging(1000),
  },
  creditCost: 8,
  cacheTtlSeconds: 3600,
  upstream: ['top_ads/v2/recommend'],
  sources: ['creative-center'],
  envelope: 'double',
  responseSchemaName: 'populartrend.topAdsRecommendResponseDoc',
  responseSchema: upstreamEnvelope(z.object({ materials: z.array(Material) }), { requestId: true }),
  sample: {
    code: 0,
    msg: 'OK',
    request_id: '20260421093000E3F4A5B6C7D8E9F0A1B2',
    data: {
      materials: [{ ...SAMPLE_MATERIAL, id: '7631130811034026880', ad_title: 'Iced latte, no machine', ctr: 0.58 }],
    },
  },
  notes: [
    '`material_id` is required: 1–20 digits, kept as a string.',
    'The upstream returns one list for `material_id` alone; `page` (clamped to 1–1000) and `limit` (1–100) slice it locally, and the response carries no pagination.',
    'A window past the end of the list is an empty, charged list.',
  ],
});
