import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { storeKinds, type TestDatabase } from '../support/databases.js';
import { caller, DAY_MS, FLAGSHIP, getJson, HISTORY, historyApp, historyDatabase, historySimulator, MOVERS, NOON, type HashtagItem } from './support.js';

/**
 * A day collected while the operator's TikTok One session had expired: TikTok One answered the
 * cookies as an anonymous caller (top 3, no `x-tt-agw-login: 1`), so history keeps that day as the
 * partial anonymous view it is, not as a whole chart of three.
 */
describe.each(storeKinds)('a day collected with an expired session, on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await historyDatabase(kind);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('holds the top 3 only: the day after the session is renewed calls none of the other 97 new', async () => {
    const clock = new ManualClock(NOON);
    const simulator = await historySimulator('2026', clock);
    // The same configured cookies all along: live, expired for a day, then valid again.
    const t = await historyApp({ simulator, clock, databaseUrl: database.url, config: { COLLECT: 'hashtag:US:7' } });
    try {
      const { apiKey } = await caller(t.services);
      const lists: HashtagItem[][] = [];
      for (const expired of [false, true, false]) {
        if (expired) simulator.expireSession();
        else simulator.clearExpiredSessions();
        expect((await t.services.history.collector.runDue())?.map((o) => [o.status, o.entries])).toEqual([['collected', expired ? 3 : 100]]);
        await t.services.history.flush();
        lists.push((await getJson(t.app, `${FLAGSHIP}?country_code=US&limit=100`, apiKey)).body.data.data.list);
        if (lists.length < 3) clock.advance(DAY_MS);
      }
      const [, expiredDay, today] = lists as [HashtagItem[], HashtagItem[], HashtagItem[]];
      const expiredTop = new Set(expiredDay.map((i) => i.hashtag_id));
      expect(expiredTop.size).toBe(3);
      // Entries the expired day held get their movement; the rest get none, never a guessed "new".
      for (const item of today) expect(item.rank_diff_type !== undefined).toBe(expiredTop.has(item.hashtag_id));
      expect(today.filter((i) => i.rank_diff_type === 4)).toEqual([]);

      const movers = await getJson(t.app, `${MOVERS}?chart=hashtag&country_code=US&direction=new&since=1&limit=100`, apiKey);
      expect(movers.body.data.list).toEqual([]);

      // The expired day cannot say a hashtag below its top 3 was off the chart.
      const tenth = today.find((i) => i.rank === 10) as HashtagItem;
      const history = await getJson(t.app, `${HISTORY}?hashtag_name=${tenth.hashtag_name}&country_code=US&days=3`, apiKey);
      expect(history.body.data.covered_days).toEqual(['2026-11-25', '2026-11-27']);
    } finally {
      await t.close();
      await simulator.close();
    }
  });
});
