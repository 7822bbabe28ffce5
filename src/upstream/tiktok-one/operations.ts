import { randomBytes } from 'node:crypto';
import type { UpstreamFailure, UpstreamResult } from '../source.js';
import { fetchWindow, type PageResult } from '../windowing.js';
import type { TikTokOneCallResult, TikTokOneRequest } from './client.js';
import { chartHashtag, hashtagDetail, isRecord, num, seconds, trendingHashtag, trendingVideo, trendVideo } from './map.js';

/** Canonical params as `parseParams` produces them. */
export type Params = Record<string, unknown>;

/** TikTok One serves 20 items per page (docs/upstreams.md § TikTok One). */
export const PAGE_SIZE = 20;

/** Its charts hold at most 100 items: 5 pages. */
const MAX_PAGES = 5;

/** The two readings of the long hashtag period; TikTok One accepts one of them. */
export type LongPeriod = 90 | 120;

/** What an operation may do: one call through the page cache and budget, and the long-period memory. */
export interface TikTokOneContext {
  call(req: TikTokOneRequest): Promise<TikTokOneCallResult>;
  /** The long period to try first: the one that last worked. */
  longPeriod(): LongPeriod;
  /** Remembers the long period TikTok One accepted. */
  acceptedLongPeriod(period: LongPeriod): void;
  /** Clock milliseconds, for request ids. */
  now(): number;
}

/** How one catalog endpoint is served from TikTok One. */
export interface TikTokOneOperation {
  /** Anonymous calls answer `InvalidLogin`: tried after the other sources when not logged in. */
  readonly needsLogin?: boolean;
  run(ctx: TikTokOneContext, params: Params): Promise<UpstreamResult>;
}

/** TikTok One cannot serve these params: the next source may (docs/upstreams.md § Source routing). */
function notAvailable(hint: string): { ok: false; failure: UpstreamFailure } {
  return { ok: false, failure: { kind: 'unavailable', detail: 'not_available', hint } };
}

function mismatch(message: string): { ok: false; failure: UpstreamFailure } {
  return { ok: false, failure: { kind: 'bad_response', detail: 'schema_mismatch', message } };
}

const REQUEST_ID = /^[0-9]{14}[0-9A-F]{20}$/;

/** The start of the UTC day holding `now` (milliseconds), in seconds as TikTok One's curves count. */
function utcDayStart(now: number): number {
  return Math.floor(now / 86_400_000) * 86_400;
}

/**
 * The inner envelope's `request_id`: TikTok's log id when it has the legacy form (14 digits of UTC
 * time, 20 hex digits), otherwise one made in that form, since TikTok One's envelope has none.
 */
function requestId(logId: string | undefined, now: number): string {
  if (logId !== undefined && REQUEST_ID.test(logId)) return logId;
  const stamp = new Date(now).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return stamp + randomBytes(10).toString('hex').toUpperCase();
}

/** One upstream list page: its raw items, the total reachable, TikTok's log id. */
type RawPage = { ok: true; items: Record<string, unknown>[]; total: number; hasMore: boolean; pageCount?: number; logId?: string } | { ok: false; failure: UpstreamFailure };

/**
 * Reads a page's list and `pagination`. A short page ends what the caller can reach: anonymous top
 * contents say `totalCount: 100` beside 4 videos, so the total becomes what was actually served.
 */
function readPage(result: TikTokOneCallResult, listKey: string, upstreamPage: number, trustTotal: boolean): RawPage {
  if (!result.ok) return result;
  const items = result.payload[listKey] ?? [];
  const pagination = result.payload.pagination;
  if (!Array.isArray(items) || !isRecord(pagination)) return mismatch(`no ${listKey} list with pagination`);
  const reported = num(pagination.totalCount);
  if (reported === undefined) return mismatch('pagination without totalCount');
  const list = items.filter(isRecord);
  const served = (upstreamPage - 1) * PAGE_SIZE + list.length;
  const total = !trustTotal && list.length < PAGE_SIZE ? Math.min(reported, served) : reported;
  const pageCount = num(pagination.pageCount);
  return {
    ok: true,
    items: list,
    total,
    hasMore: pagination.hasMore === true || pagination.hasMore === 'true',
    ...(pageCount === undefined ? {} : { pageCount }),
    ...(result.logId === undefined ? {} : { logId: result.logId }),
  };
}

/** One page of `GetHashtagList` for a chart. */
function hashtagPage(ctx: TikTokOneContext, chart: { timeRange: number; country: string; industryId?: number }, page: number, trustTotal = false): Promise<RawPage> {
  const body: Record<string, unknown> = { timeRange: chart.timeRange, countryCode: chart.country, page, limit: PAGE_SIZE };
  if (chart.industryId !== undefined) body.industryID = chart.industryId;
  return ctx
    .call({ method: 'POST', path: 'CreativeOne/KnowledgeAPI/GetHashtagList', body, host: 'global' })
    .then((r) => readPage(r, 'items', page, trustTotal));
}

