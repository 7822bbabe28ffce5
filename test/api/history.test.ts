import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEndpoint } from '../../src/catalog/index.js';
import { ManualClock } from '../../src/clock.js';
import { utcDayOf } from '../../src/history/index.js';
import { US_BLINKING_HASHTAG, type SimulatorHandle } from '../../src/simulator/index.js';
import { storeKinds, type TestDatabase } from '../support/databases.js';
import { caller, DAY_MS, FLAGSHIP, getJson, HISTORY, historyApp, historyDatabase, historySimulator, MOVERS, NOON, type HashtagItem, type HistoryApp } from '../history/support.js';


interface ChartItem extends HashtagItem {
  video_views: number;
}

/** What a caller saw of the US hashtag chart on one day. */
interface Seen {
  day: string;
  list: ChartItem[];
}

describe.each(storeKinds)('fourteen days of three collected charts, then a day the upstream failed, on %s', (kind) => {
  const clock = new ManualClock(NOON);
  const seen: Seen[] = [];
  let simulator: SimulatorHandle;
  let database: TestDatabase;
  let t: HistoryApp;
  let key: string;
  let accountId: string;
  let failedDay: string;
  let callsOnFailedDay: number;

  beforeAll(async () => {
    simulator = await historySimulator('2024', clock);
    database = await historyDatabase(kind);
    t = await historyApp({
      simulator,
      clock,
      databaseUrl: database.url,
      config: { COLLECT: 'hashtag:US:7,song:US:7,creator:US', HISTORY_RETENTION_DAYS: 30 },
    });
    ({ apiKey: key, accountId } = await caller(t.services));
    const { collector } = t.services.history;
    for (let i = 0; i < 14; i++) {
      const outcomes = await collector.runDue();
      expect(outcomes?.map((o) => o.status)).toEqual(['collected', 'collected', 'collected']);
      // Ticks later in the day find every chart collected.
      expect(await collector.runDue()).toEqual([]);
      await t.services.history.flush();
      // The chart as a caller saw it that day (the collector's answer, from the cache).
      const { body } = await getJson(t.app, `${FLAGSHIP}?country_code=US&limit=100`, key);
      seen.push({ day: utcDayOf(clock.now()), list: body.data.data.list });
      clock.advance(DAY_MS);
    }
    failedDay = utcDayOf(clock.now());
    simulator.addFault({ fault: { kind: 'http_error', status: 503, body: 'text' } });
    simulator.resetStats();
    expect((await collector.runDue())?.map((o) => o.status)).toEqual(['failed', 'failed', 'failed']);
    callsOnFailedDay = simulator.stats().calls;
    // Backing off: the next tick makes no upstream call.
    expect(await collector.runDue()).toEqual([]);
    expect(simulator.stats().calls).toBe(callsOnFailedDay);
    simulator.clearFaults();
  }, 120_000);

  afterAll(async () => {
    await t.close();
    await simulator.close();
    await database.drop();
  });

  it('returns 14 points for a hashtag that stayed in the chart, and leaves the failed day out', async () => {
    const { res, body } = await getJson(t.app, `${HISTORY}?hashtag_name=%23Prom&country_code=US&days=15`, key);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-served-from']).toBe('history');
    expect(res.headers['x-upstream-source']).toBe('history');
    expect(res.headers['x-credits-charged']).toBe('8');
    const data = body.data;
    expect(data).toMatchObject({ hashtag_name: 'prom', country_code: 'US', period: 7, days: 15, retention_days: 30 });
    expect(data.points).toHaveLength(14);
    expect(data.covered_days).toEqual(seen.map((s) => s.day));
    expect(data.covered_days).not.toContain(failedDay);
    expect(data.points).toEqual(
      seen.map((s) => {
        const item = s.list.find((i) => i.hashtag_name === 'prom')!;
        return { date: s.day, rank: item.rank, publish_cnt: expect.any(Number), video_views: item.video_views };
      }),
    );
  });

  it('has a point exactly on the days a hashtag that left and came back was in the chart', async () => {
    const onChart = seen.filter((s) => s.list.some((i) => i.hashtag_name === US_BLINKING_HASHTAG));
    expect(onChart.length).toBeGreaterThan(0);
    expect(onChart.length).toBeLessThan(14);
    const { body } = await getJson(t.app, `${HISTORY}?hashtag_name=${US_BLINKING_HASHTAG}&country_code=US&days=15`, key);
    expect(body.data.covered_days).toHaveLength(14);
    expect(body.data.points.map((p: { date: string; rank: number }) => [p.date, p.rank])).toEqual(
      onChart.map((s) => [s.day, s.list.find((i) => i.hashtag_name === US_BLINKING_HASHTAG)!.rank]),
    );
  });

  it('finds the same hashtag by id', async () => {
    const prom = seen[0]!.list.find((i) => i.hashtag_name === 'prom')!;
    const { body } = await getJson(t.app, `${HISTORY}?hashtag_id=${prom.hashtag_id}&country_code=US&days=15`, key);
    expect(body.data).toMatchObject({ hashtag_id: prom.hashtag_id, hashtag_name: 'prom' });
    expect(body.data.points).toHaveLength(14);
  });

  describe('movers agree with a diff computed by hand from what callers saw', () => {
    // Today is the failed day: the latest stored day is the 14th, compared with the 7th (7 days before).
    const latest = () => seen[13]!;
    const base = () => seen[6]!;
    const ranks = (s: Seen) => new Map(s.list.map((i) => [i.hashtag_id, i]));

    async function movers(direction: string) {
      const { res, body } = await getJson(t.app, `${MOVERS}?chart=hashtag&country_code=US&direction=${direction}&since=7&limit=100`, key);
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-served-from']).toBe('history');
      expect(body.data).toMatchObject({ chart: 'hashtag', latest_date: latest().day, since_date: base().day, metric_name: 'video_views' });
      return body.data.list as Array<{ id: string; name: string; rank: number | null; previous_rank: number | null; rank_change: number | null; metric: number | null; previous_metric: number | null; sparkline: number[]; first_seen: string }>;
    }

    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

    it.each(['rising', 'falling'])('%s: every entry on both days that moved that way, biggest move first', async (direction) => {
      const now = ranks(latest());
      const before = ranks(base());
      const expected = [...now.values()]
        .filter((i) => before.has(i.hashtag_id))
        .map((i) => ({ id: i.hashtag_id, rank: i.rank, previous_rank: before.get(i.hashtag_id)!.rank, rank_change: before.get(i.hashtag_id)!.rank - i.rank }))
        .filter((m) => (direction === 'rising' ? m.rank_change > 0 : m.rank_change < 0));
      expect(expected.length).toBeGreaterThan(0);
      const list = await movers(direction);
      expect(byId(list.map(({ id, rank, previous_rank, rank_change }) => ({ id, rank, previous_rank, rank_change })))).toEqual(byId(expected));
      const changes = list.map((m) => Math.abs(m.rank_change!));
      expect(changes).toEqual([...changes].sort((a, b) => b - a));
      for (const m of list) {
        const item = now.get(m.id)!;
        expect(m.metric).toBe(item.video_views);
        expect(m.previous_metric).toBe(before.get(m.id)!.video_views);
      }
    });

    it('new: entries absent from the comparison day, with the first day each appeared and its sparkline', async () => {
      const before = ranks(base());
      const expected = latest().list.filter((i) => !before.has(i.hashtag_id));
      expect(expected.length).toBeGreaterThan(0);
      const list = await movers('new');
      expect(list.map((m) => m.id).sort()).toEqual(expected.map((i) => i.hashtag_id).sort());
      for (const m of list) {
        expect(m.previous_rank).toBeNull();
        expect(m.first_seen).toBe(seen.find((s) => s.list.some((i) => i.hashtag_id === m.id))!.day);
        const window = seen.slice(6, 14).flatMap((s) => s.list.filter((i) => i.hashtag_id === m.id).map((i) => i.rank));
        expect(m.sparkline).toEqual(window);
      }
    });

    it('dropped: entries absent from the latest day, ranked by where they stood', async () => {
      const now = ranks(latest());
      const expected = base().list.filter((i) => !now.has(i.hashtag_id));
      expect(expected.length).toBeGreaterThan(0);
      const list = await movers('dropped');
      expect(list.map((m) => [m.id, m.rank, m.previous_rank])).toEqual(
        expected.sort((a, b) => a.rank - b.rank).map((i) => [i.hashtag_id, null, i.rank]),
      );
    });
  });

  it('keeps songs and creators too', async () => {
    const { body } = await getJson(t.app, `${MOVERS}?chart=song&country_code=US&direction=new&since=1&limit=100`, key);
    expect(body.data.latest_date).toBe(seen[13]!.day);
    expect(body.data.since_date).toBe(seen[12]!.day);
    const creators = await getJson(t.app, `${MOVERS}?chart=creator&country_code=US&direction=rising&since=13`, key);
    expect(creators.body.data).toMatchObject({ period: null, since_date: seen[0]!.day, metric_name: 'follower_cnt' });
  });

  it.each(['tiktok-popular-trend-hashtag-history', 'tiktok-popular-trend-movers'])('%s answers each documented example with data for the US chart', async (operationId) => {
    const endpoint = findEndpoint(operationId)!;
    const base: Record<string, string> = { country_code: 'US' };
    // The hashtag is named by one of two optional params; the name's example stands in for "required".
    const named = (name: string) => endpoint.params[name]?.required === true || name === 'hashtag_name';
    for (const [name, def] of Object.entries(endpoint.params)) if (named(name)) base[name] = def.example!;
    const optional = Object.entries(endpoint.params).filter(([name, def]) => !named(name) && def.example !== undefined);
    for (const pairs of [base, ...optional.map(([name, def]) => ({ ...base, [name]: def.example! }))]) {
      const { res, body } = await getJson(t.app, `/api/v1${endpoint.path}?${new URLSearchParams(pairs)}`, key);
      expect(res.statusCode, JSON.stringify(pairs)).toBe(200);
      expect(() => endpoint.responseSchema.parse(body.data)).not.toThrow();
      const lists = Object.values(body.data as Record<string, unknown>).filter(Array.isArray);
      expect(lists.some((list) => list.length > 0), JSON.stringify(pairs)).toBe(true);
    }
  });

  it('answers the README examples with data', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const path of ['popular-trend/hashtag/history', 'popular-trend/movers']) {
      const search = new RegExp(`curl "\\$BASE/${path}(\\?[^"]*)"`).exec(readme)?.[1];
      expect(search, path).toBeDefined();
      const { res, body } = await getJson(t.app, `/api/v1/tiktok/${path}${search}`, key);
      expect(res.statusCode).toBe(200);
      expect(Object.values(body.data as Record<string, unknown>).filter(Array.isArray).some((list) => list.length > 0)).toBe(true);
    }
  });

  it('answers from the store alone: no upstream call, 8 credits', async () => {
    simulator.resetStats();
    const { res } = await getJson(t.app, `${MOVERS}?chart=hashtag&country_code=US`, key);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-credits-charged']).toBe('8');
    expect(simulator.stats().calls).toBe(0);
  });

  it('clamps days to the retention and says so', async () => {
    const { body } = await getJson(t.app, `${HISTORY}?hashtag_name=prom&country_code=US&days=9999`, key);
    expect(body.data.days).toBe(30);
    expect(body.data.notice).toMatch(/365 to 30.*HISTORY_RETENTION_DAYS/);
    expect(body.data.points).toHaveLength(14);
  });

  it('answers 404 naming a hashtag the chart never held, charging nothing', async () => {
    const before = await t.services.credits.snapshot(accountId);
    const { res, body } = await getJson(t.app, `${HISTORY}?hashtag_name=neverseen&country_code=US`, key);
    expect(res.statusCode).toBe(404);
    expect(body.data).toEqual({ error: 'resource_not_found', message: 'No hashtag "neverseen" in the hashtag chart for US, period 7 in the stored history.' });
    const after = await t.services.credits.snapshot(accountId);
    expect(after.balance).toBe(before.balance);
  });

  it('answers 400 naming the params when neither a name nor an id is given', async () => {
    const { res, body } = await getJson(t.app, `${HISTORY}?country_code=US`, key);
    expect(res.statusCode).toBe(400);
    expect(body.data.errors).toEqual([{ param: 'hashtag_name', message: 'or hashtag_id is required' }]);
  });

  it('answers 400 when both a name and an id are given, charging nothing', async () => {
    const before = await t.services.credits.snapshot(accountId);
    const { res, body } = await getJson(t.app, `${HISTORY}?hashtag_name=promdress&hashtag_id=123&country_code=US`, key);
    expect(res.statusCode).toBe(400);
    expect(body.data.errors).toEqual([{ param: 'hashtag_id', message: 'must not be given with hashtag_name: give one of them' }]);
    expect((await t.services.credits.snapshot(accountId)).balance).toBe(before.balance);
  });

  it("answers 400 naming a period the chart does not have, charging nothing", async () => {
    const before = await t.services.credits.snapshot(accountId);
    const { res, body } = await getJson(t.app, `${MOVERS}?chart=video&country_code=US&period=120`, key);
    expect(res.statusCode).toBe(400);
    expect(body.data.errors).toEqual([{ param: 'period', message: "the video chart's period must be one of 7, 30" }]);
    expect((await t.services.credits.snapshot(accountId)).balance).toBe(before.balance);
  });

  it('answers 400 naming a chart movers does not know', async () => {
    const { res, body } = await getJson(t.app, `${MOVERS}?chart=ads`, key);
    expect(res.statusCode).toBe(400);
    expect(body.data.errors[0].param).toBe('chart');
  });
});

