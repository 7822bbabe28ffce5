import { TREND_COUNTRIES, TREND_INDUSTRIES } from '../../catalog/industries.js';
import { ChartCache } from '../memo.js';
import { audience, cdnUrl, countryInfo, dailyMovement, dayStart, paginate, pointCount, relatedItems, standingTrend, trendPoints } from '../chart.js';
import { DailyChart, utcDay } from '../daily-chart.js';
import { ok, type Answer } from '../envelope.js';
import { intParam, oneOf, paging, str } from '../query.js';
import { rng } from '../random.js';
import {
  ALL_HASHTAGS,
  CREATOR_STYLES,
  FIRST_NAMES,
  GEONAMES,
  GENERAL_HASHTAGS,
  INDUSTRY_HASHTAGS,
  INTERESTS,
  US_BLINKING_HASHTAG,
  US_STABLE_HASHTAGS,
} from '../vocab.js';

/** The hashtag chart (`popular_trend/hashtag/list`, docs/upstreams.md § Operations, § Item shapes) and detail. */

const CHART_SIZE = 100;
const PAGE_MAX = 50;
const KNOWN = new Set(ALL_HASHTAGS);
const COVERED = new Set(TREND_COUNTRIES);
const charts = new ChartCache<ReturnType<typeof buildChart>>();
const dailyCharts = new ChartCache<DailyChart>(128);


/** The industry a hashtag belongs to, stable per name (general tags: some none). */
function homeIndustry(name: string): number | undefined {
  for (const [id, tags] of Object.entries(INDUSTRY_HASHTAGS)) if (tags.includes(name)) return Number(id);
  const r = rng('hashtag-industry', name);
  return r.chance(0.4) ? undefined : r.pick(TREND_INDUSTRIES).id;
}

function industryInfo(id: number) {
  const industry = TREND_INDUSTRIES.find((i) => i.id === id)!;
  return { id, value: industry.value, label: `label_${id}` };
}

/** Hashtag ids are stable per name, decimal strings of varying length like upstream's. */
export function hashtagId(name: string): string {
  const r = rng('hashtag-id', name);
  return r.digits(r.int(4, 16));
}

function creators(name: string, n: number, nowMs: number) {
  const r = rng('hashtag-creators', name);
  return Array.from({ length: n }, (_, i) => {
    const nick = `${r.pick(FIRST_NAMES)} ${r.pick(CREATOR_STYLES)}`;
    return { nick_name: nick, avatar_url: cdnUrl(`${name}|creator|${i}|${nick}`, 'avatar', nowMs) };
  });
}

/** Scale of counts per period and region, so 30 days count more than 7 and ALL more than one country. */
function scale(period: number, country: string | undefined): number {
  const byPeriod = period >= 1095 ? 80 : period >= 365 ? 30 : period >= 120 ? 12 : period >= 30 ? 3.5 : 1;
  return byPeriod * (country ? 1 : 6);
}

/** A chart that moves by day (daily-chart.ts): an industry's own tags hold its top, `prom` the US top. */
function dailyChart(key: string, country: string | undefined, industry: number | undefined): DailyChart {
  return dailyCharts.get(key, () =>
    industry
      ? new DailyChart(key, [...INDUSTRY_HASHTAGS[industry]!, ...GENERAL_HASHTAGS], CHART_SIZE, { pinned: INDUSTRY_HASHTAGS[industry]! })
      : new DailyChart(key, ALL_HASHTAGS, CHART_SIZE, country === 'US' ? { pinned: US_STABLE_HASHTAGS, blinker: US_BLINKING_HASHTAG } : {}),
  );
}

