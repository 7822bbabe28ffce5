import { createHash } from 'node:crypto';
import { cdnUrl, paginate } from '../chart.js';
import { ChartCache } from '../memo.js';
import { MATERIAL_NOT_FOUND, ok, type Answer } from '../envelope.js';
import { csv, intParam, oneOf, paging, str } from '../query.js';
import { rng, type Rng } from '../random.js';
import { AD_HOOKS, BRANDS, KEYWORDS } from '../vocab.js';
import {
  ADS_COUNTRIES,
  ADS_INDUSTRIES,
  adsFilterLists,
  OBJECTIVES,
  PATTERN_LABELS,
  SPOTLIGHT_INDUSTRIES,
} from './top-ads-catalog.js';

/** Top Ads endpoints (docs/upstreams.md § Operations, § Item shapes). */

const LIST_PAGE_MAX = 20;
const LIST_TOTAL = 400;
const SPOTLIGHT_PAGE_MAX = 50;
const SPOTLIGHT_PER_INDUSTRY = 30;

/**
 * Material ids are 19 digits that carry the ad's industry, objective and country indexes and two
 * check digits: `7` + 10 seed digits + II + OO + CC + KK. Any id a list hands out thus resolves in
 * detail, keyframe, percentile and recommend with no shared state, and a made-up id fails the check (40004).
 */
interface MaterialKey {
  seed: string;
  industry: number;
  objective: number;
  country: number;
}

const two = (n: number): string => String(n).padStart(2, '0');

function check(body: string): string {
  return two(parseInt(createHash('md5').update(`material|${body}`).digest('hex').slice(0, 8), 16) % 100);
}

export function encodeMaterialId(k: MaterialKey): string {
  const body = `7${k.seed}${two(k.industry)}${two(k.objective)}${two(k.country)}`;
  return body + check(body);
}

export function decodeMaterialId(id: string | undefined): MaterialKey | undefined {
  if (!id || !/^7[0-9]{18}$/.test(id) || check(id.slice(0, 17)) !== id.slice(17)) return undefined;
  const k = { seed: id.slice(1, 11), industry: Number(id.slice(11, 13)), objective: Number(id.slice(13, 15)), country: Number(id.slice(15, 17)) };
  if (k.industry >= ADS_INDUSTRIES.length || k.objective >= OBJECTIVES.length || k.country >= ADS_COUNTRIES.length) return undefined;
  return k;
}

/** The list form of an ad, derived from its id alone. */
function material(id: string, k: MaterialKey, nowMs: number) {
  const r = rng('material', id);
  const industry = ADS_INDUSTRIES[k.industry]!;
  const objective = OBJECTIVES[k.objective]!;
  const vid = r.hex(32);
  return {
    ad_title: `${r.pick(AD_HOOKS)} ${r.chance(0.5) ? `| ${r.pick(KEYWORDS)}` : ''}`.trim(),
    brand_name: r.pick(BRANDS),
    cost: r.int(1, 3),
    ctr: Math.round((0.3 + r.next() * 0.65) * 100) / 100,
    favorite: false,
    id,
    industry_key: `label_${industry.id}`,
    is_search: r.chance(0.3),
    like: Math.round(10 ** (2 + r.next() * 4)),
    objective_key: objective.label,
    video_info: {
      vid,
      duration: Math.round((5 + r.next() * 55) * 1000) / 1000,
      cover: cdnUrl(`ad|${id}`, 'cover', nowMs),
      video_url: { '720p': cdnUrl(`ad|${id}`, 'video', nowMs) },
      width: 720,
      height: 1280,
    },
  };
}

/** The detail form adds interaction counts, countries, landing page and patterns (docs/upstreams.md § Item shapes). */
function materialDetail(id: string, k: MaterialKey, nowMs: number) {
  const base = material(id, k, nowMs);
  const r = rng('material-detail', id);
  const objective = OBJECTIVES[k.objective]!;
  const fromTtam = r.chance(0.7);
  const patterns = r.shuffle(PATTERN_LABELS).slice(0, r.int(1, 3));
  return {
    ...base,
    comment: Math.round(base.like * (0.01 + r.next() * 0.05)),
    share: Math.round(base.like * (0.005 + r.next() * 0.03)),
    country_code: [ADS_COUNTRIES[k.country]!],
    has_summary: r.chance(0.5),
    highlight_text: r.chance(0.6) ? r.pick(AD_HOOKS) : '',
    keyword_list: r.chance(0.5) ? r.shuffle(KEYWORDS).slice(0, 3) : null,
    landing_page: `https://www.${base.brand_name.toLowerCase().replace(/[^a-z0-9]/g, '')}.com/`,
    objectives: [{ label: objective.label, value: objective.id }],
    pattern_label: patterns.map((p) => ({ id: p.id, value: p.value, label: `pattern_label_${p.id}`, parent_id: null })),
    source: fromTtam ? 'TikTok Ads Manager' : 'Others',
    source_key: fromTtam ? 1 : 2,
    voice_over: r.chance(0.5),
  };
}

