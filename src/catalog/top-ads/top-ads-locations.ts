import { z } from 'zod';
import { defineEndpoint } from '../define.js';
import { FilterItem, upstreamEnvelope } from '../schemas.js';

/** The countries Top Ads can be narrowed to (Crawlora's `/tiktok/top-ads/locations`). */
export const topAdsLocations = defineEndpoint({
  path: '/tiktok/top-ads/locations',
  group: 'Top Ads',
  summary: 'Retrieve TikTok Top Ads locations',
  description:
    'Returns the countries and regions TikTok Creative Center offers as Top Ads location filters. Pass their ' +
    'ids as `country_code` to /tiktok/top-ads/list.',
  params: {},
  creditCost: 8,
  cacheTtlSeconds: 86_400,
  upstream: ['top_ads/location/list'],
  sources: ['creative-center'],
  envelope: 'double',
  responseSchemaName: 'populartrend.topAdsLocationsResponseDoc',
  responseSchema: upstreamEnvelope(z.object({ country: z.array(FilterItem) }), { requestId: true }),
  sample: {
    code: 0,
    msg: 'OK',
    request_id: '20260421093000B6C7D8E9F0A1B2C3D4E5',
    data: {
      country: [
        { id: 'US', parent_id: null, label: 'US', value: 'United States' },
        { id: 'GB', parent_id: null, label: 'GB', value: 'United Kingdom' },
      ],
    },
  },
  notes: [
    'Takes no params.',
    'Ids are ISO 3166-1 alpha-2 codes; every item has a `label` and a `parent_id` (null), as in /tiktok/top-ads/filters.',
    'The upstream path `top_ads/location/list` is inferred from the Top Ads family of the Creative Center API: no public capture of it is known yet.',
    'Cached for 24 hours.',
  ],
});
