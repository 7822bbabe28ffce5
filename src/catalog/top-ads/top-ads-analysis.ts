import { z } from 'zod';
import { defineEndpoint } from '../define.js';
import { digitId, intEnum, stringEnum } from '../params.js';
import { upstreamEnvelope } from '../schemas.js';
import { SAMPLE_MATERIAL } from './top-ads-list.js';

/** Keyframe metrics, their UI labels and the percentile metric each maps to (docs/api-contract.md § Top Ads, decided there). */
export const ANALYSIS_METRICS = {
  retain_ctr: { label: 'CTR', percentileMetric: 'ctr_percentile' },
  retain_cvr: { label: 'CVR', percentileMetric: 'time_attr_conversion_rate_percentile' },
  click_cnt: { label: 'Clicks', percentileMetric: 'click_cnt_percentile' },
  convert_cnt: { label: 'Conversion', percentileMetric: 'time_attr_convert_cnt_percentile' },
  play_retain_cnt: { label: 'Remain', percentileMetric: 'show_cnt_percentile' },
} as const;

const METRIC_IDS = ['retain_ctr', 'retain_cvr', 'click_cnt', 'convert_cnt', 'play_retain_cnt'] as const;

/** Endpoint 10: a Top Ads creative's second-by-second analysis and its percentile (Crawlora, docs/api-contract.md § Top Ads). */
export const topAdsAnalysis = defineEndpoint({
  path: '/tiktok/top-ads/analysis',
  group: 'Top Ads',
  summary: 'Retrieve TikTok Top Ads interactive time analysis',
  description:
    'Returns the detail-page interactive time analysis chart and percentile for a Top Ads material. Metric ' +
    'values are `retain_ctr` (CTR), `retain_cvr` (CVR), `click_cnt` (Clicks), `convert_cnt` (Conversion), ' +
    'and `play_retain_cnt` (Remain).',
  params: {
    material_id: digitId({ maxDigits: 20, description: 'Top Ads material id (1–20 digits).', example: SAMPLE_MATERIAL.id }),
    metric: stringEnum(METRIC_IDS, { default: 'retain_ctr', description: 'Interactive time analysis metric.' }),
    period_type: intEnum([7, 30, 180], { default: 7, description: 'Percentile lookback period in days.' }),
  },
  creditCost: 8,
  cacheTtlSeconds: 6 * 3600,
  upstream: ['top_ads/keyframe', 'top_ads/percentile'],
  sources: ['creative-center'],
  envelope: 'double',
  responseSchemaName: 'populartrend.topAdsAnalysisResponseDoc',
  responseSchema: upstreamEnvelope(
    z.object({
      analysis: z.array(z.object({ second: z.number().int(), value: z.number() })),
      duration: z.number(),
      /** Seconds the upstream highlights on the chart. */
      highlight: z.array(z.number().int()),
      metric: z.enum(METRIC_IDS),
      metric_label: z.enum(['CTR', 'CVR', 'Clicks', 'Conversion', 'Remain']),
      /** A rank among comparable ads, 0–1, not a raw rate. */
      percentile: z.number().min(0).max(1),
      percentile_data: z.record(z.string(), z.number()),
      percentile_metric: z.string(),
      period_type: z.number().int(),
    }),
    { requestId: true },
  ),
  sample: {
    code: 0,
    msg: 'OK',
    request_id: '20260421093000C0D1E2F3A4B5C6D7E8F9',
    data: {
      analysis: [
        { second: 0, value: 0.012 },
        { second: 1, value: 0.011 },
        { second: 2, value: 0.009 },
        { second: 3, value: 0.014 },
      ],
      duration: 15.2,
      highlight: [3],
      metric: 'retain_ctr',
      metric_label: 'CTR',
      percentile: 0.48,
      percentile_data: { ctr_percentile: 0.48 },
      percentile_metric: 'ctr_percentile',
      period_type: 7,
    },
  },
  notes: [
    '`material_id` is required; `metric` defaults to `retain_ctr`, `period_type` to 7.',
    'Two upstream calls run in parallel, `top_ads/keyframe` (the `metric` curve) and `top_ads/percentile` (`period_type`); both must succeed, otherwise nothing is charged.',
    'Percentile metric per `metric`: retain_ctr → ctr_percentile, retain_cvr → time_attr_conversion_rate_percentile, click_cnt → click_cnt_percentile, convert_cnt → time_attr_convert_cnt_percentile, play_retain_cnt → show_cnt_percentile.',
    '`percentile` is a rank from 0 to 1 among comparable ads, not a raw rate.',
    'An unknown `material_id` (upstream code 40004) answers 404 `resource_not_found`, not charged.',
    'Cached for 6 hours.',
  ],
});
