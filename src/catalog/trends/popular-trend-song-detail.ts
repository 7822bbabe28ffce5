import { z } from 'zod';
import { defineEndpoint } from '../define.js';
import { countryCode, digitId, intEnum } from '../params.js';
import { AudienceFields, Longevity, upstreamEnvelope } from '../schemas.js';
import { SAMPLE_SOUND, SoundItem } from './popular-trend-song.js';

/** A song's detail: the chart item with audience and longevity; off-chart, so `rank` is null. */
export const SoundDetail = SoundItem.extend({
  rank: z.null(),
  ...AudienceFields,
  longevity: Longevity,
});

/** Endpoint 4: one song's detail page (new in Trendlens, docs/api-contract.md § Trends). */
export const popularTrendSongDetail = defineEndpoint({
  path: '/tiktok/popular-trend/song/detail',
  group: 'Trends',
  summary: 'Retrieve TikTok popular-trend song detail',
  description:
    'Returns one song from the TikTok Creative Center trend pages by its `clip_id`: its popularity curve, ' +
    'audience ages, interests and countries, longevity and related videos.',
  params: {
    clip_id: digitId({ maxDigits: 20, description: 'Song clip id from the song chart (1–20 digits).', example: SAMPLE_SOUND.clip_id }),
    period: intEnum([7, 30, 120], { default: 7, description: 'Window in days.' }),
    country_code: countryCode({ description: 'ISO 3166-1 alpha-2 country code; absent means all regions.' }),
  },
  creditCost: 8,
  cacheTtlSeconds: 3600,
  upstream: ['popular_trend/sound/detail'],
  sources: ['creative-center'],
  retired: {
    since: '2026',
    reason:
      'TikTok folded Creative Center into TikTok One, whose Songs tab says "coming soon"; the legacy song detail answers "deprecated".',
  },
  envelope: 'double',
  responseSchemaName: 'populartrend.songDetailResponseDoc',
  responseSchema: upstreamEnvelope(
    z.object({
      sound: SoundDetail,
      /** Null for anonymous callers, which Trendlens always is upstream. */
      liked: z.boolean().nullable(),
      disliked: z.boolean(),
      like_count: z.number().int(),
    }),
    { requestId: true },
  ),
  sample: {
    code: 0,
    msg: 'OK',
    request_id: '20260421093000B4C5D6E7F8091A2B3C4D',
    data: {
      sound: {
        ...SAMPLE_SOUND,
        on_list_times: null,
        rank: null,
        rank_diff: null,
        audience_ages: [
          { age_level: 3, score: 48 },
          { age_level: 4, score: 35 },
          { age_level: 5, score: 17 },
        ],
        audience_interests: [
          { interest_info: { id: '10003', label: 'diversify_10003', value: 'Music' }, score: 41 },
        ],
        audience_countries: [
          { country_info: { id: '6252001', label: 'US', value: 'United States' }, score: 66 },
        ],
        longevity: { popular_days: 21, current_popularity: 1 },
      },
      liked: null,
      disliked: false,
      like_count: 0,
    },
  },
  notes: [
    'Retired since 2026 (`retired` in the catalog): TikTok no longer serves this data, so the answer is 503 `upstream_retired`, never charged, with a message naming what changed. It is still asked first, so it serves again if TikTok brings it back (docs/upstreams.md § Source routing).',
    '`clip_id` is required: 1–20 digits, kept as a string.',
    '`period` defaults to 7; without `country_code` the upstream reports all regions.',
    'An unknown `clip_id` answers 404 `resource_not_found`, not charged.',
    '`sound.rank` is always null on the detail page; `liked` is null because the upstream is called anonymously.',
  ],
});
