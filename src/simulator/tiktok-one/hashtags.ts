import { cdnUrl } from '../chart.js';
import { DailyChart, dayStartSeconds, utcDay } from '../daily-chart.js';
import { ChartCache } from '../memo.js';
import { rng } from '../random.js';
import {
  ALL_HASHTAGS,
  CREATOR_STYLES,
  FIRST_NAMES,
  GENERAL_HASHTAGS,
  INDUSTRY_HASHTAGS,
  US_BLINKING_HASHTAG,
  US_STABLE_HASHTAGS,
} from '../vocab.js';
import { pageAndLimit, wholeNumber, type OneContext } from './context.js';
import { INVALID_LOGIN, invalidRequest, okAnswer, type OneAnswer } from './protocol.js';
import { HASHTAG_REGIONS, MORE_INDUSTRY_HASHTAGS, ONE_INDUSTRIES } from './vocab.js';

/** `GetHashtagList` and `GetHashtagDetail` (docs/upstreams.md § TikTok One). */

const CHART_SIZE = 100;
/** Logged-in callers may ask up to 100 per page. */
const LIST_LIMIT_MAX = 100;
/** Anonymous callers see the top of each chart only. */
const ANONYMOUS_TOP = 3;

const INDUSTRY_TAGS: Record<number, readonly string[]> = { ...INDUSTRY_HASHTAGS, ...MORE_INDUSTRY_HASHTAGS };
const REGIONS = new Set(HASHTAG_REGIONS);
const INDUSTRY_IDS = new Set(ONE_INDUSTRIES.map((i) => i.id));
/** Every name a TikTok One hashtag chart can hold. */
const POOL: readonly string[] = [...new Set([...ALL_HASHTAGS, ...Object.values(MORE_INDUSTRY_HASHTAGS).flat()])];

/** 19-digit ids, stable per name. */
function oneHashtagId(name: string): string {
  const r = rng('one-hashtag-id', name);
  return `7${r.int(2, 4)}${r.digits(17)}`;
}
const NAME_BY_ID = new Map(POOL.map((name) => [oneHashtagId(name), name]));

const charts = new ChartCache<DailyChart>(128);
const days = new ChartCache<HashtagEntry[]>(128);

interface CurvePoint {
  timestamp: number;
  value: number;
}

interface HashtagEntry {
  id: string;
  name: string;
  rank: number;
  publishCnt: number;
  vv: number;
  industryIDs: number[];
  creators: string[];
  curve: CurvePoint[];
}

function chartFor(country: string, timeRange: number, industry: number | undefined): DailyChart {
  const key = `one-hashtag|${country}|${timeRange}|${industry ?? ''}`;
  return charts.get(key, () => {
    if (industry !== undefined) return new DailyChart(key, [...INDUSTRY_TAGS[industry]!, ...GENERAL_HASHTAGS], CHART_SIZE, { pinned: INDUSTRY_TAGS[industry]! });
    if (country === 'US') return new DailyChart(key, POOL, CHART_SIZE, { pinned: US_STABLE_HASHTAGS, blinker: US_BLINKING_HASHTAG });
    return new DailyChart(key, POOL, CHART_SIZE);
  });
}

/** Popularity 0–100 (two decimals) of a standing: the top is near 100, the cut-off near 13. */
function popularity(standing: number): number {
  if (!Number.isFinite(standing)) return 0;
  return Math.round(100 * Math.exp(-Math.max(0, standing + 1.5) / 50) * 100) / 100;
}

/**
 * One point per day at 00:00 UTC over the period, ending today. Past points follow the name's daily
 * standing, so yesterday's curve and today's agree; today is partial and mostly 0.
 */
function curve(chart: DailyChart, name: string, timeRange: number, day: number): CurvePoint[] {
  return Array.from({ length: timeRange }, (_, i) => {
    const d = day - (timeRange - 1 - i);
    let value = popularity(chart.standing(name, d));
    if (d === day) {
      const r = rng(chart.key, 'today', name, day);
      value = r.chance(0.7) ? 0 : Math.round(value * r.next() * 50) / 100;
    }
    return { timestamp: dayStartSeconds(d), value };
  });
}

function homeIndustries(name: string, chartIndustry: number | undefined): number[] {
  const own = Object.entries(INDUSTRY_TAGS)
    .filter(([, tags]) => tags.includes(name))
    .map(([id]) => Number(id));
  const r = rng('one-hashtag-industries', name);
  const guessed = own.length > 0 ? own : r.chance(0.35) ? [] : [r.pick(ONE_INDUSTRIES).id];
  return chartIndustry === undefined ? guessed : [chartIndustry, ...guessed.filter((id) => id !== chartIndustry)];
}

function topCreators(name: string): string[] {
  const r = rng('one-hashtag-creators', name);
  return Array.from({ length: r.int(1, 3) }, () => `${r.pick(FIRST_NAMES)}.${r.pick(CREATOR_STYLES)}${r.int(1, 999)}`.toLowerCase());
}

/** Counts grow with the period: 30 days count more than 7. */
const PERIOD_SCALE: Record<number, number> = { 7: 1, 30: 3.5, 90: 9, 120: 12 };

function entry(chart: DailyChart, name: string, rank: number, timeRange: number, industry: number | undefined, day: number): HashtagEntry {
  const standing = chart.standing(name, day);
  const r = rng(chart.key, 'counts', name, day);
  const publishCnt = Math.round(120_000 * PERIOD_SCALE[timeRange]! * Math.exp(-Math.max(0, standing) / 40) * (0.85 + 0.3 * r.next()));
  const viewsPerPost = rng('one-hashtag-views', name).int(300, 3000);
  return {
    id: oneHashtagId(name),
    name,
    rank,
    publishCnt,
    vv: publishCnt * viewsPerPost,
    industryIDs: homeIndustries(name, industry),
    creators: topCreators(name),
    curve: curve(chart, name, timeRange, day),
  };
}

