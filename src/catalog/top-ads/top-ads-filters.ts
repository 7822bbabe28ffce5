import { z } from 'zod';
import { defineEndpoint } from '../define.js';
import { FilterItem, upstreamEnvelope } from '../schemas.js';
import { ANALYSIS_METRICS } from './top-ads-analysis.js';
import { AD_FORMATS, DURATIONS, LIKE_BUCKETS, ORDER_BY, PERIODS } from './top-ads-options.js';

type StaticItem = z.input<typeof FilterItem>;

function item(group: string, id: string | number, value: string): StaticItem {
  return { id, parent_id: null, label: `${group}_${id}`, value };
}

function items(group: string, options: ReadonlyArray<readonly [string | number, string]>): StaticItem[] {
  return options.map(([id, value]) => item(group, id, value));
}

/**
 * Filter lists the upstream does not serve; the catalog owns them (docs/api-contract.md § Top Ads, decided there).
 * The adapter merges them with the upstream's `industry`, `country`, `ad_language`, `objective` and
 * `pattern_label`.
 */
export const TOP_ADS_STATIC_FILTERS: Readonly<Record<'order_by' | 'duration' | 'like' | 'ad_format' | 'period' | 'analysis_metric', readonly StaticItem[]>> = {
  order_by: items('order_by', ORDER_BY),
  duration: items('duration', DURATIONS),
  like: items('like', LIKE_BUCKETS),
  ad_format: items('ad_format', AD_FORMATS),
  period: items('period', PERIODS),
  analysis_metric: Object.entries(ANALYSIS_METRICS).map(([id, m]) => item('analysis_metric', id, m.label)),
};

/** Endpoint 11: every Top Ads filter list (Crawlora, docs/api-contract.md § Top Ads). */
export const topAdsFilters = defineEndpoint({
  path: '/tiktok/top-ads/filters',
  group: 'Top Ads',
  summary: 'Retrieve TikTok Top Ads filters',
  description:
    'Returns filter metadata for TikTok Creative Center Top Ads. Dynamic values come from TikTok; static UI ' +
    'enums are included for `order_by`, `duration`, `like`, and `ad_format`.',
  params: {},
  creditCost: 8,
  cacheTtlSeconds: 86_400,
  upstream: ['top_ads/v2/filters'],
  sources: ['creative-center'],
  envelope: 'double',
  responseSchemaName: 'populartrend.topAdsFiltersResponseDoc',
  responseSchema: upstreamEnvelope(
    z.object({
      industry: z.array(FilterItem),
      country: z.array(FilterItem),
      ad_language: z.array(FilterItem),
      objective: z.array(FilterItem),
      pattern_label: z.array(FilterItem),
      order_by: z.array(FilterItem),
      duration: z.array(FilterItem),
      like: z.array(FilterItem),
      ad_format: z.array(FilterItem),
      period: z.array(FilterItem),
      analysis_metric: z.array(FilterItem),
    }),
    { requestId: true },
  ),
  sample: {
    code: 0,
    msg: 'OK',
    request_id: '20260421093000D2E3F4A5B6C7D8E9F0A1',
    data: {
      industry: [
        { id: '27000000000', parent_id: null, label: 'label_27000000000', value: 'Food & Beverage' },
        { id: '27102000000', parent_id: '27000000000', label: 'label_27102000000', value: 'Drinks' },
      ],
      country: [{ id: 'US', parent_id: null, label: 'US', value: 'United States' }],
      ad_language: [{ id: 'en', parent_id: null, label: 'en', value: 'English' }],
      objective: [{ id: 3, parent_id: null, label: 'campaign_objective_conversion', value: 'Conversions', has_conversion: true }],
      pattern_label: [{ id: 10100100000, parent_id: null, label: 'pattern_label_10100100000', value: 'Product demo' }],
      ...TOP_ADS_STATIC_FILTERS,
    },
  },
  notes: [
    'Takes no params.',
    '`industry`, `country`, `ad_language`, `objective` and `pattern_label` come from the upstream; `order_by`, `duration`, `like`, `ad_format`, `period` and `analysis_metric` are static lists kept by Trendlens.',
    'Ids are strings or numbers as the upstream sends them; pass them to /tiktok/top-ads/list as they are.',
    'Cached for 24 hours.',
  ],
});
