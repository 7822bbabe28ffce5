import { cdnUrl } from '../chart.js';
import { DailyChart, dayStartSeconds, utcDay } from '../daily-chart.js';
import { ChartCache } from '../memo.js';
import { rng } from '../random.js';
import { CREATOR_STYLES, FIRST_NAMES, GENERAL_HASHTAGS, VIDEO_TITLES } from '../vocab.js';
import { pageAndLimit, wholeNumber, type OneContext } from './context.js';
import { invalidRequest, okAnswer, type OneAnswer } from './protocol.js';
import { CONTENT_LABELS, VIDEO_COUNTRIES } from './vocab.js';

/** Top contents: `GetTopContentsOverview` and `CreativeCenterGetTopContentsList` (docs/upstreams.md § TikTok One). */

const CHART_SIZE = 100;
const POOL_SIZE = 160;
const LIMIT_MAX = 20;
/** Anonymous callers get page 1 with this many items, while the pagination claims the full chart. */
const ANONYMOUS_ITEMS = 4;
/** `periodDimension` → days: 3 = 7 days, 5 = 30 days. */
const PERIOD_DAYS: Record<number, number> = { 3: 7, 5: 30 };
const UNSUPPORTED = 'not supported top contents setting';

const COVERED = new Set(VIDEO_COUNTRIES);
const LABEL_NAMES = new Map(CONTENT_LABELS.map((l) => [l.id, l.name]));
const charts = new ChartCache<DailyChart>(128);
const days = new ChartCache<VideoEntry[]>(128);
const identities = new ChartCache<Map<string, VideoIdentity>>(16);

interface VideoIdentity {
  itemID: string;
  authorID: string;
  creatorID: string;
  title: string;
  handle: string;
  nickName: string;
  bio: string;
  followers: number;
  labels: number[];
  contentType: number;
}

interface VideoEntry {
  identity: VideoIdentity;
  createTime: number;
  videoViews: number;
  videoViewsLifeTime: number;
  organicVideoViews: number;
  organicVideoViewsLifeTime: number;
  engagementRate: number;
  sixSecondsVTR: number;
  labels: number[];
}

/** The videos that can chart in a country, keyed by itemID. */
function countryPool(country: string): Map<string, VideoIdentity> {
  return identities.get(country, () => {
    const pool = new Map<string, VideoIdentity>();
    for (let i = 0; i < POOL_SIZE; i++) {
      const r = rng('one-video', country, i);
      const first = r.pick(FIRST_NAMES);
      const style = r.pick(CREATOR_STYLES);
      const v: VideoIdentity = {
        itemID: `7${r.int(3, 5)}${r.digits(17)}`,
        authorID: `6${r.int(7, 9)}${r.digits(17)}`,
        creatorID: `7${r.int(0, 2)}${r.digits(17)}`,
        title: `${r.pick(VIDEO_TITLES)} #${r.pick(GENERAL_HASHTAGS)} #${r.pick(GENERAL_HASHTAGS)}`,
        handle: `${first}${style}${r.int(1, 999)}`.toLowerCase(),
        nickName: `${first} ${style}`,
        bio: r.chance(0.6) ? `${style} every day · ${country}` : '',
        followers: Math.round(10 ** (4 + r.next() * 3.3)),
        labels: r.shuffle(CONTENT_LABELS.map((l) => l.id)).slice(0, r.int(1, 2)),
        contentType: 1,
      };
      pool.set(v.itemID, v);
    }
    return pool;
  });
}

interface ChartParams {
  country: string;
  periodDays: number;
  metric: 1 | 2 | 3;
  labels: number[];
  organicOnly: boolean;
}

function chartKey(p: ChartParams): string {
  return `one-videos|${p.country}|${p.periodDays}|${p.metric}|${p.labels.join(',')}|${p.organicOnly}`;
}

/**
 * A decreasing series: the ranked metric falls with every rank. Each value is jittered within its own
 * rank's step of the decay (never into the next one's), so the chart stays in order however slowly it
 * decays: a fixed 1% jitter let a rank out-score the one above it where a step is under 1% (the
 * six-second view rate's).
 */
