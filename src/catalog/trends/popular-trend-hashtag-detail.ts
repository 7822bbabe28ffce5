import { z } from 'zod';
import { defineEndpoint } from '../define.js';
import { countryCode, prefilled, intEnum, text } from '../params.js';
import { AudienceFields, Longevity, RelatedItem, upstreamEnvelope } from '../schemas.js';
import { HashtagItem } from './popular-trend-hashtag.js';

/**
 * A hashtag's detail: the list item without rank fields, plus lifetime totals and audience (docs/api-contract.md § Trends).
 * TikTok One's detail has no lifetime totals, longevity, interests, related hashtags or audience
 * shares by country, so those are optional and left out when it serves (docs/upstreams.md § TikTok One).
 */
export const HashtagDetailInfo = HashtagItem.omit({ rank: true, rank_diff: true, rank_diff_type: true }).extend({
  description: z.string().optional(),
  video_url: z.string(),
  publish_cnt_all: z.number().int().optional(),
  video_views_all: z.number().int().optional(),
  longevity: Longevity.optional(),
  audience_ages: AudienceFields.audience_ages,
  audience_interests: AudienceFields.audience_interests.optional(),
  audience_countries: AudienceFields.audience_countries.optional(),
  related_hashtags: z.array(z.object({ hashtag_id: z.string(), hashtag_name: z.string(), video_url: z.string() })).optional(),
  related_items: z.array(RelatedItem),
});

/** Endpoint 2: one hashtag's detail page (new in Trendlens, docs/api-contract.md § Trends). */
export const popularTrendHashtagDetail = defineEndpoint({
  path: '/tiktok/popular-trend/hashtag/detail',
  group: 'Trends',
  summary: 'Retrieve TikTok popular-trend hashtag detail',
  description:
    'Returns one hashtag from the TikTok Creative Center trend pages: its popularity curve, posts and views ' +
    'in the period and over its lifetime, longevity, audience ages, interests and countries, related ' +
    'hashtags and related videos. `hashtag_name` may carry a leading `#` and any case.',
  params: {
    hashtag_name: {
      ...text({
        required: true,
        maxLength: 100,
        // docs/api-contract.md § Trends: leading `#` stripped and lower-cased so `#Prom` and `prom` share a cache
        // entry; composed (NFC) so `café` typed either way is one name: the form trend history looks names up by (`nameKey`).
        normalise: (s) => s.replace(/^#/, '').normalize('NFC').toLowerCase(),
        // Marks too: Thai, Devanagari and other scripts write vowels as combining marks, and `İ` lower-cases to `i` and one.
        pattern: /^[\p{L}\p{M}\p{N}_]{1,100}$/u,
        patternMessage: 'must be 1 to 100 letters, digits or underscores',
        description: 'Hashtag name without spaces; a leading `#` is stripped and the name lower-cased.',
        example: 'prom',
      }),
      // Documented for the raw value callers send; the check above runs after normalising.
      pattern: '^#?[\\p{L}\\p{M}\\p{N}_]{1,100}$',
    },
    period: intEnum([7, 30, 120, 365, 1095], {
      default: 7,
      description: 'Window in days: 7, 30, 120, or 365 and 1095 (1 and 3 years).',
    }),
    country_code: prefilled(
      countryCode({ description: 'ISO 3166-1 alpha-2 country code; absent means all regions (the legacy API only: TikTok One needs a country).' }),
    ),
  },
  creditCost: 8,
  cacheTtlSeconds: 3600,
  upstream: ['popular_trend/hashtag/detail', 'CreativeOne/KnowledgeAPI/GetHashtagList', 'CreativeOne/KnowledgeAPI/GetHashtagDetail'],
  sources: ['tiktok-one', 'creative-center'],
  envelope: 'double',
  responseSchemaName: 'populartrend.hashtagDetailResponseDoc',
  responseSchema: upstreamEnvelope(z.object({ info: HashtagDetailInfo }), { requestId: true }),
  sample: {
    code: 0,
    msg: 'OK',
    request_id: '20260421093000C1F07AF59616583266A4',
    data: {
      info: {
        hashtag_id: '4777',
        hashtag_name: 'prom',
        country_info: { id: 'ALL', value: 'ALL', label: 'ALL' },
        industry_info: { id: 22000000000, value: 'Apparel & Accessories', label: 'label_22000000000' },
        is_promoted: false,
        trend: [
          { time: 1776211200, value: 0.42 },
          { time: 1776297600, value: 0.55 },
          { time: 1776384000, value: 0.61 },
          { time: 1776470400, value: 0.74 },
          { time: 1776556800, value: 0.83 },
          { time: 1776643200, value: 0.91 },
          { time: 1776729600, value: 1 },
        ],
        creators: [{ nick_name: 'promqueen', avatar_url: 'https://p16-sign.tiktokcdn-us.com/avatar-1.jpeg?x-expires=1776816000' }],
        publish_cnt: 179872,
        video_views: 766182036,
        description: 'Prom night looks, asks and afterparties.',
        video_url: 'https://www.tiktok.com/tag/prom',
        publish_cnt_all: 2118795,
        video_views_all: 9421550318,
        longevity: { popular_days: 7, current_popularity: 1 },
        audience_ages: [
          { age_level: 3, score: 61 },
          { age_level: 4, score: 24 },
          { age_level: 5, score: 15 },
        ],
        audience_interests: [
          { interest_info: { id: '10008', label: 'diversify_10008', value: 'Professional Special Effects' }, score: 37 },
        ],
        audience_countries: [
          { country_info: { id: '6252001', label: 'US', value: 'United States' }, score: 72 },
        ],
        related_hashtags: [{ hashtag_id: '15301', hashtag_name: 'promdress', video_url: 'https://www.tiktok.com/tag/promdress' }],
        related_items: [{ item_id: '7562659435622010021', cover_uri: 'tos-maliva-p-0068/oQAbCdEfGh' }],
      },
    },
  },
  notes: [
    '`hashtag_name` is required; a leading `#` is stripped and the name lower-cased before validation (1–100 letters, digits or underscores).',
    '`period` defaults to 7 and also accepts 365 and 1095 (1 and 3 years).',
    'Without `country_code` the upstream reports all regions: `country_info` is `{"id":"ALL","value":"ALL","label":"ALL"}`.',
    'A hashtag the upstream does not know (empty `info`) answers 404 `resource_not_found`, not charged.',
    '`audience_countries[].country_info.id` is a GeoNames id; its `label` is the ISO-2 code.',
    '`related_items[].item_id` exceeds 2^53 upstream and is sent as a string.',
    'Since 2026 TikTok One serves it when the operator has supplied a logged-in session (`X-Upstream-Access: logged-in`): the name is looked up in the chart of the same `period` and `country_code` (a hashtag outside that top 100 answers 404), then its detail is fetched by id. Anonymous callers to TikTok One get `InvalidLogin`, so without a session the legacy detail is asked and, where it is gone, the answer is 503 with `detail` `login_required`.',
    'TikTok One needs `country_code` and serves `period` 7, 30 or 120 (90 when it refuses 120, said in `X-Upstream-Period`). Its detail has no `is_promoted`, lifetime totals, `longevity`, `audience_interests`, `audience_countries` or `related_hashtags`: they are left out. `audience_ages[].score` is its view share rounded to a whole percent; `related_items` are its representative videos.',
  ],
});
