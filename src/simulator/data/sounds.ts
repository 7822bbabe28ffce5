import { TREND_COUNTRIES } from '../../catalog/industries.js';
import { ChartCache } from '../memo.js';
import { audience, cdnUrl, dailyMovement, dayStart, paginate, pointCount, relatedItems, standingTrend, trendPoints } from '../chart.js';
import { DailyChart, utcDay } from '../daily-chart.js';
import { ok, type Answer } from '../envelope.js';
import { boolParam, intParam, oneOf, paging, str } from '../query.js';
import { rng } from '../random.js';
import { ARTISTS, GEONAMES, INTERESTS, SONG_TITLES } from '../vocab.js';

/** Songs chart (`popular_trend/sound/rank_list`) and detail (docs/upstreams.md § Operations, § Item shapes). */

const PAGE_MAX = 20;
const COVERED = new Set(TREND_COUNTRIES);
const charts = new ChartCache<ReturnType<typeof buildChart>>();
const dailyCharts = new ChartCache<DailyChart>(128);

interface Song {
  clip_id: string;
  song_id: string;
  title: string;
  author: string;
  duration: number;
  if_cml: boolean;
}

/** Every song the simulator knows, with ids stable across runs; a detail answers only for these. */
const SONGS: readonly Song[] = [...SONG_TITLES, ...SONG_TITLES.map((t) => `${t} (Sped Up)`)].map((title) => {
  const r = rng('song', title);
  return {
    clip_id: `7${r.int(2, 4)}${r.digits(17)}`,
    song_id: `7${r.int(0, 3)}${r.digits(17)}`,
    title,
    author: r.pick(ARTISTS),
    duration: r.pick([15, 30, 45, 60, 60]),
    if_cml: r.chance(0.35),
  };
});
const BY_CLIP = new Map(SONGS.map((s) => [s.clip_id, s]));

const slug = (title: string): string => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function soundFields(song: Song, country: string | undefined, nowMs: number) {
  const r = rng('song-fields', song.clip_id);
  return {
    author: song.author,
    clip_id: song.clip_id,
    ...(song.if_cml ? { cml_mid: r.digits(18) } : {}),
    country_code: country ?? '',
    cover: cdnUrl(`song|${song.clip_id}`, 'cover', nowMs),
    duration: song.duration,
    if_cml: song.if_cml,
    is_search: r.chance(0.2),
    link: `https://www.tiktok.com/music/x-${song.clip_id}`,
    music_url: r.chance(0.85) ? cdnUrl(`song|${song.clip_id}`, 'music', nowMs) : null,
    promoted: r.chance(0.05),
    song_id: song.song_id,
    title: song.title,
    url_title: slug(song.title),
  };
}

function buildChart(country: string | undefined, period: number, rankType: string, nowMs: number) {
  const key = `sound-chart|${country ?? 'ALL'}|${period}|${rankType}`;
  const size = 98 + rng(key, 'order').int(0, 2);
  const chart = dailyCharts.get(key, () => new DailyChart(key, SONGS.map((s) => s.clip_id), size));
  const day = utcDay(nowMs);
  return chart.ranking(day).map((clipId, i) => {
    const song = BY_CLIP.get(clipId)!;
    const r = rng(key, song.clip_id, day);
    const rank = i + 1;
    const move = dailyMovement(chart, clipId, rank, nowMs, r);
    const isNew = move.rank_diff_type === 4;
    const full = pointCount(period);
    return {
      ...soundFields(song, country, nowMs),
      on_list_times: isNew ? null : r.int(1, 30),
      rank,
      rank_diff: move.rank_diff,
      rank_diff_type: move.rank_diff_type,
      related_items: relatedItems(r, `song|${song.clip_id}`, 5, nowMs),
      trend: standingTrend(chart, clipId, period, nowMs, isNew && r.chance(0.6) ? r.int(Math.min(3, full), full) : full),
    };
  });
}

/** `popular_trend/sound/rank_list`: `data.sound_list`, `data.pagination{page,size,total,has_more}`, total 98–100. */
export function soundList(q: URLSearchParams, nowMs: number): Answer {
  const { page, limit } = paging(q, PAGE_MAX);
  const period = oneOf(intParam(q, 'period', 7), [7, 30, 120], 7);
  const rankType = oneOf(str(q, 'rank_type') ?? 'popular', ['popular', 'surging'], 'popular');
  const country = str(q, 'country_code')?.toUpperCase();
  let items: ReturnType<typeof buildChart> = [];
  if (country === undefined || COVERED.has(country)) {
    items = charts.get(`${country}|${period}|${rankType}|${dayStart(nowMs)}`, () => buildChart(country, period, rankType, nowMs));
    if (boolParam(q, 'new_on_board')) items = items.filter((s) => s.rank_diff_type === 4);
    if (boolParam(q, 'commercial_music')) items = items.filter((s) => s.if_cml);
  }
  const { slice, hasMore } = paginate(items, page, limit);
  return ok({ sound_list: slice, pagination: { page, size: limit, total: items.length, has_more: hasMore } });
}

/**
 * `popular_trend/sound/detail`. An unknown clip answers code 0 with an empty `sound`, mirroring the
 * hashtag detail's empty `info` (simulator choice: upstream's answer for unknown clips was not captured).
 * `liked` is null for anonymous callers and false with a session cookie (docs/upstreams.md § Simulator).
 */
export function soundDetail(q: URLSearchParams, nowMs: number, loggedIn: boolean): Answer {
  const song = BY_CLIP.get(str(q, 'clip_id') ?? '');
  const period = oneOf(intParam(q, 'period', 7), [7, 30, 120], 7);
  const country = str(q, 'country_code')?.toUpperCase();
  if (!song || (country !== undefined && !COVERED.has(country))) return ok({ sound: {} });
  const r = rng('song-detail', song.clip_id, country ?? 'ALL', period);
  return ok({
    disliked: false,
    like_count: r.int(0, 5000),
    liked: loggedIn ? false : null,
    sound: {
      ...soundFields(song, country, nowMs),
      on_list_times: r.int(1, 30),
      rank: null,
      rank_diff: null,
      rank_diff_type: 2,
      related_items: relatedItems(r, `song|${song.clip_id}`, 5, nowMs),
      trend: trendPoints(r, period, nowMs),
      ...audience(r, INTERESTS, GEONAMES),
      longevity: { popular_days: r.int(1, period), current_popularity: r.int(0, 1) },
    },
  });
}
