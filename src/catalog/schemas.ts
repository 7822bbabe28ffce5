import { z } from 'zod';

/** Shared item types of contract §4.1, reused by the endpoint files' response schemas. */

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

/** The double wrap's inner upstream envelope (contract §3.1). */
export function upstreamEnvelope<T extends z.ZodType>(data: T, opts: { requestId: boolean }) {
  return z.object({
    code: z.literal(0),
    msg: z.literal('OK'),
    ...(opts.requestId ? { request_id: z.string().regex(/^[0-9]{14}[0-9A-F]{20}$/) } : {}),
    data,
  });
}
