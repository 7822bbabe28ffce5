import { ANALYSIS_METRICS, TOP_ADS_STATIC_FILTERS } from '../../../catalog/index.js';
import type { UpstreamResult } from '../../source.js';
import type { UpstreamEnvelope } from '../client.js';
import {
  innerEnvelope,
  isRecord,
  mismatch,
  pagedOperation,
  pick,
  singleOperation,
  type Built,
  type Operation,
  type Params,
} from '../operation.js';

const TOP_ADS_PAGE = 'inspiration/topads/pc/en';

type AnalysisMetric = keyof typeof ANALYSIS_METRICS;

/** Filter lists the upstream serves, with the label each kind gets when the upstream omits one. */
const UPSTREAM_FILTERS: Readonly<Record<string, (id: unknown) => string>> = {
  industry: (id) => `label_${String(id)}`,
  country: (id) => String(id),
  ad_language: (id) => String(id),
  objective: (id) => `campaign_objective_${String(id)}`,
  pattern_label: (id) => `pattern_label_${String(id)}`,
};

/** One upstream filter option as a contract FilterItem `{id, parent_id, label, value, has_conversion?}`. */
function filterItem(kind: string, item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: item.id,
    parent_id: item.parent_id ?? null,
    label: typeof item.label === 'string' ? item.label : UPSTREAM_FILTERS[kind]!(item.id),
    value: item.value,
  };
  if (typeof item.has_conversion === 'boolean') out.has_conversion = item.has_conversion;
  return out;
}

/** Top Ads endpoint 10: keyframe and percentile in parallel, both required (docs/api-contract.md § Top Ads). */
const analysis: Operation = {
  paths: ['top_ads/keyframe', 'top_ads/percentile'],
  async run(ctx, params): Promise<UpstreamResult> {
    const metric = params.metric as AnalysisMetric;
    const { label, percentileMetric } = ANALYSIS_METRICS[metric];
    const materialId = String(params.material_id);
    const [keyframe, percentile] = await Promise.all([
      ctx.call('top_ads/keyframe', { material_id: materialId, metric }, TOP_ADS_PAGE),
      ctx.call(
        'top_ads/percentile',
        { material_id: materialId, metric: percentileMetric, period_type: String(params.period_type) },
        TOP_ADS_PAGE,
      ),
    ]);
    if (!keyframe.ok) return keyframe;
    if (!percentile.ok) return percentile;
    const frames = keyframe.envelope.data;
    const ranks = percentile.envelope.data;
    if (!isRecord(frames) || !Array.isArray(frames.analysis)) return mismatch('top_ads/keyframe: no analysis list');
    if (!isRecord(ranks) || typeof ranks[percentileMetric] !== 'number') {
      return mismatch(`top_ads/percentile: no ${percentileMetric}`);
    }
    // Only the numeric ranks: percentile_data is `{metric: number}` in the contract.
    const percentileData = Object.fromEntries(Object.entries(ranks).filter(([, v]) => typeof v === 'number'));
    const data = {
      analysis: frames.analysis,
      duration: frames.duration,
      highlight: frames.highlight,
      metric,
      metric_label: label,
      percentile: ranks[percentileMetric],
      percentile_data: percentileData,
      percentile_metric: percentileMetric,
      period_type: params.period_type,
    };
    return { ok: true, data: innerEnvelope(data, keyframe.envelope.request_id, true) };
  },
};

/** An object payload passed through in the inner envelope; anything else is off-contract. */
function passThrough(path: string) {
  return (data: unknown, _p: Params, env: UpstreamEnvelope): Built =>
    isRecord(data) ? { ok: true, data: innerEnvelope(data, env.request_id, true) } : mismatch(`${path}: data is not an object`);
}

