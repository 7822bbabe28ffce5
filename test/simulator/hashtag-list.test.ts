import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { startSimulator, type SimulatorHandle } from '../../src/simulator/index.js';
import { TREND_INDUSTRIES } from '../../src/catalog/industries.js';
import { call } from './helpers.js';
import { z } from 'zod';
import { HashtagItem } from '../../src/catalog/trends/popular-trend-hashtag.js';
import { Pagination } from '../../src/catalog/schemas.js';

const clock = new ManualClock(Date.UTC(2026, 3, 21, 15, 30, 0));
const now = clock.now();
const today = Date.UTC(2026, 3, 21) / 1000;
let sim: SimulatorHandle;

beforeAll(async () => {
  sim = await startSimulator({ clock, era: '2024' });
});
afterAll(async () => {
  await sim.close();
});

const list = (q: string) => call(sim, `popular_trend/hashtag/list?${q}`, { nowMs: now });

describe('popular_trend/hashtag/list', () => {
  it('serves a top-100 chart in pages with {page,size,total,has_more}', async () => {
    const r = await list('page=1&limit=50&period=7&country_code=US&sort_by=popular');
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^application\/json/);
    expect(r.json.code).toBe(0);
    expect(r.json.msg).toBe('OK');
    expect(r.json.data.list).toHaveLength(50);
    expect(r.json.data.pagination).toEqual({ page: 1, size: 50, total: 100, has_more: true });
    expect(r.json.data.list.map((i: any) => i.rank)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('says has_more false on the last page and answers an empty list past the end', async () => {
    const last = await list('page=2&limit=50&country_code=US');
    expect(last.json.data.list).toHaveLength(50);
    expect(last.json.data.list[49].rank).toBe(100);
    expect(last.json.data.pagination.has_more).toBe(false);
    const past = await list('page=3&limit=50&country_code=US');
    expect(past.json.data.list).toEqual([]);
    expect(past.json.data.pagination).toEqual({ page: 3, size: 50, total: 100, has_more: false });
  });

  it('clamps limit to the upstream ceiling of 50', async () => {
    const r = await list('page=1&limit=60');
    expect(r.json.data.list).toHaveLength(50);
    expect(r.json.data.pagination.size).toBe(50);
  });

  it('holds 100 distinct hashtags with string ids', async () => {
    const a = await list('page=1&limit=50&period=30');
    const b = await list('page=2&limit=50&period=30');
    const items = [...a.json.data.list, ...b.json.data.list];
    expect(new Set(items.map((i: any) => i.hashtag_name)).size).toBe(100);
    for (const i of items) {
      expect(typeof i.hashtag_id).toBe('string');
      expect(i.hashtag_name).toMatch(/^[a-z0-9]+$/);
    }
  });

  it.each([
    [7, 7],
    [30, 30],
    [120, 18],
  ])('gives period %i a trend of %i points ending today at 00:00 UTC, peak 1', async (period, points) => {
    const r = await list(`limit=50&period=${period}&country_code=GB`);
    for (const item of r.json.data.list) {
      const trend = item.trend as Array<{ time: number; value: number }>;
      if (item.rank_diff_type !== 4) expect(trend).toHaveLength(points);
      expect(trend.length).toBeGreaterThanOrEqual(2);
      expect(trend.at(-1)!.time).toBe(today);
      for (const p of trend) {
        expect(p.time % 86_400).toBe(0);
        expect(p.value).toBeGreaterThanOrEqual(0);
        expect(p.value).toBeLessThanOrEqual(1);
        expect(Math.round(p.value * 100) / 100).toBe(p.value);
      }
      expect(Math.max(...trend.map((p) => p.value))).toBe(1);
    }
  });

  it('moves ranks with types 1–4 and unsigned rank_diff, null or 0 for new', async () => {
    const items = [...(await list('page=1&limit=50')).json.data.list, ...(await list('page=2&limit=50')).json.data.list];
    const types = new Set(items.map((i: any) => i.rank_diff_type));
    expect([...types].sort()).toEqual([1, 2, 3, 4]);
    for (const i of items) {
      if (i.rank_diff_type === 4) expect([null, 0]).toContain(i.rank_diff);
      else if (i.rank_diff_type === 2) expect(i.rank_diff).toBe(0);
      else expect(i.rank_diff).toBeGreaterThan(0);
    }
  });

  it('writes country_info ALL without country_code and the country otherwise', async () => {
    const all = await list('limit=1');
    expect(all.json.data.list[0].country_info).toEqual({ id: 'ALL', value: 'ALL', label: 'ALL' });
    const us = await list('limit=1&country_code=US');
    expect(us.json.data.list[0].country_info).toEqual({ id: 'US', value: 'United States', label: 'US' });
  });

  it('answers an empty chart for a country the charts do not cover', async () => {
    const r = await list('country_code=ZW');
    expect(r.json.code).toBe(0);
    expect(r.json.data.list).toEqual([]);
    expect(r.json.data.pagination).toMatchObject({ total: 0, has_more: false });
  });

  it('tags every item with the requested industry', async () => {
    const r = await list('limit=50&industry_id=22000000000&country_code=US');
    expect(r.json.data.list).toHaveLength(50);
    for (const i of r.json.data.list) {
      expect(i.industry_info).toEqual({ id: 22000000000, value: 'Apparel & Accessories', label: 'label_22000000000' });
    }
  });

  it('answers an empty chart for an industry id not in the filters', async () => {
    const r = await list('industry_id=16000000000');
    expect(r.json.data.list).toEqual([]);
    expect(r.json.data.pagination.total).toBe(0);
  });

  it('keeps only newcomers with filter_by=new_on_board', async () => {
    const r = await list('limit=50&filter_by=new_on_board&country_code=US');
    expect(r.json.data.list.length).toBeGreaterThan(0);
    expect(r.json.data.pagination.total).toBe(r.json.data.list.length);
    for (const i of r.json.data.list) expect(i.rank_diff_type).toBe(4);
  });

  it('gives 0–3 creators with signed avatar URLs', async () => {
    const r = await list('limit=50');
    for (const i of r.json.data.list) {
      const creators = i.creators ?? [];
      expect(creators.length).toBeLessThanOrEqual(3);
      for (const c of creators) expect(c.avatar_url).toContain('x-expires=');
    }
  });

  it('answers the same request with the same bytes', async () => {
    const a = await list('page=1&limit=20&period=7&country_code=FR&industry_id=14000000000');
    const b = await list('page=1&limit=20&period=7&country_code=FR&industry_id=14000000000');
    expect(a.text).toBe(b.text);
  });

  it.each(['', 'country_code=US&period=30', 'industry_id=27000000000&period=120', 'filter_by=new_on_board'])(
    'satisfies the catalog schema of the flagship (%s)',
    async (q) => {
      const r = await list(`limit=50&${q}`);
      const parsed = z.object({ list: z.array(HashtagItem), pagination: Pagination }).safeParse(r.json.data);
      expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    },
  );

  it('gives every industry of the filters a chart', async () => {
    for (const { id } of TREND_INDUSTRIES) {
      const r = await list(`limit=50&industry_id=${id}&page=2`);
      expect(r.json.data.list).toHaveLength(50);
    }
  });
});
