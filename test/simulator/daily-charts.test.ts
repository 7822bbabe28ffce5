import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { startSimulator, US_BLINKING_HASHTAG, US_STABLE_HASHTAGS, type SimulatorHandle } from '../../src/simulator/index.js';
import { call, callOne, LOGGED_IN } from './helpers.js';

const DAY_MS = 86_400_000;
const start = Date.UTC(2026, 10, 25, 12, 0, 0);
const clock = new ManualClock(start);
const LIST = 'CreativeOne/KnowledgeAPI/GetHashtagList';
const VIDEOS = 'CreativeOne/Report/CreativeCenterGetTopContentsList?periodDimension=3&orderByMetric=1&countryCode=US&page=1&limit=20';
let sim: SimulatorHandle;

beforeAll(async () => {
  sim = await startSimulator({ clock });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  clock.set(start);
  sim.setEra('2026');
});

/** The whole logged-in US chart of a day: names in rank order, and the raw answer. */
async function usChart(dayOffset: number, body: Record<string, unknown> = {}) {
  clock.set(start + dayOffset * DAY_MS);
  const r = await callOne(sim, LIST, { body: { timeRange: 7, countryCode: 'US', page: 1, limit: 100, ...body }, headers: LOGGED_IN });
  return { names: r.json.items.map((i: any) => i.hashtagName) as string[], items: r.json.items as any[], text: r.text };
}

describe('TikTok One hashtag charts by day', () => {
  it('gives the same bytes for the same day, also at another hour', async () => {
    const a = await usChart(0);
    clock.set(start + 6 * 3_600_000);
    const b = await callOne(sim, LIST, { body: { timeRange: 7, countryCode: 'US', page: 1, limit: 100 }, headers: LOGGED_IN });
    expect(b.text).toBe(a.text);
  });

  it('changes some ranks from one day to the next, and lets a few names in and out', async () => {
    const today = await usChart(0);
    const tomorrow = await usChart(1);
    const moved = today.names.filter((n, i) => tomorrow.names.includes(n) && tomorrow.names.indexOf(n) !== i);
    expect(moved.length).toBeGreaterThan(10);
    expect(today.names.filter((n) => !tomorrow.names.includes(n)).length).toBeGreaterThan(0);
    expect(tomorrow.names.filter((n) => !today.names.includes(n)).length).toBeGreaterThan(0);
  });

  it('keeps the stable US names in the top 20 every day for 30 days, and lets newcomers in every day', async () => {
    let previous = (await usChart(-1)).names;
    for (let day = 0; day < 30; day++) {
      const { names } = await usChart(day);
      for (const stable of US_STABLE_HASHTAGS) expect(names.indexOf(stable), `${stable} on day ${day}`).toBeLessThan(20);
      expect(names.filter((n) => !previous.includes(n)).length, `newcomers on day ${day}`).toBeGreaterThan(0);
      previous = names;
    }
  });

  it('lets the blinking US name come and go within any 14 days, and re-enter later', async () => {
    const onChart: boolean[] = [];
    for (let day = 0; day < 28; day++) onChart.push((await usChart(day)).names.includes(US_BLINKING_HASHTAG));
    for (const window of [onChart.slice(0, 14), onChart.slice(14)]) {
      expect(window).toContain(true);
      expect(window).toContain(false);
    }
    const reentries = onChart.filter((on, i) => on && i > 0 && !onChart[i - 1]).length;
    expect(reentries).toBeGreaterThanOrEqual(1);
  });

  it("keeps yesterday's popularity points in today's curve (today's own point is partial)", async () => {
    const yesterday = await usChart(-1, { timeRange: 30 });
    const today = await usChart(0, { timeRange: 30 });
    const name = today.names.find((n) => yesterday.names.includes(n))!;
    const curveOf = (chart: { items: any[] }) => chart.items.find((i) => i.hashtagName === name).popularityCurve as Array<{ timestamp: number; value: number }>;
    const before = new Map(curveOf(yesterday).slice(0, -1).map((p) => [p.timestamp, p.value]));
    const shared = curveOf(today).filter((p) => before.has(p.timestamp));
    expect(shared.length).toBe(28);
    for (const p of shared) expect(p.value).toBe(before.get(p.timestamp));
  });
});

describe('TikTok One top contents by day', () => {
  it('answers the same bytes on the same day and a different chart on the next', async () => {
    const a = await callOne(sim, VIDEOS, { us: true, headers: LOGGED_IN });
    expect((await callOne(sim, VIDEOS, { us: true, headers: LOGGED_IN })).text).toBe(a.text);
    clock.set(start + DAY_MS);
    const b = await callOne(sim, VIDEOS, { us: true, headers: LOGGED_IN });
    const ids = (r: typeof a) => [...r.text.matchAll(/"itemID":([0-9]+)/g)].map((m) => m[1]);
    expect(ids(b)).not.toEqual(ids(a));
    expect(ids(b).filter((id) => ids(a).includes(id)).length).toBeGreaterThan(10);
  });
});

describe('legacy charts by day (era 2024)', () => {
  beforeEach(() => sim.setEra('2024'));

  const legacyHashtags = async (dayOffset: number) => {
    const nowMs = start + dayOffset * DAY_MS;
    clock.set(nowMs);
    const pages = await Promise.all([1, 2].map((page) => call(sim, `popular_trend/hashtag/list?page=${page}&limit=50&period=7&country_code=US`, { nowMs })));
    return pages.flatMap((p) => p.json.data.list) as Array<{ hashtag_name: string; rank: number; rank_diff: number | null; rank_diff_type: number }>;
  };

  it("derives rank_diff and rank_diff_type from yesterday's chart", async () => {
    const yesterday = new Map((await legacyHashtags(-1)).map((i) => [i.hashtag_name, i.rank]));
    const today = await legacyHashtags(0);
    expect(new Set(today.map((i) => i.rank_diff_type))).toEqual(new Set([1, 2, 3, 4]));
    for (const item of today) {
      const before = yesterday.get(item.hashtag_name);
      if (item.rank_diff_type === 4) expect(before).toBeUndefined();
      else if (item.rank_diff_type === 1) expect(before! - item.rank).toBe(item.rank_diff);
      else if (item.rank_diff_type === 3) expect(item.rank - before!).toBe(item.rank_diff);
      else expect(before).toBe(item.rank);
    }
  });

  it('keeps the stable US names in the legacy US chart and lets the blinking one come and go', async () => {
    const seen: boolean[] = [];
    for (let day = 0; day < 14; day++) {
      const names = (await legacyHashtags(day)).map((i) => i.hashtag_name);
      for (const stable of US_STABLE_HASHTAGS) expect(names.indexOf(stable)).toBeLessThan(20);
      seen.push(names.includes(US_BLINKING_HASHTAG));
    }
    expect(seen).toContain(true);
    expect(seen).toContain(false);
  });

  it.each([
    ['popular_trend/sound/rank_list?limit=20', (d: any) => d.sound_list.map((s: any) => s.clip_id)],
    ['popular_trend/creator/list?limit=50', (d: any) => d.creators.map((c: any) => c.nick_name)],
    ['popular_trend/list?limit=20', (d: any) => d.videos.map((v: any) => v.item_id)],
  ])('moves %s by day, the same within a day', async (path, ids) => {
    const today = await call(sim, path, { nowMs: start });
    expect((await call(sim, path, { nowMs: start })).text).toBe(today.text);
    clock.set(start + DAY_MS);
    const tomorrow = await call(sim, path, { nowMs: start + DAY_MS });
    expect(ids(tomorrow.json.data)).not.toEqual(ids(today.json.data));
  });
});
