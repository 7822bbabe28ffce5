import { countryName } from '../catalog/countries.js';
import { createHash } from 'node:crypto';
import { utcDay, type DailyChart } from './daily-chart.js';
import { RawInt } from './json.js';
import type { Rng } from './random.js';

/** Shared shapes of the trend charts (docs/upstreams.md § Item shapes, § Simulator). */

const DAY = 86_400;

/** Unix seconds of 00:00 UTC of the clock's current day. */
export function dayStart(nowMs: number): number {
  return Math.floor(nowMs / 1000 / DAY) * DAY;
}

/**
 * Point spacing per period. Upstream shows daily points for 7 days; the rest is a simulator choice:
 * 30 → 30 daily points, 120 → 18 weekly points, 365 → 53 weekly points, 1095 → 37 points 30 days apart.
 */
const SCHEDULE: Record<number, { count: number; stepDays: number }> = {
  7: { count: 7, stepDays: 1 },
  30: { count: 30, stepDays: 1 },
  120: { count: 18, stepDays: 7 },
  365: { count: 53, stepDays: 7 },
  1095: { count: 37, stepDays: 30 },
};

export interface TrendPoint {
  time: number;
  value: number;
}

/**
 * Points ending on the clock's current day, values 0–1 with two decimals and the peak exactly 1.
 * `count` below the schedule's size models a newcomer with a short history.
 */
export function trendPoints(r: Rng, period: number, nowMs: number, opts: { count?: number; rising?: boolean } = {}): TrendPoint[] {
  const schedule = SCHEDULE[period] ?? SCHEDULE[7]!;
  const count = Math.min(opts.count ?? schedule.count, schedule.count);
  const end = dayStart(nowMs);
  const raw: number[] = [];
  let v = 20 + r.next() * 40;
  const drift = opts.rising ? 6 : r.next() * 8 - 3;
  for (let i = 0; i < count; i++) {
    v = Math.max(1, v + drift + (r.next() * 16 - 8));
    raw.push(v);
  }
  const peak = Math.max(...raw);
  return raw.map((x, i) => ({
    time: end - (count - 1 - i) * schedule.stepDays * DAY,
    value: x === peak ? 1 : Math.round((x / peak) * 100) / 100,
  }));
}

/**
 * Like `trendPoints`, but read from a daily chart: each point follows the name's standing on that
 * day, so the trend a chart shows today agrees with the ranks it showed on earlier days.
 */
export function standingTrend(chart: DailyChart, name: string, period: number, nowMs: number, count?: number): TrendPoint[] {
  const schedule = SCHEDULE[period] ?? SCHEDULE[7]!;
  const n = Math.min(count ?? schedule.count, schedule.count);
  const today = utcDay(nowMs);
  const raw = Array.from({ length: n }, (_, i) => {
    const standing = chart.standing(name, today - (n - 1 - i) * schedule.stepDays);
    return Number.isFinite(standing) ? Math.exp(-Math.max(0, standing + 1.5) / 30) : 0;
  });
  const peak = Math.max(...raw);
  return raw.map((x, i) => ({
    time: dayStart(nowMs) - (n - 1 - i) * schedule.stepDays * DAY,
    value: x === peak ? 1 : Math.round((x / peak) * 100) / 100,
  }));
}

/**
 * Movement against yesterday's chart: 1 up, 2 unchanged, 3 down, 4 new (not on yesterday's chart,
 * `rank_diff` null or 0); `rank_diff` unsigned (docs/upstreams.md § Creative Center).
 */
export function dailyMovement(chart: DailyChart, name: string, rank: number, nowMs: number, r: Rng): Movement {
  const before = chart.ranking(utcDay(nowMs) - 1).indexOf(name) + 1;
  if (before === 0) return { rank_diff: r.chance(0.5) ? null : 0, rank_diff_type: 4 };
  if (before === rank) return { rank_diff: 0, rank_diff_type: 2 };
  return before > rank ? { rank_diff: before - rank, rank_diff_type: 1 } : { rank_diff: rank - before, rank_diff_type: 3 };
}

/** The full schedule size of a period (7 for 7 days …). */
export function pointCount(period: number): number {
  return (SCHEDULE[period] ?? SCHEDULE[7]!).count;
}

export interface Movement {
  rank_diff: number | null;
  rank_diff_type: 1 | 2 | 3 | 4;
}

