import { countryName, TREND_INDUSTRIES } from '../../catalog/index.js';

/**
 * TikTok One's fields onto our contract (docs/upstreams.md § TikTok One): counts become numbers, ids
 * strings, `popularityCurve` 0–100 becomes `trend` 0–1; what TikTok One does not give is left out.
 * With `agw-js-conv: str` int64 fields arrive as strings, without it as numbers: both are read.
 */

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A count or score sent as a number or a numeric string; undefined otherwise. */
export function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?[0-9]+(?:\.[0-9]+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

/** An id sent as a string or a (safe) number, as a string; undefined otherwise. */
export function idString(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}

/** Unix seconds; a timestamp in milliseconds is divided down. */
export function seconds(value: unknown): number | undefined {
  const n = num(value);
  if (n === undefined) return undefined;
  return n > 1e11 ? Math.floor(n / 1000) : n;
}

function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** The requested country as `country_info`, the legacy chart's spelling. */
export function countryInfo(code: string): { id: string; value: string; label: string } {
  return { id: code, value: countryName(code), label: code };
}

const INDUSTRY_NAMES = new Map(TREND_INDUSTRIES.map((i) => [i.id, i.value]));

/** The first industry id as `industry_info`, when it is one of our named industries. */
function industryInfo(ids: unknown): { id: number; value: string; label: string } | undefined {
  const first = Array.isArray(ids) ? num(ids[0]) : undefined;
  const name = first === undefined ? undefined : INDUSTRY_NAMES.get(first);
  return first === undefined || name === undefined ? undefined : { id: first, value: name, label: `label_${first}` };
}

/**
 * `popularityCurve` 0–100 as `trend` 0–1, two decimals, for the days before `today` (UTC seconds). The
 * point of the current day is the day so far, mostly 0 (docs/upstreams.md § TikTok One operations):
 * left out, so no curve falls towards nothing at its end; the legacy `trend` never held the current day.
 */
function trend(curve: unknown, today: number): Array<{ time: number; value: number }> {
  return list(curve).flatMap((point) => {
    const time = seconds(point.timestamp);
    const value = num(point.value);
    return time === undefined || value === undefined || time >= today ? [] : [{ time, value: Math.round(value) / 100 }];
  });
}

/** Fields common to a chart item and a detail, in the legacy shape; `today` is the current UTC day in seconds. */
function hashtagCore(raw: Record<string, unknown>, country: string, today: number): Record<string, unknown> {
  const out: Record<string, unknown> = {
    hashtag_id: idString(raw.hashtagID),
    hashtag_name: raw.hashtagName,
    country_info: countryInfo(country),
  };
  const industry = industryInfo(raw.industryIDs);
  if (industry) out.industry_info = industry;
  out.trend = trend(raw.popularityCurve, today);
  out.publish_cnt = num(raw.publishCnt);
  out.video_views = num(raw.vv);
  return out;
}

/** A `GetHashtagList` item as a flagship chart item; no rank movement, no promotion flag. */
export function chartHashtag(raw: Record<string, unknown>, country: string, today: number): Record<string, unknown> {
  const out = hashtagCore(raw, country, today);
  const creators = list(raw.topCreators).flatMap((c) => {
    const name = c.nickname ?? c.nickName ?? c.handleName;
    if (typeof name !== 'string') return [];
    const avatar = c.avatar_url ?? c.avatarURL ?? c.avatarURI;
    return [typeof avatar === 'string' ? { nick_name: name, avatar_url: avatar } : { nick_name: name }];
  });
  if (creators.length > 0) out.creators = creators.slice(0, 3);
  out.rank = num(raw.rankIndex);
  return out;
}

/** A `GetHashtagList` item in Crawlora's `/tiktok/creative-center/hashtags` shape. */
export function trendingHashtag(raw: Record<string, unknown>): Record<string, unknown> {
  return {
    hashtag_id: idString(raw.hashtagID),
    hashtag_name: raw.hashtagName,
    industry_ids: Array.isArray(raw.industryIDs) ? raw.industryIDs.map(num) : [],
    popularity_curve: list(raw.popularityCurve).map((p) => ({ timestamp: seconds(p.timestamp), value: num(p.value) })),
    publish_count: num(raw.publishCnt),
    rank: num(raw.rankIndex),
    top_creators: list(raw.topCreators).flatMap((c) => {
      const handle = c.handleName ?? c.handle;
      if (typeof handle !== 'string') return [];
      const creator: Record<string, unknown> = { handle };
      const nickname = c.nickname ?? c.nickName;
      if (typeof nickname === 'string') creator.nickname = nickname;
      const avatar = c.avatar_url ?? c.avatarURL ?? c.avatarURI;
      if (typeof avatar === 'string') creator.avatar_url = avatar;
      const followers = num(c.followerCount ?? c.follower_count);
      if (followers !== undefined) creator.follower_count = followers;
      return [creator];
    }),
    video_views: num(raw.vv),
  };
}

/** A `GetHashtagDetail` answer as the hashtag detail's `info`; what TikTok One lacks is left out. */
export function hashtagDetail(raw: Record<string, unknown>, country: string, today: number): Record<string, unknown> {
  const out = hashtagCore(raw, country, today);
  out.video_url = `https://www.tiktok.com/tag/${encodeURIComponent(String(raw.hashtagName))}`;
  out.audience_ages = list(raw.ageProfile).flatMap((a) => {
    const level = num(a.ageLevel);
    const share = num(a.vvPercent);
    return level === undefined || share === undefined ? [] : [{ age_level: level, score: Math.round(share) }];
  });
  out.related_items = list(raw.videoList).flatMap((v) => {
    const id = idString(v.itemID);
    const cover = v.coverURL;
    return id === undefined || typeof cover !== 'string' ? [] : [{ item_id: id, cover_uri: cover }];
  });
  return out;
}

/** One top-contents entity's parts. */
function entity(raw: Record<string, unknown>) {
  const item = isRecord(raw.itemInfo) ? raw.itemInfo : {};
  const author = isRecord(raw.itemAuthorInfo) ? raw.itemAuthorInfo : {};
  const authorMetrics = isRecord(raw.itemAuthorMetrics) ? raw.itemAuthorMetrics : {};
  const metrics = isRecord(raw.itemMetrics) ? raw.itemMetrics : {};
  const covers = list(item.coverURLList);
  const cover = typeof item.coverURL === 'string' && item.coverURL !== '' ? item.coverURL : covers[0]?.imageUrl;
  return { item, author, authorMetrics, metrics, cover };
}

/** The video's page on TikTok, from its author's handle and its id. */
function itemUrl(handle: unknown, itemId: string | undefined): string {
  return `https://www.tiktok.com/@${typeof handle === 'string' ? handle : ''}/video/${itemId ?? ''}`;
}

/** A top-contents entity as a `/tiktok/popular-trend/video` item; TikTok One gives no duration. */
export function trendVideo(raw: Record<string, unknown>, country: string): Record<string, unknown> {
  const { item, author, cover } = entity(raw);
  const id = idString(item.itemID);
  return {
    id,
    item_id: id,
    item_url: itemUrl(author.handlerName, id),
    title: item.title,
    cover,
    country_code: country,
    region: countryName(country),
  };
}

/** A top-contents entity in Crawlora's `/tiktok/creative-center/videos` shape. */
export function trendingVideo(raw: Record<string, unknown>): Record<string, unknown> {
  const { item, author, authorMetrics, metrics, cover } = entity(raw);
  const id = idString(item.itemID);
  const out: Record<string, unknown> = {
    item_id: id,
    title: item.title,
    cover_url: cover,
    video_url: typeof item.videoURL === 'string' && item.videoURL !== '' ? item.videoURL : itemUrl(author.handlerName, id),
    create_time: seconds(item.createTime),
    content_type: num(item.contentType),
    content_tags: list(raw.contentTags).map((t) => ({ id: idString(t.contentLabelID), name: t.contentLabelName })),
    author_id: idString(item.authorID ?? item.creatorID),
    author_handle: author.handlerName,
    author_nickname: author.nickName,
    author_avatar_url: author.avatarURI,
    author_follower_count: num(authorMetrics.followers),
    video_views: num(metrics.videoViews),
    video_views_lifetime: num(metrics.videoViewsLifeTime),
    organic_video_views: num(metrics.organicVideoViews),
    organic_video_views_lifetime: num(metrics.organicVideoViewsLifeTime),
    engagement_rate: num(metrics.engagementRate),
    six_seconds_vtr: num(metrics.sixSecondsVTR),
  };
  if (typeof author.bio === 'string') out.author_bio = author.bio;
  const engagementLifetime = num(metrics.engagementRateLifeTime);
  if (engagementLifetime !== undefined) out.engagement_rate_lifetime = engagementLifetime;
  const vtrLifetime = num(metrics.sixSecondsVTRLifeTime);
  if (vtrLifetime !== undefined) out.six_seconds_vtr_lifetime = vtrLifetime;
  return out;
}
