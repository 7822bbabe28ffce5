import { countryName } from '../../catalog/countries.js';
import { TREND_COUNTRIES, TREND_INDUSTRIES } from '../../catalog/industries.js';
import { ok, type Answer } from '../envelope.js';

/** `popular_trend/hashtag/filters`: the 71 chart countries and 18 industries (docs/upstreams.md § Filter lists). */
export function hashtagFilters(): Answer {
  return ok({
    country: TREND_COUNTRIES.map((id) => ({ id, value: countryName(id), label: id })),
    industry: TREND_INDUSTRIES.map(({ id, value }) => ({ id: String(id), value, label: `label_${id}` })),
  });
}
