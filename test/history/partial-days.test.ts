import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import type { SimulatorHandle } from '../../src/simulator/index.js';
import { storeKinds, type TestDatabase } from '../support/databases.js';
import { caller, DAY_MS, FLAGSHIP, getJson, HISTORY, historyApp, historyDatabase, historySimulator, MOVERS, NOON, ScriptedChart, type HashtagItem, type HistoryApp } from './support.js';

const CHART_KEY = 'tiktok-popular-trend-hashtag?country_code=US&period=7';

/** The US chart's stored entries on a day, `rank:name`, best first. */
async function storedDay(t: HistoryApp, day: string): Promise<string[]> {
  const rows = await t.services.store.db
    .selectFrom('history_entries')
    .select(['rank', 'name'])
    .where('chart_key', '=', CHART_KEY)
    .where('day', '=', day)
    .orderBy('rank')
    .execute();
  return rows.map((r) => `${r.rank}:${r.name}`);
}

describe.each(storeKinds)('a day that saw only part of the chart, on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await historyDatabase(kind);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('an anonymous TikTok One day holds the top 3 only: the next day calls none of the other 97 new', async () => {
    const clock = new ManualClock(NOON);
    const simulator = await historySimulator('2026', clock);
    // A session that lapsed for a day: logged in, anonymous, logged in again, collecting once a day.
    const days: Array<{ anonymous: boolean; list?: HashtagItem[] }> = [{ anonymous: false }, { anonymous: true }, { anonymous: false }];
    let last: { t: HistoryApp; key: string } | undefined;
    for (const [i, day] of days.entries()) {
      const t = await historyApp({ simulator, clock, databaseUrl: database.url, anonymous: day.anonymous, config: { COLLECT: 'hashtag:US:7' } });
      expect((await t.services.history.collector.runDue())?.map((o) => [o.status, o.entries])).toEqual([['collected', day.anonymous ? 3 : 100]]);
      await t.services.history.flush();
      const { apiKey } = await caller(t.services);
      day.list = (await getJson(t.app, `${FLAGSHIP}?country_code=US&limit=100`, apiKey)).body.data.data.list;
      if (i < days.length - 1) {
        await t.close();
        clock.advance(DAY_MS);
      } else last = { t, key: apiKey };
    }
    const { t, key } = last as { t: HistoryApp; key: string };
    try {
      const today = days[2]?.list as HashtagItem[];
      const anonymousTop = new Set((days[1]?.list as HashtagItem[]).map((i) => i.hashtag_id));
      expect(anonymousTop.size).toBe(3);
      // Entries the anonymous day held get their movement; the rest get none, never a guessed "new".
      for (const item of today) expect(item.rank_diff_type !== undefined).toBe(anonymousTop.has(item.hashtag_id));
      expect(today.filter((i) => i.rank_diff_type === 4)).toEqual([]);

      const movers = await getJson(t.app, `${MOVERS}?chart=hashtag&country_code=US&direction=new&since=1&limit=100`, key);
      expect(movers.body.data.list).toEqual([]);

      // The anonymous day cannot say a hashtag below its top 3 was off the chart.
      const tenth = today.find((i) => i.rank === 10) as HashtagItem;
      const history = await getJson(t.app, `${HISTORY}?hashtag_name=${tenth.hashtag_name}&country_code=US&days=3`, key);
      expect(history.body.data.covered_days).toEqual(['2026-11-25', '2026-11-27']);
    } finally {
      await t.close();
      await simulator.close();
    }
  });

  it('history and movers do not read a caller\'s top-5 window as the whole chart', async () => {
    const clock = new ManualClock(NOON);
    const simulator = await historySimulator('2024', clock);
    const t = await historyApp({ simulator, clock, databaseUrl: database.url, config: { COLLECT: 'hashtag:GB:7' } });
    try {
      const { apiKey: key } = await caller(t.services);
      expect((await t.services.history.collector.runDue())?.map((o) => o.status)).toEqual(['collected']);
      await t.services.history.flush();
      const first = (await getJson(t.app, `${FLAGSHIP}?country_code=GB&limit=100`, key)).body.data.data.list as HashtagItem[];
      const tenth = first[9] as HashtagItem;
      // Half a minute into the next day, before the collection is due, a caller reads the top 5 only.
      clock.set(Date.parse('2026-11-26T00:00:30Z'));
      const top5 = (await getJson(t.app, `${FLAGSHIP}?country_code=GB&limit=5`, key)).body.data.data.list as HashtagItem[];
      expect(top5.map((i) => i.hashtag_id)).not.toContain(tenth.hashtag_id);
      await t.services.history.flush();

      const history = await getJson(t.app, `${HISTORY}?hashtag_id=${tenth.hashtag_id}&country_code=GB&days=2`, key);
      expect(history.body.data.covered_days).toEqual(['2026-11-25']);
      expect(history.body.data.points.map((p: { date: string }) => p.date)).toEqual(['2026-11-25']);

      const dropped = await getJson(t.app, `${MOVERS}?chart=hashtag&country_code=GB&direction=dropped&since=1&limit=100`, key);
      expect(dropped.body.data.latest_date).toBe('2026-11-26');
      expect(dropped.body.data.list).toEqual([]);
      // What the window does show still moves against the whole day before.
      const moved = await Promise.all(
        ['rising', 'falling'].map(async (direction) => (await getJson(t.app, `${MOVERS}?chart=hashtag&country_code=GB&direction=${direction}&since=1`, key)).body.data.list),
      );
      const before = new Map(first.map((i) => [i.hashtag_id, i.rank]));
      const expected = top5.filter((i) => before.get(i.hashtag_id) !== undefined && before.get(i.hashtag_id) !== i.rank);
      expect(moved.flat().length).toBe(expected.length);
    } finally {
      await t.close();
      await simulator.close();
    }
  });
});

