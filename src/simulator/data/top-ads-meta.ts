import { ok, type Answer } from '../envelope.js';
import { intParam } from '../query.js';
import { rng } from '../random.js';
import { ADS_INDUSTRIES, adsFilterLists, type AdsIndustry } from './top-ads-catalog.js';

/**
 * The Top Ads page's metadata: its location list, the targeting it starts with and its search switches.
 * Their paths are inferred (the catalog entries' notes say so), so these answers are simulator choices.
 */

/** `top_ads/location/list`: `data.country`, the same items as the country list of `top_ads/v2/filters`. */
export function adsLocations(): Answer {
  return ok({ country: adsFilterLists().country });
}

function industryItem(industry: AdsIndustry) {
  return { id: industry.id, value: industry.value, label: `label_${industry.id}`, parent_id: industry.parent_id };
}

/**
 * `top_ads/location/info`: the country and industry the page preselects, stable per `module` (0 or
 * absent reads as 1). The caller seen by the simulator is always in the US.
 */
export function adsLocationInfo(q: URLSearchParams): Answer {
  const module = intParam(q, 'module', 1) || 1;
  const children = ADS_INDUSTRIES.filter((i) => i.parent_id !== null);
  const second = module === 1 ? children.find((i) => i.id === '27102000000')! : rng('location-info', module).pick(children);
  const first = ADS_INDUSTRIES.find((i) => i.id === second.parent_id)!;
  return ok({
    initial_country: ['US'],
    l1_industry: Number(first.id),
    l2_industry: Number(second.id),
    first_industry: industryItem(first),
    second_industry: industryItem(second),
  });
}

/** `top_ads/configure/safety`: every search switched on, no banner. */
export function adsSafety(): Answer {
  return ok({ top_ads_search: 1, keyword_search: 1, hashtag_search: 1, sound_search: 1, creator_search: 1, cc_banner_key: '' });
}