function decreasing(key: string, top: number, decayRanks: number): number[] {
  const r = rng(key, 'series');
  return Array.from({ length: CHART_SIZE }, (_, k) => top * Math.exp(-(k + 0.9 * r.next()) / decayRanks));
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

function chartDay(p: ChartParams, day: number): VideoEntry[] {
  const key = chartKey(p);
  return days.get(`${key}|${day}`, () => {
    const pool = countryPool(p.country);
    const chart = charts.get(key, () => new DailyChart(key, [...pool.keys()], CHART_SIZE));
    const dayKey = `${key}|${day}`;
    const scale = p.periodDays === 30 ? 3.2 : 1;
    const views = decreasing(`${dayKey}|views`, 48_000_000 * scale, 28);
    const engagement = decreasing(`${dayKey}|engagement`, 0.26, 60);
    const vtr = decreasing(`${dayKey}|vtr`, 0.93, 150);
    return chart.ranking(day).map((itemID, k) => {
      const identity = pool.get(itemID)!;
      const r = rng(dayKey, itemID);
      const videoViews = Math.round(p.metric === 1 ? views[k]! : 300_000 * scale * 10 ** (r.next() * 2));
      const organicShare = p.organicOnly ? 1 : 0.45 + r.next() * 0.55;
      const lifetime = 1 + r.next() * 2.5;
      return {
        identity,
        createTime: dayStartSeconds(day) - r.int(3_600, p.periodDays * 86_400),
        videoViews,
        videoViewsLifeTime: Math.round(videoViews * lifetime),
        organicVideoViews: Math.round(videoViews * organicShare),
        organicVideoViewsLifeTime: Math.round(videoViews * organicShare * lifetime),
        engagementRate: round4(p.metric === 2 ? engagement[k]! : 0.02 + r.next() * 0.14),
        sixSecondsVTR: round4(p.metric === 3 ? vtr[k]! : 0.2 + r.next() * 0.55),
        // A label filter keeps videos carrying one of the labels: the chart is made of them.
        labels: p.labels.length > 0 ? [p.labels[k % p.labels.length]!, ...identity.labels.filter((l) => !p.labels.includes(l))].slice(0, 2) : identity.labels,
      };
    });
  });
}

function present(e: VideoEntry, ctx: OneContext) {
  const v = e.identity;
  const cover = cdnUrl(`one-video|${v.itemID}`, 'cover', ctx.nowMs);
  return {
    itemInfo: {
      itemID: ctx.int(v.itemID),
      authorID: ctx.int(v.authorID),
      creatorID: ctx.int(v.creatorID),
      title: v.title,
      coverURL: cover,
      coverURLList: [
        { format: 'jpeg', imageUrl: cover },
        { format: 'webp', imageUrl: cover.replace('~tplv-noop.image', '~tplv-noop.webp') },
      ],
      videoURL: cdnUrl(`one-video|${v.itemID}`, 'video', ctx.nowMs),
      createTime: ctx.int(e.createTime),
      contentType: v.contentType,
    },
    itemAuthorInfo: {
      handlerName: v.handle,
      nickName: v.nickName,
      avatarURI: cdnUrl(`one-video-author|${v.authorID}`, 'avatar', ctx.nowMs),
      bio: v.bio,
    },
    itemAuthorMetrics: { followers: ctx.int(v.followers) },
    itemMetrics: {
      videoViews: ctx.int(e.videoViews),
      videoViewsLifeTime: ctx.int(e.videoViewsLifeTime),
      organicVideoViews: ctx.int(e.organicVideoViews),
      organicVideoViewsLifeTime: ctx.int(e.organicVideoViewsLifeTime),
      engagementRate: e.engagementRate,
      sixSecondsVTR: e.sixSecondsVTR,
    },
    contentTags: e.labels.map((id) => ({ contentLabelID: id, contentLabelName: LABEL_NAMES.get(id)! })),
  };
}

/** `GET /CreativeOne/Report/GetTopContentsOverview`: the end (seconds, 00:00 UTC) of the latest day, week and month. */
export function getTopContentsOverview(ctx: OneContext): OneAnswer {
  const today = dayStartSeconds(utcDay(ctx.nowMs));
  const date = new Date(today * 1000);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return okAnswer({
    lastDailyEndTimestamp: ctx.int(today),
    lastWeeklyEndTimestamp: ctx.int(today - sinceMonday * 86_400),
    lastMonthlyEndTimestamp: ctx.int(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 1000),
  });
}

function listParams(q: URLSearchParams): ChartParams | string {
  const periodDays = PERIOD_DAYS[wholeNumber(q.get('periodDimension') ?? '') ?? -1];
  const metric = wholeNumber(q.get('orderByMetric') ?? '1');
  const labels = (q.get('contentLabelIDs') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => wholeNumber(s) ?? -1);
  if (periodDays === undefined || (metric !== 1 && metric !== 2 && metric !== 3) || labels.some((l) => !LABEL_NAMES.has(l))) return UNSUPPORTED;
  const country = (q.get('countryCode') ?? '').trim().toUpperCase();
  if (country === '') return 'countryCode is required';
  return { country, periodDays, metric, labels: [...new Set(labels)].sort(), organicOnly: q.get('organicOnly') === 'true' };
}

/**
 * `GET /CreativeOne/Report/CreativeCenterGetTopContentsList`: `entityInfos` and
 * `pagination{page,limit,totalCount,hasMore,pageCount}`. US data lives on the US host only, and the
 * US host serves US only; `periodEndTimestamp` is accepted unchecked.
 */
export function getTopContentsList(ctx: OneContext): OneAnswer {
  const params = listParams(ctx.query);
  if (typeof params === 'string') return invalidRequest(params);
  const paging = pageAndLimit(ctx.query.get('page') ?? undefined, ctx.query.get('limit') ?? undefined, LIMIT_MAX);
  if (typeof paging === 'string') return invalidRequest(paging);
  const { page, limit } = paging;
  const servedHere = COVERED.has(params.country) && (params.country === 'US') === ctx.usHost;
  const all = servedHere ? chartDay(params, utcDay(ctx.nowMs)) : [];
  const start = (page - 1) * limit;
  const slice = ctx.loggedIn ? all.slice(start, start + limit) : page === 1 ? all.slice(0, Math.min(limit, ANONYMOUS_ITEMS)) : [];
  const hasMore = ctx.loggedIn || page === 1 ? start + limit < all.length : false;
  return okAnswer({
    entityInfos: slice.map((e) => present(e, ctx)),
    pagination: { page, limit, totalCount: all.length, hasMore, pageCount: Math.ceil(all.length / limit) },
  });
}
