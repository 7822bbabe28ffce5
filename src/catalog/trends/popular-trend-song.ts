import { z } from 'zod';
import { defineEndpoint } from '../define.js';
import { bool, countryCode, intEnum, paging, stringEnum } from '../params.js';
import { Pagination, RankFields, RelatedItem, TrendPoint, upstreamEnvelope } from '../schemas.js';

/** One song on the upstream's sound chart (docs/api-contract.md § Trends, docs/upstreams.md § Item shapes). */
export const SoundItem = z.object({
  clip_id: z.string(),
  song_id: z.string(),
  title: z.string(),
  author: z.string(),
  cover: z.string(),
  /** Seconds. */
  duration: z.number().int(),
  country_code: z.string(),
  link: z.string(),
  url_title: z.string(),
  music_url: z.string().nullable(),
  /** In TikTok's Commercial Music Library (approved for business use). */
  if_cml: z.boolean(),
  cml_mid: z.string().optional(),
  is_search: z.boolean(),
  promoted: z.boolean(),
  on_list_times: z.number().int().nullable(),
  ...RankFields,
  trend: z.array(TrendPoint),
  related_items: z.array(RelatedItem),
});

/** A chart item as the samples show it; song detail's sample is this song off the chart. */
export const SAMPLE_SOUND = {
  clip_id: '7313054237544961851',
  song_id: '7329783813766392107',
  title: 'Summer Anthem',
  author: 'Zara Quinn',
  cover: 'https://p16-sg.tiktokcdn.com/music-cover-1.jpeg?x-expires=1776816000',
  duration: 30,
  country_code: 'US',
  link: 'https://www.tiktok.com/music/x-7313054237544961851',
  url_title: 'summer-anthem',
  music_url: null,
  if_cml: false,
  is_search: false,
  promoted: false,
  on_list_times: 12,
  rank: 1,
  rank_diff: 0,
  rank_diff_type: 2,
  trend: [
    { time: 1776556800, value: 0.82 },
    { time: 1776643200, value: 0.93 },
    { time: 1776729600, value: 1 },
  ],
  related_items: [{ item_id: '7562659435622010021', cover_uri: 'tos-maliva-p-0068/oQAbCdEfGh' }],
} satisfies z.input<typeof SoundItem>;

/** Endpoint 3: the upstream's popular and breakout song charts (new in Trendlens, docs/api-contract.md § Trends). */
export const popularTrendSong = defineEndpoint({
  path: '/tiktok/popular-trend/song',
  group: 'Trends',
  summary: 'Retrieve TikTok popular-trend songs',
  description:
    'Returns the TikTok Creative Center song chart for a period: `popular` or `surging` (the UI\'s ' +
    '"Breakout"), optionally narrowed by country, to songs new on the chart, or to songs approved for ' +
    'business use. The service clamps page to 1–10, limit to at most 100, and defaults period to 7.',
  params: {
    ...paging(10),
    period: intEnum([7, 30, 120], { default: 7, description: 'Chart window in days.' }),
    country_code: countryCode({ description: 'ISO 3166-1 alpha-2 country code; absent means all regions.' }),
    rank_type: stringEnum(['popular', 'surging'], {
      default: 'popular',
      description: '`popular` ranks by use; `surging` is the UI\'s "Breakout" chart.',
    }),
    new_on_board: bool({ default: false, description: 'Only songs new to the chart.' }),
    commercial_music: bool({
      default: false,
      description: 'Only songs from the Commercial Music Library (approved for business use).',
    }),
  },
  creditCost: 8,
  cacheTtlSeconds: 3600,
  upstream: ['popular_trend/sound/rank_list'],
  sources: ['creative-center'],
  retired: {
    since: '2026',
    reason:
      'TikTok folded Creative Center into TikTok One, whose Songs tab says "coming soon"; the legacy song chart answers "deprecated".',
  },
  envelope: 'double',
  responseSchemaName: 'populartrend.songTrendResponseDoc',
  responseSchema: upstreamEnvelope(z.object({ sound_list: z.array(SoundItem), pagination: Pagination }), {
    requestId: true,
  }),
  sample: {
    code: 0,
    msg: 'OK',
    request_id: '20260421093000A3B9C0D1E2F3A4B5C6D7',
    data: {
      sound_list: [
        SAMPLE_SOUND,
      ],
      pagination: { page: 1, size: 1, total: 100, has_more: true },
    },
  },
  notes: [
    'Retired since 2026 (`retired` in the catalog): TikTok no longer serves this data, so the answer is 503 `upstream_retired`, never charged, with a message naming what changed. It is still asked first, so it serves again if TikTok brings it back (docs/upstreams.md § Source routing).',
    '`page` is clamped to 1–10 and `limit` to 1–100; out-of-range values are never an error.',
    '`period` defaults to 7, `rank_type` to `popular`; `new_on_board` and `commercial_music` default to false and accept true/false/1/0 in any case.',
    'The chart holds about 100 songs. Pages are windows over it (the upstream serves 20 per page); a window past the end is an empty, charged list.',
    'A country the upstream does not cover answers 200 with an empty list.',
    '`music_url` and `on_list_times` may be null; `cml_mid` is present only for Commercial Music Library songs.',
    '`rank_diff_type`: 1 up, 2 unchanged, 3 down, 4 new to the chart.',
  ],
});
