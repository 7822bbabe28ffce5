import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { addDays, parseTarget, retryDelayMs, targetLabel, TargetError, utcDayOf } from '../../src/history/index.js';
import { startSimulator, type SimulatorHandle } from '../../src/simulator/index.js';
import type { TestDatabase } from '../support/databases.js';
import { postgresAvailable } from '../support/services.js';
import { DAY_MS, historyApp, historyDatabase, historySimulator, NOON, type HistoryApp } from './support.js';

const COLLECT = 'hashtag:US:7,song:US:7,creator:US';

describe.skipIf(!postgresAvailable)('collection across two instances sharing PostgreSQL', () => {
  const clock = new ManualClock(NOON);
  let simulator: SimulatorHandle;
  let database: TestDatabase;
  let a: HistoryApp;
  let b: HistoryApp;

  beforeAll(async () => {
    simulator = await historySimulator('2024', clock);
    database = await historyDatabase('postgres');
    a = await historyApp({ simulator, clock, databaseUrl: database.url, config: { COLLECT } });
    b = await historyApp({ simulator, clock, databaseUrl: database.url, config: { COLLECT } });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await simulator.close();
    await database.drop();
  });

  it('collects each chart once a day, whichever instance ticks', async () => {
    // What one collection of the three charts costs upstream, measured on instance A alone.
    simulator.resetStats();
    expect((await a.services.history.collector.runDue())?.map((o) => o.status)).toEqual(['collected', 'collected', 'collected']);
    const oneRun = simulator.stats().calls;
    expect(oneRun).toBeGreaterThanOrEqual(3);
    expect(await b.services.history.collector.runDue()).toEqual([]);
    expect(simulator.stats().calls).toBe(oneRun);

    for (let day = 1; day <= 3; day++) {
      clock.advance(DAY_MS);
      simulator.resetStats();
      const [fromA, fromB] = await Promise.all([a.services.history.collector.runDue(), b.services.history.collector.runDue()]);
      const collected = [...(fromA ?? []), ...(fromB ?? [])].filter((o) => o.status === 'collected');
      expect(collected).toHaveLength(3);
      expect(simulator.stats().calls).toBe(oneRun);
    }
    await a.services.history.flush();
    await b.services.history.flush();
    const runs = await a.services.store.db.selectFrom('collect_runs').select(['day', 'status', 'attempts']).execute();
    expect(runs).toHaveLength(12);
    expect(runs.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
    const days = await a.services.store.db.selectFrom('history_days').select('chart_key').execute();
    expect(days).toHaveLength(12);
  });
});

describe('collection settings and backoff', () => {
  it('names a bad COLLECT target', () => {
    expect(() => loadConfig({ COLLECT: 'hashtag:US:7,ads:US' })).toThrow(/COLLECT: "ads:US": the chart must be one of hashtag, song, creator, video/);
    expect(() => loadConfig({ COLLECT: 'song:XX' })).toThrow(/COLLECT: "song:XX": XX is not an ISO 3166-1 alpha-2 country code/);
    expect(() => loadConfig({ COLLECT: 'creator:US:7' })).toThrow(/the creator chart has no period/);
    expect(loadConfig({ COLLECT: 'hashtag:us:30, video' }).COLLECT).toBe('hashtag:us:30, video');
  });

  it('names every bad part of a target, the country also when the chart is unknown', () => {
    let thrown: unknown;
    try {
      parseTarget('videos:XX:9');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TargetError);
    expect((thrown as TargetError).problems.map((p) => p.part)).toEqual(['chart', 'country']);
    expect(() => parseTarget('video:US:120')).toThrow(/the video chart's period must be one of 7, 30/);
  });

  it('backs off 5 minutes after a first failure, doubling to at most 2 hours', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 10].map((n) => retryDelayMs(n) / 60_000)).toEqual([5, 10, 20, 40, 80, 120, 120, 120]);
  });
});

