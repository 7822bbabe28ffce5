import { countryName } from '../../catalog/countries.js';
import { adsList } from '../data/top-ads.js';
import { adsFilterLists } from '../data/top-ads-catalog.js';
import { rng } from '../random.js';
import { pageAndLimit, wholeNumber, type OneContext } from './context.js';
import { invalidRequest, okAnswer, type OneAnswer } from './protocol.js';

/**
 * TikTok One's Top Ads (`CreativeOne/TopAds/*`, docs/upstreams.md § TikTok One), a fallback for the
 * legacy Top Ads API. It draws on the legacy ads, so a `materialID` found here resolves in the legacy
 * `top_ads/v2/detail` too.
 */

const SOURCE_MODULES = [1, 2];
const TIME_RANGES = [7, 30, 180];
/** `orderField` 1–4 → the legacy list's order. */
const ORDER_BY: Record<number, string> = { 1: 'for_you', 2: 'like', 3: 'ctr', 4: 'impression' };
const LIMIT_MAX = 20;

/** `GET /CreativeOne/TopAds/Filters?sourceModule=1|2`: the option lists of SearchMaterial. */
export function getTopAdsFilters(ctx: OneContext): OneAnswer {
  const module = wholeNumber(ctx.query.get('sourceModule') ?? '');
  if (module === undefined || !SOURCE_MODULES.includes(module)) return invalidRequest('sourceModule must be 1 or 2');
  const lists = adsFilterLists();
  return okAnswer({
    industryList: lists.industry
      .filter((i) => i.parent_id === null)
      .map((top) => ({
        id: top.id,
        name: top.value,
        children: lists.industry.filter((i) => i.parent_id === top.id).map((c) => ({ id: c.id, name: c.value })),
      })),
    countryList: lists.country.map((c) => ({ countryCode: c.id, name: countryName(c.id) })),
    objectiveList: lists.objective.map((o) => ({ id: o.id, name: o.value })),
    timeRangeList: TIME_RANGES,
  });
}

/** A list field of the body as trimmed strings (numbers allowed), or undefined when it is not a list. */
function stringList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return undefined;
  return value.map((v) => String(v).trim()).filter(Boolean);
}

/** `POST /CreativeOne/TopAds/SearchMaterial`: `itemList` and `pagination{page,limit,totalCount,hasMore}`. */
export function searchMaterial(ctx: OneContext): OneAnswer {
  const b = ctx.body;
  const timeRange = wholeNumber(b.timeRange);
  if (timeRange === undefined || !TIME_RANGES.includes(timeRange)) return invalidRequest('timeRange must be one of 7, 30, 180');
  const orderField = b.orderField === undefined ? 1 : wholeNumber(b.orderField);
  if (orderField === undefined || ORDER_BY[orderField] === undefined) return invalidRequest('orderField must be 1–4');
  const paging = pageAndLimit(b.page, b.limit, LIMIT_MAX);
  if (typeof paging === 'string') return invalidRequest(paging);
  const industries = stringList(b.industryLabelList);
  const countries = stringList(b.countryCodeList);
  const objectives = stringList(b.objectiveList);
  if (!industries || !countries || !objectives) return invalidRequest('industryLabelList, countryCodeList and objectiveList must be lists');
  const q = new URLSearchParams({
    period: String(timeRange),
    order_by: ORDER_BY[orderField]!,
    page: String(paging.page),
    limit: String(paging.limit),
    industry: industries.join(','),
    country_code: countries.join(','),
    objective: objectives.join(','),
    keyword: typeof b.searchWord === 'string' ? b.searchWord : '',
  });
  const legacy = adsList(q, ctx.nowMs, ctx.loggedIn).data as {
    materials: Array<{ id: string; ad_title: string; brand_name: string; ctr: number; like: number; industry_key: string; objective_key: string; video_info: { vid: string; duration: number; cover: string; video_url: Record<string, string>; width: number; height: number } }>;
    pagination: { total_count: number; has_more: boolean };
  };
  return okAnswer({
    itemList: legacy.materials.map((m) => {
      const r = rng('one-material', m.id, timeRange);
      const videoView = m.like * r.int(20, 200);
      return {
        materialID: ctx.int(m.id),
        adTitle: m.ad_title,
        brandName: m.brand_name,
        industryKey: m.industry_key,
        objectiveKey: m.objective_key,
        videoInfo: {
          vid: m.video_info.vid,
          duration: m.video_info.duration,
          coverURL: m.video_info.cover,
          videoURL: { default: m.video_info['video_url']['720p'] },
          width: m.video_info.width,
          height: m.video_info.height,
        },
        likeCnt: ctx.int(m.like),
        videoView: ctx.int(videoView),
        clickRate: m.ctr,
        ctrRank: r.int(1, 99),
        engagementRate: Math.round((0.01 + r.next() * 0.15) * 10_000) / 10_000,
        videoView6sRank: r.int(1, 99),
      };
    }),
    pagination: { page: paging.page, limit: paging.limit, totalCount: legacy.pagination.total_count, hasMore: legacy.pagination.has_more },
  });
}
