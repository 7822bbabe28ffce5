import { z } from 'zod';
import { countryName } from '../countries.js';
import { defineEndpoint } from '../define.js';
import { TREND_COUNTRIES, TREND_INDUSTRIES } from '../industries.js';

const MetaItem = z.object({ id: z.string(), value: z.string() });

/** Endpoint 7: countries and industries of the trend pages; single-wrapped as in Crawlora (docs/api-contract.md § Envelope). */
export const popularTrendCountryIndustryMeta = defineEndpoint({
  path: '/tiktok/popular-trend/country-industry-meta',
  group: 'Trends',
  summary: 'Retrieve TikTok popular-trend country and industry metadata',
  description:
    'Returns the country and industry metadata used by the TikTok Creative Center popular-trend endpoints: ' +
    'use its country ids as `country_code` and its industry ids as `industry_id`.',
  params: {},
  creditCost: 8,
  cacheTtlSeconds: 86_400,
  upstream: ['popular_trend/hashtag/filters'],
  sources: ['creative-center'],
  envelope: 'single',
  responseSchemaName: 'populartrend.countryIndustryMetaResponseDoc',
  responseSchema: z.object({ country: z.array(MetaItem), industry: z.array(MetaItem) }),
  sample: {
    country: TREND_COUNTRIES.map((id) => ({ id, value: countryName(id) })),
    industry: TREND_INDUSTRIES.map(({ id, value }) => ({ id: String(id), value })),
  },
  notes: [
    'Takes no params.',
    'Single-wrapped, as in Crawlora: `data` is the payload `{country, industry}` itself, with no inner `{code, msg}` envelope.',
    'All ids are strings; industry ids are 11 digits (e.g. `22000000000`).',
    'Cached for 24 hours.',
  ],
});