/** Top Ads group, endpoints 8–14 (docs/api-contract.md § Top Ads, docs/upstreams.md § Operations), then the newer operations. */
export const topAdsOperations: Record<string, Operation> = {
  'tiktok-top-ads-list': pagedOperation({
    path: 'top_ads/v2/list',
    referer: TOP_ADS_PAGE,
    pageSize: 20,
    listKey: 'materials',
    pagination: 'top-ads',
    requestId: true,
    query: (p) =>
      pick(p, [
        'period',
        'order_by',
        'country_code',
        'keyword',
        'industry',
        'objective',
        'ad_language',
        'pattern_label',
        'duration',
        'like',
        'ad_format',
      ]),
  }),

  'tiktok-top-ads-detail': singleOperation({
    path: 'top_ads/v2/detail',
    referer: TOP_ADS_PAGE,
    query: (p) => pick(p, ['material_id']),
    build: (data, _p, env) => {
      if (!isRecord(data) || Object.keys(data).length === 0) {
        return { ok: false, failure: { kind: 'not_found', message: 'material not found' } };
      }
      return { ok: true, data: innerEnvelope(data, env.request_id, true) };
    },
  }),

  'tiktok-top-ads-analysis': analysis,

  'tiktok-top-ads-filters': singleOperation({
    path: 'top_ads/v2/filters',
    referer: TOP_ADS_PAGE,
    query: () => ({}),
    // The upstream's own lists, normalised to FilterItem, then the catalog's static lists (docs/api-contract.md § Top Ads).
    build: (data, _p, env) => {
      if (!isRecord(data)) return mismatch('top_ads/v2/filters: data is not an object');
      const out: Record<string, unknown> = {};
      for (const kind of Object.keys(UPSTREAM_FILTERS)) {
        const list = data[kind] ?? [];
        if (!Array.isArray(list)) return mismatch(`top_ads/v2/filters: ${kind} is not a list`);
        out[kind] = list.filter(isRecord).map((item) => filterItem(kind, item));
      }
      return { ok: true, data: innerEnvelope({ ...out, ...TOP_ADS_STATIC_FILTERS }, env.request_id, true) };
    },
  }),

  'tiktok-top-ads-recommend': singleOperation({
    path: 'top_ads/v2/recommend',
    referer: TOP_ADS_PAGE,
    // Only material_id goes upstream; paging is applied locally to its one list (docs/api-contract.md § Top Ads).
    query: (p) => pick(p, ['material_id']),
    build: (data, p, env) => {
      if (!isRecord(data) || !Array.isArray(data.materials)) return mismatch('top_ads/v2/recommend: no materials list');
      const limit = p.limit as number;
      const offset = ((p.page as number) - 1) * limit;
      return { ok: true, data: innerEnvelope({ materials: data.materials.slice(offset, offset + limit) }, env.request_id, true) };
    },
  }),

  'tiktok-top-ads-spotlight': pagedOperation({
    path: 'education/top_ads/list',
    referer: 'inspiration/top-ads-spotlight/pc/en',
    pageSize: 50,
    listKey: 'materials',
    pagination: 'top-ads',
    requestId: true,
    // No industry: every spotlight industry at once (docs/api-contract.md § Top Ads, decided there).
    query: () => ({}),
  }),

  'tiktok-top-ads-suggestions': singleOperation({
    path: 'top_ads/query_suggestion',
    referer: TOP_ADS_PAGE,
    // The empty query asks for the starter suggestions (docs/api-contract.md § Top Ads).
    query: (p) => ({ query: '', count: String(p.count), scenario: String(p.scenario) }),
    build: (data, p, env) => {
      const list = isRecord(data) ? data.query : undefined;
      if (!Array.isArray(list)) return mismatch('top_ads/query_suggestion: no query list');
      const words = list.map((w) => (isRecord(w) ? (w.query ?? w.keyword) : w));
      return { ok: true, data: innerEnvelope({ query: words.slice(0, p.count as number) }, env.request_id, true) };
    },
  }),

  // The next three paths are inferred, not captured; their catalog notes say so.
  'tiktok-top-ads-locations': singleOperation({
    path: 'top_ads/location/list',
    referer: TOP_ADS_PAGE,
    query: () => ({}),
    // Items normalised as top-ads/filters normalises its country list, so the two read alike.
    build: (data, _p, env) => {
      const list = isRecord(data) ? data.country : undefined;
      if (!Array.isArray(list)) return mismatch('top_ads/location/list: no country list');
      const country = list.filter(isRecord).map((item) => filterItem('country', item));
      return { ok: true, data: innerEnvelope({ country }, env.request_id, true) };
    },
  }),

  'tiktok-top-ads-location-info': singleOperation({
    path: 'top_ads/location/info',
    referer: TOP_ADS_PAGE,
    query: (p) => ({ module: String(p.module) }),
    build: passThrough('top_ads/location/info'),
  }),

  'tiktok-top-ads-safety': singleOperation({
    path: 'top_ads/configure/safety',
    referer: TOP_ADS_PAGE,
    query: () => ({}),
    build: passThrough('top_ads/configure/safety'),
  }),
};