describe.each(storeKinds)('rank movement on the TikTok One flagship, which gives none, on %s', (kind) => {
  const clock = new ManualClock(NOON);
  let simulator: SimulatorHandle;
  let database: TestDatabase;
  let t: HistoryApp;
  let key: string;

  beforeAll(async () => {
    simulator = await historySimulator('2026', clock);
    database = await historyDatabase(kind);
    t = await historyApp({ simulator, clock, databaseUrl: database.url });
    ({ apiKey: key } = await caller(t.services));
  });
  afterAll(async () => {
    await t.close();
    await simulator.close();
    await database.drop();
  });

  it('matches the previous UTC day\'s snapshot: 1 up, 2 same, 3 down, 4 new', async () => {
    const first = await getJson(t.app, `${FLAGSHIP}?country_code=US&limit=100`, key);
    expect(first.res.headers['x-upstream-adapter']).toBe('tiktok-one');
    const yesterday = first.body.data.data.list as ChartItem[];
    expect(yesterday).toHaveLength(100);
    // Nothing stored before: movement is left out, never invented.
    for (const item of yesterday) expect(item).not.toHaveProperty('rank_diff_type');
    await t.services.history.flush();

    clock.advance(DAY_MS);
    const second = await getJson(t.app, `${FLAGSHIP}?country_code=US&limit=100`, key);
    expect(second.res.headers['x-cache']).toBe('MISS');
    const today = second.body.data.data.list as ChartItem[];
    const before = new Map(yesterday.map((i) => [i.hashtag_id, i.rank]));
    const types = new Set<number>();
    for (const item of today) {
      const previous = before.get(item.hashtag_id);
      const expected =
        previous === undefined
          ? { rank_diff: null, rank_diff_type: 4 }
          : { rank_diff: Math.abs(previous - item.rank), rank_diff_type: previous > item.rank ? 1 : previous === item.rank ? 2 : 3 };
      expect({ name: item.hashtag_name, rank_diff: item.rank_diff, rank_diff_type: item.rank_diff_type }).toEqual({ name: item.hashtag_name, ...expected });
      types.add(expected.rank_diff_type);
    }
    expect([...types].sort()).toEqual([1, 2, 3, 4].filter((x) => types.has(x)));
    expect(types.has(4)).toBe(true);
  });

  it('leaves movement out where the previous day saw only part of the chart', async () => {
    clock.advance(DAY_MS);
    // Only ranks 1–20 are stored for this day …
    await getJson(t.app, `${FLAGSHIP}?country_code=GB&limit=20`, key);
    await t.services.history.flush();
    clock.advance(DAY_MS);
    // … so on the next day an entry below them cannot be called new.
    const { body } = await getJson(t.app, `${FLAGSHIP}?country_code=GB&limit=100`, key);
    const list = body.data.data.list as ChartItem[];
    const known = list.filter((i) => i.rank_diff_type !== undefined);
    expect(known.length).toBeGreaterThan(0);
    for (const item of known) expect(item.rank_diff_type).not.toBe(4);
    expect(list.some((i) => i.rank_diff_type === undefined)).toBe(true);
  });
});