/** 1 up, 2 unchanged, 3 down, 4 new; rank_diff unsigned, null or 0 for new (docs/upstreams.md § Item shapes). */
export function movement(r: Rng, rank: number): Movement {
  const x = r.next();
  if (x < 0.12) return { rank_diff: r.chance(0.5) ? null : 0, rank_diff_type: 4 };
  if (x < 0.3) return { rank_diff: 0, rank_diff_type: 2 };
  if (x < 0.65 && rank > 1) return { rank_diff: r.int(1, Math.min(rank - 1, 40)), rank_diff_type: 1 };
  return { rank_diff: r.int(1, 40), rank_diff_type: 3 };
}

export interface CountryInfo {
  id: string;
  value: string;
  label: string;
}

/** `{id:"US",value:"United States",label:"US"}`, or ALL for no country (docs/upstreams.md § Item shapes). */
export function countryInfo(code: string | undefined): CountryInfo {
  if (!code) return { id: 'ALL', value: 'ALL', label: 'ALL' };
  return { id: code, value: countryName(code), label: code };
}

/**
 * A signed, expiring CDN URL like the upstream's (docs/upstreams.md § Item shapes): it expires two days after the
 * clock's current day starts, so it is stable within a day.
 */
export function cdnUrl(seed: string, kind: 'avatar' | 'cover' | 'video' | 'music', nowMs: number): string {
  const expires = dayStart(nowMs) + 2 * DAY;
  const key = createHash('md5').update(`${kind}|${seed}`).digest('hex');
  const sig = createHash('sha1').update(`${key}|${expires}`).digest('base64url').slice(0, 27);
  const host = kind === 'video' ? 'v16-cc.tiktokcdn.com' : 'p16-sign-va.tiktokcdn.com';
  const path =
    kind === 'avatar'
      ? `tos-maliva-avt-0068/${key}~c5_100x100.jpeg`
      : kind === 'cover'
        ? `tos-maliva-p-0068/${key}~tplv-noop.image`
        : kind === 'music'
          ? `tos-alisg-v-27dcd7/${key}.mp3`
          : `${key}/video/tos/maliva/tos-maliva-ve-0068/${key}.mp4`;
  return `https://${host}/${path}?x-expires=${expires}&x-signature=${encodeURIComponent(sig)}`;
}

/** 19-digit video ids as raw JSON numbers above 2^53 (docs/upstreams.md § Envelope and pagination, § Simulator). */
export function relatedItems(r: Rng, seed: string, n: number, nowMs: number): Array<{ item_id: RawInt; cover_uri: string }> {
  return Array.from({ length: n }, (_, i) => ({
    item_id: new RawInt(`7${r.int(3, 5)}${r.digits(17)}`),
    cover_uri: cdnUrl(`${seed}|related|${i}`, 'cover', nowMs),
  }));
}

/** Age buckets, interests and countries of an audience (docs/upstreams.md § Item shapes). */
export function audience(r: Rng, interests: ReadonlyArray<[string, string]>, geonames: Record<string, string>) {
  const ageWeights = [r.int(10, 40), r.int(20, 50), r.int(10, 40)];
  const ageSum = ageWeights.reduce((a, b) => a + b, 0);
  const codes = r.shuffle(Object.keys(geonames)).slice(0, 5);
  return {
    audience_ages: ageWeights.map((w, i) => ({ age_level: i + 3, score: Math.round((w / ageSum) * 100) })),
    audience_interests: r
      .shuffle(interests)
      .slice(0, 5)
      .map(([id, value]) => ({ interest_info: { id, label: `diversify_${id}`, value }, score: r.int(5, 60) }))
      .sort((a, b) => b.score - a.score),
    audience_countries: codes
      .map((code) => ({ country_info: { id: geonames[code]!, label: code, value: countryName(code) }, score: r.int(2, 60) }))
      .sort((a, b) => b.score - a.score),
  };
}

/** Clamp-and-slice paging; pages past the end give an empty list (docs/upstreams.md § Simulator). */
export function paginate<T>(items: readonly T[], page: number, limit: number): { slice: T[]; hasMore: boolean } {
  const start = (page - 1) * limit;
  return { slice: items.slice(start, start + limit), hasMore: start + limit < items.length };
}
