import type { OneContext } from './context.js';
import { getHashtagDetail, getHashtagList } from './hashtags.js';
import type { OneAnswer } from './protocol.js';
import { getTopAdsFilters, searchMaterial } from './top-ads.js';
import { getTopContentsList, getTopContentsOverview } from './videos.js';

/** One TikTok One path: its method, whether the US video host serves it too, and its answer. */
export interface OneRoute {
  method: 'GET' | 'POST';
  onUsHost: boolean;
  answer(ctx: OneContext): OneAnswer;
}

/** TikTok One paths, relative to the host (docs/upstreams.md § TikTok One). */
export const ONE_ROUTES: Record<string, OneRoute> = {
  'CreativeOne/KnowledgeAPI/GetHashtagList': { method: 'POST', onUsHost: false, answer: getHashtagList },
  'CreativeOne/KnowledgeAPI/GetHashtagDetail': { method: 'POST', onUsHost: false, answer: getHashtagDetail },
  'CreativeOne/Report/GetTopContentsOverview': { method: 'GET', onUsHost: true, answer: getTopContentsOverview },
  'CreativeOne/Report/CreativeCenterGetTopContentsList': { method: 'GET', onUsHost: true, answer: getTopContentsList },
  'CreativeOne/TopAds/Filters': { method: 'GET', onUsHost: false, answer: getTopAdsFilters },
  'CreativeOne/TopAds/SearchMaterial': { method: 'POST', onUsHost: false, answer: searchMaterial },
};

/** Path prefix that stands for the US video host (`ads.us.tiktok.com`). */
export const US_HOST_PREFIX = 'us/';
