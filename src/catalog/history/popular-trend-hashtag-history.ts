import { z } from 'zod';
import { defineEndpoint } from '../define.js';
import { clampedInt, countryCode, intEnum, prefilled, text } from '../params.js';
import { popularTrendHashtagDetail } from '../trends/popular-trend-hashtag-detail.js';

/** Longest history a caller may ask for; the operator's retention may keep less. */
export const MAX_HISTORY_DAYS = 365;

export const HashtagHistoryPoint = z.object({
  /** UTC day, `YYYY-MM-DD`. */
  date: z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/),
  rank: z.number().int(),
  publish_cnt: z.number().nullable(),
  video_views: z.number().nullable(),
});

/** One hashtag's daily rank in the stored hashtag chart, answered from Trendlens's own history. */
export const popularTrendHashtagHistory = defineEndpoint({
  path: '/tiktok/popular-trend/hashtag/history',
  group: 'Trends',
  summary: 'Retrieve TikTok hashtag rank history',
  description:
    'Returns one point per UTC day on which the hashtag chart (for the country and period) held the hashtag: ' +
    'its rank, posts and views. Served from the history this Trendlens instance has recorded, with no ' +
    'upstream call. Days without a stored chart are absent, and `covered_days` lists the days the chart was stored.',
  params: {
    // Prefilled: neither param is required alone, but a request needs one of them.
    hashtag_name: prefilled({
      ...popularTrendHashtagDetail.params.hashtag_name,
      required: false,
      description: 'Hashtag name (a leading `#` is stripped, case ignored). Give this or `hashtag_id`.',
    }),
    hashtag_id: text({
      maxLength: 20,
      pattern: /^[0-9]{1,20}$/,
      patternMessage: 'must be 1 to 20 digits',
      // No example: ids differ between the adapters that served the chart, names do not.
      description: 'Hashtag id as the hashtag chart gives it (ids differ between adapters). Give this or `hashtag_name`.',
    }),
    // Prefilled: the charts TikTok One answers, and so the ones stored, are per country (docs/upstreams.md § TikTok One).
    country_code: prefilled(countryCode({ description: 'ISO 3166-1 alpha-2 country code of the chart; absent means all regions.' })),
    period: intEnum([7, 30, 120], { default: 7, description: 'The chart\'s trend window in days.' }),
    days: clampedInt({
      min: 1,
      max: MAX_HISTORY_DAYS,
      default: 30,
      description: `Days back from today (UTC), today included; at most ${MAX_HISTORY_DAYS}, and at most the instance's retention.`,
    }),
  },
  creditCost: 8,
  cacheTtlSeconds: 0,
  upstream: ['trendlens history'],
  // No upstream adapter: history answers from the store (src/history).
  sources: [],
  servedFrom: 'history',
  envelope: 'single',
  responseSchemaName: 'history.hashtagHistoryResponseDoc',
  responseSchema: z.object({
    hashtag_id: z.string(),
    hashtag_name: z.string(),
    country_code: z.string().nullable(),
    period: z.number().int(),
    days: z.number().int(),
    /** Days in the range on which the chart was stored, oldest first. */
    covered_days: z.array(z.string()),
    points: z.array(HashtagHistoryPoint),
    retention_days: z.number().int(),
    /** Present when `days` was cut to the retention. */
    notice: z.string().optional(),
  }),
  sample: {
    hashtag_id: '4777',
    hashtag_name: 'prom',
    country_code: 'US',
    period: 7,
    days: 3,
    covered_days: ['2026-04-19', '2026-04-20', '2026-04-21'],
    points: [
      { date: '2026-04-19', rank: 4, publish_cnt: 160210, video_views: 690112004 },
      { date: '2026-04-21', rank: 1, publish_cnt: 179872, video_views: 766182036 },
    ],
    retention_days: 365,
  },
  notes: [
    'Answered from the charts this instance has stored (answered requests and scheduled collection), never from the upstream; the answer carries `X-Served-From: history`.',
    'A day the chart was stored without the hashtag is in `covered_days` but has no point; a day the chart was not stored is in neither. Missing days are gaps, never zeros.',
    '`days` is clamped to 1–365, then to the instance\'s retention (`HISTORY_RETENTION_DAYS`); `notice` says when that happened.',
    'A hashtag the stored chart never held answers 404 `resource_not_found` naming it.',
  ],
});