function buildChart(country: string | undefined, period: number, industry: number | undefined, nowMs: number) {
  const key = `hashtag-chart|${country ?? 'ALL'}|${period}|${industry ?? ''}`;
  const chart = dailyChart(key, country, industry);
  const day = utcDay(nowMs);
  const k = scale(period, country);
  return chart.ranking(day).map((name, i) => {
    const rank = i + 1;
    const r = rng(key, name, day);
    const move = dailyMovement(chart, name, rank, nowMs, r);
    const full = pointCount(period);
    const isNew = move.rank_diff_type === 4;
    const trend = standingTrend(chart, name, period, nowMs, isNew && r.chance(0.6) ? r.int(Math.min(3, full), full) : full);
    const publish = Math.round(((180_000 * k) / (1 + i * 0.07)) * (0.8 + r.next() * 0.4));
    const ownIndustry = industry ?? homeIndustry(name);
    const creatorCount = r.int(0, 3);
    return {
      hashtag_id: hashtagId(name),
      hashtag_name: name,
      country_info: countryInfo(country),
      ...(ownIndustry !== undefined ? { industry_info: industryInfo(ownIndustry) } : {}),
      is_promoted: r.chance(0.03),
      trend,
      ...(creatorCount > 0 ? { creators: creators(name, creatorCount, nowMs) } : {}),
      publish_cnt: publish,
      video_views: publish * r.int(800, 6000),
      rank,
      rank_diff: move.rank_diff,
      rank_diff_type: move.rank_diff_type,
    };
  });
}

/** `popular_trend/hashtag/list`: `data.list`, `data.pagination{page,size,total,has_more}`, total 100. */
export function hashtagList(q: URLSearchParams, nowMs: number): Answer {
  const { page, limit } = paging(q, PAGE_MAX);
  const period = oneOf(intParam(q, 'period', 7), [7, 30, 120], 7);
  const country = str(q, 'country_code')?.toUpperCase();
  const industryRaw = str(q, 'industry_id');
  const industry = industryRaw === undefined ? undefined : Number(industryRaw);
  const uncovered =
    (country !== undefined && !COVERED.has(country)) ||
    (industry !== undefined && !TREND_INDUSTRIES.some((i) => i.id === industry));
  let items = uncovered
    ? []
    : charts.get(`${country}|${period}|${industry}|${dayStart(nowMs)}`, () => buildChart(country, period, industry, nowMs));
  if (str(q, 'filter_by') === 'new_on_board') items = items.filter((i) => i.rank_diff_type === 4);
  const { slice, hasMore } = paginate(items, page, limit);
  return ok({ list: slice, pagination: { page, size: limit, total: items.length, has_more: hasMore } });
}

/** `popular_trend/hashtag/detail`: `data.info`, or an empty `info` for a name no chart holds. */
export function hashtagDetail(q: URLSearchParams, nowMs: number): Answer {
  const name = (str(q, 'hashtag_name') ?? '').replace(/^#/, '').toLowerCase();
  const period = oneOf(intParam(q, 'period', 7), [7, 30, 120, 365, 1095], 7);
  const country = str(q, 'country_code')?.toUpperCase();
  if (!KNOWN.has(name) || (country !== undefined && !COVERED.has(country))) return ok({ info: {} });
  const r = rng('hashtag-detail', name, country ?? 'ALL', period);
  const industry = homeIndustry(name);
  const k = scale(period, country);
  const publish = Math.round(60_000 * k * (0.5 + r.next()));
  const publishAll = publish * r.int(8, 40);
  const related = rng('hashtag-related', name).shuffle(ALL_HASHTAGS.filter((n) => n !== name)).slice(0, 5);
  const creatorCount = r.int(0, 3);
  return ok({
    info: {
      hashtag_id: hashtagId(name),
      hashtag_name: name,
      country_info: countryInfo(country),
      ...(industry !== undefined ? { industry_info: industryInfo(industry) } : {}),
      is_promoted: false,
      trend: trendPoints(r, period, nowMs),
      ...(creatorCount > 0 ? { creators: creators(name, creatorCount, nowMs) } : {}),
      publish_cnt: publish,
      video_views: publish * r.int(800, 6000),
      description: r.chance(0.7) ? `Videos and trends about #${name} on TikTok.` : '',
      video_url: `https://www.tiktok.com/tag/${encodeURIComponent(name)}`,
      publish_cnt_all: publishAll,
      video_views_all: publishAll * r.int(1000, 8000),
      longevity: { popular_days: r.int(1, Math.min(period, 365)), current_popularity: r.int(0, 1) },
      ...audience(r, INTERESTS, GEONAMES),
      related_hashtags: related.map((n) => ({
        hashtag_id: hashtagId(n),
        hashtag_name: n,
        video_url: `https://www.tiktok.com/tag/${encodeURIComponent(n)}`,
      })),
      related_items: relatedItems(r, `hashtag|${name}`, 6, nowMs),
    },
  });
}
