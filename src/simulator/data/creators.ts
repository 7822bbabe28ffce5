import { cdnUrl, dayStart, paginate } from '../chart.js';
import { DailyChart, utcDay } from '../daily-chart.js';
import { ChartCache } from '../memo.js';
import { ok, type Answer } from '../envelope.js';
import { oneOf, paging, str } from '../query.js';
import { rng } from '../random.js';
import { CREATOR_STYLES, FIRST_NAMES } from '../vocab.js';

/** Creators chart (`popular_trend/creator/list`, docs/upstreams.md § Operations, § Item shapes), total 459. */

const PAGE_MAX = 50;
const TOTAL = 459;
/** Creator and audience countries (docs/upstreams.md § Filter lists). */
const CREATOR_COUNTRIES = new Set('AU BR CA EG FR DE ID IL IT JP MY PH RU SA SG KR ES TW TH TR AE GB US VN'.split(' '));
const charts = new ChartCache<Array<ReturnType<typeof creator>>>();
const dailyCharts = new ChartCache<DailyChart>(64);
const NICKS = FIRST_NAMES.flatMap((f) => CREATOR_STYLES.map((s) => `${f} ${s}`));

function creator(nick: string, key: string, country: string | undefined, nowMs: number) {
  const r = rng('creator', nick);
  const handle = `${nick.toLowerCase().replace(/\s+/g, '_')}${r.int(1, 999)}`;
  const followers = Math.round(10 ** (4 + r.next() * 3.2));
  const c = rng(key, nick);
  const created = dayStart(nowMs);
  const items = Array.from({ length: 3 }, (_, i) => {
    const itemId = `7${r.int(3, 5)}${r.digits(17)}`;
    const vv = Math.round(followers * (0.2 + c.next() * 3));
    return {
      item_id: itemId,
      cover_url: cdnUrl(`creator|${nick}|${i}`, 'cover', nowMs),
      tt_link: `https://www.tiktok.com/@${handle}/video/${itemId}`,
      vv,
      liked_cnt: Math.round(vv * (0.03 + c.next() * 0.1)),
      create_time: created - (i * 3 + c.int(0, 2)) * 86_400 + c.int(0, 86_399),
    };
  });
  return {
    tcm_id: `7${r.int(0, 2)}${r.digits(17)}`,
    user_id: `6${r.int(7, 9)}${r.digits(17)}`,
    nick_name: nick,
    avatar_url: cdnUrl(`creator|${nick}`, 'avatar', nowMs),
    country_code: country ?? r.pick([...CREATOR_COUNTRIES]),
    follower_cnt: followers,
    liked_cnt: Math.round(followers * (2 + r.next() * 20)),
    tt_link: `https://www.tiktok.com/@${handle}`,
    tcm_link: `https://creatormarketplace.tiktok.com/ad#/author/${r.digits(19)}`,
    items,
  };
}

/** `popular_trend/creator/list`: `data.creators`, `data.pagination{page,size,total,has_more}`. */
export function creatorList(q: URLSearchParams, nowMs: number): Answer {
  const { page, limit } = paging(q, PAGE_MAX);
  const sortBy = oneOf(str(q, 'sort_by') ?? 'follower', ['follower', 'engagement', 'avg_views'], 'follower');
  const country = str(q, 'creator_country')?.toUpperCase();
  const audienceCountry = str(q, 'audience_country')?.toUpperCase();
  const uncovered = [country, audienceCountry].some((c) => c !== undefined && !CREATOR_COUNTRIES.has(c));
  let items: Array<ReturnType<typeof creator>> = [];
  if (!uncovered) {
    // audience_count is accepted and ignored, as upstream appears to (docs/upstreams.md § Operations).
    // Which creators make the 459 changes by day (daily-chart.ts); the order is the metric's.
    const key = `creator-chart|${country ?? ''}|${audienceCountry ?? ''}`;
    items = charts
      .get(`${key}|${dayStart(nowMs)}`, () =>
        dailyCharts
          .get(key, () => new DailyChart(key, NICKS, TOTAL))
          .ranking(utcDay(nowMs))
          .map((nick) => creator(nick, key, country, nowMs)),
      )
      .slice();
    const avgViews = (c: (typeof items)[number]) => c.items.reduce((s, i) => s + i.vv, 0) / c.items.length;
    const metric =
      sortBy === 'follower'
        ? (c: (typeof items)[number]) => c.follower_cnt
        : sortBy === 'engagement'
          ? (c: (typeof items)[number]) => c.items.reduce((s, i) => s + i.liked_cnt, 0) / Math.max(1, avgViews(c))
          : avgViews;
    items.sort((a, b) => metric(b) - metric(a));
  }
  const { slice, hasMore } = paginate(items, page, limit);
  return ok({ creators: slice, pagination: { page, size: limit, total: items.length, has_more: hasMore } });
}