/**
 * Runs a hashtag call for a period. 120 days is the unresolved one: TikTok One is asked the long
 * period that last worked and, on `InvalidRequest`, the other; an answer for another period than
 * asked says so in `X-Upstream-Period` (docs/upstreams.md § TikTok One).
 */
async function withPeriod(ctx: TikTokOneContext, period: number, run: (timeRange: number) => Promise<UpstreamResult>): Promise<UpstreamResult> {
  if (period !== 120) return run(period);
  const first = ctx.longPeriod();
  const other: LongPeriod = first === 120 ? 90 : 120;
  let served: LongPeriod = first;
  let result = await run(first);
  if (!result.ok && result.failure.kind === 'bad_response' && result.failure.detail === 'invalid_request') {
    served = other;
    result = await run(other);
  }
  if (!result.ok) return result;
  ctx.acceptedLongPeriod(served);
  return served === period ? result : { ...result, headers: { ...result.headers, 'X-Upstream-Period': String(served) } };
}

/** The chart's country, which TikTok One requires. */
function country(params: Params): string | undefined {
  return typeof params.country_code === 'string' ? params.country_code : undefined;
}

const flagship: TikTokOneOperation = {
  async run(ctx, params) {
    const code = country(params);
    if (code === undefined) return notAvailable('TikTok One has no all-regions chart: send country_code.');
    if (params.filter_by === 'new_on_board') return notAvailable('TikTok One cannot tell which hashtags are new to the chart (filter_by=new_on_board).');
    const page = params.page as number;
    const limit = params.limit as number;
    const industryId = typeof params.industry_id === 'number' ? params.industry_id : undefined;
    return withPeriod(ctx, params.period as number, async (timeRange) => {
      const window = await fetchWindow({
        page,
        limit,
        pageSize: PAGE_SIZE,
        fetchPage: async (upstreamPage): Promise<PageResult> => {
          const read = await hashtagPage(ctx, { timeRange, country: code, industryId }, upstreamPage);
          if (!read.ok) return read;
          return { ok: true, items: read.items.map((item) => chartHashtag(item, code, utcDayStart(ctx.now()))), total: read.total };
        },
      });
      if (!window.ok) return window;
      const pagination = { page, size: limit, total: window.total, has_more: page * limit < window.total };
      // The flagship's inner envelope carries no request_id, whichever source serves it.
      return { ok: true, data: { code: 0, msg: 'OK', data: { list: window.items, pagination } } };
    });
  },
};

/** Hashtag detail: the name is looked up in the chart of the same period and country, then fetched by id. */
const detail: TikTokOneOperation = {
  needsLogin: true,
  async run(ctx, params) {
    const code = country(params);
    if (code === undefined) return notAvailable('TikTok One looks hashtags up per country: send country_code.');
    const period = params.period as number;
    if (![7, 30, 120].includes(period)) return notAvailable('TikTok One serves hashtag detail for 7, 30 or 120 days only.');
    const name = String(params.hashtag_name).toLowerCase();
    return withPeriod(ctx, period, async (timeRange) => {
      let found: Record<string, unknown> | undefined;
      for (let page = 1; page <= MAX_PAGES && !found; page++) {
        const read = await hashtagPage(ctx, { timeRange, country: code }, page);
        if (!read.ok) return read;
        found = read.items.find((item) => String(item.hashtagName).toLowerCase() === name);
        if (read.items.length < PAGE_SIZE || !read.hasMore) break;
      }
      const id = found?.hashtagID;
      if (found === undefined || (typeof id !== 'string' && typeof id !== 'number')) {
        return { ok: false, failure: { kind: 'not_found', message: `#${name} is not in the ${code} ${timeRange}-day chart` } };
      }
      const answer = await ctx.call({
        method: 'POST',
        path: 'CreativeOne/KnowledgeAPI/GetHashtagDetail',
        body: { hashtagID: String(id), timeRange, countryCode: code },
        host: 'global',
      });
      if (!answer.ok) return answer;
      // The fields sit beside BaseResp; some answers nest them one level down.
      const payload = answer.payload;
      const nested = [payload.hashtag, payload.data, payload.detail].find((v) => isRecord(v) && 'hashtagID' in v);
      const raw = (nested as Record<string, unknown> | undefined) ?? payload;
      if (raw.hashtagID === undefined) return { ok: false, failure: { kind: 'not_found', message: 'empty hashtag detail' } };
      const info = hashtagDetail(raw, code, utcDayStart(ctx.now()));
      return { ok: true, data: { code: 0, msg: 'OK', request_id: requestId(answer.logId, ctx.now()), data: { info } } };
    });
  },
};

/** Top contents are reported per finished period; the overview says which one ended last. */
async function periodEnd(ctx: TikTokOneContext, host: TikTokOneRequest['host'], period: number): Promise<{ ok: true; end: string } | { ok: false; failure: UpstreamFailure }> {
  const overview = await ctx.call({ method: 'GET', path: 'CreativeOne/Report/GetTopContentsOverview', host });
  if (!overview.ok) return overview;
  const end = period === 30 ? overview.payload.lastMonthlyEndTimestamp : overview.payload.lastWeeklyEndTimestamp;
  // Passed back as given (seconds or milliseconds): the list expects the overview's own value.
  if (seconds(end) === undefined) return mismatch('overview without the period end timestamp');
  return { ok: true, end: String(end) };
}

