import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { storeKinds, type TestDatabase } from '../support/databases.js';
import { at, creativeCenterId, DAY, LATER_NAMES, PREVIOUS_DAY, legacyDatabase, PROM_WATCH, tiktokOneId } from '../store/legacy-history.js';
import { caller, FLAGSHIP, getJson, HISTORY, historyApp, historyDatabase, MOVERS, ScriptedChart } from './support.js';

interface MoverRow {
  id: string;
  name: string;
  rank: number | null;
  previous_rank: number | null;
  sparkline: number[];
}

describe.each(storeKinds)('an instance upgraded over a day both adapters stored under their own ids, on %s', (kind) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await historyDatabase(kind);
    await legacyDatabase(database.url);
  });
  afterEach(async () => {
    await database.drop();
  });

  it('answers each hashtag once a day, and a watch does not fire again for what it fired for that day', async () => {
    const clock = new ManualClock(at(16));
    const creativeCenter = new ScriptedChart('creative-center', creativeCenterId);
    const tiktokOne = new ScriptedChart('tiktok-one', tiktokOneId);
    const t = await historyApp({ sources: [creativeCenter, tiktokOne], clock, databaseUrl: database.url });
    try {
      const { apiKey: key, accountId } = await caller(t.services);

      // tag21: rank 25 the day before, rank 20 in the later page 1 that day; once a day.
      const { body: history } = await getJson(t.app, `${HISTORY}?hashtag_name=tag21&country_code=US&days=2`, key);
      expect(history.data.points.map((p: { date: string; rank: number }) => `${p.date}#${p.rank}`)).toEqual([`${PREVIOUS_DAY}#25`, `${DAY}#20`]);
      expect(history.data.covered_days).toEqual([PREVIOUS_DAY, DAY]);

      const movers = async (direction: string) =>
        (await getJson(t.app, `${MOVERS}?chart=hashtag&country_code=US&direction=${direction}&since=1&limit=100`, key)).body.data as { list: MoverRow[] };
      const rising = await movers('rising');
      expect(rising.list).toEqual([expect.objectContaining({ id: tiktokOneId('tag21'), name: 'tag21', rank: 20, previous_rank: 25, sparkline: [25, 20] })]);
      const falling = await movers('falling');
      expect(falling.list.length).toBeGreaterThan(0);
      for (const row of falling.list) expect(row.sparkline).toHaveLength(2);
      // The day lacks rank 21 (tag20 was never stored), so it cannot say what dropped out.
      expect((await movers('dropped')).list).toEqual([]);
      expect((await movers('new')).list.map((row) => row.name)).toEqual(['prom']);

      // A watch made now fires for prom on its first look; the one that fired before the upgrade does not again.
      const hook = await t.services.history.webhooks.create(accountId, new URL('http://127.0.0.1:9/upgraded'));
      const control = await t.services.history.watches.create(accountId, {
        kind: 'entry',
        chart: 'hashtag',
        country_code: 'US',
        period: 7,
        name: 'prom',
        top_n: null,
        endpoint_id: hook.endpoint.id,
      });
      tiktokOne.names = LATER_NAMES;
      creativeCenter.down = true;
      const { res } = await getJson(t.app, `${FLAGSHIP}?country_code=US&limit=20`, key);
      expect(res.headers['x-upstream-adapter']).toBe('tiktok-one');
      await t.services.history.flush();
      const deliveries = await t.services.store.db.selectFrom('webhook_deliveries').select(['watch_id', 'payload']).where('event_type', '=', 'watch.matched').execute();
      const firedFor = (watchId: string) =>
        deliveries.filter((d) => d.watch_id === watchId).map((d) => (JSON.parse(d.payload) as { match: { date: string; id: string } }).match).map((m) => `${m.date} ${m.id}`);
      expect(firedFor(control.id)).toEqual([`${DAY} ${tiktokOneId('prom')}`]);
      expect(firedFor(PROM_WATCH).sort()).toEqual([`${DAY} ${creativeCenterId('prom')}`, `${DAY} ${tiktokOneId('prom')}`]);
    } finally {
      await t.close();
    }
  });
});
