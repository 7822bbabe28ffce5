import { z } from 'zod';
import { defineEndpoint } from '../define.js';
import { clampedInt, intEnum } from '../params.js';
import { upstreamEnvelope } from '../schemas.js';

/** Endpoint 14: Top Ads search suggestions (Crawlora, docs/api-contract.md § Top Ads). */
export const topAdsSuggestions = defineEndpoint({
  path: '/tiktok/top-ads/suggestions',
  group: 'Top Ads',
  summary: 'Retrieve TikTok Top Ads suggestions',
  description: 'Returns Top Ads search suggestions from TikTok Creative Center.',
  params: {
    count: clampedInt({ min: 1, max: 50, default: 50, description: 'Maximum number of suggestions to return, clamped to 1–50.' }),
    scenario: intEnum([1, 2], { default: 1, description: 'Suggestion scenario id: 1 before typing, 2 while typing.' }),
  },
  creditCost: 8,
  cacheTtlSeconds: 3600,
  upstream: ['top_ads/query_suggestion'],
  sources: ['creative-center'],
  envelope: 'double',
  responseSchemaName: 'populartrend.topAdsSuggestionsResponseDoc',
  responseSchema: upstreamEnvelope(z.object({ query: z.array(z.string()) }), { requestId: true }),
  sample: {
    code: 0,
    msg: 'OK',
    request_id: '20260421093000A5B6C7D8E9F0A1B2C3D4',
    data: { query: ['skincare', 'protein powder', 'cold brew'] },
  },
  notes: [
    '`count` defaults to 50 and is clamped to 1–50; `scenario` is 1 or 2 (default 1).',
    'The upstream `query` is sent empty, so suggestions are the popular searches.',
  ],
});
