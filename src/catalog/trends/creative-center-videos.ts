import { z } from 'zod';
import { defineEndpoint } from '../define.js';
import { bool, countryCode, intEnum, required, stringEnum, text } from '../params.js';

/** A content tag TikTok One puts on a video, e.g. `{id: "11015", name: "Tech & Finance"}`. */
export const ContentTag = z.object({ id: z.string(), name: z.string() });

/** A top video ("top content") in TikTok One's own field names, snake-cased and flattened. */
export const TrendingVideo = z.object({
  item_id: z.string(),
  title: z.string(),
  cover_url: z.string(),
  video_url: z.string(),
  /** Unix seconds. */
  create_time: z.number().int(),
  content_type: z.number().int(),
  content_tags: z.array(ContentTag),
  author_id: z.string(),
  author_handle: z.string(),
  author_nickname: z.string(),
  author_avatar_url: z.string(),
  author_bio: z.string().optional(),
  author_follower_count: z.number().int(),
  video_views: z.number().int(),
  video_views_lifetime: z.number().int(),
  organic_video_views: z.number().int(),
  organic_video_views_lifetime: z.number().int(),
  engagement_rate: z.number(),
  engagement_rate_lifetime: z.number().optional(),
  six_seconds_vtr: z.number(),
  six_seconds_vtr_lifetime: z.number().optional(),
});

/** TikTok One's top videos of a country as Crawlora serves them, single-wrapped. */
export const creativeCenterVideos = defineEndpoint({
  path: '/tiktok/creative-center/videos',
  group: 'Trends',
  summary: 'Retrieve TikTok Creative Center trending videos',
  description:
    'Returns the top videos of one country from TikTok One, the home of Creative Center since 2026, ranked ' +
    'by views, engagement rate or six-second view rate, with their author and view metrics. Optionally ' +
    'narrowed to one content tag or to organic (non-paid) videos.',
  params: {
    country_code: required(countryCode({ description: 'ISO 3166-1 alpha-2 country code.' })),
    period: intEnum([7, 30], { default: 7, description: 'Window in days.' }),
    sort_by: stringEnum(['views', 'engagement', 'six_second_views'], {
      default: 'views',
      description: 'Ranking: `views`, `engagement` (engagement rate) or `six_second_views` (six-second view rate).',
    }),
    content_label_id: text({
      maxLength: 20,
      // The tags TikTok One lists; another id is refused upstream, which would be a 502 for a typo.
      pattern: /^110(0[1-9]|1[0-5])$/,
      patternMessage: 'must be a content tag id from 11001 to 11015',
      description: 'Content tag id (11001–11015, e.g. 11015 Tech & Finance); absent means every tag.',
      example: '11015',
    }),
    organic_only: bool({ default: false, description: 'Only organic (non-paid) videos.' }),
  },
  creditCost: 8,
  cacheTtlSeconds: 3600,
  upstream: ['CreativeOne/Report/GetTopContentsOverview', 'CreativeOne/Report/CreativeCenterGetTopContentsList'],
  sources: ['tiktok-one'],
  envelope: 'single',
  responseSchemaName: 'creativecenter.trendingVideosResponseDoc',
  responseSchema: z.object({
    videos: z.array(TrendingVideo),
    total_count: z.number().int().min(0),
    page_count: z.number().int().min(0),
  }),
  sample: {
    videos: [
      {
        item_id: '7562659435622010021',
        title: 'Three budgeting apps I actually use',
        cover_url: 'https://p16-sign-va.tiktokcdn.com/obj/top-content-cover-1.jpeg?x-expires=1776816000',
        video_url: 'https://www.tiktok.com/@pennywise.sam/video/7562659435622010021',
        create_time: 1776470400,
        content_type: 1,
        content_tags: [{ id: '11015', name: 'Tech & Finance' }],
        author_id: '6981234567890123456',
        author_handle: 'pennywise.sam',
        author_nickname: 'Sam | Money made simple',
        author_avatar_url: 'https://p16-sign-va.tiktokcdn.com/obj/avatar-1.jpeg?x-expires=1776816000',
        author_follower_count: 412000,
        video_views: 2841100,
        video_views_lifetime: 3120400,
        organic_video_views: 2790300,
        organic_video_views_lifetime: 3061900,
        engagement_rate: 0.0812,
        six_seconds_vtr: 0.4375,
      },
    ],
    total_count: 100,
    page_count: 5,
  },
  notes: [
    '`country_code` is required; `period` is 7 or 30 (default 7), `sort_by` defaults to `views`, `organic_only` to false.',
    'Served by TikTok One only; answers carry `X-Upstream-Adapter: tiktok-one` and `X-Upstream-Access` (`anonymous` or `logged-in`).',
    'TikTok One has top videos for US, JP, ID, TH and VN; another valid country answers 200 with an empty `videos` list, which is TikTok One\'s own answer, not an error.',
    'Anonymous access to TikTok One yields the first 4 videos while `total_count` and `page_count` still describe the whole ranking. With the operator\'s logged-in TikTok One session (`UPSTREAM_COOKIES`) the first page holds 20.',
    'The `_lifetime` metrics count since the video was posted, the others within `period`; `engagement_rate_lifetime` and `six_seconds_vtr_lifetime` appear only when TikTok One sends them.',
    'Single-wrapped: `data` is `{videos, total_count, page_count}` itself, with no inner `{code, msg}` envelope.',
    'Cached for 1 hour.',
  ],
});
