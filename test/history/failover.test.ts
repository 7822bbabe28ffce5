import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { storeKinds, type TestDatabase } from '../support/databases.js';
import { caller, DAY_MS, FLAGSHIP, getJson, HISTORY, historyApp, historyDatabase, MOVERS, NOON, ScriptedChart, type HashtagItem } from './support.js';

const NAMES = ['prom', ...Array.from({ length: 39 }, (_, i) => `tag${i + 2}`), 'fresh'];

/**
 * The chart served by both adapters, each under its own digit ids (the history endpoint takes digits),
 * the Creative Center asked first as the catalog orders them.
 */
function adapters(): { creativeCenter: ScriptedChart; tiktokOne: ScriptedChart; show(names: string[]): void } {
  const idOf = (lead: string) => (name: string) => `${lead}${String(NAMES.indexOf(name)).padStart(6, '0')}`;
  const creativeCenter = new ScriptedChart('creative-center', idOf('1'));
  const tiktokOne = new ScriptedChart('tiktok-one', idOf('7'));
  return {
    creativeCenter,
    tiktokOne,
    show(names) {
      creativeCenter.names = names;
      tiktokOne.names = names;
    },
  };
}

describe.each(storeKinds)('a hashtag chart served by the other adapter for a day, on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await historyDatabase(kind);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('keeps each hashtag one entry across the switch: movement, history, movers and watches', async () => {
    const clock = new ManualClock(NOON);
    const { creativeCenter, tiktokOne, show } = adapters();
    const t = await historyApp({ sources: [creativeCenter, tiktokOne], clock, databaseUrl: database.url, config: { COLLECT: 'hashtag:US:7' } });
    try {
      const { apiKey: key, accountId } = await caller(t.services);
      const hook = await t.services.history.webhooks.create(accountId, new URL('http://127.0.0.1:9/failover'));
      const common = { chart: 'hashtag', country_code: 'US', period: 7, endpoint_id: hook.endpoint.id } as const;
      await t.services.history.watches.create(accountId, { ...common, kind: 'entry', name: 'prom', top_n: null });
      await t.services.history.watches.create(accountId, { ...common, kind: 'new_entry', top_n: 10 });

      // Day 1 and day 2 the same 40 hashtags; day 3 one new hashtag at rank 5 pushes the rest down.
      const charts = [NAMES.slice(0, 40), NAMES.slice(0, 40), [...NAMES.slice(0, 4), 'fresh', ...NAMES.slice(4, 39)]];
      const served: Array<{ adapter: unknown; list: HashtagItem[] }> = [];
      for (const [i, names] of charts.entries()) {
        show(names);
        // Day 2: the Creative Center is unreachable, so TikTok One serves the chart under its own ids.
        creativeCenter.down = i === 1;
        expect((await t.services.history.collector.runDue())?.map((o) => o.status)).toEqual(['collected']);
        await t.services.history.flush();
        const { res, body } = await getJson(t.app, `${FLAGSHIP}?country_code=US&limit=100`, key);
        served.push({ adapter: res.headers['x-upstream-adapter'], list: body.data.data.list });
        if (i === 1) {
          const moved = await getJson(t.app, `${MOVERS}?chart=hashtag&country_code=US&direction=new&since=1&limit=100`, key);
          expect(moved.body.data.list).toEqual([]);
        }
        if (i < charts.length - 1) clock.advance(DAY_MS);
      }
      const [day1, day2, day3] = served as [(typeof served)[number], (typeof served)[number], (typeof served)[number]];
      expect([day1.adapter, day2.adapter, day3.adapter]).toEqual(['creative-center', 'tiktok-one', 'creative-center']);
      const promOf = (list: HashtagItem[]) => list.find((item) => item.hashtag_name === 'prom') as HashtagItem;
      expect([promOf(day1.list).hashtag_id, promOf(day2.list).hashtag_id]).toEqual(['1000000', '7000000']);

      // Movement: nothing moved from day 1 to day 2; on day 3 only "fresh" is new, and it pushed ranks 5+ down.
      expect(day2.list.map((item) => item.rank_diff_type)).toEqual(day2.list.map(() => 2));
      const fresh = day3.list.filter((item) => item.rank_diff_type === 4).map((item) => item.hashtag_name);
      expect(fresh).toEqual(['fresh']);
      expect(day3.list.filter((item) => item.rank_diff_type === 3).length).toBe(35);
      expect(promOf(day3.list)).toMatchObject({ hashtag_id: '1000000', rank_diff: 0, rank_diff_type: 2 });

      // History: a point on each day, found by name or by either adapter's id, each answer giving the id it was found by.
      for (const [query, id] of [['hashtag_name=PROM', '1000000'], ['hashtag_id=7000000', '7000000'], ['hashtag_id=1000000', '1000000']]) {
        const { body } = await getJson(t.app, `${HISTORY}?${query}&country_code=US&days=3`, key);
        expect(body.data.hashtag_id).toBe(id);
        expect(body.data.covered_days).toEqual(['2026-11-25', '2026-11-26', '2026-11-27']);
        expect(body.data.points.map((p: { date: string; rank: number }) => `${p.date}#${p.rank}`)).toEqual(['2026-11-25#1', '2026-11-26#1', '2026-11-27#1']);
      }

      // Movers against the day TikTok One served: one new hashtag, and who fell keeps its first day and its sparkline.
      const movers = async (direction: string) =>
        (await getJson(t.app, `${MOVERS}?chart=hashtag&country_code=US&direction=${direction}&since=1&limit=100`, key)).body.data;
      const added = await movers('new');
      expect(added.since_date).toBe('2026-11-26');
      expect(added.list.map((row: { id: string; name: string }) => `${row.name}:${row.id}`)).toEqual(['fresh:1000040']);
      const fell = await movers('falling');
      expect(fell.list.length).toBe(35);
      expect(fell.list.find((row: { name: string }) => row.name === 'tag5')).toMatchObject({
        id: '1000004',
        rank: 6,
        previous_rank: 5,
        first_seen: '2026-11-25',
        sparkline: [5, 6],
      });
      expect((await movers('dropped')).list.map((row: { name: string; id: string }) => `${row.name}:${row.id}`)).toEqual(['tag40:7000039']);

      // Watches: prom entered once, on day 1; the only hashtag new to the top 10 is "fresh", on day 3.
      const rows = await t.services.store.db.selectFrom('webhook_deliveries').select('payload').where('event_type', '=', 'watch.matched').execute();
      const matches = rows
        .map((row) => JSON.parse(row.payload) as { watch: { kind: string }; match: { date: string; name: string; previous_rank: number | null } })
        .map((p) => `${p.watch.kind} ${p.match.date} ${p.match.name} ${p.match.previous_rank}`)
        .sort();
      expect(matches).toEqual(['entry 2026-11-25 prom null', 'new_entry 2026-11-27 fresh null']);
    } finally {
      await t.close();
    }
  });

  it('stores a hashtag once a day when a window of the other adapter moved it out of an earlier window', async () => {
    const clock = new ManualClock(Date.parse('2026-12-01T09:00:00Z'));
    const { creativeCenter, tiktokOne, show } = adapters();
    const t = await historyApp({ sources: [creativeCenter, tiktokOne], clock, databaseUrl: database.url });
    try {
      const { apiKey: key } = await caller(t.services);
      show(NAMES.slice(0, 40));
      expect((await getJson(t.app, `${FLAGSHIP}?country_code=US&limit=20&page=2`, key)).res.headers['x-upstream-adapter']).toBe('creative-center');
      // At 15:00 TikTok One serves page 1, where tag21 has climbed to rank 20; page 2 is not seen again.
      clock.set(Date.parse('2026-12-01T15:00:00Z'));
      show([...NAMES.slice(0, 19), 'tag21', 'tag20', ...NAMES.slice(21, 40)]);
      creativeCenter.down = true;
      const { res } = await getJson(t.app, `${FLAGSHIP}?country_code=US&limit=20`, key);
      expect(res.headers['x-upstream-adapter']).toBe('tiktok-one');
      await t.services.history.flush();
      const { body } = await getJson(t.app, `${HISTORY}?hashtag_name=tag21&country_code=US&days=1`, key);
      expect(body.data.points.map((p: { date: string; rank: number }) => `${p.date}#${p.rank}`)).toEqual(['2026-12-01#20']);
    } finally {
      await t.close();
    }
  });
});