/** Indexes allowed by a csv filter: an industry id also admits its second-level children. */
function allowedIndexes<T>(requested: string[], items: readonly T[], idOf: (t: T) => string, parentOf?: (t: T) => string | null): number[] | undefined {
  if (requested.length === 0) return undefined;
  const wanted = new Set(requested);
  return items.flatMap((item, i) => (wanted.has(idOf(item)) || (parentOf && wanted.has(parentOf(item) ?? '')) ? [i] : []));
}

function pickIndex(r: Rng, allowed: number[] | undefined, size: number): number {
  return allowed ? r.pick(allowed) : r.int(0, size - 1);
}

/**
 * What an ad ranks by: its own `ctr` or `like` where the item shows them, so a list sorted by either
 * reads in order; else a hidden metric (impressions, view rates and CVR are in the UI's sort only).
 */
function orderMetric(id: string, key: MaterialKey, orderBy: string): number {
  if (orderBy === 'ctr' || orderBy === 'like') return material(id, key, 0)[orderBy];
  return rng('material-order', id, orderBy).next();
}

const charts = new ChartCache<Array<{ id: string; key: MaterialKey }>>();

function adsChart(q: URLSearchParams) {
  const period = oneOf(intParam(q, 'period', 30), [7, 30, 180], 30);
  const orderBy = oneOf(str(q, 'order_by') ?? 'for_you', ['for_you', 'like', 'ctr', 'impression', 'play_2s_rate', 'play_6s_rate', 'cvr'], 'for_you');
  const filters = ['country_code', 'industry', 'objective', 'ad_language', 'pattern_label', 'like', 'ad_format', 'duration', 'keyword'].map(
    (name) => `${name}=${csv(q, name).sort().join(',')}`,
  );
  const chartKey = `ads-chart|${period}|${orderBy}|${filters.join('|')}`;
  return charts.get(chartKey, () => buildAdsChart(q, chartKey, orderBy));
}

function buildAdsChart(q: URLSearchParams, chartKey: string, orderBy: string) {
  const countries = allowedIndexes(csv(q, 'country_code').map((c) => c.toUpperCase()), ADS_COUNTRIES, (c) => c);
  const industries = allowedIndexes(csv(q, 'industry'), ADS_INDUSTRIES, (i) => i.id, (i) => i.parent_id);
  const objectives = allowedIndexes(csv(q, 'objective'), OBJECTIVES, (o) => String(o.id));
  const empty = [countries, industries, objectives].some((a) => a !== undefined && a.length === 0);
  const chart = empty
    ? []
    : Array.from({ length: LIST_TOTAL }, (_, i) => {
        const r = rng(chartKey, i);
        const key: MaterialKey = {
          seed: r.digits(10),
          industry: pickIndex(r, industries, ADS_INDUSTRIES.length),
          objective: pickIndex(r, objectives, OBJECTIVES.length),
          country: pickIndex(r, countries, ADS_COUNTRIES.length),
        };
        return { id: encodeMaterialId(key), key };
      });
  if (orderBy !== 'for_you') {
    const metric = new Map(chart.map(({ id, key }) => [id, orderMetric(id, key, orderBy)]));
    chart.sort((a, b) => metric.get(b.id)! - metric.get(a.id)!);
  }
  return chart;
}

/**
 * `top_ads/v2/list`: `data.materials`, `data.pagination{page,size,total_count,has_more}`, total 400.
 * Logged out (no `sessionid` cookie) only page 1 is served: later pages answer code 0 with an empty
 * list, `has_more` false and the true `total_count` (simulator choice for docs/upstreams.md § Simulator), so a
 * client can tell "login needed" from "past the end".
 */
export function adsList(q: URLSearchParams, nowMs: number, loggedIn: boolean): Answer {
  const { page, limit } = paging(q, LIST_PAGE_MAX);
  const chart = adsChart(q);
  if (page > 1 && !loggedIn) {
    return ok({ materials: [], pagination: { page, size: limit, total_count: chart.length, has_more: false } });
  }
  const { slice, hasMore } = paginate(chart, page, limit);
  return ok({
    materials: slice.map(({ id, key }) => material(id, key, nowMs)),
    pagination: { page, size: limit, total_count: chart.length, has_more: hasMore },
  });
}

/** `top_ads/v2/detail`: one ad, or code 40004 for an id no list handed out. */
export function adsDetail(q: URLSearchParams, nowMs: number): Answer {
  const id = str(q, 'material_id');
  const key = decodeMaterialId(id);
  return key ? ok(materialDetail(id!, key, nowMs)) : MATERIAL_NOT_FOUND;
}

const KEYFRAME_METRICS = ['retain_ctr', 'retain_cvr', 'click_cnt', 'convert_cnt', 'play_retain_cnt'];