describe('trendlens collect', () => {
  let simulator: SimulatorHandle;
  let env: Record<string, string>;

  beforeAll(async () => {
    simulator = await startSimulator({ port: 0, era: '2024' });
    const database = await historyDatabase('sqlite');
    env = { DATABASE_URL: database.url, UPSTREAM_SIMULATOR_URL: simulator.url, COLLECT_PACING_MS: '0', COLLECT: 'song:GB' };
  });
  afterAll(async () => simulator.close());

  async function cli(argv: string[], tty = false) {
    const stdout = Object.assign(new PassThrough(), { isTTY: tty });
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (c: Buffer) => (out += c.toString()));
    stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await runCli(argv, env, { stdout, stderr });
    return { code, out, err };
  }

  it('adds, lists, runs with a progress bar, and removes targets', async () => {
    expect(await cli(['collect', 'add', 'hashtag:us:7'])).toMatchObject({ code: 0, out: expect.stringContaining('Collecting hashtag:US:7 once a day') });
    const listed = await cli(['collect', 'list', '--json']);
    expect(JSON.parse(listed.out).targets.map((t: { target: string; origin: string; today: string }) => [t.target, t.origin, t.today])).toEqual([
      ['song:GB:7', 'setting', 'pending'],
      ['hashtag:US:7', 'stored', 'pending'],
    ]);
    const run = await cli(['collect', 'run'], true);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/\r\x1b\[2K\[#{12}-{12}\] 1\/2 song:GB:7 collected \((9[0-9]|100)\)/);
    expect(run.out).toContain('\r\x1b[2K[########################] 2/2 hashtag:US:7 collected (100)\n');
    expect(run.out).toContain('Collected 2 of 2 charts.');
    const after = JSON.parse((await cli(['collect', 'list', '--json'])).out);
    expect(after.targets.every((t: { today: string; last_collected: string }) => t.today === 'done' && t.last_collected !== null)).toBe(true);
    expect((await cli(['collect', 'remove', 'hashtag:US:7'])).code).toBe(0);
    expect(await cli(['collect', 'remove', 'hashtag:US:7'])).toMatchObject({ code: 1, err: expect.stringContaining('hashtag:US:7 is not a stored target') });
  });

  it('refuses to add or remove a target of the COLLECT setting, or to add one twice, exiting 1 and changing nothing', async () => {
    const bySetting = 'song:GB:7 is collected by the COLLECT setting.';
    expect(await cli(['collect', 'add', 'song:gb:7'])).toMatchObject({ code: 1, err: expect.stringContaining(bySetting) });
    expect(JSON.parse((await cli(['collect', 'add', 'song:GB', '--json'])).out)).toEqual({ error: { code: 'refused', message: bySetting } });
    expect(await cli(['collect', 'remove', 'song:GB'])).toMatchObject({ code: 1, err: expect.stringContaining('song:GB:7 comes from the COLLECT setting; remove it there.') });
    expect(await cli(['collect', 'add', 'creator:GB'])).toMatchObject({ code: 0 });
    expect(await cli(['collect', 'add', 'creator:gb'])).toMatchObject({ code: 1, err: expect.stringContaining('creator:GB is collected already.') });
    expect((await cli(['collect', 'remove', 'creator:GB'])).code).toBe(0);
    // Nothing was stored for the setting's chart: only it remains, and there is nothing to remove.
    const listed = JSON.parse((await cli(['collect', 'list', '--json'])).out);
    expect(listed.targets.map((t: { target: string; origin: string }) => [t.target, t.origin])).toEqual([['song:GB:7', 'setting']]);
    expect((await cli(['collect', 'remove', 'song:GB:7'])).code).toBe(1);
  });

  it('prints no progress bar off a terminal', async () => {
    const run = await cli(['collect', 'run']);
    expect(run.out).not.toContain('[#');
    expect(run.out).toContain('Collected 1 of 1 charts.');
  });

  it('refuses a target it cannot collect, exiting 2', async () => {
    expect(await cli(['collect', 'add', 'ads:US'])).toMatchObject({ code: 2, err: expect.stringContaining('the chart must be one of hashtag, song, creator, video') });
    expect(await cli(['collect', 'add'])).toMatchObject({ code: 2, err: expect.stringContaining('collect add needs a target such as hashtag:US:7') });
  });
});

describe('the daily schedule on one instance', () => {
  const midnight = Date.UTC(2026, 10, 25);
  const clock = new ManualClock(midnight);
  let simulator: SimulatorHandle;
  let database: TestDatabase;
  let t: HistoryApp;

  beforeAll(async () => {
    simulator = await historySimulator('2024', clock);
    database = await historyDatabase('sqlite');
    t = await historyApp({ simulator, clock, databaseUrl: database.url, config: { COLLECT: 'hashtag:US:7', HISTORY_RETENTION_DAYS: 2 } });
  });
  afterAll(async () => {
    await t.close();
    await simulator.close();
    await database.drop();
  });

  it('waits for the chart\'s jitter into the day, then collects it once', async () => {
    simulator.resetStats();
    expect(await t.services.history.collector.runDue()).toEqual([]);
    expect(simulator.stats().calls).toBe(0);
    clock.set(midnight + 30 * 60_000);
    expect((await t.services.history.collector.runDue())?.map((o) => o.status)).toEqual(['collected']);
  });

  it('keeps HISTORY_RETENTION_DAYS days and deletes older ones', async () => {
    for (let i = 0; i < 3; i++) {
      clock.advance(DAY_MS);
      await t.services.history.collector.runDue();
      await t.services.history.flush();
    }
    const days = await t.services.store.db.selectFrom('history_days').select('day').orderBy('day').execute();
    expect(days.map((d) => d.day)).toEqual(['2026-11-27', '2026-11-28']);
    const entries = await t.services.store.db.selectFrom('history_entries').select('day').where('day', '<', '2026-11-27').execute();
    expect(entries).toEqual([]);
  });
});

describe('one chart written two ways, a run that fails after the day was collected, and a backoff past midnight', () => {
  const clock = new ManualClock(NOON);
  const startOf = (day: string) => Date.parse(`${day}T00:00:00Z`);
  let simulator: SimulatorHandle;
  let database: TestDatabase;
  let t: HistoryApp;
  const failUpstream = () => simulator.addFault({ fault: { kind: 'http_error', status: 503, body: 'text' } });

  beforeAll(async () => {
    simulator = await historySimulator('2024', clock);
    database = await historyDatabase('sqlite');
    t = await historyApp({ simulator, clock, databaseUrl: database.url, config: { COLLECT: 'hashtag:US:7,hashtag:US' } });
  });
  afterAll(async () => {
    await t.close();
    await simulator.close();
    await database.drop();
  });

  it('lists and collects the chart once', async () => {
    const { collector } = t.services.history;
    expect((await collector.targets()).map(targetLabel)).toEqual(['hashtag:US:7']);
    expect((await collector.runAll())?.map((o) => o.status)).toEqual(['collected']);
  });

  it('keeps the collected day when a later run fails: still done, not collected again', async () => {
    const { collector } = t.services.history;
    const today = utcDayOf(clock.now());
    // Past the cached answer's hour, so the run asks the failing upstream.
    clock.advance(2 * 3_600_000);
    failUpstream();
    try {
      expect((await collector.runAll())?.map((o) => o.status)).toEqual(['failed']);
    } finally {
      simulator.clearFaults();
    }
    const [state] = await collector.state();
    expect(state).toMatchObject({ lastCollected: today, today: 'done', latest: { day: today, status: 'done', error: null } });
    simulator.resetStats();
    expect(await collector.runDue()).toEqual([]);
    expect(simulator.stats().calls).toBe(0);
    expect(await collector.nextDueAt()).toBeGreaterThanOrEqual(startOf(addDays(today, 1)));
  });

  it('is next due at the new day\'s jitter, not at a backoff that ends after it', async () => {
    const { collector } = t.services.history;
    // 23:35 on the day after the one collected.
    const midnight = startOf(addDays(utcDayOf(clock.now()), 2));
    clock.set(midnight - 25 * 60_000);
    failUpstream();
    try {
      // Six failures before midnight: the next attempt would be 2 hours later, at 01:35.
      for (let i = 0; i < 6; i++) expect((await collector.runAll())?.map((o) => o.status)).toEqual(['failed']);
    } finally {
      simulator.clearFaults();
    }
    const due = (await collector.nextDueAt()) as number;
    expect(due).toBeGreaterThanOrEqual(midnight);
    expect(due).toBeLessThan(midnight + 30 * 60_000);
    // The scheduler agrees: nothing a minute before, the chart at that time.
    clock.set(due - 60_000);
    expect(await collector.runDue()).toEqual([]);
    clock.set(due);
    expect((await collector.runDue())?.map((o) => o.status)).toEqual(['collected']);
  });
});
