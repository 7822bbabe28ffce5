import { z } from 'zod';
import { defineEndpoint } from '../define.js';
import { upstreamEnvelope } from '../schemas.js';

/** A search switch: 1 on, 0 off. */
const Switch = z.number().int().min(0).max(1);

/** Creative Center's switches for its search boxes (Crawlora's `/tiktok/top-ads/safety`). */
export const topAdsSafety = defineEndpoint({
  path: '/tiktok/top-ads/safety',
  group: 'Top Ads',
  summary: 'Retrieve TikTok Top Ads safety configuration',
  description:
    'Returns the public configuration flags TikTok Creative Center applies to its search boxes: whether ' +
    'searching Top Ads, keywords, hashtags, songs and creators is switched on, and the key of the banner it shows.',
  params: {},
  creditCost: 8,
  cacheTtlSeconds: 3600,
  upstream: ['top_ads/configure/safety'],
  sources: ['creative-center'],
  envelope: 'double',
  responseSchemaName: 'populartrend.topAdsSafetyResponseDoc',
  responseSchema: upstreamEnvelope(
    z.object({
      top_ads_search: Switch,
      keyword_search: Switch,
      hashtag_search: Switch,
      sound_search: Switch,
      creator_search: Switch,
      /** Which banner Creative Center shows; empty when none. */
      cc_banner_key: z.string(),
    }),
    { requestId: true },
  ),
  sample: {
    code: 0,
    msg: 'OK',
    request_id: '20260421093000C7D8E9F0A1B2C3D4E5F6',
    data: {
      top_ads_search: 1,
      keyword_search: 1,
      hashtag_search: 1,
      sound_search: 1,
      creator_search: 1,
      cc_banner_key: '',
    },
  },
  notes: [
    'Takes no params.',
    'Each `*_search` flag is 1 when that search box is switched on and 0 when it is off.',
    'The upstream path `top_ads/configure/safety` is inferred from the Top Ads family of the Creative Center API: no public capture of it is known yet.',
    'Cached for 1 hour.',
  ],
});
