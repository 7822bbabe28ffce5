import { ChartCache } from './memo.js';
import { rng } from './random.js';

/**
 * Charts that move from one UTC day to the next, deterministically from (chart key, day), with no
 * state: any day can be computed on its own, so a clock jumping weeks ahead costs nothing extra.
 *
 * Each chart orders its pool once ("tiers"): the pinned names first, then a seeded shuffle. A
 * candidate's standing on a day is its tier position plus a slow wave plus a small daily jitter, and
 * the chart is the `size` best standings. `pinned` names take the first tiers and `blinker` the
 * BLINKER_TIER. The first CORE tiers have no wave, so they stay near the top for good with small
 * swaps; the wave grows with the tier, so the tail swaps entries in and out a few at a time and the
 * same names come back weeks later. The tier at BLINKER_TIER moves on a 14-day cycle through the
 * cut-off: over any 14 consecutive days it is on the chart on some and off on others. The ROTATORS
 * tiers after it move on a 7-day cycle one day apart, so every day at least one name enters and one
 * leaves (newcomers exist on every day's chart).
 */

const DAY_SECONDS = 86_400;
/** Tiers that never wave: they hold the top of the chart day after day. */
export const CORE = 10;
/** The tier whose wave has a period of exactly BLINK_DAYS. */
export const BLINKER_TIER = 99;
const BLINK_DAYS = 14;
/** Tiers after the blinker that rotate through the cut-off on a 7-day cycle, one day apart. */
const ROTATORS = 7;

interface Tier {
  name: string;
  position: number;
  amplitude: number;
  periodDays: number;
  phase: number;
}

/** A UTC day number (days since the epoch) of a clock reading in milliseconds. */
export function utcDay(nowMs: number): number {
  return Math.floor(nowMs / 1000 / DAY_SECONDS);
}

/** Unix seconds of 00:00 UTC of a day number. */
export function dayStartSeconds(day: number): number {
  return day * DAY_SECONDS;
}

/** One chart's candidates and how each moves; days are computed from it. */
export class DailyChart {
  private readonly tiers: Tier[];
  private readonly byName: Map<string, Tier>;
  private readonly days = new ChartCache<string[]>(64);

  constructor(
    readonly key: string,
    pool: readonly string[],
    readonly size: number,
    roles: { pinned?: readonly string[]; blinker?: string } = {},
  ) {
    const inPool = new Set(pool);
    const head = [...new Set(roles.pinned ?? [])].filter((n) => inPool.has(n));
    const blinker = roles.blinker !== undefined && inPool.has(roles.blinker) && !head.includes(roles.blinker) ? roles.blinker : undefined;
    const placed = new Set([...head, ...(blinker !== undefined ? [blinker] : [])]);
    const rest = rng(key, 'tiers').shuffle([...new Set(pool)].filter((n) => !placed.has(n)));
    if (blinker !== undefined) rest.splice(Math.max(0, BLINKER_TIER - head.length), 0, blinker);
    this.tiers = [...head, ...rest].map((name, position) => {
      const r = rng(key, 'wave', name);
      const rotator = position - BLINKER_TIER - 1;
      if (rotator >= 0 && rotator < ROTATORS) {
        // Sampled daily, sin(π/14 + 2πj/7) is +0.22 +0.90 +0.90 +0.22 −0.62 −1 −0.62: clearly off the
        // chart (standing ≥ 116) on four days, clearly on it (≤ 74) on three, never near the cut-off.
        return { name, position: size + 5, amplitude: 50, periodDays: ROTATORS, phase: Math.PI / 14 + (2 * Math.PI * rotator) / ROTATORS };
      }
      const blinker = position === BLINKER_TIER;
      return {
        name,
        position,
        amplitude: position < CORE ? 0 : blinker ? 45 : Math.min(40, 2 + 0.38 * position),
        periodDays: blinker ? BLINK_DAYS : r.int(12, 60),
        phase: r.next() * 2 * Math.PI,
      };
    });
    this.byName = new Map(this.tiers.map((t) => [t.name, t]));
  }

  /** The name at a tier position (pinned names first), e.g. BLINKER_TIER. */
  tierName(position: number): string | undefined {
    return this.tiers[position]?.name;
  }

  /** Whether a name is one of this chart's candidates. */
  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Lower is better; about the rank the candidate would have on that day (Infinity off the pool). */
  standing(name: string, day: number): number {
    const tier = this.byName.get(name);
    return tier ? standingOf(this.key, tier, day) : Number.POSITIVE_INFINITY;
  }

  /** The chart of one day: `size` names, best first. */
  ranking(day: number): string[] {
    return this.days.get(String(day), () =>
      this.tiers
        .map((t) => ({ name: t.name, s: standingOf(this.key, t, day) }))
        .sort((a, b) => a.s - b.s || (a.name < b.name ? -1 : 1))
        .slice(0, this.size)
        .map((e) => e.name),
    );
  }
}

function standingOf(key: string, t: Tier, day: number): number {
  const wave = t.amplitude * Math.sin((2 * Math.PI * day) / t.periodDays + t.phase);
  const jitter = (rng(key, 'day', t.name, day).next() - 0.5) * (t.position < CORE ? 3 : 5);
  return t.position + wave + jitter;
}