/** One page of the top-contents list. */
function contentsPage(
  ctx: TikTokOneContext,
  host: TikTokOneRequest['host'],
  query: { period: number; end: string; metric: number; country: string; labels: string; organic: boolean },
  page: number,
  trustTotal = false,
): Promise<RawPage> {
  return ctx
    .call({
      method: 'GET',
      path: 'CreativeOne/Report/CreativeCenterGetTopContentsList',
      host,
      query: {
        // periodDimension 3 is the 7-day report, 5 the 30-day one.
        periodDimension: query.period === 30 ? '5' : '3',
        periodEndTimestamp: query.end,
        orderByMetric: String(query.metric),
        countryCode: query.country,
        contentLabelIDs: query.labels,
        organicOnly: String(query.organic),
        page: String(page),
        limit: String(PAGE_SIZE),
      },
    })
    .then((r) => readPage(r, 'entityInfos', page, trustTotal));
}

/** US top contents live on TikTok One's US host. */
function videoHost(code: string): TikTokOneRequest['host'] {
  return code === 'US' ? 'us' : 'global';
}

const videos: TikTokOneOperation = {
  async run(ctx, params) {
    const code = country(params);
    if (code === undefined) return notAvailable('TikTok One reports top videos per country: send country_code.');
    if (params.order_by !== 'vv') {
      return notAvailable('TikTok One ranks top videos by views, engagement or six-second view rate: only order_by=vv has a match.');
    }
    const host = videoHost(code);
    const period = params.period as number;
    const end = await periodEnd(ctx, host, period);
    if (!end.ok) return end;
    const page = params.page as number;
    const limit = params.limit as number;
    let logId: string | undefined;
    const window = await fetchWindow({
      page,
      limit,
      pageSize: PAGE_SIZE,
      fetchPage: async (upstreamPage): Promise<PageResult> => {
        const read = await contentsPage(ctx, host, { period, end: end.end, metric: 1, country: code, labels: '', organic: false }, upstreamPage);
        if (!read.ok) return read;
        logId ??= read.logId;
        return { ok: true, items: read.items.map((item) => trendVideo(item, code)), total: read.total };
      },
    });
    if (!window.ok) return window;
    const pagination = { page, limit, total_count: window.total, has_more: page * limit < window.total };
    return { ok: true, data: { code: 0, msg: 'OK', request_id: requestId(logId, ctx.now()), data: { videos: window.items, pagination } } };
  },
};

/** Crawlora's hashtags: the whole chart of a country, up to 100, with TikTok One's own total. */
const creativeCenterHashtags: TikTokOneOperation = {
  async run(ctx, params) {
    const code = country(params);
    if (code === undefined) return notAvailable('send country_code');
    const timeRange = params.period as number;
    const hashtags: Record<string, unknown>[] = [];
    let total = 0;
    for (let page = 1; page <= MAX_PAGES; page++) {
      const read = await hashtagPage(ctx, { timeRange, country: code }, page, true);
      if (!read.ok) return read;
      if (page === 1) total = read.total;
      hashtags.push(...read.items.map(trendingHashtag));
      if (read.items.length < PAGE_SIZE || !read.hasMore || hashtags.length >= total) break;
    }
    return { ok: true, data: { hashtags, total_count: total } };
  },
};

const SORT_METRIC: Readonly<Record<string, number>> = { views: 1, engagement: 2, six_second_views: 3 };

/** Crawlora's videos: page 1 of a country's top contents, totals as TikTok One reports them. */
const creativeCenterVideos: TikTokOneOperation = {
  async run(ctx, params) {
    const code = country(params);
    if (code === undefined) return notAvailable('send country_code');
    const host = videoHost(code);
    const period = params.period as number;
    const end = await periodEnd(ctx, host, period);
    if (!end.ok) return end;
    const read = await contentsPage(
      ctx,
      host,
      {
        period,
        end: end.end,
        metric: SORT_METRIC[String(params.sort_by)] ?? 1,
        country: code,
        labels: typeof params.content_label_id === 'string' ? params.content_label_id : '',
        organic: params.organic_only === true,
      },
      1,
      true,
    );
    if (!read.ok) return read;
    const pageCount = read.pageCount ?? Math.ceil(read.total / PAGE_SIZE);
    return { ok: true, data: { videos: read.items.map(trendingVideo), total_count: read.total, page_count: pageCount } };
  },
};

/** Every catalog endpoint TikTok One can serve, keyed by operation id. */
export const tiktokOneOperations: Readonly<Record<string, TikTokOneOperation>> = {
  'tiktok-popular-trend-hashtag': flagship,
  'tiktok-popular-trend-hashtag-detail': detail,
  'tiktok-popular-trend-video': videos,
  'tiktok-creative-center-hashtags': creativeCenterHashtags,
  'tiktok-creative-center-videos': creativeCenterVideos,
};
