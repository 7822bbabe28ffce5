import { countryName } from '../../catalog/countries.js';
import { cdnUrl, dayStart, paginate } from '../chart.js';
import { DailyChart, utcDay } from '../daily-chart.js';
import { ChartCache } from '../memo.js';
import { ok, type Answer } from '../envelope.js';
import { intParam, oneOf, paging, str } from '../query.js';
import { rng } from '../random.js';
import { CREATOR_STYLES, FIRST_NAMES, VIDEO_TITLES, GENERAL_HASHTAGS } from '../vocab.js';

/** Trending videos (`popular_trend/list`, docs/upstreams.md § Operations, § Item shapes), total_count 500. */

const PAGE_MAX = 20;
const TOTAL = 500;
/** Trending-video countries (docs/upstreams.md § Filter lists). */
const VIDEO_COUNTRIES = 'AU BR CA EG FR DE ID IT JP MY MX PH PL RU SA SG KR ES SE TH TR AE GB US VN'.split(' ');
const COVERED = new Set(VIDEO_COUNTRIES);
const charts = new ChartCache<ReturnType<typeof buildVideos>>();
const dailyCharts = new ChartCache<DailyChart>(64);
/** Videos that can chart under one key; the day's 500 are drawn from them (daily-chart.ts). */
const POOL = Array.from({ length: 800 }, (_, i) => String(i));

/** `popular_trend/list`: `data.videos`, `data.pagination{page,limit,total_count,has_more}`. */
export function videoList(q: URLSearchParams, nowMs: number): Answer {
  const { page, limit } = paging(q, PAGE_MAX);
  const period = oneOf(intParam(q, 'period', 7), [7, 30], 7);
  const orderBy = oneOf(str(q, 'order_by') ?? 'vv', ['vv', 'like', 'comment', 'repost'], 'vv');
  const country = str(q, 'country_code')?.toUpperCase();
  const items =
    country !== undefined && !COVERED.has(country)
      ? []
      : charts.get(`${country}|${period}|${orderBy}|${dayStart(nowMs)}`, () => buildVideos(country, period, orderBy, nowMs));
  const { slice, hasMore } = paginate(items, page, limit);
  return ok({ videos: slice, pagination: { page, limit, total_count: items.length, has_more: hasMore } });
}

function buildVideos(country: string | undefined, period: number, orderBy: string, nowMs: number) {
  const key = `video-chart|${country ?? ''}|${period}|${orderBy}`;
  const chart = dailyCharts.get(key, () => new DailyChart(key, POOL, TOTAL));
  return chart.ranking(utcDay(nowMs)).map((slot) => {
    const r = rng(key, slot);
    const itemId = `7${r.int(3, 5)}${r.digits(17)}`;
    const code = country ?? r.pick(VIDEO_COUNTRIES);
    const handle = `${r.pick(FIRST_NAMES)}${r.pick(CREATOR_STYLES)}`.toLowerCase() + r.int(1, 99);
    return {
      country_code: code,
      cover: cdnUrl(`video|${itemId}`, 'cover', nowMs),
      duration: r.int(7, 180),
      id: itemId,
      item_id: itemId,
      item_url: `https://www.tiktok.com/@${handle}/video/${itemId}`,
      region: countryName(code),
      title: `${r.pick(VIDEO_TITLES)} #${r.pick(GENERAL_HASHTAGS)} #${r.pick(GENERAL_HASHTAGS)}`,
    };
  });
}
