import { hashtagDetail, hashtagList } from './data/hashtags.js';
import type { Answer } from './envelope.js';

/** What a route sees of a request. */
export interface RouteContext {
  query: URLSearchParams;
  nowMs: number;
  /** A `sessionid` cookie was sent (logged-in Creative Center user). */
  loggedIn: boolean;
}

export type Route = (ctx: RouteContext) => Answer;

/** Upstream paths under `/creative_radar_api/v1/` (upstream spec §5). */
export const ROUTES: Record<string, Route> = {
  'popular_trend/hashtag/list': ({ query, nowMs }) => hashtagList(query, nowMs),
  'popular_trend/hashtag/detail': ({ query, nowMs }) => hashtagDetail(query, nowMs),
};

/**
 * Paths retired in deprecated-2026 mode (upstream spec §11.3). Observed only for hashtag/list and
 * sound/rank_list; the simulator retires every `popular_trend/*` and keyword path alike, since the
 * Apify actor dropped all of them in June 2026 while `top_ads/*` kept working.
 */
export function retiredIn2026(path: string): boolean {
  return path.startsWith('popular_trend/') || path.startsWith('script/');
}