describe.each(storeKinds)('one day of a chart that changes within the day, on %s', (kind) => {
  const clock = new ManualClock(Date.parse('2026-11-25T09:00:00Z'));
  const chart = new ScriptedChart();
  let database: TestDatabase;
  let t: HistoryApp;
  let key: string;

  beforeAll(async () => {
    database = await historyDatabase(kind);
    t = await historyApp({ sources: [chart], clock, databaseUrl: database.url });
    ({ apiKey: key } = await caller(t.services));
  });
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  async function read(day: string, at: string, query: string): Promise<void> {
    clock.set(Date.parse(`${day}T${at}:00Z`));
    const { res } = await getJson(t.app, `${FLAGSHIP}?country_code=US&${query}`, key);
    expect(res.statusCode).toBe(200);
    await t.services.history.flush();
  }

  it('a later answer replaces the ranks it shows: an entry gone from them is gone from the day', async () => {
    chart.names = ['a', 'b', 'c', 'd', 'e'];
    await read('2026-11-25', '09:00', 'limit=20');
    chart.names = ['a', 'b', 'c', 'd', 'f'];
    await read('2026-11-25', '15:00', 'limit=20');
    expect(await storedDay(t, '2026-11-25')).toEqual(['1:a', '2:b', '3:c', '4:d', '5:f']);
    const { res } = await getJson(t.app, `${HISTORY}?hashtag_name=e&country_code=US&days=1`, key);
    expect(res.statusCode).toBe(404);
  });

  it('windows seen at different times add up, and a re-seen window replaces only its own ranks', async () => {
    chart.names = Array.from({ length: 40 }, (_, i) => `n${i + 1}`);
    await read('2026-11-26', '09:00', 'limit=20');
    await read('2026-11-26', '11:00', 'limit=20&page=2');
    expect(await storedDay(t, '2026-11-26')).toEqual(chart.names.map((name, i) => `${i + 1}:${name}`));
    // n5 leaves the chart and n30 climbs into page 1: page 1 seen again, page 2 not.
    chart.names = ['n1', 'n2', 'n3', 'n4', 'n30', ...chart.names.slice(5, 20), 'n21'];
    await read('2026-11-26', '15:00', 'limit=20');
    const stored = await storedDay(t, '2026-11-26');
    expect(stored.slice(0, 20)).toEqual(chart.names.slice(0, 20).map((name, i) => `${i + 1}:${name}`));
    expect(stored).not.toContain('5:n5');
    expect(stored.filter((e) => e.endsWith(':n30'))).toEqual(['5:n30']);
    // Page 2 as seen at 11:00, but for n30, which the later answer placed.
    expect(stored.slice(20)).toEqual(['21:n21', ...Array.from({ length: 19 }, (_, i) => `${i + 22}:n${i + 22}`).filter((e) => e !== '30:n30')]);
  });

  it('finds names beyond ASCII whatever their case', async () => {
    chart.names = ['Été', 'Москва', 'Straße', 'plain'];
    await read('2026-11-27', '09:00', 'limit=20');
    for (const [asked, found] of [['été', 'Été'], ['ÉTÉ', 'Été'], ['москва', 'Москва'], ['Москва', 'Москва'], ['straße', 'Straße'], ['PLAIN', 'plain']]) {
      const { res, body } = await getJson(t.app, `${HISTORY}?hashtag_name=${encodeURIComponent(asked as string)}&country_code=US&days=3`, key);
      expect([asked, res.statusCode, body.data.hashtag_name]).toEqual([asked, 200, found]);
    }
  });
});
