/**
 * Types of the Trendlens API, generated from the OpenAPI document the catalog produces (the one served
 * at /api/v1/openapi.json), with the /api/v1 prefix folded into each path so paths read as the URLs
 * people call. Do not edit: `npm run generate` in clients/typescript rewrites this file, and a test
 * fails when it is stale.
 */

export interface paths {
    "/api/v1/tiktok/popular-trend/hashtag": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve TikTok popular-trend hashtags
         * @description Returns the TikTok Creative Center top-100 trending hashtags for a period, optionally narrowed by country, industry or to hashtags new to the top 100. The service clamps page to 1–10, limit to at most 100, and defaults period to 7.
         *
         *     **Response behaviour**
         *
         *     - `page` is clamped to 1–10 and `limit` to 1–100; out-of-range values are never an error.
         *     - `period` defaults to 7. The chart holds at most 100 hashtags, so `pagination.total` is at most 100.
         *     - Pages are windows over the upstream chart: `(page−1)·limit` items are skipped; a window past the end is an empty, charged list.
         *     - A country the upstream does not cover answers 200 with an empty list.
         *     - `rank_diff_type`: 1 up, 2 unchanged, 3 down, 4 new to the chart.
         *     - Since 2026 the legacy chart answers "deprecated" and TikTok One serves (`X-Upstream-Adapter: tiktok-one`). It needs `country_code` (no all-regions chart) and cannot filter `new_on_board`; those requests are served only where the legacy chart still answers, else 503 `upstream_unavailable` with `detail` `not_available`.
         *     - TikTok One gives no `rank_diff`, `rank_diff_type` or `is_promoted`: they are left out of its items, never invented; `trend` values are its 0–100 popularity divided by 100, to two decimals; `creators[].avatar_url` appears when it sends one.
         *     - Anonymous TikTok One access (`X-Upstream-Access: anonymous`) yields the top 3 hashtags, `pagination.total` 3; with the operator's logged-in session 20 per upstream page up to 100.
         *     - `period=120`: TikTok One is asked for 120 days; when it refuses, 90 days are served and the answer says so in `X-Upstream-Period: 90`.
         *     - The inner envelope carries no `request_id`, as in Crawlora.
         */
        get: operations["tiktok-popular-trend-hashtag"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tiktok/popular-trend/hashtag/detail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve TikTok popular-trend hashtag detail
         * @description Returns one hashtag from the TikTok Creative Center trend pages: its popularity curve, posts and views in the period and over its lifetime, longevity, audience ages, interests and countries, related hashtags and related videos. `hashtag_name` may carry a leading `#` and any case.
         *
         *     **Response behaviour**
         *
         *     - `hashtag_name` is required; a leading `#` is stripped and the name lower-cased before validation (1–100 letters, digits or underscores).
         *     - `period` defaults to 7 and also accepts 365 and 1095 (1 and 3 years).
         *     - Without `country_code` the upstream reports all regions: `country_info` is `{"id":"ALL","value":"ALL","label":"ALL"}`.
         *     - A hashtag the upstream does not know (empty `info`) answers 404 `resource_not_found`, not charged.
         *     - `audience_countries[].country_info.id` is a GeoNames id; its `label` is the ISO-2 code.
         *     - `related_items[].item_id` exceeds 2^53 upstream and is sent as a string.
         *     - Since 2026 TikTok One serves it when the operator has supplied a logged-in session (`X-Upstream-Access: logged-in`): the name is looked up in the chart of the same `period` and `country_code` (a hashtag outside that top 100 answers 404), then its detail is fetched by id. Anonymous callers to TikTok One get `InvalidLogin`, so without a session the legacy detail is asked and, where it is gone, the answer is 503 with `detail` `login_required`.
         *     - TikTok One needs `country_code` and serves `period` 7, 30 or 120 (90 when it refuses 120, said in `X-Upstream-Period`). Its detail has no `is_promoted`, lifetime totals, `longevity`, `audience_interests`, `audience_countries` or `related_hashtags`: they are left out. `audience_ages[].score` is its view share rounded to a whole percent; `related_items` are its representative videos.
         */
        get: operations["tiktok-popular-trend-hashtag-detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tiktok/popular-trend/song": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve TikTok popular-trend songs
         * @deprecated
         * @description Returns the TikTok Creative Center song chart for a period: `popular` or `surging` (the UI's "Breakout"), optionally narrowed by country, to songs new on the chart, or to songs approved for business use. The service clamps page to 1–10, limit to at most 100, and defaults period to 7.
         *
         *     **Response behaviour**
         *
         *     - Retired since 2026 (`retired` in the catalog): TikTok no longer serves this data, so the answer is 503 `upstream_retired`, never charged, with a message naming what changed. It is still asked first, so it serves again if TikTok brings it back (docs/upstreams.md § Source routing).
         *     - `page` is clamped to 1–10 and `limit` to 1–100; out-of-range values are never an error.
         *     - `period` defaults to 7, `rank_type` to `popular`; `new_on_board` and `commercial_music` default to false and accept true/false/1/0 in any case.
         *     - The chart holds about 100 songs. Pages are windows over it (the upstream serves 20 per page); a window past the end is an empty, charged list.
         *     - A country the upstream does not cover answers 200 with an empty list.
         *     - `music_url` and `on_list_times` may be null; `cml_mid` is present only for Commercial Music Library songs.
         *     - `rank_diff_type`: 1 up, 2 unchanged, 3 down, 4 new to the chart.
         */
        get: operations["tiktok-popular-trend-song"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tiktok/popular-trend/song/detail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve TikTok popular-trend song detail
         * @deprecated
         * @description Returns one song from the TikTok Creative Center trend pages by its `clip_id`: its popularity curve, audience ages, interests and countries, longevity and related videos.
         *
         *     **Response behaviour**
         *
         *     - Retired since 2026 (`retired` in the catalog): TikTok no longer serves this data, so the answer is 503 `upstream_retired`, never charged, with a message naming what changed. It is still asked first, so it serves again if TikTok brings it back (docs/upstreams.md § Source routing).
         *     - `clip_id` is required: 1–20 digits, kept as a string.
         *     - `period` defaults to 7; without `country_code` the upstream reports all regions.
         *     - An unknown `clip_id` answers 404 `resource_not_found`, not charged.
         *     - `sound.rank` is always null on the detail page; `liked` is null because the upstream is called anonymously.
         */
        get: operations["tiktok-popular-trend-song-detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tiktok/popular-trend/creator": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve TikTok popular-trend creators
         * @deprecated
         * @description Returns popular TikTok creators from the Creative Center, sorted by followers, engagement or average views, optionally narrowed by the creator's country. The service clamps page to 1–10 and limit to at most 100.
         *
         *     **Response behaviour**
         *
         *     - Retired since 2026 (`retired` in the catalog): TikTok no longer serves this data, so the answer is 503 `upstream_retired`, never charged, with a message naming what changed. It is still asked first, so it serves again if TikTok brings it back (docs/upstreams.md § Source routing).
         *     - `page` is clamped to 1–10 and `limit` to 1–100; out-of-range values are never an error.
         *     - `sort_by` defaults to `follower`.
         *     - `audience_count` (1–4) is validated, then ignored: accepted for compatibility, not applied upstream, and not part of the cache key.
         *     - Pages are windows over the upstream list (50 per upstream page); a window past the end is an empty, charged list.
         *     - `items` holds up to three recent videos; `create_time` is Unix seconds.
         */
        get: operations["tiktok-popular-trend-creator"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tiktok/popular-trend/video": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve TikTok popular-trend videos
         * @description Returns trending TikTok videos from the Creative Center for a period, ordered by views, likes, comments or reposts, optionally narrowed by country. The service clamps page to 1–10, limit to at most 100, and defaults period to 7.
         *
         *     **Response behaviour**
         *
         *     - Withdrawn by Crawlora (410 there); served here.
         *     - `page` is clamped to 1–10 and `limit` to 1–100; out-of-range values are never an error.
         *     - `period` defaults to 7 (7 or 30 only), `order_by` to `vv`.
         *     - Pagination keeps the upstream spelling `{page, limit, total_count, has_more}` but describes the caller's window.
         *     - Pages are windows over the upstream list (20 per upstream page); a window past the end is an empty, charged list.
         *     - A country the upstream does not cover answers 200 with an empty list.
         *     - Since 2026 TikTok One's top contents serve it first (`X-Upstream-Adapter: tiktok-one`; US videos from its US host): it needs `country_code`, has data for US, JP, ID, TH and VN, ranks by views only among the four `order_by` values (`vv`), and gives no `duration`. Other requests fall back to the legacy list, and answer 503 `not_available` where that is gone.
         *     - Anonymous TikTok One access yields the first 4 videos (`pagination.total_count` 4); with the operator's logged-in session 20 per upstream page up to 100.
         */
        get: operations["tiktok-popular-trend-video"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tiktok/popular-trend/country-industry-meta": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve TikTok popular-trend country and industry metadata
         * @description Returns the country and industry metadata used by the TikTok Creative Center popular-trend endpoints: use its country ids as `country_code` and its industry ids as `industry_id`.
         *
         *     **Response behaviour**
         *
         *     - Takes no params.
         *     - Single-wrapped, as in Crawlora: `data` is the payload `{country, industry}` itself, with no inner `{code, msg}` envelope.
         *     - All ids are strings; industry ids are 11 digits (e.g. `22000000000`).
         *     - Cached for 24 hours.
         */
        get: operations["tiktok-popular-trend-country-industry-meta"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tiktok/creative-center/hashtags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve TikTok Creative Center trending hashtags
         * @description Returns the trending hashtags of one country from TikTok One, the home of Creative Center since 2026, in its own shape: rank, daily popularity curve (0–100), posts, views, industries and top creators. How many hashtags come back depends on the access the server has to TikTok One (see the notes).
         *
         *     **Response behaviour**
         *
         *     - `country_code` is required: TikTok One has no all-regions chart. `period` is 7 or 30 (default 7).
         *     - Served by TikTok One only; answers carry `X-Upstream-Adapter: tiktok-one` and `X-Upstream-Access` (`anonymous` or `logged-in`).
         *     - Anonymous access to TikTok One yields the top 3 hashtags of a chart (`total_count` 3). With the operator's logged-in TikTok One session (`UPSTREAM_COOKIES`) the chart holds up to 100.
         *     - TikTok One covers 27 hashtag regions (US FR DE IT ES GB AR AU BR CA CO EG ID IL JP KR MY MX PH SA SG ZA TW TH TR AE VN); another valid country answers 200 with an empty list.
         *     - `popularity_curve` has one point per day at 00:00 UTC (`timestamp` in seconds) with `value` from 0 to 100, unlike the 0–1 `trend` of /tiktok/popular-trend/hashtag; the last point is often low because that day is not over.
         *     - TikTok One gives no rank movement, promotion flag or country block; `industry_ids` are ids only (names in /tiktok/popular-trend/country-industry-meta).
         *     - Single-wrapped: `data` is `{hashtags, total_count}` itself, with no inner `{code, msg}` envelope.
         *     - Cached for 1 hour.
         */
        get: operations["tiktok-creative-center-hashtags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tiktok/creative-center/videos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve TikTok Creative Center trending videos
         * @description Returns the top videos of one country from TikTok One, the home of Creative Center since 2026, ranked by views, engagement rate or six-second view rate, with their author and view metrics. Optionally narrowed to one content tag or to organic (non-paid) videos.
         *
         *     **Response behaviour**
         *
         *     - `country_code` is required; `period` is 7 or 30 (default 7), `sort_by` defaults to `views`, `organic_only` to false.
         *     - Served by TikTok One only; answers carry `X-Upstream-Adapter: tiktok-one` and `X-Upstream-Access` (`anonymous` or `logged-in`).
         *     - TikTok One has top videos for US, JP, ID, TH and VN; another valid country answers 200 with an empty `videos` list, which is TikTok One's own answer, not an error.
         *     - Anonymous access to TikTok One yields the first 4 videos while `total_count` and `page_count` still describe the whole ranking. With the operator's logged-in TikTok One session (`UPSTREAM_COOKIES`) the first page holds 20.
         *     - The `_lifetime` metrics count since the video was posted, the others within `period`; `engagement_rate_lifetime` and `six_seconds_vtr_lifetime` appear only when TikTok One sends them.
         *     - Single-wrapped: `data` is `{videos, total_count, page_count}` itself, with no inner `{code, msg}` envelope.
         *     - Cached for 1 hour.
         */
        get: operations["tiktok-creative-center-videos"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tiktok/top-ads/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve TikTok Top Ads
         * @description Returns high-performing auction ads from TikTok Creative Center. The service defaults `period` to 30, `page` to 1, `limit` to 20, and `order_by` to `for_you`. Use `/tiktok/top-ads/filters` for dynamic enum values and static enums for order, duration, likes, and ad format.
         *
         *     **Response behaviour**
         *
         *     - `period` defaults to 30, `page` to 1, `limit` to 20 and `order_by` to `for_you`.
         *     - `page` is clamped to 1–1000 and `limit` to 1–100; out-of-range values are never an error.
         *     - CSV params (`country_code`, `industry`, `objective`, `ad_language`, `pattern_label`, `like`) are split on commas, trimmed, de-duplicated and sorted; every item is validated.
         *     - `q` is an alias of `keyword`; an explicit `keyword` wins.
         *     - Pages are windows over the upstream list (20 per upstream page, about 400 ads in all); a window past the end is an empty, charged list.
         *     - `pagination.total` and `pagination.total_count` both carry the upstream total.
         *     - `comment` and `share` are present only when the upstream sends them; top-ads/detail always has them.
         *     - Video URLs are signed CDN links that expire.
         *     - TikTok serves logged-out callers the first 20 ads only. Unless the operator configures a TikTok session cookie (`UPSTREAM_COOKIES`), a page beyond them is 503 `upstream_unavailable` with `detail: login_required`, not charged (a window reaching past them gives the ads there are, `has_more` true).
         */
        get: operations["tiktok-top-ads-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tiktok/top-ads/detail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve TikTok Top Ads detail
         * @description Returns detail for one TikTok Creative Center Top Ads material. Use `material_id`; the upstream does not accept `id` or `materialId`.
         *
         *     **Response behaviour**
         *
         *     - `material_id` is required: 1–20 digits, kept as a string.
         *     - `id` or `materialId` in the query answers 400 (`{"param":"id","message":"use material_id"}`), the one exception to ignoring unknown params.
         *     - An unknown `material_id` (upstream code 40004) answers 404 `resource_not_found`, not charged.
         *     - `keyword_list` may be null. Video URLs are signed CDN links that expire.
         *     - Cached for 6 hours.
         */
        get: operations["tiktok-top-ads-detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tiktok/top-ads/analysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve TikTok Top Ads interactive time analysis
         * @description Returns the detail-page interactive time analysis chart and percentile for a Top Ads material. Metric values are `retain_ctr` (CTR), `retain_cvr` (CVR), `click_cnt` (Clicks), `convert_cnt` (Conversion), and `play_retain_cnt` (Remain).
         *
         *     **Response behaviour**
         *
         *     - `material_id` is required; `metric` defaults to `retain_ctr`, `period_type` to 7.
         *     - Two upstream calls run in parallel, `top_ads/keyframe` (the `metric` curve) and `top_ads/percentile` (`period_type`); both must succeed, otherwise nothing is charged.
         *     - Percentile metric per `metric`: retain_ctr → ctr_percentile, retain_cvr → time_attr_conversion_rate_percentile, click_cnt → click_cnt_percentile, convert_cnt → time_attr_convert_cnt_percentile, play_retain_cnt → show_cnt_percentile.
         *     - `percentile` is a rank from 0 to 1 among comparable ads, not a raw rate.
         *     - An unknown `material_id` (upstream code 40004) answers 404 `resource_not_found`, not charged.
         *     - Cached for 6 hours.
         */
        get: operations["tiktok-top-ads-analysis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tiktok/top-ads/filters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve TikTok Top Ads filters
         * @description Returns filter metadata for TikTok Creative Center Top Ads. Dynamic values come from TikTok; static UI enums are included for `order_by`, `duration`, `like`, and `ad_format`.
         *
         *     **Response behaviour**
         *
         *     - Takes no params.
         *     - `industry`, `country`, `ad_language`, `objective` and `pattern_label` come from the upstream; `order_by`, `duration`, `like`, `ad_format`, `period` and `analysis_metric` are static lists kept by Trendlens.
         *     - Ids are strings or numbers as the upstream sends them; pass them to /tiktok/top-ads/list as they are.
         *     - Cached for 24 hours.
         */
        get: operations["tiktok-top-ads-filters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tiktok/top-ads/recommend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve TikTok Top Ads recommendations
         * @description Returns recommended Top Ads materials related to a material id.
         *
         *     **Response behaviour**
         *
         *     - `material_id` is required: 1–20 digits, kept as a string.
         *     - The upstream returns one list for `material_id` alone; `page` (clamped to 1–1000) and `limit` (1–100) slice it locally, and the response carries no pagination.
         *     - A window past the end of the list is an empty, charged list.
         */
        get: operations["tiktok-top-ads-recommend"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tiktok/top-ads/spotlight": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve TikTok Top Ads Spotlight
         * @description Returns Top Ads Spotlight materials handpicked by TikTok Creative Center.
         *
         *     **Response behaviour**
         *
         *     - `page` is clamped to 1–1000 and `limit` to 1–100; out-of-range values are never an error.
         *     - Covers every spotlight industry: the upstream is called without `industry`.
         *     - Pages are windows over the upstream list (50 per upstream page); a window past the end is an empty, charged list.
         *     - `pagination.total` and `pagination.total_count` both carry the upstream total.
         */
        get: operations["tiktok-top-ads-spotlight"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tiktok/top-ads/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve TikTok Top Ads suggestions
         * @description Returns Top Ads search suggestions from TikTok Creative Center.
         *
         *     **Response behaviour**
         *
         *     - `count` defaults to 50 and is clamped to 1–50; `scenario` is 1 or 2 (default 1).
         *     - The upstream `query` is sent empty, so suggestions are the popular searches.
         */
        get: operations["tiktok-top-ads-suggestions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tiktok/top-ads/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve TikTok Top Ads locations
         * @description Returns the countries and regions TikTok Creative Center offers as Top Ads location filters. Pass their ids as `country_code` to /tiktok/top-ads/list.
         *
         *     **Response behaviour**
         *
         *     - Takes no params.
         *     - Ids are ISO 3166-1 alpha-2 codes; every item has a `label` and a `parent_id` (null), as in /tiktok/top-ads/filters.
         *     - The upstream path `top_ads/location/list` is inferred from the Top Ads family of the Creative Center API: no public capture of it is known yet.
         *     - Cached for 24 hours.
         */
        get: operations["tiktok-top-ads-locations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tiktok/top-ads/location-info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve TikTok Top Ads location info
         * @description Returns the country and industry TikTok Creative Center preselects for a module: the starting point of its Top Ads page. Choose criteria with /tiktok/top-ads/locations and /tiktok/top-ads/filters, then fetch ads with /tiktok/top-ads/list.
         *
         *     **Response behaviour**
         *
         *     - `module` defaults to 1; 0 is read as 1. Any other non-negative integer is sent upstream unchanged.
         *     - `initial_country` is what TikTok infers for the caller it sees, which is this server, not your client: treat it as a default, not as your users' location.
         *     - `first_industry` and `second_industry` are Top Ads filter items, as in /tiktok/top-ads/filters; `l1_industry` and `l2_industry` are their ids as numbers.
         *     - The upstream path `top_ads/location/info` is inferred from the Top Ads family of the Creative Center API: no public capture of it is known yet.
         *     - Cached for 24 hours.
         */
        get: operations["tiktok-top-ads-location-info"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tiktok/top-ads/safety": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve TikTok Top Ads safety configuration
         * @description Returns the public configuration flags TikTok Creative Center applies to its search boxes: whether searching Top Ads, keywords, hashtags, songs and creators is switched on, and the key of the banner it shows.
         *
         *     **Response behaviour**
         *
         *     - Takes no params.
         *     - Each `*_search` flag is 1 when that search box is switched on and 0 when it is off.
         *     - The upstream path `top_ads/configure/safety` is inferred from the Top Ads family of the Creative Center API: no public capture of it is known yet.
         *     - Cached for 1 hour.
         */
        get: operations["tiktok-top-ads-safety"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tiktok/keyword-insights": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve TikTok keyword insights
         * @deprecated
         * @description Returns ad-script keywords from TikTok Creative Center ranked by performance (posts, CTR, CVR, CPA, cost, impressions, 6-second play rate, likes, shares, comments), optionally narrowed by country, industry, objective, keyword type or a search term.
         *
         *     **Response behaviour**
         *
         *     - Retired since 2026 (`retired` in the catalog): TikTok no longer serves this data, so the answer is 503 `upstream_retired`, never charged, with a message naming what changed. It is still asked first, so it serves again if TikTok brings it back (docs/upstreams.md § Source routing).
         *     - `page` is clamped to 1–1000 and `limit` to 1–100; out-of-range values are never an error.
         *     - `period` defaults to 7, `order_by` to `post`, `order_type` to `desc`.
         *     - `industry` and `objective` are comma-separated digit ids, de-duplicated and sorted.
         *     - `q` is an alias of `keyword`; an explicit `keyword` wins.
         *     - Pages are windows over the upstream list (50 per upstream page, about 500 keywords); a window past the end is an empty, charged list.
         *     - `post_change` and `play_six_rate` are percentages; `video_list` holds up to five video ids.
         */
        get: operations["tiktok-keyword-insights"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tiktok/popular-trend/hashtag/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve TikTok hashtag rank history
         * @description Returns one point per UTC day on which the hashtag chart (for the country and period) held the hashtag: its rank, posts and views. Served from the history this Trendlens instance has recorded, with no upstream call. Days without a stored chart are absent, and `covered_days` lists the days the chart was stored.
         *
         *     **Response behaviour**
         *
         *     - Answered from the charts this instance has stored (answered requests and scheduled collection), never from the upstream; the answer carries `X-Served-From: history`.
         *     - A day the chart was stored without the hashtag is in `covered_days` but has no point; a day the chart was not stored is in neither. Missing days are gaps, never zeros.
         *     - `days` is clamped to 1–365, then to the instance's retention (`HISTORY_RETENTION_DAYS`); `notice` says when that happened.
         *     - A hashtag the stored chart never held answers 404 `resource_not_found` naming it.
         */
        get: operations["tiktok-popular-trend-hashtag-history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tiktok/popular-trend/movers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve TikTok trend chart movers
         * @description Compares the latest stored day of a chart (hashtags, songs, creators or videos, for a country and period) with the stored day `since` days before it, and lists the entries that rose, fell, are new or dropped out, ranked by rank change or by growth of the chart's metric, with the first day each entry appeared. Served from the history this Trendlens instance has recorded, with no upstream call.
         *
         *     **Response behaviour**
         *
         *     - Answered from the charts this instance has stored, never from the upstream; the answer carries `X-Served-From: history`.
         *     - The comparison day is the latest stored day at least `since` days before the latest one; when history holds none that old, the oldest stored day is used and `since_date` says which.
         *     - `rising` and `falling` list entries on both days; `new` lists entries absent from the comparison day, `dropped` those absent from the latest.
         *     - Days the chart was not stored are gaps: sparklines skip them.
         */
        get: operations["tiktok-popular-trend-movers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        "popularTrend.CountryInfo": {
            id: string;
            value: string;
            label: string;
        };
        "popularTrend.IndustryInfo": {
            id: number;
            value: string;
            label: string;
        };
        "popularTrend.TrendPoint": {
            time: number;
            value: number;
        };
        "popularTrend.Pagination": {
            page: number;
            size: number;
            total: number;
            has_more: boolean;
        };
        "popularTrend.RelatedItem": {
            item_id: string;
            cover_uri: string;
        };
        "popularTrend.Longevity": {
            popular_days: number;
            current_popularity: number;
        };
        "popularTrend.TopAdsPagination": {
            page: number;
            size: number;
            total: number;
            total_count: number;
            has_more: boolean;
        };
        "popularTrend.TopAdsFilterItem": {
            id: string | number;
            parent_id: string | number | null;
            label: string;
            value: string;
            has_conversion?: boolean;
        };
        "popularTrend.TopAdsVideoInfo": {
            vid: string;
            cover: string;
            duration: number;
            width: number;
            height: number;
            video_url: {
                [key: string]: string;
            };
        };
        "popularTrend.TopAdsMaterial": {
            id: string;
            ad_title: string;
            brand_name: string;
            cost: number;
            ctr: number;
            like: number;
            comment?: number;
            share?: number;
            favorite: boolean;
            is_search: boolean;
            industry_key: string;
            objective_key: string;
            video_info: components["schemas"]["popularTrend.TopAdsVideoInfo"];
        };
        "popularTrend.TopAdsMaterialDetail": {
            id: string;
            ad_title: string;
            brand_name: string;
            cost: number;
            ctr: number;
            like: number;
            comment: number;
            share: number;
            favorite: boolean;
            is_search: boolean;
            industry_key: string;
            objective_key: string;
            video_info: components["schemas"]["popularTrend.TopAdsVideoInfo"];
            country_code: string[];
            has_summary: boolean;
            voice_over: boolean;
            highlight?: string;
            highlight_text: string;
            keyword_list: string[] | null;
            landing_page: string;
            objectives: {
                label: string;
                value: string | number;
            }[];
            pattern_label: components["schemas"]["popularTrend.TopAdsFilterItem"][];
            source: string;
            source_key: number;
        };
        "populartrend.hashtagTrendResponseDoc": {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "OK";
            data: {
                /** @constant */
                code: 0;
                /** @constant */
                msg: "OK";
                data: {
                    list: {
                        hashtag_id: string;
                        hashtag_name: string;
                        country_info: components["schemas"]["popularTrend.CountryInfo"];
                        industry_info?: components["schemas"]["popularTrend.IndustryInfo"];
                        is_promoted?: boolean;
                        trend: components["schemas"]["popularTrend.TrendPoint"][];
                        creators?: {
                            nick_name: string;
                            avatar_url?: string;
                        }[];
                        publish_cnt: number;
                        video_views: number;
                        rank: number;
                        rank_diff?: number | null;
                        rank_diff_type?: number;
                    }[];
                    pagination: components["schemas"]["popularTrend.Pagination"];
                };
            };
        };
        "populartrend.hashtagDetailResponseDoc": {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "OK";
            data: {
                /** @constant */
                code: 0;
                /** @constant */
                msg: "OK";
                request_id: string;
                data: {
                    info: {
                        hashtag_id: string;
                        hashtag_name: string;
                        country_info: components["schemas"]["popularTrend.CountryInfo"];
                        industry_info?: components["schemas"]["popularTrend.IndustryInfo"];
                        is_promoted?: boolean;
                        trend: components["schemas"]["popularTrend.TrendPoint"][];
                        creators?: {
                            nick_name: string;
                            avatar_url?: string;
                        }[];
                        publish_cnt: number;
                        video_views: number;
                        description?: string;
                        video_url: string;
                        publish_cnt_all?: number;
                        video_views_all?: number;
                        longevity?: components["schemas"]["popularTrend.Longevity"];
                        audience_ages: {
                            age_level: number;
                            score: number;
                        }[];
                        audience_interests?: {
                            interest_info: {
                                id: string;
                                label: string;
                                value: string;
                            };
                            score: number;
                        }[];
                        audience_countries?: {
                            country_info: {
                                id: string;
                                label: string;
                                value: string;
                            };
                            score: number;
                        }[];
                        related_hashtags?: {
                            hashtag_id: string;
                            hashtag_name: string;
                            video_url: string;
                        }[];
                        related_items: components["schemas"]["popularTrend.RelatedItem"][];
                    };
                };
            };
        };
        "populartrend.songTrendResponseDoc": {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "OK";
            data: {
                /** @constant */
                code: 0;
                /** @constant */
                msg: "OK";
                request_id: string;
                data: {
                    sound_list: {
                        clip_id: string;
                        song_id: string;
                        title: string;
                        author: string;
                        cover: string;
                        duration: number;
                        country_code: string;
                        link: string;
                        url_title: string;
                        music_url: string | null;
                        if_cml: boolean;
                        cml_mid?: string;
                        is_search: boolean;
                        promoted: boolean;
                        on_list_times: number | null;
                        rank: number;
                        rank_diff: number | null;
                        rank_diff_type: number;
                        trend: components["schemas"]["popularTrend.TrendPoint"][];
                        related_items: components["schemas"]["popularTrend.RelatedItem"][];
                    }[];
                    pagination: components["schemas"]["popularTrend.Pagination"];
                };
            };
        };
        "populartrend.songDetailResponseDoc": {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "OK";
            data: {
                /** @constant */
                code: 0;
                /** @constant */
                msg: "OK";
                request_id: string;
                data: {
                    sound: {
                        clip_id: string;
                        song_id: string;
                        title: string;
                        author: string;
                        cover: string;
                        duration: number;
                        country_code: string;
                        link: string;
                        url_title: string;
                        music_url: string | null;
                        if_cml: boolean;
                        cml_mid?: string;
                        is_search: boolean;
                        promoted: boolean;
                        on_list_times: number | null;
                        rank: null;
                        rank_diff: number | null;
                        rank_diff_type: number;
                        trend: components["schemas"]["popularTrend.TrendPoint"][];
                        related_items: components["schemas"]["popularTrend.RelatedItem"][];
                        audience_ages: {
                            age_level: number;
                            score: number;
                        }[];
                        audience_interests: {
                            interest_info: {
                                id: string;
                                label: string;
                                value: string;
                            };
                            score: number;
                        }[];
                        audience_countries: {
                            country_info: {
                                id: string;
                                label: string;
                                value: string;
                            };
                            score: number;
                        }[];
                        longevity: components["schemas"]["popularTrend.Longevity"];
                    };
                    liked: boolean | null;
                    disliked: boolean;
                    like_count: number;
                };
            };
        };
        "populartrend.creatorTrendResponseDoc": {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "OK";
            data: {
                /** @constant */
                code: 0;
                /** @constant */
                msg: "OK";
                request_id: string;
                data: {
                    creators: {
                        tcm_id: string;
                        user_id: string;
                        nick_name: string;
                        avatar_url: string;
                        country_code: string;
                        follower_cnt: number;
                        liked_cnt: number;
                        tt_link: string;
                        tcm_link: string;
                        items: {
                            item_id: string;
                            cover_url: string;
                            tt_link: string;
                            vv: number;
                            liked_cnt: number;
                            create_time: number;
                        }[];
                    }[];
                    pagination: components["schemas"]["popularTrend.Pagination"];
                };
            };
        };
        "populartrend.videoTrendResponseDoc": {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "OK";
            data: {
                /** @constant */
                code: 0;
                /** @constant */
                msg: "OK";
                request_id: string;
                data: {
                    videos: {
                        id: string;
                        item_id: string;
                        item_url: string;
                        title: string;
                        cover: string;
                        duration?: number;
                        country_code: string;
                        region: string;
                    }[];
                    pagination: {
                        page: number;
                        limit: number;
                        total_count: number;
                        has_more: boolean;
                    };
                };
            };
        };
        "populartrend.countryIndustryMetaResponseDoc": {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "OK";
            data: {
                country: {
                    id: string;
                    value: string;
                }[];
                industry: {
                    id: string;
                    value: string;
                }[];
            };
        };
        "creativecenter.trendingHashtagsResponseDoc": {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "OK";
            data: {
                hashtags: {
                    hashtag_id: string;
                    hashtag_name: string;
                    industry_ids: number[];
                    popularity_curve: {
                        timestamp: number;
                        value: number;
                    }[];
                    publish_count: number;
                    rank: number;
                    top_creators: {
                        handle: string;
                        nickname?: string;
                        avatar_url?: string;
                        follower_count?: number;
                        creator_id?: string;
                        tiktok_uid?: string;
                        country_code?: string;
                        rank?: number;
                    }[];
                    video_views: number;
                }[];
                total_count: number;
            };
        };
        "creativecenter.trendingVideosResponseDoc": {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "OK";
            data: {
                videos: {
                    item_id: string;
                    title: string;
                    cover_url: string;
                    video_url: string;
                    create_time: number;
                    content_type: number;
                    content_tags: {
                        id: string;
                        name: string;
                    }[];
                    author_id: string;
                    author_handle: string;
                    author_nickname: string;
                    author_avatar_url: string;
                    author_bio?: string;
                    author_follower_count: number;
                    video_views: number;
                    video_views_lifetime: number;
                    organic_video_views: number;
                    organic_video_views_lifetime: number;
                    engagement_rate: number;
                    engagement_rate_lifetime?: number;
                    six_seconds_vtr: number;
                    six_seconds_vtr_lifetime?: number;
                }[];
                total_count: number;
                page_count: number;
            };
        };
        "populartrend.topAdsListResponseDoc": {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "OK";
            data: {
                /** @constant */
                code: 0;
                /** @constant */
                msg: "OK";
                request_id: string;
                data: {
                    materials: components["schemas"]["popularTrend.TopAdsMaterial"][];
                    pagination: components["schemas"]["popularTrend.TopAdsPagination"];
                };
            };
        };
        "populartrend.topAdsDetailResponseDoc": {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "OK";
            data: {
                /** @constant */
                code: 0;
                /** @constant */
                msg: "OK";
                request_id: string;
                data: components["schemas"]["popularTrend.TopAdsMaterialDetail"];
            };
        };
        "populartrend.topAdsAnalysisResponseDoc": {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "OK";
            data: {
                /** @constant */
                code: 0;
                /** @constant */
                msg: "OK";
                request_id: string;
                data: {
                    analysis: {
                        second: number;
                        value: number;
                    }[];
                    duration: number;
                    highlight: number[];
                    /** @enum {string} */
                    metric: "retain_ctr" | "retain_cvr" | "click_cnt" | "convert_cnt" | "play_retain_cnt";
                    /** @enum {string} */
                    metric_label: "CTR" | "CVR" | "Clicks" | "Conversion" | "Remain";
                    percentile: number;
                    percentile_data: {
                        [key: string]: number;
                    };
                    percentile_metric: string;
                    period_type: number;
                };
            };
        };
        "populartrend.topAdsFiltersResponseDoc": {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "OK";
            data: {
                /** @constant */
                code: 0;
                /** @constant */
                msg: "OK";
                request_id: string;
                data: {
                    industry: components["schemas"]["popularTrend.TopAdsFilterItem"][];
                    country: components["schemas"]["popularTrend.TopAdsFilterItem"][];
                    ad_language: components["schemas"]["popularTrend.TopAdsFilterItem"][];
                    objective: components["schemas"]["popularTrend.TopAdsFilterItem"][];
                    pattern_label: components["schemas"]["popularTrend.TopAdsFilterItem"][];
                    order_by: components["schemas"]["popularTrend.TopAdsFilterItem"][];
                    duration: components["schemas"]["popularTrend.TopAdsFilterItem"][];
                    like: components["schemas"]["popularTrend.TopAdsFilterItem"][];
                    ad_format: components["schemas"]["popularTrend.TopAdsFilterItem"][];
                    period: components["schemas"]["popularTrend.TopAdsFilterItem"][];
                    analysis_metric: components["schemas"]["popularTrend.TopAdsFilterItem"][];
                };
            };
        };
        "populartrend.topAdsRecommendResponseDoc": {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "OK";
            data: {
                /** @constant */
                code: 0;
                /** @constant */
                msg: "OK";
                request_id: string;
                data: {
                    materials: components["schemas"]["popularTrend.TopAdsMaterial"][];
                };
            };
        };
        "populartrend.topAdsSpotlightResponseDoc": {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "OK";
            data: {
                /** @constant */
                code: 0;
                /** @constant */
                msg: "OK";
                request_id: string;
                data: {
                    materials: components["schemas"]["popularTrend.TopAdsMaterial"][];
                    pagination: components["schemas"]["popularTrend.TopAdsPagination"];
                };
            };
        };
        "populartrend.topAdsSuggestionsResponseDoc": {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "OK";
            data: {
                /** @constant */
                code: 0;
                /** @constant */
                msg: "OK";
                request_id: string;
                data: {
                    query: string[];
                };
            };
        };
        "populartrend.topAdsLocationsResponseDoc": {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "OK";
            data: {
                /** @constant */
                code: 0;
                /** @constant */
                msg: "OK";
                request_id: string;
                data: {
                    country: components["schemas"]["popularTrend.TopAdsFilterItem"][];
                };
            };
        };
        "populartrend.topAdsLocationInfoResponseDoc": {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "OK";
            data: {
                /** @constant */
                code: 0;
                /** @constant */
                msg: "OK";
                request_id: string;
                data: {
                    initial_country: string[];
                    l1_industry: number;
                    l2_industry: number;
                    first_industry: components["schemas"]["popularTrend.TopAdsFilterItem"];
                    second_industry: components["schemas"]["popularTrend.TopAdsFilterItem"];
                };
            };
        };
        "populartrend.topAdsSafetyResponseDoc": {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "OK";
            data: {
                /** @constant */
                code: 0;
                /** @constant */
                msg: "OK";
                request_id: string;
                data: {
                    top_ads_search: number;
                    keyword_search: number;
                    hashtag_search: number;
                    sound_search: number;
                    creator_search: number;
                    cc_banner_key: string;
                };
            };
        };
        "keywordinsights.keywordListResponseDoc": {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "OK";
            data: {
                /** @constant */
                code: 0;
                /** @constant */
                msg: "OK";
                request_id: string;
                data: {
                    keyword_list: {
                        keyword: string;
                        post: number;
                        post_change: number;
                        ctr: number;
                        cvr: number;
                        cpa: number;
                        cost: number;
                        impression: number;
                        like: number;
                        share: number;
                        comment: number;
                        play_six_rate: number;
                        video_list: string[];
                    }[];
                    pagination: components["schemas"]["popularTrend.Pagination"];
                };
            };
        };
        "history.hashtagHistoryResponseDoc": {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "OK";
            data: {
                hashtag_id: string;
                hashtag_name: string;
                country_code: string | null;
                period: number;
                days: number;
                covered_days: string[];
                points: {
                    date: string;
                    rank: number;
                    publish_cnt: number | null;
                    video_views: number | null;
                }[];
                retention_days: number;
                notice?: string;
            };
        };
        "history.moversResponseDoc": {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "OK";
            data: {
                /** @enum {string} */
                chart: "hashtag" | "song" | "creator" | "video";
                country_code: string | null;
                period: number | null;
                /** @enum {string} */
                direction: "rising" | "falling" | "new" | "dropped";
                since: number;
                /** @enum {string} */
                sort_by: "rank_change" | "metric_growth";
                since_date: string | null;
                latest_date: string | null;
                metric_name: string | null;
                list: {
                    id: string;
                    name: string;
                    rank: number | null;
                    previous_rank: number | null;
                    rank_change: number | null;
                    metric: number | null;
                    previous_metric: number | null;
                    metric_growth: number | null;
                    first_seen: string;
                    sparkline: number[];
                }[];
            };
        };
        "trendlens.InvalidInputResponse": {
            /** @constant */
            code: 400;
            /** @constant */
            msg: "Invalid input";
            data: {
                /**
                 * @description `idempotency_key_reused`: The `Idempotency-Key` was already used for a different request.
                 * @enum {string}
                 */
                error?: "idempotency_key_reused";
                errors: {
                    param: string;
                    message: string;
                }[];
            };
        };
        "trendlens.UnauthorizedResponse": {
            /** @constant */
            code: 401;
            /** @constant */
            msg: "Authentication required";
            data: {
                /**
                 * @description `missing_api_key`: No API key: send it as `x-api-key` or `Authorization: Bearer`. `invalid_api_key`: The API key is malformed, fails its checksum, or does not exist. `revoked_api_key`: The API key was revoked. `expired_api_key`: The API key was rotated and its grace period is over. `conflicting_credentials`: `x-api-key` and `Authorization: Bearer` carry different keys.
                 * @enum {string}
                 */
                error: "missing_api_key" | "invalid_api_key" | "revoked_api_key" | "expired_api_key" | "conflicting_credentials";
            };
        };
        "trendlens.PaymentRequiredResponse": {
            /** @constant */
            code: 402;
            /** @constant */
            msg: "Payment Required";
            data: {
                /** @enum {string} */
                reason: "insufficient_credits" | "daily_credit_limit";
                /** @enum {string} */
                reset_scope: "monthly" | "daily" | "minute";
                /**
                 * Format: date-time
                 * @description RFC 3339 UTC.
                 */
                resets_at: string;
                /** @description Equals the `Retry-After` header. */
                retry_after_seconds: number;
                message: string;
                plan: string | null;
                /** @description Cheapest plan that would admit the request, else null. */
                suggested_plan: string | null;
                upgrade_url: string | null;
                credit_cost: number;
                credits_included: number | null;
                /** @description Includes overage. */
                credits_used: number | null;
                credits_remaining: number | null;
                /** @description Null when the plan has no daily cap. */
                daily_credit_limit: number | null;
                daily_credits_used: number | null;
                daily_credits_remaining: number | null;
                rate_limit_per_minute: number;
            };
        };
        "trendlens.ForbiddenResponse": {
            /** @constant */
            code: 403;
            /** @constant */
            msg: "Forbidden";
            data: {
                /**
                 * @description `account_suspended`: The account is suspended by the operator: its keys and Console sessions stop working. `endpoint_disabled`: The operator has disabled this endpoint.
                 * @enum {string}
                 */
                error: "account_suspended" | "endpoint_disabled";
            };
        };
        "trendlens.NotFoundResponse": {
            /** @constant */
            code: 404;
            /** @constant */
            msg: "Not Found";
            data: {
                /**
                 * @description `route_not_found`: No such route. `resource_not_found`: The upstream says the requested id does not exist, or the id is not yours.
                 * @enum {string}
                 */
                error: "route_not_found" | "resource_not_found";
            };
        };
        "trendlens.MethodNotAllowedResponse": {
            /** @constant */
            code: 405;
            /** @constant */
            msg: "Method Not Allowed";
            data: {
                /** @constant */
                error: "method_not_allowed";
                allow: "GET"[];
            };
        };
        "trendlens.RequestTimeoutResponse": {
            /** @constant */
            code: 408;
            /** @constant */
            msg: "Request Timeout";
            data: {
                /**
                 * @description `request_timeout`: The request did not arrive in full in time.
                 * @enum {string}
                 */
                error: "request_timeout";
            };
        };
        "trendlens.TooManyRequestsResponse": {
            /** @constant */
            code: 429;
            /** @constant */
            msg: "Too Many Requests";
            data: {
                /** @constant */
                reason: "rate_limited";
                /** @constant */
                reset_scope: "minute";
                /**
                 * Format: date-time
                 * @description RFC 3339 UTC.
                 */
                resets_at: string;
                /** @description Equals the `Retry-After` header. */
                retry_after_seconds: number;
                message: string;
                plan: string | null;
                /** @description Cheapest plan that would admit the request, else null. */
                suggested_plan: string | null;
                upgrade_url: string | null;
                credit_cost: number;
                credits_included: number | null;
                /** @description Includes overage. */
                credits_used: number | null;
                credits_remaining: number | null;
                /** @description Null when the plan has no daily cap. */
                daily_credit_limit: number | null;
                daily_credits_used: number | null;
                daily_credits_remaining: number | null;
                rate_limit_per_minute: number;
            };
        };
        "trendlens.HeadersTooLargeResponse": {
            /** @constant */
            code: 431;
            /** @constant */
            msg: "Request Header Fields Too Large";
            data: {
                /**
                 * @description `headers_too_large`: The request line and headers are too large (a query string over about 16 KB, or too many cookies).
                 * @enum {string}
                 */
                error: "headers_too_large";
            };
        };
        "trendlens.InternalErrorResponse": {
            /** @constant */
            code: 500;
            /** @constant */
            msg: "Internal server error";
            data: {
                /** @constant */
                error: "internal_error";
            };
        };
        "trendlens.BadGatewayResponse": {
            /** @constant */
            code: 502;
            /** @constant */
            msg: "Bad Gateway";
            data: {
                /** @constant */
                error: "upstream_bad_response";
                /** @enum {string} */
                detail: "non_json" | "no_permission" | "schema_mismatch" | "upstream_error" | "invalid_request";
            };
        };
        "trendlens.ServiceUnavailableResponse": {
            /** @constant */
            code: 503;
            /** @constant */
            msg: "Service Unavailable";
            data: {
                /** @constant */
                error: "upstream_unavailable";
                /** @enum {string} */
                detail: "deprecated" | "circuit_open" | "connect_failed" | "login_required" | "blocked" | "not_available";
                message?: string;
            } | {
                /** @constant */
                error: "upstream_retired";
                since: string;
                message: string;
            } | {
                /** @constant */
                error: "metering_unavailable";
            };
        };
        "trendlens.GatewayTimeoutResponse": {
            /** @constant */
            code: 504;
            /** @constant */
            msg: "Gateway Timeout";
            data: {
                /** @constant */
                error: "upstream_timeout";
            };
        };
    };
    responses: {
        /** @description A param has the wrong type, is outside its enum or is malformed (every bad param listed); `id`/`materialId` on top-ads detail; an `Idempotency-Key` reused for another request. */
        400: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Cache-Control": components["headers"]["Cache-Control"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["trendlens.InvalidInputResponse"];
            };
        };
        /** @description The API key is missing, malformed, unknown, revoked or expired, or two different keys were sent. */
        401: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Cache-Control": components["headers"]["Cache-Control"];
                "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["trendlens.UnauthorizedResponse"];
            };
        };
        /** @description Monthly credits used up (overage off or hard limit hit) or the daily credit cap reached. Not charged. */
        402: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Cache-Control": components["headers"]["Cache-Control"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["trendlens.PaymentRequiredResponse"];
            };
        };
        /** @description The account is suspended or the operator disabled this endpoint. */
        403: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Cache-Control": components["headers"]["Cache-Control"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["trendlens.ForbiddenResponse"];
            };
        };
        /** @description No such route, or the upstream says the requested id does not exist. Not charged. */
        404: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Cache-Control": components["headers"]["Cache-Control"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["trendlens.NotFoundResponse"];
            };
        };
        /** @description Only GET is allowed (OPTIONS answers CORS). */
        405: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Cache-Control": components["headers"]["Cache-Control"];
                Allow: components["headers"]["Allow"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["trendlens.MethodNotAllowedResponse"];
            };
        };
        /** @description The request did not arrive in full in time; the connection is closed. Not charged. */
        408: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Cache-Control": components["headers"]["Cache-Control"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["trendlens.RequestTimeoutResponse"];
            };
        };
        /** @description Per-minute rate limit exceeded; retry after `Retry-After` seconds. */
        429: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Cache-Control": components["headers"]["Cache-Control"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["trendlens.TooManyRequestsResponse"];
            };
        };
        /** @description The request line and headers are too large (a query string over about 16 KB); the connection is closed. Not charged. */
        431: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Cache-Control": components["headers"]["Cache-Control"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["trendlens.HeadersTooLargeResponse"];
            };
        };
        /** @description Something failed on our side. Not charged. */
        500: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Cache-Control": components["headers"]["Cache-Control"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["trendlens.InternalErrorResponse"];
            };
        };
        /** @description The upstream answered with something unusable. Not charged; retry with backoff. */
        502: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Cache-Control": components["headers"]["Cache-Control"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["trendlens.BadGatewayResponse"];
            };
        };
        /** @description No source could serve the request, TikTok no longer serves the operation, or metering is unreachable for a moment. Not charged. With `Retry-After` it may pass after that many seconds; without it (`deprecated`, `login_required`, `not_available`, `upstream_retired`) it will not until TikTok or the operator changes something. */
        503: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Cache-Control": components["headers"]["Cache-Control"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["trendlens.ServiceUnavailableResponse"];
            };
        };
        /** @description The upstream did not answer in time. Not charged; retry with backoff. */
        504: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Cache-Control": components["headers"]["Cache-Control"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["trendlens.GatewayTimeoutResponse"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description Server-made request id, `req_` + ULID; client values are ignored. */
        "X-Request-Id": string;
        /** @description IETF draft policy, e.g. `"minute";q=5;w=60`. */
        "RateLimit-Policy": string;
        /** @description IETF draft state, e.g. `"minute";r=4;t=12`. */
        RateLimit: string;
        /** @description Requests allowed per minute. */
        "X-RateLimit-Limit": number;
        /** @description Requests left in the current window. */
        "X-RateLimit-Remaining": number;
        /** @description Seconds until the window is full again. */
        "X-RateLimit-Reset": number;
        /** @description Seconds to wait before retrying. A 503 without it will not pass on a retry. */
        "Retry-After": number;
        /** @description Credits charged: the endpoint cost, `0` on an idempotent replay. */
        "X-Credits-Charged": number;
        /** @description Included credits left this period (0 in overage). */
        "X-Credits-Remaining": number;
        /** @description Response cache outcome; `STALE` is served when the upstream fails. */
        "X-Cache": "HIT" | "MISS" | "STALE";
        /** @description Seconds since a cached body was fetched (with `X-Cache: STALE`). */
        Age: number;
        /** @description Adapter id that served or failed the request: `creative-center`, `simulator`, or operator-added. */
        "X-Upstream-Source": string;
        /** @description `history` on endpoints answered from Trendlens's stored charts, with no upstream call. */
        "X-Served-From": "history";
        /** @description Which upstream adapter served or last failed the request: `creative-center` (the legacy API) or `tiktok-one`; cached answers repeat it. */
        "X-Upstream-Adapter": "creative-center" | "tiktok-one";
        /** @description `logged-in` when TikTok served the answer to the operator's logged-in session (TikTok One says so on each answer; an expired session reads `anonymous`), else `anonymous` (TikTok One then yields the top 3 hashtags and 4 videos). */
        "X-Upstream-Access": "anonymous" | "logged-in";
        /** @description Present when TikTok One served another period than asked: `90` for a `period=120` it refused. */
        "X-Upstream-Period": 90 | 120;
        /** @description `true` when this is the stored reply to an `Idempotency-Key` retry. */
        "Idempotent-Replayed": "true";
        /** @description Allowed methods. */
        Allow: string;
        /** @description The challenge of a 401: `Bearer realm="trendlens"`, with `error="invalid_token"` when a key was sent and refused. */
        "WWW-Authenticate": string;
        /** @description Always `no-store` on API responses. */
        "Cache-Control": "no-store";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "tiktok-popular-trend-hashtag": {
        parameters: {
            query?: {
                /**
                 * @description Page number, 1-based.
                 * @example 1
                 */
                page?: number;
                /**
                 * @description Items per page.
                 * @example 20
                 */
                limit?: number;
                /**
                 * @description Trend window in days.
                 * @example 7
                 */
                period?: 7 | 30 | 120;
                /**
                 * @description Industry id from country-industry-meta (11 digits, e.g. 22000000000).
                 * @example 22000000000
                 */
                industry_id?: 10000000000 | 11000000000 | 12000000000 | 13000000000 | 14000000000 | 15000000000 | 17000000000 | 18000000000 | 19000000000 | 21000000000 | 22000000000 | 23000000000 | 24000000000 | 25000000000 | 26000000000 | 27000000000 | 28000000000 | 29000000000;
                /**
                 * @description ISO 3166-1 alpha-2 country code; absent means all regions (the legacy API only: TikTok One needs a country).
                 * @example US
                 */
                country_code?: string;
                /**
                 * @description `new_on_board` keeps only hashtags new to the top 100.
                 * @example new_on_board
                 */
                filter_by?: "new_on_board";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. Charged 8 credits. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-Credits-Charged": components["headers"]["X-Credits-Charged"];
                    "X-Credits-Remaining": components["headers"]["X-Credits-Remaining"];
                    "X-Cache": components["headers"]["X-Cache"];
                    Age: components["headers"]["Age"];
                    "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                    "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                    "X-Upstream-Access": components["headers"]["X-Upstream-Access"];
                    "X-Upstream-Period": components["headers"]["X-Upstream-Period"];
                    "X-Served-From": components["headers"]["X-Served-From"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "OK",
                     *       "data": {
                     *         "code": 0,
                     *         "msg": "OK",
                     *         "data": {
                     *           "list": [
                     *             {
                     *               "hashtag_id": "4777",
                     *               "hashtag_name": "prom",
                     *               "country_info": {
                     *                 "id": "US",
                     *                 "value": "United States",
                     *                 "label": "US"
                     *               },
                     *               "industry_info": {
                     *                 "id": 22000000000,
                     *                 "value": "Apparel & Accessories",
                     *                 "label": "label_22000000000"
                     *               },
                     *               "is_promoted": false,
                     *               "trend": [
                     *                 {
                     *                   "time": 1776211200,
                     *                   "value": 0.42
                     *                 },
                     *                 {
                     *                   "time": 1776297600,
                     *                   "value": 0.55
                     *                 },
                     *                 {
                     *                   "time": 1776384000,
                     *                   "value": 0.61
                     *                 },
                     *                 {
                     *                   "time": 1776470400,
                     *                   "value": 0.74
                     *                 },
                     *                 {
                     *                   "time": 1776556800,
                     *                   "value": 0.83
                     *                 },
                     *                 {
                     *                   "time": 1776643200,
                     *                   "value": 0.91
                     *                 },
                     *                 {
                     *                   "time": 1776729600,
                     *                   "value": 1
                     *                 }
                     *               ],
                     *               "publish_cnt": 179872,
                     *               "video_views": 766182036,
                     *               "rank": 1,
                     *               "rank_diff": 0,
                     *               "rank_diff_type": 2
                     *             },
                     *             {
                     *               "hashtag_id": "5470287380",
                     *               "hashtag_name": "graduation",
                     *               "country_info": {
                     *                 "id": "US",
                     *                 "value": "United States",
                     *                 "label": "US"
                     *               },
                     *               "is_promoted": false,
                     *               "trend": [
                     *                 {
                     *                   "time": 1776211200,
                     *                   "value": 0.31
                     *                 },
                     *                 {
                     *                   "time": 1776297600,
                     *                   "value": 0.38
                     *                 },
                     *                 {
                     *                   "time": 1776384000,
                     *                   "value": 0.47
                     *                 },
                     *                 {
                     *                   "time": 1776470400,
                     *                   "value": 0.52
                     *                 },
                     *                 {
                     *                   "time": 1776556800,
                     *                   "value": 0.66
                     *                 },
                     *                 {
                     *                   "time": 1776643200,
                     *                   "value": 0.8
                     *                 },
                     *                 {
                     *                   "time": 1776729600,
                     *                   "value": 0.94
                     *                 }
                     *               ],
                     *               "publish_cnt": 120551,
                     *               "video_views": 512993410,
                     *               "rank": 2,
                     *               "rank_diff": 3,
                     *               "rank_diff_type": 1
                     *             },
                     *             {
                     *               "hashtag_id": "5475382852908376",
                     *               "hashtag_name": "promdress",
                     *               "country_info": {
                     *                 "id": "US",
                     *                 "value": "United States",
                     *                 "label": "US"
                     *               },
                     *               "industry_info": {
                     *                 "id": 22000000000,
                     *                 "value": "Apparel & Accessories",
                     *                 "label": "label_22000000000"
                     *               },
                     *               "is_promoted": false,
                     *               "trend": [
                     *                 {
                     *                   "time": 1776211200,
                     *                   "value": 0.2
                     *                 },
                     *                 {
                     *                   "time": 1776297600,
                     *                   "value": 0.26
                     *                 },
                     *                 {
                     *                   "time": 1776384000,
                     *                   "value": 0.35
                     *                 },
                     *                 {
                     *                   "time": 1776470400,
                     *                   "value": 0.49
                     *                 },
                     *                 {
                     *                   "time": 1776556800,
                     *                   "value": 0.58
                     *                 },
                     *                 {
                     *                   "time": 1776643200,
                     *                   "value": 0.72
                     *                 },
                     *                 {
                     *                   "time": 1776729600,
                     *                   "value": 0.86
                     *                 }
                     *               ],
                     *               "publish_cnt": 64210,
                     *               "video_views": 288410553,
                     *               "rank": 3,
                     *               "rank_diff": 1,
                     *               "rank_diff_type": 1
                     *             },
                     *             {
                     *               "hashtag_id": "41223878432536",
                     *               "hashtag_name": "skincare",
                     *               "country_info": {
                     *                 "id": "US",
                     *                 "value": "United States",
                     *                 "label": "US"
                     *               },
                     *               "industry_info": {
                     *                 "id": 14000000000,
                     *                 "value": "Beauty & Personal Care",
                     *                 "label": "label_14000000000"
                     *               },
                     *               "is_promoted": false,
                     *               "trend": [
                     *                 {
                     *                   "time": 1776211200,
                     *                   "value": 0.88
                     *                 },
                     *                 {
                     *                   "time": 1776297600,
                     *                   "value": 0.9
                     *                 },
                     *                 {
                     *                   "time": 1776384000,
                     *                   "value": 0.86
                     *                 },
                     *                 {
                     *                   "time": 1776470400,
                     *                   "value": 0.84
                     *                 },
                     *                 {
                     *                   "time": 1776556800,
                     *                   "value": 0.81
                     *                 },
                     *                 {
                     *                   "time": 1776643200,
                     *                   "value": 0.8
                     *                 },
                     *                 {
                     *                   "time": 1776729600,
                     *                   "value": 0.78
                     *                 }
                     *               ],
                     *               "publish_cnt": 98013,
                     *               "video_views": 405127762,
                     *               "rank": 4,
                     *               "rank_diff": 2,
                     *               "rank_diff_type": 3
                     *             },
                     *             {
                     *               "hashtag_id": "76116650",
                     *               "hashtag_name": "fyp",
                     *               "country_info": {
                     *                 "id": "US",
                     *                 "value": "United States",
                     *                 "label": "US"
                     *               },
                     *               "is_promoted": false,
                     *               "trend": [
                     *                 {
                     *                   "time": 1776211200,
                     *                   "value": 0.71
                     *                 },
                     *                 {
                     *                   "time": 1776297600,
                     *                   "value": 0.69
                     *                 },
                     *                 {
                     *                   "time": 1776384000,
                     *                   "value": 0.73
                     *                 },
                     *                 {
                     *                   "time": 1776470400,
                     *                   "value": 0.7
                     *                 },
                     *                 {
                     *                   "time": 1776556800,
                     *                   "value": 0.72
                     *                 },
                     *                 {
                     *                   "time": 1776643200,
                     *                   "value": 0.68
                     *                 },
                     *                 {
                     *                   "time": 1776729600,
                     *                   "value": 0.7
                     *                 }
                     *               ],
                     *               "publish_cnt": 2518090,
                     *               "video_views": 5336592219,
                     *               "rank": 5,
                     *               "rank_diff": 0,
                     *               "rank_diff_type": 2
                     *             }
                     *           ],
                     *           "pagination": {
                     *             "page": 1,
                     *             "size": 5,
                     *             "total": 100,
                     *             "has_more": true
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["populartrend.hashtagTrendResponseDoc"];
                };
            };
            400: components["responses"]["400"];
            401: components["responses"]["401"];
            402: components["responses"]["402"];
            403: components["responses"]["403"];
            404: components["responses"]["404"];
            405: components["responses"]["405"];
            408: components["responses"]["408"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            502: components["responses"]["502"];
            503: components["responses"]["503"];
            504: components["responses"]["504"];
        };
    };
    "tiktok-popular-trend-hashtag-detail": {
        parameters: {
            query: {
                /**
                 * @description Hashtag name without spaces; a leading `#` is stripped and the name lower-cased.
                 * @example prom
                 */
                hashtag_name: string;
                /**
                 * @description Window in days: 7, 30, 120, or 365 and 1095 (1 and 3 years).
                 * @example 7
                 */
                period?: 7 | 30 | 120 | 365 | 1095;
                /**
                 * @description ISO 3166-1 alpha-2 country code; absent means all regions (the legacy API only: TikTok One needs a country).
                 * @example US
                 */
                country_code?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. Charged 8 credits. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-Credits-Charged": components["headers"]["X-Credits-Charged"];
                    "X-Credits-Remaining": components["headers"]["X-Credits-Remaining"];
                    "X-Cache": components["headers"]["X-Cache"];
                    Age: components["headers"]["Age"];
                    "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                    "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                    "X-Upstream-Access": components["headers"]["X-Upstream-Access"];
                    "X-Upstream-Period": components["headers"]["X-Upstream-Period"];
                    "X-Served-From": components["headers"]["X-Served-From"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "OK",
                     *       "data": {
                     *         "code": 0,
                     *         "msg": "OK",
                     *         "request_id": "20260421093000C1F07AF59616583266A4",
                     *         "data": {
                     *           "info": {
                     *             "hashtag_id": "4777",
                     *             "hashtag_name": "prom",
                     *             "country_info": {
                     *               "id": "ALL",
                     *               "value": "ALL",
                     *               "label": "ALL"
                     *             },
                     *             "industry_info": {
                     *               "id": 22000000000,
                     *               "value": "Apparel & Accessories",
                     *               "label": "label_22000000000"
                     *             },
                     *             "is_promoted": false,
                     *             "trend": [
                     *               {
                     *                 "time": 1776211200,
                     *                 "value": 0.42
                     *               },
                     *               {
                     *                 "time": 1776297600,
                     *                 "value": 0.55
                     *               },
                     *               {
                     *                 "time": 1776384000,
                     *                 "value": 0.61
                     *               },
                     *               {
                     *                 "time": 1776470400,
                     *                 "value": 0.74
                     *               },
                     *               {
                     *                 "time": 1776556800,
                     *                 "value": 0.83
                     *               },
                     *               {
                     *                 "time": 1776643200,
                     *                 "value": 0.91
                     *               },
                     *               {
                     *                 "time": 1776729600,
                     *                 "value": 1
                     *               }
                     *             ],
                     *             "creators": [
                     *               {
                     *                 "nick_name": "promqueen",
                     *                 "avatar_url": "https://p16-sign.tiktokcdn-us.com/avatar-1.jpeg?x-expires=1776816000"
                     *               }
                     *             ],
                     *             "publish_cnt": 179872,
                     *             "video_views": 766182036,
                     *             "description": "Prom night looks, asks and afterparties.",
                     *             "video_url": "https://www.tiktok.com/tag/prom",
                     *             "publish_cnt_all": 2118795,
                     *             "video_views_all": 9421550318,
                     *             "longevity": {
                     *               "popular_days": 7,
                     *               "current_popularity": 1
                     *             },
                     *             "audience_ages": [
                     *               {
                     *                 "age_level": 3,
                     *                 "score": 61
                     *               },
                     *               {
                     *                 "age_level": 4,
                     *                 "score": 24
                     *               },
                     *               {
                     *                 "age_level": 5,
                     *                 "score": 15
                     *               }
                     *             ],
                     *             "audience_interests": [
                     *               {
                     *                 "interest_info": {
                     *                   "id": "10008",
                     *                   "label": "diversify_10008",
                     *                   "value": "Professional Special Effects"
                     *                 },
                     *                 "score": 37
                     *               }
                     *             ],
                     *             "audience_countries": [
                     *               {
                     *                 "country_info": {
                     *                   "id": "6252001",
                     *                   "label": "US",
                     *                   "value": "United States"
                     *                 },
                     *                 "score": 72
                     *               }
                     *             ],
                     *             "related_hashtags": [
                     *               {
                     *                 "hashtag_id": "15301",
                     *                 "hashtag_name": "promdress",
                     *                 "video_url": "https://www.tiktok.com/tag/promdress"
                     *               }
                     *             ],
                     *             "related_items": [
                     *               {
                     *                 "item_id": "7562659435622010021",
                     *                 "cover_uri": "tos-maliva-p-0068/oQAbCdEfGh"
                     *               }
                     *             ]
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["populartrend.hashtagDetailResponseDoc"];
                };
            };
            400: components["responses"]["400"];
            401: components["responses"]["401"];
            402: components["responses"]["402"];
            403: components["responses"]["403"];
            404: components["responses"]["404"];
            405: components["responses"]["405"];
            408: components["responses"]["408"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            502: components["responses"]["502"];
            503: components["responses"]["503"];
            504: components["responses"]["504"];
        };
    };
    "tiktok-popular-trend-song": {
        parameters: {
            query?: {
                /**
                 * @description Page number, 1-based.
                 * @example 1
                 */
                page?: number;
                /**
                 * @description Items per page.
                 * @example 20
                 */
                limit?: number;
                /**
                 * @description Chart window in days.
                 * @example 7
                 */
                period?: 7 | 30 | 120;
                /**
                 * @description ISO 3166-1 alpha-2 country code; absent means all regions.
                 * @example US
                 */
                country_code?: string;
                /**
                 * @description `popular` ranks by use; `surging` is the UI's "Breakout" chart.
                 * @example popular
                 */
                rank_type?: "popular" | "surging";
                /**
                 * @description Only songs new to the chart.
                 * @example false
                 */
                new_on_board?: boolean;
                /**
                 * @description Only songs from the Commercial Music Library (approved for business use).
                 * @example false
                 */
                commercial_music?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. Charged 8 credits. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-Credits-Charged": components["headers"]["X-Credits-Charged"];
                    "X-Credits-Remaining": components["headers"]["X-Credits-Remaining"];
                    "X-Cache": components["headers"]["X-Cache"];
                    Age: components["headers"]["Age"];
                    "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                    "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                    "X-Upstream-Access": components["headers"]["X-Upstream-Access"];
                    "X-Upstream-Period": components["headers"]["X-Upstream-Period"];
                    "X-Served-From": components["headers"]["X-Served-From"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "OK",
                     *       "data": {
                     *         "code": 0,
                     *         "msg": "OK",
                     *         "request_id": "20260421093000A3B9C0D1E2F3A4B5C6D7",
                     *         "data": {
                     *           "sound_list": [
                     *             {
                     *               "clip_id": "7313054237544961851",
                     *               "song_id": "7329783813766392107",
                     *               "title": "Summer Anthem",
                     *               "author": "Zara Quinn",
                     *               "cover": "https://p16-sg.tiktokcdn.com/music-cover-1.jpeg?x-expires=1776816000",
                     *               "duration": 30,
                     *               "country_code": "US",
                     *               "link": "https://www.tiktok.com/music/x-7313054237544961851",
                     *               "url_title": "summer-anthem",
                     *               "music_url": null,
                     *               "if_cml": false,
                     *               "is_search": false,
                     *               "promoted": false,
                     *               "on_list_times": 12,
                     *               "rank": 1,
                     *               "rank_diff": 0,
                     *               "rank_diff_type": 2,
                     *               "trend": [
                     *                 {
                     *                   "time": 1776556800,
                     *                   "value": 0.82
                     *                 },
                     *                 {
                     *                   "time": 1776643200,
                     *                   "value": 0.93
                     *                 },
                     *                 {
                     *                   "time": 1776729600,
                     *                   "value": 1
                     *                 }
                     *               ],
                     *               "related_items": [
                     *                 {
                     *                   "item_id": "7562659435622010021",
                     *                   "cover_uri": "tos-maliva-p-0068/oQAbCdEfGh"
                     *                 }
                     *               ]
                     *             }
                     *           ],
                     *           "pagination": {
                     *             "page": 1,
                     *             "size": 1,
                     *             "total": 100,
                     *             "has_more": true
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["populartrend.songTrendResponseDoc"];
                };
            };
            400: components["responses"]["400"];
            401: components["responses"]["401"];
            402: components["responses"]["402"];
            403: components["responses"]["403"];
            404: components["responses"]["404"];
            405: components["responses"]["405"];
            408: components["responses"]["408"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            502: components["responses"]["502"];
            503: components["responses"]["503"];
            504: components["responses"]["504"];
        };
    };
    "tiktok-popular-trend-song-detail": {
        parameters: {
            query: {
                /**
                 * @description Song clip id from the song chart (1–20 digits).
                 * @example 7313054237544961851
                 */
                clip_id: string;
                /**
                 * @description Window in days.
                 * @example 7
                 */
                period?: 7 | 30 | 120;
                /**
                 * @description ISO 3166-1 alpha-2 country code; absent means all regions.
                 * @example US
                 */
                country_code?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. Charged 8 credits. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-Credits-Charged": components["headers"]["X-Credits-Charged"];
                    "X-Credits-Remaining": components["headers"]["X-Credits-Remaining"];
                    "X-Cache": components["headers"]["X-Cache"];
                    Age: components["headers"]["Age"];
                    "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                    "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                    "X-Upstream-Access": components["headers"]["X-Upstream-Access"];
                    "X-Upstream-Period": components["headers"]["X-Upstream-Period"];
                    "X-Served-From": components["headers"]["X-Served-From"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "OK",
                     *       "data": {
                     *         "code": 0,
                     *         "msg": "OK",
                     *         "request_id": "20260421093000B4C5D6E7F8091A2B3C4D",
                     *         "data": {
                     *           "sound": {
                     *             "clip_id": "7313054237544961851",
                     *             "song_id": "7329783813766392107",
                     *             "title": "Summer Anthem",
                     *             "author": "Zara Quinn",
                     *             "cover": "https://p16-sg.tiktokcdn.com/music-cover-1.jpeg?x-expires=1776816000",
                     *             "duration": 30,
                     *             "country_code": "US",
                     *             "link": "https://www.tiktok.com/music/x-7313054237544961851",
                     *             "url_title": "summer-anthem",
                     *             "music_url": null,
                     *             "if_cml": false,
                     *             "is_search": false,
                     *             "promoted": false,
                     *             "on_list_times": null,
                     *             "rank": null,
                     *             "rank_diff": null,
                     *             "rank_diff_type": 2,
                     *             "trend": [
                     *               {
                     *                 "time": 1776556800,
                     *                 "value": 0.82
                     *               },
                     *               {
                     *                 "time": 1776643200,
                     *                 "value": 0.93
                     *               },
                     *               {
                     *                 "time": 1776729600,
                     *                 "value": 1
                     *               }
                     *             ],
                     *             "related_items": [
                     *               {
                     *                 "item_id": "7562659435622010021",
                     *                 "cover_uri": "tos-maliva-p-0068/oQAbCdEfGh"
                     *               }
                     *             ],
                     *             "audience_ages": [
                     *               {
                     *                 "age_level": 3,
                     *                 "score": 48
                     *               },
                     *               {
                     *                 "age_level": 4,
                     *                 "score": 35
                     *               },
                     *               {
                     *                 "age_level": 5,
                     *                 "score": 17
                     *               }
                     *             ],
                     *             "audience_interests": [
                     *               {
                     *                 "interest_info": {
                     *                   "id": "10003",
                     *                   "label": "diversify_10003",
                     *                   "value": "Music"
                     *                 },
                     *                 "score": 41
                     *               }
                     *             ],
                     *             "audience_countries": [
                     *               {
                     *                 "country_info": {
                     *                   "id": "6252001",
                     *                   "label": "US",
                     *                   "value": "United States"
                     *                 },
                     *                 "score": 66
                     *               }
                     *             ],
                     *             "longevity": {
                     *               "popular_days": 21,
                     *               "current_popularity": 1
                     *             }
                     *           },
                     *           "liked": null,
                     *           "disliked": false,
                     *           "like_count": 0
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["populartrend.songDetailResponseDoc"];
                };
            };
            400: components["responses"]["400"];
            401: components["responses"]["401"];
            402: components["responses"]["402"];
            403: components["responses"]["403"];
            404: components["responses"]["404"];
            405: components["responses"]["405"];
            408: components["responses"]["408"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            502: components["responses"]["502"];
            503: components["responses"]["503"];
            504: components["responses"]["504"];
        };
    };
    "tiktok-popular-trend-creator": {
        parameters: {
            query?: {
                /**
                 * @description Page number, 1-based.
                 * @example 1
                 */
                page?: number;
                /**
                 * @description Items per page.
                 * @example 20
                 */
                limit?: number;
                /**
                 * @description Sort order.
                 * @example follower
                 */
                sort_by?: "follower" | "engagement" | "avg_views";
                /**
                 * @description ISO 3166-1 alpha-2 code of the creator's country.
                 * @example US
                 */
                creator_country?: string;
                /**
                 * @description Follower bucket 1–4: accepted for compatibility, not applied upstream.
                 * @example 1
                 */
                audience_count?: 1 | 2 | 3 | 4;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. Charged 8 credits. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-Credits-Charged": components["headers"]["X-Credits-Charged"];
                    "X-Credits-Remaining": components["headers"]["X-Credits-Remaining"];
                    "X-Cache": components["headers"]["X-Cache"];
                    Age: components["headers"]["Age"];
                    "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                    "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                    "X-Upstream-Access": components["headers"]["X-Upstream-Access"];
                    "X-Upstream-Period": components["headers"]["X-Upstream-Period"];
                    "X-Served-From": components["headers"]["X-Served-From"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "OK",
                     *       "data": {
                     *         "code": 0,
                     *         "msg": "OK",
                     *         "request_id": "20260421093000D1E2F3A4B5C6D7E8F9A0",
                     *         "data": {
                     *           "creators": [
                     *             {
                     *               "tcm_id": "7012345678901234567",
                     *               "user_id": "6801234567890123456",
                     *               "nick_name": "Chef Ana",
                     *               "avatar_url": "https://p16-sign-va.tiktokcdn.com/avatar-ana.jpeg?x-expires=1776816000",
                     *               "country_code": "US",
                     *               "follower_cnt": 1250000,
                     *               "liked_cnt": 48210000,
                     *               "tt_link": "https://www.tiktok.com/@chefana",
                     *               "tcm_link": "https://creatormarketplace.tiktok.com/ad#/author/7012345678901234567",
                     *               "items": []
                     *             }
                     *           ],
                     *           "pagination": {
                     *             "page": 1,
                     *             "size": 1,
                     *             "total": 459,
                     *             "has_more": true
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["populartrend.creatorTrendResponseDoc"];
                };
            };
            400: components["responses"]["400"];
            401: components["responses"]["401"];
            402: components["responses"]["402"];
            403: components["responses"]["403"];
            404: components["responses"]["404"];
            405: components["responses"]["405"];
            408: components["responses"]["408"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            502: components["responses"]["502"];
            503: components["responses"]["503"];
            504: components["responses"]["504"];
        };
    };
    "tiktok-popular-trend-video": {
        parameters: {
            query?: {
                /**
                 * @description Page number, 1-based.
                 * @example 1
                 */
                page?: number;
                /**
                 * @description Items per page.
                 * @example 20
                 */
                limit?: number;
                /**
                 * @description Window in days.
                 * @example 7
                 */
                period?: 7 | 30;
                /**
                 * @description `vv` (views, the UI's "Hot"), `like`, `comment` or `repost`.
                 * @example vv
                 */
                order_by?: "vv" | "like" | "comment" | "repost";
                /**
                 * @description ISO 3166-1 alpha-2 country code; absent means all regions (the legacy API only: TikTok One needs a country).
                 * @example US
                 */
                country_code?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. Charged 8 credits. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-Credits-Charged": components["headers"]["X-Credits-Charged"];
                    "X-Credits-Remaining": components["headers"]["X-Credits-Remaining"];
                    "X-Cache": components["headers"]["X-Cache"];
                    Age: components["headers"]["Age"];
                    "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                    "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                    "X-Upstream-Access": components["headers"]["X-Upstream-Access"];
                    "X-Upstream-Period": components["headers"]["X-Upstream-Period"];
                    "X-Served-From": components["headers"]["X-Served-From"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "OK",
                     *       "data": {
                     *         "code": 0,
                     *         "msg": "OK",
                     *         "request_id": "20260421093000E5F6A7B8C9D0E1F2A3B4",
                     *         "data": {
                     *           "videos": [
                     *             {
                     *               "id": "7630000000000000001",
                     *               "item_id": "7630000000000000001",
                     *               "item_url": "https://www.tiktok.com/@morningmia/video/7630000000000000001",
                     *               "title": "Morning routine",
                     *               "cover": "https://p16-sign-va.tiktokcdn.com/video-cover-1.jpeg?x-expires=1776816000",
                     *               "duration": 31,
                     *               "country_code": "US",
                     *               "region": "United States"
                     *             }
                     *           ],
                     *           "pagination": {
                     *             "page": 1,
                     *             "limit": 1,
                     *             "total_count": 500,
                     *             "has_more": true
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["populartrend.videoTrendResponseDoc"];
                };
            };
            400: components["responses"]["400"];
            401: components["responses"]["401"];
            402: components["responses"]["402"];
            403: components["responses"]["403"];
            404: components["responses"]["404"];
            405: components["responses"]["405"];
            408: components["responses"]["408"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            502: components["responses"]["502"];
            503: components["responses"]["503"];
            504: components["responses"]["504"];
        };
    };
    "tiktok-popular-trend-country-industry-meta": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. Charged 8 credits. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-Credits-Charged": components["headers"]["X-Credits-Charged"];
                    "X-Credits-Remaining": components["headers"]["X-Credits-Remaining"];
                    "X-Cache": components["headers"]["X-Cache"];
                    Age: components["headers"]["Age"];
                    "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                    "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                    "X-Upstream-Access": components["headers"]["X-Upstream-Access"];
                    "X-Upstream-Period": components["headers"]["X-Upstream-Period"];
                    "X-Served-From": components["headers"]["X-Served-From"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "OK",
                     *       "data": {
                     *         "country": [
                     *           {
                     *             "id": "AR",
                     *             "value": "Argentina"
                     *           },
                     *           {
                     *             "id": "AU",
                     *             "value": "Australia"
                     *           },
                     *           {
                     *             "id": "AT",
                     *             "value": "Austria"
                     *           },
                     *           {
                     *             "id": "BH",
                     *             "value": "Bahrain"
                     *           },
                     *           {
                     *             "id": "BD",
                     *             "value": "Bangladesh"
                     *           },
                     *           {
                     *             "id": "BY",
                     *             "value": "Belarus"
                     *           },
                     *           {
                     *             "id": "BE",
                     *             "value": "Belgium"
                     *           },
                     *           {
                     *             "id": "BR",
                     *             "value": "Brazil"
                     *           },
                     *           {
                     *             "id": "BG",
                     *             "value": "Bulgaria"
                     *           },
                     *           {
                     *             "id": "KH",
                     *             "value": "Cambodia"
                     *           },
                     *           {
                     *             "id": "CA",
                     *             "value": "Canada"
                     *           },
                     *           {
                     *             "id": "CL",
                     *             "value": "Chile"
                     *           },
                     *           {
                     *             "id": "CO",
                     *             "value": "Colombia"
                     *           },
                     *           {
                     *             "id": "HR",
                     *             "value": "Croatia"
                     *           },
                     *           {
                     *             "id": "CZ",
                     *             "value": "Czechia"
                     *           },
                     *           {
                     *             "id": "DK",
                     *             "value": "Denmark"
                     *           },
                     *           {
                     *             "id": "EG",
                     *             "value": "Egypt"
                     *           },
                     *           {
                     *             "id": "EE",
                     *             "value": "Estonia"
                     *           },
                     *           {
                     *             "id": "FI",
                     *             "value": "Finland"
                     *           },
                     *           {
                     *             "id": "FR",
                     *             "value": "France"
                     *           },
                     *           {
                     *             "id": "DE",
                     *             "value": "Germany"
                     *           },
                     *           {
                     *             "id": "GR",
                     *             "value": "Greece"
                     *           },
                     *           {
                     *             "id": "HU",
                     *             "value": "Hungary"
                     *           },
                     *           {
                     *             "id": "IS",
                     *             "value": "Iceland"
                     *           },
                     *           {
                     *             "id": "ID",
                     *             "value": "Indonesia"
                     *           },
                     *           {
                     *             "id": "IQ",
                     *             "value": "Iraq"
                     *           },
                     *           {
                     *             "id": "IE",
                     *             "value": "Ireland"
                     *           },
                     *           {
                     *             "id": "IL",
                     *             "value": "Israel"
                     *           },
                     *           {
                     *             "id": "IT",
                     *             "value": "Italy"
                     *           },
                     *           {
                     *             "id": "JP",
                     *             "value": "Japan"
                     *           },
                     *           {
                     *             "id": "JO",
                     *             "value": "Jordan"
                     *           },
                     *           {
                     *             "id": "KZ",
                     *             "value": "Kazakhstan"
                     *           },
                     *           {
                     *             "id": "KW",
                     *             "value": "Kuwait"
                     *           },
                     *           {
                     *             "id": "LV",
                     *             "value": "Latvia"
                     *           },
                     *           {
                     *             "id": "LB",
                     *             "value": "Lebanon"
                     *           },
                     *           {
                     *             "id": "LT",
                     *             "value": "Lithuania"
                     *           },
                     *           {
                     *             "id": "LU",
                     *             "value": "Luxembourg"
                     *           },
                     *           {
                     *             "id": "MO",
                     *             "value": "Macao SAR China"
                     *           },
                     *           {
                     *             "id": "MY",
                     *             "value": "Malaysia"
                     *           },
                     *           {
                     *             "id": "MX",
                     *             "value": "Mexico"
                     *           },
                     *           {
                     *             "id": "MA",
                     *             "value": "Morocco"
                     *           },
                     *           {
                     *             "id": "MM",
                     *             "value": "Myanmar (Burma)"
                     *           },
                     *           {
                     *             "id": "NL",
                     *             "value": "Netherlands"
                     *           },
                     *           {
                     *             "id": "NZ",
                     *             "value": "New Zealand"
                     *           },
                     *           {
                     *             "id": "NG",
                     *             "value": "Nigeria"
                     *           },
                     *           {
                     *             "id": "NO",
                     *             "value": "Norway"
                     *           },
                     *           {
                     *             "id": "OM",
                     *             "value": "Oman"
                     *           },
                     *           {
                     *             "id": "PK",
                     *             "value": "Pakistan"
                     *           },
                     *           {
                     *             "id": "PE",
                     *             "value": "Peru"
                     *           },
                     *           {
                     *             "id": "PH",
                     *             "value": "Philippines"
                     *           },
                     *           {
                     *             "id": "PL",
                     *             "value": "Poland"
                     *           },
                     *           {
                     *             "id": "PT",
                     *             "value": "Portugal"
                     *           },
                     *           {
                     *             "id": "QA",
                     *             "value": "Qatar"
                     *           },
                     *           {
                     *             "id": "RO",
                     *             "value": "Romania"
                     *           },
                     *           {
                     *             "id": "SA",
                     *             "value": "Saudi Arabia"
                     *           },
                     *           {
                     *             "id": "SG",
                     *             "value": "Singapore"
                     *           },
                     *           {
                     *             "id": "SK",
                     *             "value": "Slovakia"
                     *           },
                     *           {
                     *             "id": "ZA",
                     *             "value": "South Africa"
                     *           },
                     *           {
                     *             "id": "KR",
                     *             "value": "South Korea"
                     *           },
                     *           {
                     *             "id": "ES",
                     *             "value": "Spain"
                     *           },
                     *           {
                     *             "id": "SE",
                     *             "value": "Sweden"
                     *           },
                     *           {
                     *             "id": "CH",
                     *             "value": "Switzerland"
                     *           },
                     *           {
                     *             "id": "TW",
                     *             "value": "Taiwan"
                     *           },
                     *           {
                     *             "id": "TH",
                     *             "value": "Thailand"
                     *           },
                     *           {
                     *             "id": "TR",
                     *             "value": "Türkiye"
                     *           },
                     *           {
                     *             "id": "UA",
                     *             "value": "Ukraine"
                     *           },
                     *           {
                     *             "id": "AE",
                     *             "value": "United Arab Emirates"
                     *           },
                     *           {
                     *             "id": "GB",
                     *             "value": "United Kingdom"
                     *           },
                     *           {
                     *             "id": "US",
                     *             "value": "United States"
                     *           },
                     *           {
                     *             "id": "UZ",
                     *             "value": "Uzbekistan"
                     *           },
                     *           {
                     *             "id": "VN",
                     *             "value": "Vietnam"
                     *           }
                     *         ],
                     *         "industry": [
                     *           {
                     *             "id": "10000000000",
                     *             "value": "Education"
                     *           },
                     *           {
                     *             "id": "11000000000",
                     *             "value": "Vehicle & Transportation"
                     *           },
                     *           {
                     *             "id": "12000000000",
                     *             "value": "Baby, Kids & Maternity"
                     *           },
                     *           {
                     *             "id": "13000000000",
                     *             "value": "Financial Services"
                     *           },
                     *           {
                     *             "id": "14000000000",
                     *             "value": "Beauty & Personal Care"
                     *           },
                     *           {
                     *             "id": "15000000000",
                     *             "value": "Tech & Electronics"
                     *           },
                     *           {
                     *             "id": "17000000000",
                     *             "value": "Travel"
                     *           },
                     *           {
                     *             "id": "18000000000",
                     *             "value": "Household Products"
                     *           },
                     *           {
                     *             "id": "19000000000",
                     *             "value": "Pets"
                     *           },
                     *           {
                     *             "id": "21000000000",
                     *             "value": "Home Improvement"
                     *           },
                     *           {
                     *             "id": "22000000000",
                     *             "value": "Apparel & Accessories"
                     *           },
                     *           {
                     *             "id": "23000000000",
                     *             "value": "News & Entertainment"
                     *           },
                     *           {
                     *             "id": "24000000000",
                     *             "value": "Business Services"
                     *           },
                     *           {
                     *             "id": "25000000000",
                     *             "value": "Games"
                     *           },
                     *           {
                     *             "id": "26000000000",
                     *             "value": "Life Services"
                     *           },
                     *           {
                     *             "id": "27000000000",
                     *             "value": "Food & Beverage"
                     *           },
                     *           {
                     *             "id": "28000000000",
                     *             "value": "Sports & Outdoor"
                     *           },
                     *           {
                     *             "id": "29000000000",
                     *             "value": "Health"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["populartrend.countryIndustryMetaResponseDoc"];
                };
            };
            400: components["responses"]["400"];
            401: components["responses"]["401"];
            402: components["responses"]["402"];
            403: components["responses"]["403"];
            404: components["responses"]["404"];
            405: components["responses"]["405"];
            408: components["responses"]["408"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            502: components["responses"]["502"];
            503: components["responses"]["503"];
            504: components["responses"]["504"];
        };
    };
    "tiktok-creative-center-hashtags": {
        parameters: {
            query: {
                /**
                 * @description ISO 3166-1 alpha-2 country code of the chart.
                 * @example US
                 */
                country_code: string;
                /**
                 * @description Trend window in days.
                 * @example 7
                 */
                period?: 7 | 30;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. Charged 8 credits. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-Credits-Charged": components["headers"]["X-Credits-Charged"];
                    "X-Credits-Remaining": components["headers"]["X-Credits-Remaining"];
                    "X-Cache": components["headers"]["X-Cache"];
                    Age: components["headers"]["Age"];
                    "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                    "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                    "X-Upstream-Access": components["headers"]["X-Upstream-Access"];
                    "X-Upstream-Period": components["headers"]["X-Upstream-Period"];
                    "X-Served-From": components["headers"]["X-Served-From"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "OK",
                     *       "data": {
                     *         "hashtags": [
                     *           {
                     *             "hashtag_id": "7400795988650459167",
                     *             "hashtag_name": "prom",
                     *             "industry_ids": [
                     *               22000000000
                     *             ],
                     *             "popularity_curve": [
                     *               {
                     *                 "timestamp": 1776556800,
                     *                 "value": 71.4
                     *               },
                     *               {
                     *                 "timestamp": 1776643200,
                     *                 "value": 100
                     *               },
                     *               {
                     *                 "timestamp": 1776729600,
                     *                 "value": 88.25
                     *               }
                     *             ],
                     *             "publish_count": 34639,
                     *             "rank": 1,
                     *             "top_creators": [
                     *               {
                     *                 "handle": "mia.styles"
                     *               }
                     *             ],
                     *             "video_views": 29712825
                     *           }
                     *         ],
                     *         "total_count": 100
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["creativecenter.trendingHashtagsResponseDoc"];
                };
            };
            400: components["responses"]["400"];
            401: components["responses"]["401"];
            402: components["responses"]["402"];
            403: components["responses"]["403"];
            404: components["responses"]["404"];
            405: components["responses"]["405"];
            408: components["responses"]["408"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            502: components["responses"]["502"];
            503: components["responses"]["503"];
            504: components["responses"]["504"];
        };
    };
    "tiktok-creative-center-videos": {
        parameters: {
            query: {
                /**
                 * @description ISO 3166-1 alpha-2 country code.
                 * @example US
                 */
                country_code: string;
                /**
                 * @description Window in days.
                 * @example 7
                 */
                period?: 7 | 30;
                /**
                 * @description Ranking: `views`, `engagement` (engagement rate) or `six_second_views` (six-second view rate).
                 * @example views
                 */
                sort_by?: "views" | "engagement" | "six_second_views";
                /**
                 * @description Content tag id (11001–11015, e.g. 11015 Tech & Finance); absent means every tag.
                 * @example 11015
                 */
                content_label_id?: string;
                /**
                 * @description Only organic (non-paid) videos.
                 * @example false
                 */
                organic_only?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. Charged 8 credits. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-Credits-Charged": components["headers"]["X-Credits-Charged"];
                    "X-Credits-Remaining": components["headers"]["X-Credits-Remaining"];
                    "X-Cache": components["headers"]["X-Cache"];
                    Age: components["headers"]["Age"];
                    "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                    "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                    "X-Upstream-Access": components["headers"]["X-Upstream-Access"];
                    "X-Upstream-Period": components["headers"]["X-Upstream-Period"];
                    "X-Served-From": components["headers"]["X-Served-From"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "OK",
                     *       "data": {
                     *         "videos": [
                     *           {
                     *             "item_id": "7562659435622010021",
                     *             "title": "Three budgeting apps I actually use",
                     *             "cover_url": "https://p16-sign-va.tiktokcdn.com/obj/top-content-cover-1.jpeg?x-expires=1776816000",
                     *             "video_url": "https://www.tiktok.com/@pennywise.sam/video/7562659435622010021",
                     *             "create_time": 1776470400,
                     *             "content_type": 1,
                     *             "content_tags": [
                     *               {
                     *                 "id": "11015",
                     *                 "name": "Tech & Finance"
                     *               }
                     *             ],
                     *             "author_id": "6981234567890123456",
                     *             "author_handle": "pennywise.sam",
                     *             "author_nickname": "Sam | Money made simple",
                     *             "author_avatar_url": "https://p16-sign-va.tiktokcdn.com/obj/avatar-1.jpeg?x-expires=1776816000",
                     *             "author_follower_count": 412000,
                     *             "video_views": 2841100,
                     *             "video_views_lifetime": 3120400,
                     *             "organic_video_views": 2790300,
                     *             "organic_video_views_lifetime": 3061900,
                     *             "engagement_rate": 0.0812,
                     *             "six_seconds_vtr": 0.4375
                     *           }
                     *         ],
                     *         "total_count": 100,
                     *         "page_count": 5
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["creativecenter.trendingVideosResponseDoc"];
                };
            };
            400: components["responses"]["400"];
            401: components["responses"]["401"];
            402: components["responses"]["402"];
            403: components["responses"]["403"];
            404: components["responses"]["404"];
            405: components["responses"]["405"];
            408: components["responses"]["408"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            502: components["responses"]["502"];
            503: components["responses"]["503"];
            504: components["responses"]["504"];
        };
    };
    "tiktok-top-ads-list": {
        parameters: {
            query?: {
                /**
                 * @description Page number, 1-based.
                 * @example 1
                 */
                page?: number;
                /**
                 * @description Items per page.
                 * @example 20
                 */
                limit?: number;
                /**
                 * @description Lookback period in days.
                 * @example 30
                 */
                period?: 7 | 30 | 180;
                /**
                 * @description Sort order: `for_you` For You, `impression` Impressions, `ctr` CTR, `play_2s_rate` 2s view rate, `play_6s_rate` 6s view rate, `cvr` CVR, `like` Likes.
                 * @example for_you
                 */
                order_by?: "for_you" | "impression" | "ctr" | "play_2s_rate" | "play_6s_rate" | "cvr" | "like";
                /**
                 * @description Country code or comma-separated country codes from /tiktok/top-ads/filters. Comma-separated; items are trimmed, de-duplicated and sorted.
                 * @example [
                 *       "US"
                 *     ]
                 */
                country_code?: string[];
                /**
                 * @description Brand or product keyword search; `q` is accepted as an alias, `keyword` wins when both are given.
                 * @example coffee
                 */
                keyword?: string;
                /**
                 * @description Industry filter id or comma-separated ids from /tiktok/top-ads/filters. Comma-separated; items are trimmed, de-duplicated and sorted.
                 * @example [
                 *       "27102000000"
                 *     ]
                 */
                industry?: string[];
                /**
                 * @description Objective filter id or comma-separated ids from /tiktok/top-ads/filters. Comma-separated; items are trimmed, de-duplicated and sorted.
                 * @example [
                 *       "3"
                 *     ]
                 */
                objective?: string[];
                /**
                 * @description Ad language id or comma-separated ids from /tiktok/top-ads/filters. Comma-separated; items are trimmed, de-duplicated and sorted.
                 * @example [
                 *       "en"
                 *     ]
                 */
                ad_language?: string[];
                /**
                 * @description Pattern label id or comma-separated ids from /tiktok/top-ads/filters. Comma-separated; items are trimmed, de-duplicated and sorted.
                 * @example [
                 *       "10100100000"
                 *     ]
                 */
                pattern_label?: string[];
                /**
                 * @description Video duration bucket: `time-2` ≤ 10s, `time-3` 10–20s, `time-4` 20–30s, `time-5` 30–40s, `time-6` 40–60s, `time-7` > 60s.
                 * @example time-2
                 */
                duration?: "time-2" | "time-3" | "time-4" | "time-5" | "time-6" | "time-7";
                /**
                 * @description Like percentile bucket id or comma-separated ids: `1` Top 1–20%, `2` Top 21–40%, `3` Top 41–60%, `4` Top 61–80%, `5` Top 81–100%. Comma-separated; items are trimmed, de-duplicated and sorted.
                 * @example [
                 *       "1"
                 *     ]
                 */
                like?: string[];
                /**
                 * @description Ad format id: `1` Spark Ads, `2` Non-Spark Ads.
                 * @example 1
                 */
                ad_format?: "1" | "2";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. Charged 8 credits. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-Credits-Charged": components["headers"]["X-Credits-Charged"];
                    "X-Credits-Remaining": components["headers"]["X-Credits-Remaining"];
                    "X-Cache": components["headers"]["X-Cache"];
                    Age: components["headers"]["Age"];
                    "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                    "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                    "X-Upstream-Access": components["headers"]["X-Upstream-Access"];
                    "X-Upstream-Period": components["headers"]["X-Upstream-Period"];
                    "X-Served-From": components["headers"]["X-Served-From"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "OK",
                     *       "data": {
                     *         "code": 0,
                     *         "msg": "OK",
                     *         "request_id": "20260421093000F1A2B3C4D5E6F7A8B9C0",
                     *         "data": {
                     *           "materials": [
                     *             {
                     *               "id": "7631130810934026874",
                     *               "ad_title": "Cold brew in 10s",
                     *               "brand_name": "Brewly",
                     *               "cost": 2,
                     *               "ctr": 0.61,
                     *               "like": 48210,
                     *               "comment": 812,
                     *               "share": 1304,
                     *               "favorite": false,
                     *               "is_search": false,
                     *               "industry_key": "label_27102000000",
                     *               "objective_key": "campaign_objective_conversion",
                     *               "video_info": {
                     *                 "vid": "v10044g50000cold0brew000000000",
                     *                 "cover": "https://p16-sign-sg.tiktokcdn.com/ad-cover-1.jpeg?x-expires=1776816000",
                     *                 "duration": 15.2,
                     *                 "width": 720,
                     *                 "height": 1280,
                     *                 "video_url": {
                     *                   "720p": "https://v16m-default.tiktokcdn.com/ad-video-1.mp4?x-expires=1776816000"
                     *                 }
                     *               }
                     *             }
                     *           ],
                     *           "pagination": {
                     *             "page": 1,
                     *             "size": 1,
                     *             "total": 400,
                     *             "total_count": 400,
                     *             "has_more": true
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["populartrend.topAdsListResponseDoc"];
                };
            };
            400: components["responses"]["400"];
            401: components["responses"]["401"];
            402: components["responses"]["402"];
            403: components["responses"]["403"];
            404: components["responses"]["404"];
            405: components["responses"]["405"];
            408: components["responses"]["408"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            502: components["responses"]["502"];
            503: components["responses"]["503"];
            504: components["responses"]["504"];
        };
    };
    "tiktok-top-ads-detail": {
        parameters: {
            query: {
                /**
                 * @description Top Ads material id (1–20 digits).
                 * @example 7631130810934026874
                 */
                material_id: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. Charged 8 credits. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-Credits-Charged": components["headers"]["X-Credits-Charged"];
                    "X-Credits-Remaining": components["headers"]["X-Credits-Remaining"];
                    "X-Cache": components["headers"]["X-Cache"];
                    Age: components["headers"]["Age"];
                    "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                    "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                    "X-Upstream-Access": components["headers"]["X-Upstream-Access"];
                    "X-Upstream-Period": components["headers"]["X-Upstream-Period"];
                    "X-Served-From": components["headers"]["X-Served-From"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "OK",
                     *       "data": {
                     *         "code": 0,
                     *         "msg": "OK",
                     *         "request_id": "20260421093000A1B2C3D4E5F6A7B8C9D0",
                     *         "data": {
                     *           "id": "7631130810934026874",
                     *           "ad_title": "Cold brew in 10s",
                     *           "brand_name": "Brewly",
                     *           "cost": 2,
                     *           "ctr": 0.61,
                     *           "like": 48210,
                     *           "comment": 812,
                     *           "share": 1304,
                     *           "favorite": false,
                     *           "is_search": false,
                     *           "industry_key": "label_27102000000",
                     *           "objective_key": "campaign_objective_conversion",
                     *           "video_info": {
                     *             "vid": "v10044g50000cold0brew000000000",
                     *             "cover": "https://p16-sign-sg.tiktokcdn.com/ad-cover-1.jpeg?x-expires=1776816000",
                     *             "duration": 15.2,
                     *             "width": 720,
                     *             "height": 1280,
                     *             "video_url": {
                     *               "720p": "https://v16m-default.tiktokcdn.com/ad-video-1.mp4?x-expires=1776816000"
                     *             }
                     *           },
                     *           "country_code": [
                     *             "US"
                     *           ],
                     *           "has_summary": true,
                     *           "voice_over": true,
                     *           "highlight": "3",
                     *           "highlight_text": "Product shown in the first 3 seconds",
                     *           "keyword_list": [
                     *             "cold brew",
                     *             "coffee"
                     *           ],
                     *           "landing_page": "https://brewly.example/cold-brew",
                     *           "objectives": [
                     *             {
                     *               "label": "campaign_objective_conversion",
                     *               "value": "Conversions"
                     *             }
                     *           ],
                     *           "pattern_label": [
                     *             {
                     *               "id": 10100100000,
                     *               "parent_id": null,
                     *               "label": "pattern_label_10100100000",
                     *               "value": "Product demo"
                     *             }
                     *           ],
                     *           "source": "TikTok Ads Manager",
                     *           "source_key": 1
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["populartrend.topAdsDetailResponseDoc"];
                };
            };
            400: components["responses"]["400"];
            401: components["responses"]["401"];
            402: components["responses"]["402"];
            403: components["responses"]["403"];
            404: components["responses"]["404"];
            405: components["responses"]["405"];
            408: components["responses"]["408"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            502: components["responses"]["502"];
            503: components["responses"]["503"];
            504: components["responses"]["504"];
        };
    };
    "tiktok-top-ads-analysis": {
        parameters: {
            query: {
                /**
                 * @description Top Ads material id (1–20 digits).
                 * @example 7631130810934026874
                 */
                material_id: string;
                /**
                 * @description Interactive time analysis metric.
                 * @example retain_ctr
                 */
                metric?: "retain_ctr" | "retain_cvr" | "click_cnt" | "convert_cnt" | "play_retain_cnt";
                /**
                 * @description Percentile lookback period in days.
                 * @example 7
                 */
                period_type?: 7 | 30 | 180;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. Charged 8 credits. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-Credits-Charged": components["headers"]["X-Credits-Charged"];
                    "X-Credits-Remaining": components["headers"]["X-Credits-Remaining"];
                    "X-Cache": components["headers"]["X-Cache"];
                    Age: components["headers"]["Age"];
                    "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                    "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                    "X-Upstream-Access": components["headers"]["X-Upstream-Access"];
                    "X-Upstream-Period": components["headers"]["X-Upstream-Period"];
                    "X-Served-From": components["headers"]["X-Served-From"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "OK",
                     *       "data": {
                     *         "code": 0,
                     *         "msg": "OK",
                     *         "request_id": "20260421093000C0D1E2F3A4B5C6D7E8F9",
                     *         "data": {
                     *           "analysis": [
                     *             {
                     *               "second": 0,
                     *               "value": 0.012
                     *             },
                     *             {
                     *               "second": 1,
                     *               "value": 0.011
                     *             },
                     *             {
                     *               "second": 2,
                     *               "value": 0.009
                     *             },
                     *             {
                     *               "second": 3,
                     *               "value": 0.014
                     *             }
                     *           ],
                     *           "duration": 15.2,
                     *           "highlight": [
                     *             3
                     *           ],
                     *           "metric": "retain_ctr",
                     *           "metric_label": "CTR",
                     *           "percentile": 0.48,
                     *           "percentile_data": {
                     *             "ctr_percentile": 0.48
                     *           },
                     *           "percentile_metric": "ctr_percentile",
                     *           "period_type": 7
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["populartrend.topAdsAnalysisResponseDoc"];
                };
            };
            400: components["responses"]["400"];
            401: components["responses"]["401"];
            402: components["responses"]["402"];
            403: components["responses"]["403"];
            404: components["responses"]["404"];
            405: components["responses"]["405"];
            408: components["responses"]["408"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            502: components["responses"]["502"];
            503: components["responses"]["503"];
            504: components["responses"]["504"];
        };
    };
    "tiktok-top-ads-filters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. Charged 8 credits. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-Credits-Charged": components["headers"]["X-Credits-Charged"];
                    "X-Credits-Remaining": components["headers"]["X-Credits-Remaining"];
                    "X-Cache": components["headers"]["X-Cache"];
                    Age: components["headers"]["Age"];
                    "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                    "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                    "X-Upstream-Access": components["headers"]["X-Upstream-Access"];
                    "X-Upstream-Period": components["headers"]["X-Upstream-Period"];
                    "X-Served-From": components["headers"]["X-Served-From"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "OK",
                     *       "data": {
                     *         "code": 0,
                     *         "msg": "OK",
                     *         "request_id": "20260421093000D2E3F4A5B6C7D8E9F0A1",
                     *         "data": {
                     *           "industry": [
                     *             {
                     *               "id": "27000000000",
                     *               "parent_id": null,
                     *               "label": "label_27000000000",
                     *               "value": "Food & Beverage"
                     *             },
                     *             {
                     *               "id": "27102000000",
                     *               "parent_id": "27000000000",
                     *               "label": "label_27102000000",
                     *               "value": "Drinks"
                     *             }
                     *           ],
                     *           "country": [
                     *             {
                     *               "id": "US",
                     *               "parent_id": null,
                     *               "label": "US",
                     *               "value": "United States"
                     *             }
                     *           ],
                     *           "ad_language": [
                     *             {
                     *               "id": "en",
                     *               "parent_id": null,
                     *               "label": "en",
                     *               "value": "English"
                     *             }
                     *           ],
                     *           "objective": [
                     *             {
                     *               "id": 3,
                     *               "parent_id": null,
                     *               "label": "campaign_objective_conversion",
                     *               "value": "Conversions",
                     *               "has_conversion": true
                     *             }
                     *           ],
                     *           "pattern_label": [
                     *             {
                     *               "id": 10100100000,
                     *               "parent_id": null,
                     *               "label": "pattern_label_10100100000",
                     *               "value": "Product demo"
                     *             }
                     *           ],
                     *           "order_by": [
                     *             {
                     *               "id": "for_you",
                     *               "parent_id": null,
                     *               "label": "order_by_for_you",
                     *               "value": "For You"
                     *             },
                     *             {
                     *               "id": "impression",
                     *               "parent_id": null,
                     *               "label": "order_by_impression",
                     *               "value": "Impressions"
                     *             },
                     *             {
                     *               "id": "ctr",
                     *               "parent_id": null,
                     *               "label": "order_by_ctr",
                     *               "value": "CTR"
                     *             },
                     *             {
                     *               "id": "play_2s_rate",
                     *               "parent_id": null,
                     *               "label": "order_by_play_2s_rate",
                     *               "value": "2s view rate"
                     *             },
                     *             {
                     *               "id": "play_6s_rate",
                     *               "parent_id": null,
                     *               "label": "order_by_play_6s_rate",
                     *               "value": "6s view rate"
                     *             },
                     *             {
                     *               "id": "cvr",
                     *               "parent_id": null,
                     *               "label": "order_by_cvr",
                     *               "value": "CVR"
                     *             },
                     *             {
                     *               "id": "like",
                     *               "parent_id": null,
                     *               "label": "order_by_like",
                     *               "value": "Likes"
                     *             }
                     *           ],
                     *           "duration": [
                     *             {
                     *               "id": "time-2",
                     *               "parent_id": null,
                     *               "label": "duration_time-2",
                     *               "value": "≤ 10s"
                     *             },
                     *             {
                     *               "id": "time-3",
                     *               "parent_id": null,
                     *               "label": "duration_time-3",
                     *               "value": "10–20s"
                     *             },
                     *             {
                     *               "id": "time-4",
                     *               "parent_id": null,
                     *               "label": "duration_time-4",
                     *               "value": "20–30s"
                     *             },
                     *             {
                     *               "id": "time-5",
                     *               "parent_id": null,
                     *               "label": "duration_time-5",
                     *               "value": "30–40s"
                     *             },
                     *             {
                     *               "id": "time-6",
                     *               "parent_id": null,
                     *               "label": "duration_time-6",
                     *               "value": "40–60s"
                     *             },
                     *             {
                     *               "id": "time-7",
                     *               "parent_id": null,
                     *               "label": "duration_time-7",
                     *               "value": "> 60s"
                     *             }
                     *           ],
                     *           "like": [
                     *             {
                     *               "id": "1",
                     *               "parent_id": null,
                     *               "label": "like_1",
                     *               "value": "Top 1–20%"
                     *             },
                     *             {
                     *               "id": "2",
                     *               "parent_id": null,
                     *               "label": "like_2",
                     *               "value": "Top 21–40%"
                     *             },
                     *             {
                     *               "id": "3",
                     *               "parent_id": null,
                     *               "label": "like_3",
                     *               "value": "Top 41–60%"
                     *             },
                     *             {
                     *               "id": "4",
                     *               "parent_id": null,
                     *               "label": "like_4",
                     *               "value": "Top 61–80%"
                     *             },
                     *             {
                     *               "id": "5",
                     *               "parent_id": null,
                     *               "label": "like_5",
                     *               "value": "Top 81–100%"
                     *             }
                     *           ],
                     *           "ad_format": [
                     *             {
                     *               "id": "1",
                     *               "parent_id": null,
                     *               "label": "ad_format_1",
                     *               "value": "Spark Ads"
                     *             },
                     *             {
                     *               "id": "2",
                     *               "parent_id": null,
                     *               "label": "ad_format_2",
                     *               "value": "Non-Spark Ads"
                     *             }
                     *           ],
                     *           "period": [
                     *             {
                     *               "id": 7,
                     *               "parent_id": null,
                     *               "label": "period_7",
                     *               "value": "Last 7 days"
                     *             },
                     *             {
                     *               "id": 30,
                     *               "parent_id": null,
                     *               "label": "period_30",
                     *               "value": "Last 30 days"
                     *             },
                     *             {
                     *               "id": 180,
                     *               "parent_id": null,
                     *               "label": "period_180",
                     *               "value": "Last 180 days"
                     *             }
                     *           ],
                     *           "analysis_metric": [
                     *             {
                     *               "id": "retain_ctr",
                     *               "parent_id": null,
                     *               "label": "analysis_metric_retain_ctr",
                     *               "value": "CTR"
                     *             },
                     *             {
                     *               "id": "retain_cvr",
                     *               "parent_id": null,
                     *               "label": "analysis_metric_retain_cvr",
                     *               "value": "CVR"
                     *             },
                     *             {
                     *               "id": "click_cnt",
                     *               "parent_id": null,
                     *               "label": "analysis_metric_click_cnt",
                     *               "value": "Clicks"
                     *             },
                     *             {
                     *               "id": "convert_cnt",
                     *               "parent_id": null,
                     *               "label": "analysis_metric_convert_cnt",
                     *               "value": "Conversion"
                     *             },
                     *             {
                     *               "id": "play_retain_cnt",
                     *               "parent_id": null,
                     *               "label": "analysis_metric_play_retain_cnt",
                     *               "value": "Remain"
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["populartrend.topAdsFiltersResponseDoc"];
                };
            };
            400: components["responses"]["400"];
            401: components["responses"]["401"];
            402: components["responses"]["402"];
            403: components["responses"]["403"];
            404: components["responses"]["404"];
            405: components["responses"]["405"];
            408: components["responses"]["408"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            502: components["responses"]["502"];
            503: components["responses"]["503"];
            504: components["responses"]["504"];
        };
    };
    "tiktok-top-ads-recommend": {
        parameters: {
            query: {
                /**
                 * @description Top Ads material id (1–20 digits).
                 * @example 7631130810934026874
                 */
                material_id: string;
                /**
                 * @description Page number, 1-based.
                 * @example 1
                 */
                page?: number;
                /**
                 * @description Items per page.
                 * @example 20
                 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. Charged 8 credits. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-Credits-Charged": components["headers"]["X-Credits-Charged"];
                    "X-Credits-Remaining": components["headers"]["X-Credits-Remaining"];
                    "X-Cache": components["headers"]["X-Cache"];
                    Age: components["headers"]["Age"];
                    "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                    "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                    "X-Upstream-Access": components["headers"]["X-Upstream-Access"];
                    "X-Upstream-Period": components["headers"]["X-Upstream-Period"];
                    "X-Served-From": components["headers"]["X-Served-From"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "OK",
                     *       "data": {
                     *         "code": 0,
                     *         "msg": "OK",
                     *         "request_id": "20260421093000E3F4A5B6C7D8E9F0A1B2",
                     *         "data": {
                     *           "materials": [
                     *             {
                     *               "id": "7631130811034026880",
                     *               "ad_title": "Iced latte, no machine",
                     *               "brand_name": "Brewly",
                     *               "cost": 2,
                     *               "ctr": 0.58,
                     *               "like": 48210,
                     *               "comment": 812,
                     *               "share": 1304,
                     *               "favorite": false,
                     *               "is_search": false,
                     *               "industry_key": "label_27102000000",
                     *               "objective_key": "campaign_objective_conversion",
                     *               "video_info": {
                     *                 "vid": "v10044g50000cold0brew000000000",
                     *                 "cover": "https://p16-sign-sg.tiktokcdn.com/ad-cover-1.jpeg?x-expires=1776816000",
                     *                 "duration": 15.2,
                     *                 "width": 720,
                     *                 "height": 1280,
                     *                 "video_url": {
                     *                   "720p": "https://v16m-default.tiktokcdn.com/ad-video-1.mp4?x-expires=1776816000"
                     *                 }
                     *               }
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["populartrend.topAdsRecommendResponseDoc"];
                };
            };
            400: components["responses"]["400"];
            401: components["responses"]["401"];
            402: components["responses"]["402"];
            403: components["responses"]["403"];
            404: components["responses"]["404"];
            405: components["responses"]["405"];
            408: components["responses"]["408"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            502: components["responses"]["502"];
            503: components["responses"]["503"];
            504: components["responses"]["504"];
        };
    };
    "tiktok-top-ads-spotlight": {
        parameters: {
            query?: {
                /**
                 * @description Page number, 1-based.
                 * @example 1
                 */
                page?: number;
                /**
                 * @description Items per page.
                 * @example 20
                 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. Charged 8 credits. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-Credits-Charged": components["headers"]["X-Credits-Charged"];
                    "X-Credits-Remaining": components["headers"]["X-Credits-Remaining"];
                    "X-Cache": components["headers"]["X-Cache"];
                    Age: components["headers"]["Age"];
                    "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                    "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                    "X-Upstream-Access": components["headers"]["X-Upstream-Access"];
                    "X-Upstream-Period": components["headers"]["X-Upstream-Period"];
                    "X-Served-From": components["headers"]["X-Served-From"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "OK",
                     *       "data": {
                     *         "code": 0,
                     *         "msg": "OK",
                     *         "request_id": "20260421093000F4A5B6C7D8E9F0A1B2C3",
                     *         "data": {
                     *           "materials": [
                     *             {
                     *               "id": "7629001234534026800",
                     *               "ad_title": "Our barista, your kitchen",
                     *               "brand_name": "Brewly",
                     *               "cost": 3,
                     *               "ctr": 0.61,
                     *               "like": 48210,
                     *               "comment": 812,
                     *               "share": 1304,
                     *               "favorite": false,
                     *               "is_search": false,
                     *               "industry_key": "label_27102000000",
                     *               "objective_key": "campaign_objective_conversion",
                     *               "video_info": {
                     *                 "vid": "v10044g50000cold0brew000000000",
                     *                 "cover": "https://p16-sign-sg.tiktokcdn.com/ad-cover-1.jpeg?x-expires=1776816000",
                     *                 "duration": 15.2,
                     *                 "width": 720,
                     *                 "height": 1280,
                     *                 "video_url": {
                     *                   "720p": "https://v16m-default.tiktokcdn.com/ad-video-1.mp4?x-expires=1776816000"
                     *                 }
                     *               }
                     *             }
                     *           ],
                     *           "pagination": {
                     *             "page": 1,
                     *             "size": 1,
                     *             "total": 120,
                     *             "total_count": 120,
                     *             "has_more": true
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["populartrend.topAdsSpotlightResponseDoc"];
                };
            };
            400: components["responses"]["400"];
            401: components["responses"]["401"];
            402: components["responses"]["402"];
            403: components["responses"]["403"];
            404: components["responses"]["404"];
            405: components["responses"]["405"];
            408: components["responses"]["408"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            502: components["responses"]["502"];
            503: components["responses"]["503"];
            504: components["responses"]["504"];
        };
    };
    "tiktok-top-ads-suggestions": {
        parameters: {
            query?: {
                /**
                 * @description Maximum number of suggestions to return, clamped to 1–50.
                 * @example 50
                 */
                count?: number;
                /**
                 * @description Suggestion scenario id: 1 before typing, 2 while typing.
                 * @example 1
                 */
                scenario?: 1 | 2;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. Charged 8 credits. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-Credits-Charged": components["headers"]["X-Credits-Charged"];
                    "X-Credits-Remaining": components["headers"]["X-Credits-Remaining"];
                    "X-Cache": components["headers"]["X-Cache"];
                    Age: components["headers"]["Age"];
                    "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                    "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                    "X-Upstream-Access": components["headers"]["X-Upstream-Access"];
                    "X-Upstream-Period": components["headers"]["X-Upstream-Period"];
                    "X-Served-From": components["headers"]["X-Served-From"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "OK",
                     *       "data": {
                     *         "code": 0,
                     *         "msg": "OK",
                     *         "request_id": "20260421093000A5B6C7D8E9F0A1B2C3D4",
                     *         "data": {
                     *           "query": [
                     *             "skincare",
                     *             "protein powder",
                     *             "cold brew"
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["populartrend.topAdsSuggestionsResponseDoc"];
                };
            };
            400: components["responses"]["400"];
            401: components["responses"]["401"];
            402: components["responses"]["402"];
            403: components["responses"]["403"];
            404: components["responses"]["404"];
            405: components["responses"]["405"];
            408: components["responses"]["408"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            502: components["responses"]["502"];
            503: components["responses"]["503"];
            504: components["responses"]["504"];
        };
    };
    "tiktok-top-ads-locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. Charged 8 credits. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-Credits-Charged": components["headers"]["X-Credits-Charged"];
                    "X-Credits-Remaining": components["headers"]["X-Credits-Remaining"];
                    "X-Cache": components["headers"]["X-Cache"];
                    Age: components["headers"]["Age"];
                    "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                    "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                    "X-Upstream-Access": components["headers"]["X-Upstream-Access"];
                    "X-Upstream-Period": components["headers"]["X-Upstream-Period"];
                    "X-Served-From": components["headers"]["X-Served-From"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "OK",
                     *       "data": {
                     *         "code": 0,
                     *         "msg": "OK",
                     *         "request_id": "20260421093000B6C7D8E9F0A1B2C3D4E5",
                     *         "data": {
                     *           "country": [
                     *             {
                     *               "id": "US",
                     *               "parent_id": null,
                     *               "label": "US",
                     *               "value": "United States"
                     *             },
                     *             {
                     *               "id": "GB",
                     *               "parent_id": null,
                     *               "label": "GB",
                     *               "value": "United Kingdom"
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["populartrend.topAdsLocationsResponseDoc"];
                };
            };
            400: components["responses"]["400"];
            401: components["responses"]["401"];
            402: components["responses"]["402"];
            403: components["responses"]["403"];
            404: components["responses"]["404"];
            405: components["responses"]["405"];
            408: components["responses"]["408"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            502: components["responses"]["502"];
            503: components["responses"]["503"];
            504: components["responses"]["504"];
        };
    };
    "tiktok-top-ads-location-info": {
        parameters: {
            query?: {
                /**
                 * @description Creative Center module id the context is for; absent or 0 means 1 (Top Ads). Other ids are sent upstream as they are.
                 * @example 1
                 */
                module?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. Charged 8 credits. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-Credits-Charged": components["headers"]["X-Credits-Charged"];
                    "X-Credits-Remaining": components["headers"]["X-Credits-Remaining"];
                    "X-Cache": components["headers"]["X-Cache"];
                    Age: components["headers"]["Age"];
                    "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                    "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                    "X-Upstream-Access": components["headers"]["X-Upstream-Access"];
                    "X-Upstream-Period": components["headers"]["X-Upstream-Period"];
                    "X-Served-From": components["headers"]["X-Served-From"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "OK",
                     *       "data": {
                     *         "code": 0,
                     *         "msg": "OK",
                     *         "request_id": "20260421093000A7B8C9D0E1F2A3B4C5D6",
                     *         "data": {
                     *           "initial_country": [
                     *             "US"
                     *           ],
                     *           "l1_industry": 27000000000,
                     *           "l2_industry": 27102000000,
                     *           "first_industry": {
                     *             "id": "27000000000",
                     *             "parent_id": null,
                     *             "label": "label_27000000000",
                     *             "value": "Food & Beverage"
                     *           },
                     *           "second_industry": {
                     *             "id": "27102000000",
                     *             "parent_id": "27000000000",
                     *             "label": "label_27102000000",
                     *             "value": "Beverages"
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["populartrend.topAdsLocationInfoResponseDoc"];
                };
            };
            400: components["responses"]["400"];
            401: components["responses"]["401"];
            402: components["responses"]["402"];
            403: components["responses"]["403"];
            404: components["responses"]["404"];
            405: components["responses"]["405"];
            408: components["responses"]["408"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            502: components["responses"]["502"];
            503: components["responses"]["503"];
            504: components["responses"]["504"];
        };
    };
    "tiktok-top-ads-safety": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. Charged 8 credits. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-Credits-Charged": components["headers"]["X-Credits-Charged"];
                    "X-Credits-Remaining": components["headers"]["X-Credits-Remaining"];
                    "X-Cache": components["headers"]["X-Cache"];
                    Age: components["headers"]["Age"];
                    "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                    "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                    "X-Upstream-Access": components["headers"]["X-Upstream-Access"];
                    "X-Upstream-Period": components["headers"]["X-Upstream-Period"];
                    "X-Served-From": components["headers"]["X-Served-From"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "OK",
                     *       "data": {
                     *         "code": 0,
                     *         "msg": "OK",
                     *         "request_id": "20260421093000C7D8E9F0A1B2C3D4E5F6",
                     *         "data": {
                     *           "top_ads_search": 1,
                     *           "keyword_search": 1,
                     *           "hashtag_search": 1,
                     *           "sound_search": 1,
                     *           "creator_search": 1,
                     *           "cc_banner_key": ""
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["populartrend.topAdsSafetyResponseDoc"];
                };
            };
            400: components["responses"]["400"];
            401: components["responses"]["401"];
            402: components["responses"]["402"];
            403: components["responses"]["403"];
            404: components["responses"]["404"];
            405: components["responses"]["405"];
            408: components["responses"]["408"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            502: components["responses"]["502"];
            503: components["responses"]["503"];
            504: components["responses"]["504"];
        };
    };
    "tiktok-keyword-insights": {
        parameters: {
            query?: {
                /**
                 * @description Page number, 1-based.
                 * @example 1
                 */
                page?: number;
                /**
                 * @description Items per page.
                 * @example 20
                 */
                limit?: number;
                /**
                 * @description Window in days.
                 * @example 7
                 */
                period?: 7 | 30 | 120;
                /**
                 * @description ISO 3166-1 alpha-2 country code; absent means all regions.
                 * @example US
                 */
                country_code?: string;
                /**
                 * @description Industry id or comma-separated ids. Comma-separated; items are trimmed, de-duplicated and sorted.
                 * @example [
                 *       "27000000000"
                 *     ]
                 */
                industry?: string[];
                /**
                 * @description Objective id or comma-separated ids. Comma-separated; items are trimmed, de-duplicated and sorted.
                 * @example [
                 *       "3"
                 *     ]
                 */
                objective?: string[];
                /**
                 * @description 1 selling point, 2 pain point, 3 target audience, 4 call to action, 5 others, 6 product.
                 * @example 1
                 */
                keyword_type?: 1 | 2 | 3 | 4 | 5 | 6;
                /**
                 * @description Sort field.
                 * @example post
                 */
                order_by?: "post" | "post_change" | "ctr" | "cvr" | "cpa" | "cost" | "impression" | "play_six_rate" | "like" | "share" | "comment";
                /**
                 * @description Sort direction.
                 * @example desc
                 */
                order_type?: "desc" | "asc";
                /**
                 * @description Keyword search; `q` is accepted as an alias, `keyword` wins when both are given.
                 * @example free shipping
                 */
                keyword?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. Charged 8 credits. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-Credits-Charged": components["headers"]["X-Credits-Charged"];
                    "X-Credits-Remaining": components["headers"]["X-Credits-Remaining"];
                    "X-Cache": components["headers"]["X-Cache"];
                    Age: components["headers"]["Age"];
                    "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                    "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                    "X-Upstream-Access": components["headers"]["X-Upstream-Access"];
                    "X-Upstream-Period": components["headers"]["X-Upstream-Period"];
                    "X-Served-From": components["headers"]["X-Served-From"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "OK",
                     *       "data": {
                     *         "code": 0,
                     *         "msg": "OK",
                     *         "request_id": "20260421093000B6C7D8E9F0A1B2C3D4E5",
                     *         "data": {
                     *           "keyword_list": [
                     *             {
                     *               "keyword": "free shipping",
                     *               "post": 1520,
                     *               "post_change": 12.5,
                     *               "ctr": 0.91,
                     *               "cvr": 4.3,
                     *               "cpa": 6.2,
                     *               "cost": 1840.5,
                     *               "impression": 2315000,
                     *               "like": 18200,
                     *               "share": 940,
                     *               "comment": 610,
                     *               "play_six_rate": 31.4,
                     *               "video_list": [
                     *                 "7630000000000000001"
                     *               ]
                     *             }
                     *           ],
                     *           "pagination": {
                     *             "page": 1,
                     *             "size": 1,
                     *             "total": 500,
                     *             "has_more": true
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["keywordinsights.keywordListResponseDoc"];
                };
            };
            400: components["responses"]["400"];
            401: components["responses"]["401"];
            402: components["responses"]["402"];
            403: components["responses"]["403"];
            404: components["responses"]["404"];
            405: components["responses"]["405"];
            408: components["responses"]["408"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            502: components["responses"]["502"];
            503: components["responses"]["503"];
            504: components["responses"]["504"];
        };
    };
    "tiktok-popular-trend-hashtag-history": {
        parameters: {
            query?: {
                /**
                 * @description Hashtag name (a leading `#` is stripped, case ignored). Give this or `hashtag_id`.
                 * @example prom
                 */
                hashtag_name?: string;
                /** @description Hashtag id as the hashtag chart gives it (ids differ between adapters). Give this or `hashtag_name`. */
                hashtag_id?: string;
                /**
                 * @description ISO 3166-1 alpha-2 country code of the chart; absent means all regions.
                 * @example US
                 */
                country_code?: string;
                /**
                 * @description The chart's trend window in days.
                 * @example 7
                 */
                period?: 7 | 30 | 120;
                /**
                 * @description Days back from today (UTC), today included; at most 365, and at most the instance's retention.
                 * @example 30
                 */
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. Charged 8 credits. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-Credits-Charged": components["headers"]["X-Credits-Charged"];
                    "X-Credits-Remaining": components["headers"]["X-Credits-Remaining"];
                    "X-Cache": components["headers"]["X-Cache"];
                    Age: components["headers"]["Age"];
                    "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                    "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                    "X-Upstream-Access": components["headers"]["X-Upstream-Access"];
                    "X-Upstream-Period": components["headers"]["X-Upstream-Period"];
                    "X-Served-From": components["headers"]["X-Served-From"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "OK",
                     *       "data": {
                     *         "hashtag_id": "4777",
                     *         "hashtag_name": "prom",
                     *         "country_code": "US",
                     *         "period": 7,
                     *         "days": 3,
                     *         "covered_days": [
                     *           "2026-04-19",
                     *           "2026-04-20",
                     *           "2026-04-21"
                     *         ],
                     *         "points": [
                     *           {
                     *             "date": "2026-04-19",
                     *             "rank": 4,
                     *             "publish_cnt": 160210,
                     *             "video_views": 690112004
                     *           },
                     *           {
                     *             "date": "2026-04-21",
                     *             "rank": 1,
                     *             "publish_cnt": 179872,
                     *             "video_views": 766182036
                     *           }
                     *         ],
                     *         "retention_days": 365
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["history.hashtagHistoryResponseDoc"];
                };
            };
            400: components["responses"]["400"];
            401: components["responses"]["401"];
            402: components["responses"]["402"];
            403: components["responses"]["403"];
            404: components["responses"]["404"];
            405: components["responses"]["405"];
            408: components["responses"]["408"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            502: components["responses"]["502"];
            503: components["responses"]["503"];
            504: components["responses"]["504"];
        };
    };
    "tiktok-popular-trend-movers": {
        parameters: {
            query: {
                /**
                 * @description Which chart.
                 * @example hashtag
                 */
                chart: "hashtag" | "song" | "creator" | "video";
                /**
                 * @description ISO 3166-1 alpha-2 country code of the chart; absent means all regions.
                 * @example US
                 */
                country_code?: string;
                /**
                 * @description The chart's window in days (ignored for creators, whose chart has none).
                 * @example 7
                 */
                period?: 7 | 30 | 120;
                /**
                 * @description Which movement to list.
                 * @example rising
                 */
                direction?: "rising" | "falling" | "new" | "dropped";
                /**
                 * @description Compare with the chart this many days before its latest stored day.
                 * @example 7
                 */
                since?: number;
                /**
                 * @description `rank_change` (places moved) or `metric_growth` (views, followers: the chart's metric).
                 * @example rank_change
                 */
                sort_by?: "rank_change" | "metric_growth";
                /**
                 * @description Entries to list.
                 * @example 20
                 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. Charged 8 credits. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-Credits-Charged": components["headers"]["X-Credits-Charged"];
                    "X-Credits-Remaining": components["headers"]["X-Credits-Remaining"];
                    "X-Cache": components["headers"]["X-Cache"];
                    Age: components["headers"]["Age"];
                    "X-Upstream-Source": components["headers"]["X-Upstream-Source"];
                    "X-Upstream-Adapter": components["headers"]["X-Upstream-Adapter"];
                    "X-Upstream-Access": components["headers"]["X-Upstream-Access"];
                    "X-Upstream-Period": components["headers"]["X-Upstream-Period"];
                    "X-Served-From": components["headers"]["X-Served-From"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "OK",
                     *       "data": {
                     *         "chart": "hashtag",
                     *         "country_code": "US",
                     *         "period": 7,
                     *         "direction": "rising",
                     *         "since": 7,
                     *         "sort_by": "rank_change",
                     *         "since_date": "2026-04-14",
                     *         "latest_date": "2026-04-21",
                     *         "metric_name": "video_views",
                     *         "list": [
                     *           {
                     *             "id": "4777",
                     *             "name": "prom",
                     *             "rank": 1,
                     *             "previous_rank": 23,
                     *             "rank_change": 22,
                     *             "metric": 766182036,
                     *             "previous_metric": 301120440,
                     *             "metric_growth": 1.5444,
                     *             "first_seen": "2026-04-12",
                     *             "sparkline": [
                     *               23,
                     *               18,
                     *               12,
                     *               9,
                     *               5,
                     *               3,
                     *               2,
                     *               1
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["history.moversResponseDoc"];
                };
            };
            400: components["responses"]["400"];
            401: components["responses"]["401"];
            402: components["responses"]["402"];
            403: components["responses"]["403"];
            404: components["responses"]["404"];
            405: components["responses"]["405"];
            408: components["responses"]["408"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            502: components["responses"]["502"];
            503: components["responses"]["503"];
            504: components["responses"]["504"];
        };
    };
}

/** Each API error code's meaning, from the server's error catalog. */
export const ERROR_SENTENCES: Readonly<Record<string, string>> = {
  invalid_input: "A parameter or body field has the wrong type, is outside its enum, or is malformed; data.errors lists every one.",
  idempotency_key_reused: "The Idempotency-Key was already used for a different request.",
  missing_api_key: "No API key: send it as x-api-key or Authorization: Bearer.",
  invalid_api_key: "The API key is malformed, fails its checksum, or does not exist.",
  revoked_api_key: "The API key was revoked.",
  expired_api_key: "The API key was rotated and its grace period is over.",
  conflicting_credentials: "x-api-key and Authorization: Bearer carry different keys.",
  insufficient_credits: "The monthly credits are used up and overage is off or at its hard limit.",
  daily_credit_limit: "The plan's daily credit cap is reached; it resets at 00:00 UTC.",
  account_suspended: "The account is suspended by the operator: its keys and Console sessions stop working.",
  endpoint_disabled: "The operator has disabled this endpoint.",
  route_not_found: "No such route.",
  resource_not_found: "The upstream says the requested id does not exist, or the id is not yours.",
  method_not_allowed: "Only GET (and OPTIONS for CORS) is allowed on API routes.",
  request_timeout: "The request did not arrive in full in time.",
  headers_too_large: "The request line and headers are too large (a query string over about 16 KB, or too many cookies).",
  rate_limited: "Too many requests this minute; retry after Retry-After seconds.",
  internal_error: "Something failed on our side; it has been logged.",
  upstream_bad_response: "The upstream answered with something unusable (detail: non_json, no_permission, schema_mismatch, upstream_error, invalid_request).",
  upstream_unavailable: "No upstream source could serve it (detail, the last reason: deprecated, circuit_open, connect_failed, login_required, blocked, not_available).",
  upstream_retired: "TikTok no longer serves this data; message names what changed. Never charged.",
  metering_unavailable: "Rate limits and credits cannot be checked for a moment (the shared counters are unreachable); nothing was charged, retry after Retry-After seconds.",
  upstream_timeout: "The upstream did not answer in time.",
};
