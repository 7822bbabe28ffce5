import { countryName } from '../../catalog/countries.js';
import { TREND_COUNTRIES, TREND_INDUSTRIES } from '../../catalog/industries.js';

/** The Top Ads option sets (docs/upstreams.md § Operations, § Filter lists), served by `top_ads/v2/filters` and used by the ads. */

export interface AdsIndustry {
  id: string;
  value: string;
  parent_id: string | null;
}

const TOP_LEVEL: AdsIndustry[] = [
  ...TREND_INDUSTRIES.map(({ id, value }) => ({ id: String(id), value, parent_id: null })),
  { id: '16000000000', value: 'Appliances', parent_id: null },
  { id: '20000000000', value: 'Apps', parent_id: null },
  { id: '30000000000', value: 'E-Commerce (Non-app)', parent_id: null },
].sort((a, b) => a.id.localeCompare(b.id));

/** A few second-level industries (`XXYYY000000` under `XX000000000`). */
const SECOND_LEVEL: Array<[string, string]> = [
  ['14101000000', 'Makeup'], ['14102000000', 'Skincare'], ['14104000000', 'Fragrance'],
  ['15101000000', 'Mobile Phones'], ['15102000000', 'Computers'], ['20101000000', 'Social Apps'],
  ['20102000000', 'Productivity Apps'], ['22101000000', 'Clothing'], ['22102000000', 'Shoes'],
  ['25301000000', 'Casual Games'], ['25302000000', 'RPG'], ['25307000000', 'Shooting'],
  ['27101000000', 'Snacks'], ['27102000000', 'Beverages'], ['30101000000', 'Marketplaces'],
];

/** Top-level then second-level industries; at most 99, since ad ids encode the index in two digits. */
export const ADS_INDUSTRIES: readonly AdsIndustry[] = [
  ...TOP_LEVEL,
  ...SECOND_LEVEL.map(([id, value]) => ({ id, value, parent_id: `${id.slice(0, 2)}000000000` })),
];

export const OBJECTIVES: ReadonlyArray<{ id: number; value: string; label: string }> = [
  { id: 1, value: 'Traffic', label: 'campaign_objective_traffic' },
  { id: 2, value: 'App installs', label: 'campaign_objective_app_install' },
  { id: 3, value: 'Conversions', label: 'campaign_objective_conversion' },
  { id: 4, value: 'Video views', label: 'campaign_objective_video_view' },
  { id: 5, value: 'Reach', label: 'campaign_objective_reach' },
  { id: 8, value: 'Lead generation', label: 'campaign_objective_lead_generation' },
  { id: 15, value: 'Product sales', label: 'campaign_objective_product_sales' },
];

/** The trend countries plus the extra Top Ads regions (docs/upstreams.md § Filter lists); index fits two digits. */
export const ADS_COUNTRIES: readonly string[] = [
  ...TREND_COUNTRIES,
  ...'DZ AZ BO CR CY DO EC GT KE PA PY PR RS SI LK UY RU'.split(' '),
];

export const AD_LANGUAGES: ReadonlyArray<{ id: string; value: string }> = [
  ['en', 'English'], ['es', 'Spanish'], ['ar', 'Arabic'], ['vi', 'Vietnamese'], ['th', 'Thai'], ['de', 'German'],
  ['id', 'Indonesian'], ['pt', 'Portuguese'], ['fr', 'French'], ['ms', 'Malay'], ['nl', 'Dutch'], ['ja', 'Japanese'],
  ['it', 'Italian'], ['ro', 'Romanian'], ['zh-Hant', 'Chinese (Traditional)'], ['ko', 'Korean'],
].map(([id, value]) => ({ id: id!, value: value! }));

export const PATTERN_LABELS: ReadonlyArray<{ id: string; value: string }> = [
  ['10100100000', 'Product demo'], ['10100200000', 'Unboxing'], ['10100300000', 'Before and after'], ['10100400000', 'Tutorial'],
  ['10200100000', 'Talking head'], ['10200200000', 'Green screen'], ['10300100000', 'Has voice-over'], ['10300200000', 'Has music'],
  ['10300300000', 'Has text overlay'], ['10300400000', 'Has shooting'],
].map(([id, value]) => ({ id: id!, value: value! }));

/** Spotlight (education/top_ads/list) industries (docs/upstreams.md § Filter lists). */
export const SPOTLIGHT_INDUSTRIES: readonly string[] = ['22000000000', '14000000000', '27000000000', '25000000000', '21000000000', '15000000000'];

/** `top_ads/v2/filters` data: items `{id, value, label?, parent_id?}`. */
export function adsFilterLists() {
  return {
    industry: ADS_INDUSTRIES.map((i) => ({ id: i.id, value: i.value, label: `label_${i.id}`, parent_id: i.parent_id })),
    country: ADS_COUNTRIES.map((id) => ({ id, value: countryName(id), label: id })),
    ad_language: AD_LANGUAGES.map((l) => ({ id: l.id, value: l.value })),
    objective: OBJECTIVES.map((o) => ({ id: o.id, value: o.value, label: o.label, parent_id: null })),
    pattern_label: PATTERN_LABELS.map((p) => ({ id: p.id, value: p.value, label: `pattern_label_${p.id}`, parent_id: null })),
  };
}
