import { z } from 'zod';
import { defineEndpoint } from '../define.js';
import { clampedInt, countryCode, intEnum, prefilled, required, stringEnum } from '../params.js';
import { MAX_HISTORY_DAYS } from './popular-trend-hashtag-history.js';

export const MoverItem = z.object({
  id: z.string(),
  name: z.string(),
  /** Rank on the latest stored day; null for entries that dropped out. */
  rank: z.number().int().nullable(),
  /** Rank on the comparison day; null for newcomers. */
  previous_rank: z.number().int().nullable(),
  /** Places gained (positive) or lost (negative); null for newcomers and dropped entries. */
  rank_change: z.number().int().nullable(),
  metric: z.number().nullable(),
  previous_metric: z.number().nullable(),
  /** (metric − previous_metric) / previous_metric. */
  metric_growth: z.number().nullable(),
  /** First day history holds the entry in this chart. */
  first_seen: z.string(),
  /** Ranks on the stored days from the comparison day to the latest, oldest first. */
  sparkline: z.array(z.number().int()),
});

/** What moved in a stored chart between two days, answered from Trendlens's own history. */
export const popularTrendMovers = defineEndpoint({
  path: '/tiktok/popular-trend/movers',
  group: 'Trends',
  summary: 'Retrieve TikTok trend chart movers',
  description:
    'Compares the latest stored day of a chart (hashtags, songs, creators or videos, for a country and period) ' +
    'with the stored day `since` days before it, and lists the entries that rose, fell, are new or dropped out, ' +
    'ranked by rank change or by growth of the chart\'s metric, with the first day each entry appeared. ' +
    'Served from the history this Trendlens instance has recorded, with no upstream call.',
  params: {
    chart: required(stringEnum(['hashtag', 'song', 'creator', 'video'], { description: 'Which chart.', example: 'hashtag' })),
    // Prefilled: the charts TikTok One answers, and so the ones stored, are per country (docs/upstreams.md § TikTok One).
    country_code: prefilled(countryCode({ description: 'ISO 3166-1 alpha-2 country code of the chart; absent means all regions.' })),
    period: intEnum([7, 30, 120], { default: 7, description: 'The chart\'s window in days (ignored for creators, whose chart has none).' }),
    direction: stringEnum(['rising', 'falling', 'new', 'dropped'], { default: 'rising', description: 'Which movement to list.' }),
    since: clampedInt({ min: 1, max: MAX_HISTORY_DAYS, default: 7, description: 'Compare with the chart this many days before its latest stored day.' }),
    sort_by: stringEnum(['rank_change', 'metric_growth'], {
      default: 'rank_change',
      description: '`rank_change` (places moved) or `metric_growth` (views, followers: the chart\'s metric).',
    }),
    limit: clampedInt({ min: 1, max: 100, default: 20, description: 'Entries to list.' }),
  },
  creditCost: 8,
  cacheTtlSeconds: 0,
  upstream: ['trendlens history'],
  // No upstream adapter: history answers from the store (src/history).
  sources: [],
  servedFrom: 'history',
  envelope: 'single',
  responseSchemaName: 'history.moversResponseDoc',
  responseSchema: z.object({
    chart: z.enum(['hashtag', 'song', 'creator', 'video']),
    country_code: z.string().nullable(),
    period: z.number().int().nullable(),
    direction: z.enum(['rising', 'falling', 'new', 'dropped']),
    since: z.number().int(),
    sort_by: z.enum(['rank_change', 'metric_growth']),
    /** The stored day compared against; null when history holds no earlier day. */
    since_date: z.string().nullable(),
    /** The latest stored day; null when history holds none for the chart. */
    latest_date: z.string().nullable(),
    /** The chart's metric, e.g. `video_views`; null for charts without one. */
    metric_name: z.string().nullable(),
    list: z.array(MoverItem),
  }),
  sample: {
    chart: 'hashtag',
    country_code: 'US',
    period: 7,
    direction: 'rising',
    since: 7,
    sort_by: 'rank_change',
    since_date: '2026-04-14',
    latest_date: '2026-04-21',
    metric_name: 'video_views',
    list: [
      {
        id: '4777',
        name: 'prom',
        rank: 1,
        previous_rank: 23,
        rank_change: 22,
        metric: 766182036,
        previous_metric: 301120440,
        metric_growth: 1.5444,
        first_seen: '2026-04-12',
        sparkline: [23, 18, 12, 9, 5, 3, 2, 1],
      },
    ],
  },
  notes: [
    'Answered from the charts this instance has stored, never from the upstream; the answer carries `X-Served-From: history`.',
    'The comparison day is the latest stored day at least `since` days before the latest one; when history holds none that old, the oldest stored day is used and `since_date` says which.',
    '`rising` and `falling` list entries on both days; `new` lists entries absent from the comparison day, `dropped` those absent from the latest.',
    'Days the chart was not stored are gaps: sparklines skip them.',
  ],
});
