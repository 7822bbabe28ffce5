import { defineEndpoint } from '../define.js';
import { digitId } from '../params.js';
import { MaterialDetail, upstreamEnvelope } from '../schemas.js';
import { SAMPLE_MATERIAL } from './top-ads-list.js';

/** Endpoint 9: one Top Ads creative's detail (Crawlora, docs/api-contract.md § Top Ads). */
export const topAdsDetail = defineEndpoint({
  path: '/tiktok/top-ads/detail',
  group: 'Top Ads',
  summary: 'Retrieve TikTok Top Ads detail',
  description:
    'Returns detail for one TikTok Creative Center Top Ads material. Use `material_id`; the upstream does ' +
    'not accept `id` or `materialId`.',
  params: {
    material_id: digitId({ maxDigits: 20, description: 'Top Ads material id (1–20 digits).', example: SAMPLE_MATERIAL.id }),
  },
  // Crawlora's quirk, kept: these are refused rather than ignored so a wrong name never looks like success.
  rejectedParams: { id: 'use material_id', materialId: 'use material_id' },
  creditCost: 8,
  cacheTtlSeconds: 6 * 3600,
  upstream: ['top_ads/v2/detail'],
  sources: ['creative-center'],
  envelope: 'double',
  responseSchemaName: 'populartrend.topAdsDetailResponseDoc',
  responseSchema: upstreamEnvelope(MaterialDetail, { requestId: true }),
  sample: {
    code: 0,
    msg: 'OK',
    request_id: '20260421093000A1B2C3D4E5F6A7B8C9D0',
    data: {
      ...SAMPLE_MATERIAL,
      country_code: ['US'],
      has_summary: true,
      voice_over: true,
      highlight: '3',
      highlight_text: 'Product shown in the first 3 seconds',
      keyword_list: ['cold brew', 'coffee'],
      landing_page: 'https://brewly.example/cold-brew',
      objectives: [{ label: 'campaign_objective_conversion', value: 'Conversions' }],
      pattern_label: [{ id: 10100100000, parent_id: null, label: 'pattern_label_10100100000', value: 'Product demo' }],
      source: 'TikTok Ads Manager',
      source_key: 1,
    },
  },
  notes: [
    '`material_id` is required: 1–20 digits, kept as a string.',
    '`id` or `materialId` in the query answers 400 (`{"param":"id","message":"use material_id"}`), the one exception to ignoring unknown params.',
    'An unknown `material_id` (upstream code 40004) answers 404 `resource_not_found`, not charged.',
    '`keyword_list` may be null. Video URLs are signed CDN links that expire.',
    'Cached for 6 hours.',
  ],
});