function chartDay(country: string, timeRange: number, industry: number | undefined, day: number): HashtagEntry[] {
  return days.get(`${country}|${timeRange}|${industry ?? ''}|${day}`, () => {
    const chart = chartFor(country, timeRange, industry);
    return chart.ranking(day).map((name, i) => entry(chart, name, i + 1, timeRange, industry, day));
  });
}

function present(e: HashtagEntry, ctx: OneContext) {
  return {
    hashtagID: ctx.int(e.id),
    hashtagName: e.name,
    industryIDs: e.industryIDs,
    popularityCurve: e.curve.map((p) => ({ timestamp: ctx.int(p.timestamp), value: p.value })),
    publishCnt: ctx.int(e.publishCnt),
    rankIndex: ctx.int(e.rank),
    topCreators: e.creators.map((handleName) => ({ handleName })),
    vv: ctx.int(e.vv),
  };
}

/** `timeRange` 7, 30 or the accepted long period; `countryCode` present. */
function chartParams(body: Record<string, unknown>, longPeriod: 90 | 120): { timeRange: number; country: string } | string {
  const timeRange = wholeNumber(body.timeRange);
  if (timeRange === undefined || ![7, 30, longPeriod].includes(timeRange)) return `timeRange must be one of 7, 30, ${longPeriod}`;
  const country = typeof body.countryCode === 'string' ? body.countryCode.trim().toUpperCase() : '';
  if (country === '') return 'countryCode is required';
  return { timeRange, country };
}

/** `POST /CreativeOne/KnowledgeAPI/GetHashtagList`: `items` and `pagination{page,limit,totalCount,hasMore}`. */
export function getHashtagList(ctx: OneContext): OneAnswer {
  const params = chartParams(ctx.body, ctx.longPeriod);
  if (typeof params === 'string') return invalidRequest(params);
  // A string industryID is ignored, as upstream does; an unknown integer one is refused.
  const industry = typeof ctx.body.industryID === 'number' ? ctx.body.industryID : undefined;
  if (industry !== undefined && !INDUSTRY_IDS.has(industry)) return invalidRequest(`industryID ${industry} is not supported`);
  const paging = pageAndLimit(ctx.body.page, ctx.body.limit, LIST_LIMIT_MAX);
  if (typeof paging === 'string') return invalidRequest(paging);
  const { page, limit } = paging;
  const all = REGIONS.has(params.country) ? chartDay(params.country, params.timeRange, industry, utcDay(ctx.nowMs)) : [];
  const visible = ctx.loggedIn ? all : all.slice(0, ANONYMOUS_TOP);
  const start = (page - 1) * limit;
  return okAnswer({
    items: visible.slice(start, start + limit).map((e) => present(e, ctx)),
    pagination: { page, limit, totalCount: visible.length, hasMore: start + limit < visible.length },
  });
}

/**
 * `POST /CreativeOne/KnowledgeAPI/GetHashtagDetail`, login only. A hashtag is looked up by its id as a
 * string; an id the simulator never handed out, or a region without charts, answers an empty detail.
 */
export function getHashtagDetail(ctx: OneContext): OneAnswer {
  if (!ctx.loggedIn) return INVALID_LOGIN;
  const params = chartParams(ctx.body, ctx.longPeriod);
  if (typeof params === 'string') return invalidRequest(params);
  if (typeof ctx.body.hashtagID !== 'string' || !/^[0-9]+$/.test(ctx.body.hashtagID)) return invalidRequest('hashtagID must be a string of digits');
  const name = NAME_BY_ID.get(ctx.body.hashtagID);
  if (name === undefined || !REGIONS.has(params.country)) return okAnswer({});
  const { nowMs } = ctx;
  const day = utcDay(nowMs);
  const chart = chartFor(params.country, params.timeRange, undefined);
  const e = entry(chart, name, 0, params.timeRange, undefined, day);
  const r = rng('one-hashtag-detail', name, params.country, params.timeRange, day);
  const ages = [r.int(10, 40), r.int(20, 50), r.int(10, 40), r.int(5, 20)];
  const ageSum = ages.reduce((a, b) => a + b, 0);
  const countries = r.shuffle(HASHTAG_REGIONS.filter((c) => c !== params.country)).slice(0, 4);
  return okAnswer({
    hashtagID: ctx.int(e.id),
    hashtagName: e.name,
    publishCnt: ctx.int(e.publishCnt),
    vv: ctx.int(e.vv),
    timeRange: params.timeRange,
    countryCode: params.country,
    industryIDs: e.industryIDs,
    popularityCurve: e.curve.map((p) => ({ timestamp: ctx.int(p.timestamp), value: p.value })),
    ageProfile: ages.map((w, i) => ({ ageLevel: String(i + 2), vvPercent: ((w / ageSum) * 100).toFixed(2) })),
    representativeCountryProfile: [params.country, ...countries].map((countryCode, i) => ({
      countryCode,
      countryTgiScore: Math.round((i === 0 ? 150 + r.next() * 100 : 40 + r.next() * 120) * 100) / 100,
    })),
    videoList: Array.from({ length: 6 }, (_, i) => {
      const itemID = `7${r.int(3, 5)}${r.digits(17)}`;
      return {
        itemID: ctx.int(itemID),
        vid: r.hex(32),
        coverURL: cdnUrl(`one-hashtag|${name}|${i}`, 'cover', nowMs),
        videoURL: { default: cdnUrl(`one-hashtag|${name}|${i}`, 'video', nowMs) },
      };
    }),
  });
}
