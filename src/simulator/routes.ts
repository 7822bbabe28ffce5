import { creatorList } from './data/creators.js';
import { hashtagDetail, hashtagList } from './data/hashtags.js';
import { keywordList } from './data/keywords.js';
import { soundDetail, soundList } from './data/sounds.js';
import {
  adsDetail,
  adsFilters,
  adsKeyframe,
  adsList,
  adsPercentile,
  adsQuerySuggestion,
  adsRecommend,
  adsSpotlight,
} from './data/top-ads.js';
import { adsLocationInfo, adsLocations, adsSafety } from './data/top-ads-meta.js';
import { hashtagFilters } from './data/trend-filters.js';
import { videoList } from './data/videos.js';
import type { Answer } from './envelope.js';

/** What a route sees of a request. */
export interface RouteContext {
  query: URLSearchParams;
  nowMs: number;
  /** A `sessionid` cookie was sent (logged-in Creative Center user). */
  loggedIn: boolean;
}

export type Route = (ctx: RouteContext) => Answer;

/** Upstream paths under `/creative_radar_api/v1/` (docs/upstreams.md § Operations). */
export const ROUTES: Record<string, Route> = {
  'popular_trend/hashtag/list': ({ query, nowMs }) => hashtagList(query, nowMs),
  'popular_trend/hashtag/detail': ({ query, nowMs }) => hashtagDetail(query, nowMs),
  'popular_trend/hashtag/filters': () => hashtagFilters(),
  'popular_trend/sound/rank_list': ({ query, nowMs }) => soundList(query, nowMs),
  'popular_trend/sound/detail': ({ query, nowMs, loggedIn }) => soundDetail(query, nowMs, loggedIn),
  'popular_trend/creator/list': ({ query, nowMs }) => creatorList(query, nowMs),
  'popular_trend/list': ({ query, nowMs }) => videoList(query, nowMs),
  'top_ads/v2/list': ({ query, nowMs, loggedIn }) => adsList(query, nowMs, loggedIn),
  'top_ads/v2/detail': ({ query, nowMs }) => adsDetail(query, nowMs),
  'top_ads/keyframe': ({ query, nowMs }) => adsKeyframe(query, nowMs),
  'top_ads/percentile': ({ query }) => adsPercentile(query),
  'top_ads/v2/filters': () => adsFilters(),
  'top_ads/v2/recommend': ({ query, nowMs }) => adsRecommend(query, nowMs),
  'education/top_ads/list': ({ query, nowMs }) => adsSpotlight(query, nowMs),
  'top_ads/query_suggestion': ({ query }) => adsQuerySuggestion(query),
  'top_ads/location/list': () => adsLocations(),
  'top_ads/location/info': ({ query }) => adsLocationInfo(query),
  'top_ads/configure/safety': () => adsSafety(),
  'script/keyword/list': ({ query }) => keywordList(query),
};

/**
 * Paths retired in deprecated-2026 mode (docs/upstreams.md § Simulator): the trend lists and details
 * (hashtags, songs, creators, videos) and keyword insights answer `deprecated`. Observed only for
 * hashtag/list and sound/rank_list; the others follow, since public clients dropped all of them in
 * 2026 while `top_ads/*`, Spotlight and the hashtag filters kept working.
 */
export function retiredIn2026(path: string): boolean {
  return (path.startsWith('popular_trend/') && path !== 'popular_trend/hashtag/filters') || path.startsWith('script/');
}
