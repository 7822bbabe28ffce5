import { z } from 'zod';

/** Shared item types of docs/api-contract.md § Endpoints, reused by the endpoint files' response schemas. */

export const CountryInfo = z.object({ id: z.string(), value: z.string(), label: z.string() });

export const IndustryInfo = z.object({
  id: z.number().int(),
  value: z.string(),
  label: z.string().regex(/^label_[0-9]+$/),
});

/** One daily point at 00:00 UTC, normalised so the peak is 1. */
export const TrendPoint = z.object({
  time: z.number().int().refine((t) => t % 86_400 === 0, 'must be 00:00 UTC'),
  value: z.number().min(0).max(1),
});

export const RankFields = {
  rank: z.number().int(),
  rank_diff: z.number().int().nullable(),
  /** 1 up, 2 same, 3 down, 4 new. */
  rank_diff_type: z.number().int().min(1).max(4),
};

export const Pagination = z.object({
  page: z.number().int(),
  size: z.number().int(),
  total: z.number().int(),
  has_more: z.boolean(),
});

export const RelatedItem = z.object({ item_id: z.string(), cover_uri: z.string() });

export const AudienceFields = {
  audience_ages: z.array(z.object({ age_level: z.number().int(), score: z.number().int() })),
  audience_interests: z.array(
    z.object({
      interest_info: z.object({ id: z.string(), label: z.string(), value: z.string() }),
      score: z.number().int(),
    }),
  ),
  audience_countries: z.array(
    z.object({
      country_info: z.object({ id: z.string(), label: z.string(), value: z.string() }),
      score: z.number().int(),
    }),
  ),
};

/** The double wrap's inner upstream envelope (docs/api-contract.md § Envelope). */
export function upstreamEnvelope<T extends z.ZodType>(data: T, opts: { requestId: boolean }) {
  return z.object({
    code: z.literal(0),
    msg: z.literal('OK'),
    ...(opts.requestId ? { request_id: z.string().regex(/^[0-9]{14}[0-9A-F]{20}$/) } : {}),
    data,
  });
}

/** Lifetime of a trend (hashtag and song detail). */
export const Longevity = z.object({ popular_days: z.number().int(), current_popularity: z.number().int() });

/** Top Ads pagination: upstream `total_count` kept beside `total` (docs/api-contract.md § Top Ads). */
export const TopAdsPagination = z.object({
  page: z.number().int(),
  size: z.number().int(),
  total: z.number().int(),
  total_count: z.number().int(),
  has_more: z.boolean(),
});

/** One option of a Top Ads filter list; upstream ids are strings or numbers. */
export const FilterItem = z.object({
  id: z.union([z.string(), z.number().int()]),
  parent_id: z.union([z.string(), z.number().int()]).nullable(),
  label: z.string(),
  value: z.string(),
  has_conversion: z.boolean().optional(),
});

export const VideoInfo = z.object({
  vid: z.string(),
  cover: z.string(),
  duration: z.number(),
  width: z.number().int(),
  height: z.number().int(),
  /** Quality (e.g. `720p`) → signed CDN URL that expires. */
  video_url: z.record(z.string(), z.string()),
});

/** A Top Ads creative as listed (list, recommend, spotlight). */
export const Material = z.object({
  id: z.string(),
  ad_title: z.string(),
  brand_name: z.string(),
  /** Spend bucket, 1 (low) to 3 (high). */
  cost: z.number().int().min(1).max(3),
  ctr: z.number(),
  like: z.number().int(),
  // The upstream's list items carry no comment/share counts; its detail does (docs/upstreams.md § Item shapes).
  comment: z.number().int().optional(),
  share: z.number().int().optional(),
  favorite: z.boolean(),
  is_search: z.boolean(),
  industry_key: z.string(),
  objective_key: z.string(),
  video_info: VideoInfo,
});

/** The detail form of a Top Ads creative (top-ads/detail). */
export const MaterialDetail = Material.extend({
  comment: z.number().int(),
  share: z.number().int(),
  country_code: z.array(z.string()),
  has_summary: z.boolean(),
  voice_over: z.boolean(),
  /** Crawlora's field; the upstream's detail often sends only `highlight_text`. */
  highlight: z.string().optional(),
  highlight_text: z.string(),
  keyword_list: z.array(z.string()).nullable(),
  landing_page: z.string(),
  /** Upstream `{label, value}` pairs; `value` is seen as a name or as the objective id. */
  objectives: z.array(z.object({ label: z.string(), value: z.union([z.string(), z.number().int()]) })),
  pattern_label: z.array(FilterItem),
  source: z.string(),
  source_key: z.number().int(),
});

/**
 * Shared schemas by the name OpenAPI gives them in `components.schemas` (Crawlora's `popularTrend.*`
 * names where it has them), so the document references one definition instead of repeating it.
 */
export const sharedSchemas: Readonly<Record<string, z.ZodType>> = {
  'popularTrend.CountryInfo': CountryInfo,
  'popularTrend.IndustryInfo': IndustryInfo,
  'popularTrend.TrendPoint': TrendPoint,
  'popularTrend.Pagination': Pagination,
  'popularTrend.RelatedItem': RelatedItem,
  'popularTrend.Longevity': Longevity,
  'popularTrend.TopAdsPagination': TopAdsPagination,
  'popularTrend.TopAdsFilterItem': FilterItem,
  'popularTrend.TopAdsVideoInfo': VideoInfo,
  'popularTrend.TopAdsMaterial': Material,
  'popularTrend.TopAdsMaterialDetail': MaterialDetail,
};
