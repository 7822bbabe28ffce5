import { z } from 'zod';
import { defineEndpoint } from '../define.js';
import type { ParamDef } from '../params.js';
import { FilterItem, upstreamEnvelope } from '../schemas.js';

/** Module ids are sent upstream as they are; this bound only keeps them a 32-bit integer. */
const MODULE_MAX = 2_147_483_647;

/** Crawlora's `module`: absent or 0 means 1, so both share one canonical form and one cache entry. */
const moduleParam: ParamDef<number> = {
  type: 'integer',
  required: false,
  default: 1,
  minimum: 0,
  maximum: MODULE_MAX,
  description: 'Creative Center module id the context is for; absent or 0 means 1 (Top Ads). Other ids are sent upstream as they are.',
  example: '1',
  schema: z
    .string()
    .regex(/^[0-9]+$/, { message: 'must be a non-negative integer', abort: true })
    .refine((s) => BigInt(s) <= BigInt(MODULE_MAX), `must be at most ${MODULE_MAX}`)
    .transform((s) => Number(s) || 1),
};

/** The targeting Creative Center starts Top Ads with (Crawlora's `/tiktok/top-ads/location-info`). */
export const topAdsLocationInfo = defineEndpoint({
  path: '/tiktok/top-ads/location-info',
  group: 'Top Ads',
  summary: 'Retrieve TikTok Top Ads location info',
  description:
    'Returns the country and industry TikTok Creative Center preselects for a module: the starting point of ' +
    'its Top Ads page. Choose criteria with /tiktok/top-ads/locations and /tiktok/top-ads/filters, then fetch ' +
    'ads with /tiktok/top-ads/list.',
  params: { module: moduleParam },
  creditCost: 8,
  cacheTtlSeconds: 86_400,
  upstream: ['top_ads/location/info'],
  sources: ['creative-center'],
  envelope: 'double',
  responseSchemaName: 'populartrend.topAdsLocationInfoResponseDoc',
  responseSchema: upstreamEnvelope(
    z.object({
      /** Country codes preselected for the caller TikTok sees, which is this server, not its client. */
      initial_country: z.array(z.string()),
      /** First-level industry id, e.g. 27000000000. */
      l1_industry: z.number().int(),
      /** Second-level industry id under `l1_industry`, e.g. 27102000000. */
      l2_industry: z.number().int(),
      first_industry: FilterItem,
      second_industry: FilterItem,
    }),
    { requestId: true },
  ),
  sample: {
    code: 0,
    msg: 'OK',
    request_id: '20260421093000A7B8C9D0E1F2A3B4C5D6',
    data: {
      initial_country: ['US'],
      l1_industry: 27000000000,
      l2_industry: 27102000000,
      first_industry: { id: '27000000000', parent_id: null, label: 'label_27000000000', value: 'Food & Beverage' },
      second_industry: { id: '27102000000', parent_id: '27000000000', label: 'label_27102000000', value: 'Beverages' },
    },
  },
  notes: [
    '`module` defaults to 1; 0 is read as 1. Any other non-negative integer is sent upstream unchanged.',
    '`initial_country` is what TikTok infers for the caller it sees, which is this server, not your client: treat it as a default, not as your users\' location.',
    '`first_industry` and `second_industry` are Top Ads filter items, as in /tiktok/top-ads/filters; `l1_industry` and `l2_industry` are their ids as numbers.',
    'The upstream path `top_ads/location/info` is inferred from the Top Ads family of the Creative Center API: no public capture of it is known yet.',
    'Cached for 24 hours.',
  ],
});
