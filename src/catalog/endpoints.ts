import { popularTrendHashtagHistory } from './history/popular-trend-hashtag-history.js';
import { popularTrendMovers } from './history/popular-trend-movers.js';
import { keywordInsights } from './keywords/keyword-insights.js';
import { topAdsAnalysis } from './top-ads/top-ads-analysis.js';
import { topAdsDetail } from './top-ads/top-ads-detail.js';
import { topAdsFilters } from './top-ads/top-ads-filters.js';
import { topAdsList } from './top-ads/top-ads-list.js';
import { topAdsLocationInfo } from './top-ads/top-ads-location-info.js';
import { topAdsLocations } from './top-ads/top-ads-locations.js';
import { topAdsRecommend } from './top-ads/top-ads-recommend.js';
import { topAdsSafety } from './top-ads/top-ads-safety.js';
import { topAdsSpotlight } from './top-ads/top-ads-spotlight.js';
import { topAdsSuggestions } from './top-ads/top-ads-suggestions.js';
import { creativeCenterHashtags } from './trends/creative-center-hashtags.js';
import { creativeCenterVideos } from './trends/creative-center-videos.js';
import { popularTrendCountryIndustryMeta } from './trends/popular-trend-country-industry-meta.js';
import { popularTrendCreator } from './trends/popular-trend-creator.js';
import { popularTrendHashtagDetail } from './trends/popular-trend-hashtag-detail.js';
import { popularTrendHashtag } from './trends/popular-trend-hashtag.js';
import { popularTrendSongDetail } from './trends/popular-trend-song-detail.js';
import { popularTrendSong } from './trends/popular-trend-song.js';
import { popularTrendVideo } from './trends/popular-trend-video.js';
import type { AnyEndpoint } from './types.js';

/** Every public endpoint, in the order the docs show them, group by group. The one list everything else is derived from. */
export const endpoints: readonly AnyEndpoint[] = [
  popularTrendHashtag,
  popularTrendHashtagDetail,
  popularTrendSong,
  popularTrendSongDetail,
  popularTrendCreator,
  popularTrendVideo,
  popularTrendCountryIndustryMeta,
  creativeCenterHashtags,
  creativeCenterVideos,
  topAdsList,
  topAdsDetail,
  topAdsAnalysis,
  topAdsFilters,
  topAdsRecommend,
  topAdsSpotlight,
  topAdsSuggestions,
  topAdsLocations,
  topAdsLocationInfo,
  topAdsSafety,
  keywordInsights,
  popularTrendHashtagHistory,
  popularTrendMovers,
];

const byOperationId = new Map(endpoints.map((e) => [e.operationId, e]));

/** Looks an endpoint up by its operation id. */
export function findEndpoint(operationId: string): AnyEndpoint | undefined {
  return byOperationId.get(operationId);
}