/** `top_ads/keyframe`: per-second curve of a metric, the video duration and highlighted seconds. */
export function adsKeyframe(q: URLSearchParams, nowMs: number): Answer {
  const id = str(q, 'material_id');
  const key = decodeMaterialId(id);
  if (!key) return MATERIAL_NOT_FOUND;
  const metric = oneOf(str(q, 'metric') ?? 'retain_ctr', KEYFRAME_METRICS, 'retain_ctr');
  const duration = material(id!, key, nowMs).video_info.duration;
  const r = rng('keyframe', id!, metric);
  const counts = metric.endsWith('_cnt');
  let level = counts ? r.int(500, 5000) : 0.01 + r.next() * 0.03;
  const analysis = Array.from({ length: Math.floor(duration) + 1 }, (_, second) => {
    level *= 0.85 + r.next() * 0.2;
    return { second, value: counts ? Math.round(level) : Math.round(level * 10_000) / 10_000 };
  });
  const highlight = [...new Set(Array.from({ length: r.int(1, 3) }, () => r.int(0, Math.floor(duration))))].sort((a, b) => a - b);
  return ok({ analysis, duration, highlight });
}

const PERCENTILE_METRICS = [
  'ctr_percentile',
  'time_attr_conversion_rate_percentile',
  'click_cnt_percentile',
  'time_attr_convert_cnt_percentile',
  'show_cnt_percentile',
];

/** `top_ads/percentile`: `{<metric>: 0..1}`. */
export function adsPercentile(q: URLSearchParams): Answer {
  const id = str(q, 'material_id');
  if (!decodeMaterialId(id)) return MATERIAL_NOT_FOUND;
  const metric = oneOf(str(q, 'metric') ?? 'ctr_percentile', PERCENTILE_METRICS, 'ctr_percentile');
  const periodType = oneOf(intParam(q, 'period_type', 7), [7, 30, 180], 7);
  return ok({ [metric]: Math.round(rng('percentile', id!, metric, periodType).next() * 100) / 100 });
}

/** `top_ads/v2/recommend`: ten similar ads of the same industry, each resolvable in detail. */
export function adsRecommend(q: URLSearchParams, nowMs: number): Answer {
  const id = str(q, 'material_id');
  const key = decodeMaterialId(id);
  if (!key) return MATERIAL_NOT_FOUND;
  const r = rng('recommend', id!);
  const country = str(q, 'country_code')?.toUpperCase();
  const countryIndex = country !== undefined && ADS_COUNTRIES.includes(country) ? ADS_COUNTRIES.indexOf(country) : key.country;
  const materials = Array.from({ length: 10 }, () => {
    const k: MaterialKey = { seed: r.digits(10), industry: key.industry, objective: r.int(0, OBJECTIVES.length - 1), country: countryIndex };
    const mid = encodeMaterialId(k);
    return material(mid, k, nowMs);
  });
  return ok({ materials });
}

/** `education/top_ads/list` (Spotlight): 30 hand-picked ads per spotlight industry; none for others. */
export function adsSpotlight(q: URLSearchParams, nowMs: number): Answer {
  const { page, limit } = paging(q, SPOTLIGHT_PAGE_MAX);
  const industry = str(q, 'industry');
  const industries = industry === undefined ? SPOTLIGHT_INDUSTRIES : SPOTLIGHT_INDUSTRIES.filter((i) => i === industry);
  const all = industries.flatMap((ind) => {
    const index = ADS_INDUSTRIES.findIndex((i) => i.id === ind);
    return Array.from({ length: SPOTLIGHT_PER_INDUSTRY }, (_, n) => {
      const r = rng('spotlight', ind, n);
      const k: MaterialKey = { seed: r.digits(10), industry: index, objective: r.int(0, OBJECTIVES.length - 1), country: r.int(0, ADS_COUNTRIES.length - 1) };
      return { id: encodeMaterialId(k), key: k };
    });
  });
  const { slice, hasMore } = paginate(all, page, limit);
  return ok({
    materials: slice.map(({ id, key }) => material(id, key, nowMs)),
    pagination: { page, size: limit, total_count: all.length, has_more: hasMore },
  });
}

/** `top_ads/query_suggestion`: `data.query` strings; popular terms for an empty query, else matches. */
export function adsQuerySuggestion(q: URLSearchParams): Answer {
  const count = Math.min(50, Math.max(1, intParam(q, 'count', 50)));
  const query = (str(q, 'query') ?? '').toLowerCase();
  const country = str(q, 'country_code')?.toUpperCase() ?? '';
  const pool = query ? KEYWORDS.filter((k) => k.includes(query)) : rng('suggest', country).shuffle(KEYWORDS);
  return ok({ query: pool.slice(0, count) });
}

/** `top_ads/v2/filters`. */
export function adsFilters(): Answer {
  return ok(adsFilterLists());
}
