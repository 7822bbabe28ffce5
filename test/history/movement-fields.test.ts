import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import type { SimulatorHandle } from '../../src/simulator/index.js';
import type { TestDatabase } from '../support/databases.js';
import { caller, DAY_MS, getJson, historyApp, historyDatabase, historySimulator, NOON, type HistoryApp } from './support.js';

/** Each chart operation history stores, with the key of its item list and whether its schema has rank movement. */
const CHARTS = [
  { path: '/api/v1/tiktok/popular-trend/hashtag?country_code=US&limit=10', list: 'list', movement: true },
  { path: '/api/v1/tiktok/popular-trend/video?country_code=US&limit=10', list: 'videos', movement: false },
  { path: '/api/v1/tiktok/creative-center/hashtags?country_code=US&limit=10', list: 'hashtags', movement: false },
  { path: '/api/v1/tiktok/creative-center/videos?country_code=US&limit=10', list: 'videos', movement: false },
  { path: '/api/v1/tiktok/top-ads/list?country_code=US&limit=5', list: 'materials', movement: false },
];

describe('rank movement on TikTok One answers, which give none, two days running (SQLite)', () => {
  const clock = new ManualClock(NOON);
  let simulator: SimulatorHandle;
  let database: TestDatabase;
  let t: HistoryApp;
  let key: string;

  beforeAll(async () => {
    simulator = await historySimulator('2026', clock);
    database = await historyDatabase('sqlite');
    t = await historyApp({ simulator, clock, databaseUrl: database.url });
    ({ apiKey: key } = await caller(t.services));
  });
  afterAll(async () => {
    await t.close();
    await simulator.close();
    await database.drop();
  });

  /** The items of each chart's answer, in CHARTS order. */
  async function items(): Promise<Array<Array<Record<string, unknown>>>> {
    const lists = [];
    for (const chart of CHARTS) {
      const { res, body } = await getJson(t.app, chart.path, key);
      expect(res.statusCode, chart.path).toBe(200);
      const payload = body.data.data?.[chart.list] ? body.data.data : body.data;
      lists.push(payload[chart.list] as Array<Record<string, unknown>>);
    }
    await t.services.history.flush();
    return lists;
  }

  it('adds rank_diff and rank_diff_type only to the charts whose schema has them', async () => {
    await items();
    clock.advance(DAY_MS);
    const lists = await items();
    CHARTS.forEach((chart, i) => {
      const list = lists[i]!;
      expect(list.length, chart.path).toBeGreaterThan(0);
      if (chart.movement) {
        // One that was not in the day before's top 10 gets none: that day held only part of the chart.
        expect(list.some((item) => 'rank_diff_type' in item), chart.path).toBe(true);
        return;
      }
      for (const item of list) {
        expect(item, chart.path).not.toHaveProperty('rank_diff_type');
        expect(item, chart.path).not.toHaveProperty('rank_diff');
      }
    });
  });
});
