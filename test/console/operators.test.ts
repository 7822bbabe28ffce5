import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { utcDayOf } from '../../src/history/index.js';
import type { SimulatorHandle } from '../../src/simulator/index.js';
import type { TestDatabase } from '../support/databases.js';
import { postgresAvailable } from '../support/services.js';
import { DAY_MS, historyApp, historyDatabase, historySimulator, NOON, type HistoryApp } from '../history/support.js';
import { Agent, body, PASSWORD, verifyAddress } from './harness.js';

const COLLECT = '/operator/collect';
const OPERATOR = 'ops@example.com';

/**
 * The pause a collection takes between two charts, held until the test releases it: a run stays in
 * progress exactly as long as the test needs, with no timing involved.
 */
class Gate {
  private waiting: Array<() => void> = [];
  private closed = false;
  private arrived: () => void = () => {};
  /** Resolves when a collection reaches a pause while the gate is closed. */
  reached: Promise<void> = Promise.resolve();

  /** Pauses from now on wait for `open`. */
  close(): void {
    this.closed = true;
    this.reached = new Promise((resolve) => (this.arrived = resolve));
  }
  open(): void {
    this.closed = false;
    this.waiting.splice(0).forEach((go) => go());
  }
  readonly sleep = (): Promise<void> => {
    if (!this.closed) return Promise.resolve();
    this.arrived();
    return new Promise((resolve) => this.waiting.push(resolve));
  };
}

async function signUp(app: HistoryApp, email: string): Promise<Agent> {
  const agent = new Agent(app.app);
  const res = await agent.post('/auth/sign-up', { email, password: PASSWORD, name: 'Op' });
  expect(res.statusCode).toBe(201);
  return agent;
}

/** A sign-up whose address is then verified: OPERATOR_EMAILS makes operators of proven addresses only. */
async function signUpVerified(app: HistoryApp, email: string): Promise<Agent> {
  const agent = await signUp(app, email);
  await verifyAddress(app.services, agent);
  return agent;
}

async function signIn(app: HistoryApp, email: string): Promise<Agent> {
  const agent = new Agent(app.app);
  expect((await agent.post('/auth/sign-in', { email, password: PASSWORD })).statusCode).toBe(200);
  return agent;
}

describe('the operator Console: collection targets, their state and "collect now" (SQLite)', () => {
  const clock = new ManualClock(NOON);
  const gate = new Gate();
  let simulator: SimulatorHandle;
  let database: TestDatabase;
  let t: HistoryApp;
  let ops: Agent;
  let user: Agent;

  beforeAll(async () => {
    simulator = await historySimulator('2024', clock);
    database = await historyDatabase('sqlite');
    t = await historyApp({
      simulator,
      clock,
      databaseUrl: database.url,
      config: { COLLECT: 'song:US:7', OPERATOR_EMAILS: [OPERATOR] },
      history: { pacingMs: 1, sleep: gate.sleep },
    });
    ops = await signUpVerified(t, OPERATOR);
    user = await signUpVerified(t, 'someone@example.com');
  });
  afterAll(async () => {
    gate.open();
    await t.close();
    await simulator.close();
    await database.drop();
  });

  it('says in /me who is an operator, without exposing the flag in the user', async () => {
    const mine = body(await ops.get('/me')).data;
    expect(mine.operator).toBe(true);
    expect(mine.user).not.toHaveProperty('is_operator');
    expect(body(await user.get('/me')).data.operator).toBe(false);
  });

  it('answers 401 signed out and 403 forbidden to a signed-in non-operator, changing nothing', async () => {
    expect((await new Agent(t.app).get(COLLECT)).statusCode).toBe(401);
    for (const res of [
      await user.get(COLLECT),
      await user.post(COLLECT, { chart: 'hashtag', country_code: 'US', period: 7 }),
      await user.send('DELETE', `${COLLECT}/song%3AUS%3A7`),
      await user.post(`${COLLECT}/run`),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(body(res)).toMatchObject({ code: 403, msg: 'Forbidden', data: { error: 'forbidden' } });
    }
    expect(await t.services.history.collector.targets()).toHaveLength(1);
    expect(t.services.history.backgroundRun.view().started_at).toBeNull();
  });

  it('needs the CSRF token on writes, like the other Console routes', async () => {
    const res = await ops.post(COLLECT, { chart: 'hashtag', country_code: 'US', period: 7 }, { csrf: null });
    expect(res.statusCode).toBe(403);
    expect(body(res).data.error).toBe('csrf_failed');
  });

  it('lists the setting\'s target, the schedule (off on an instance without the scheduler) and no run yet', async () => {
    const data = body(await ops.get(COLLECT)).data;
    expect(data).toEqual({
      targets: [{ label: 'song:US:7', chart: 'song', country_code: 'US', period: 7, origin: 'setting', last_day: null, last_status: null, last_error: null }],
      schedule: { enabled: false, next_run_at: null },
      run: { running: false, started_at: null, finished_at: null, done: 0, total: 0, failed: 0 },
    });
  });

  it('adds a target (201), refuses one that exists (409), and names each bad field (400)', async () => {
    const added = await ops.post(COLLECT, { chart: 'Hashtag', country_code: 'us', period: 7 });
    expect(added.statusCode).toBe(201);
    expect(body(added).data.target).toEqual({ label: 'hashtag:US:7', chart: 'hashtag', country_code: 'US', period: 7, origin: 'stored', last_day: null, last_status: null, last_error: null });

    for (const again of [{ chart: 'hashtag', country_code: 'US', period: 7 }, { chart: 'hashtag', country_code: 'US' }, { chart: 'song', country_code: 'US', period: 7 }]) {
      const res = await ops.post(COLLECT, again);
      expect(res.statusCode, JSON.stringify(again)).toBe(409);
      expect(body(res).data.error).toBe('conflict');
    }
    expect(body(await ops.post(COLLECT, { chart: 'song', country_code: 'US' })).data.message).toBe('song:US:7 is collected by the COLLECT setting.');

    const params = async (input: unknown) => {
      const res = await ops.post(COLLECT, input);
      expect(res.statusCode).toBe(400);
      return body(res).data.errors as Array<{ param: string; message: string }>;
    };
    expect(await params({ chart: 'ads', country_code: 'US' })).toEqual([{ param: 'chart', message: 'the chart must be one of hashtag, song, creator, video' }]);
    expect(await params({ chart: 'hashtag', country_code: 'XX', period: 9 })).toEqual([
      { param: 'country_code', message: 'XX is not an ISO 3166-1 alpha-2 country code' },
      { param: 'period', message: "the hashtag chart's period must be one of 7, 30, 120" },
    ]);
    expect(await params({ chart: 'creator', country_code: 'US', period: 7 })).toEqual([{ param: 'period', message: 'the creator chart has no period' }]);
    expect((await params({ country_code: 'US', period: '7' })).map((e) => e.param)).toEqual(['chart', 'period']);
    expect((await t.services.history.collector.targets()).map((x) => x.key.key)).toHaveLength(2);
  });

  it('removes a stored target by its URL-encoded label; 404 when absent, 400 for the setting\'s or a bad label', async () => {
    expect((await ops.post(COLLECT, { chart: 'creator', country_code: 'GB' })).statusCode).toBe(201);
    const removed = await ops.send('DELETE', `${COLLECT}/creator%3AGB`);
    expect(removed.statusCode).toBe(200);
    expect(body(removed).data).toEqual({ deleted: 'creator:GB' });
    const absent = await ops.send('DELETE', `${COLLECT}/creator%3AGB`);
    expect(absent.statusCode).toBe(404);
    expect(body(absent).data).toEqual({ error: 'resource_not_found', message: 'creator:GB is not collected.' });
    const setting = await ops.send('DELETE', `${COLLECT}/song%3AUS%3A7`);
    expect(setting.statusCode).toBe(400);
    expect(body(setting).data.errors).toEqual([{ param: 'label', message: 'song:US:7 comes from the COLLECT setting; remove it there' }]);
    const bad = await ops.send('DELETE', `${COLLECT}/ads%3AUS`);
    expect(bad.statusCode).toBe(400);
    expect(body(bad).data.errors).toEqual([{ param: 'label', message: 'the chart must be one of hashtag, song, creator, video' }]);
    expect((await t.services.history.collector.targets()).map((x) => x.origin)).toEqual(['setting', 'stored']);
  });

  it('collects every target in the background (202) with progress from the collector, one run at a time (409)', async () => {
    gate.close();
    const started = await ops.post(`${COLLECT}/run`);
    expect(started.statusCode).toBe(202);
    const { run } = body(started).data;
    expect(run).toEqual({ running: true, started_at: new Date(clock.now()).toISOString(), finished_at: null, done: 0, total: 2, failed: 0 });

    // Held between the two charts: the first is collected, the run is still going.
    await gate.reached;
    const during = body(await ops.get(COLLECT)).data;
    expect(during.run).toMatchObject({ running: true, done: 1, total: 2, failed: 0 });
    const second = await ops.post(`${COLLECT}/run`);
    expect(second.statusCode).toBe(409);
    expect(body(second).data).toEqual({ error: 'conflict', message: 'A collection is running on this or another instance; try again once it ends.' });
    // The scheduler's tick takes the same lock, so it skips while the run holds it.
    expect(await t.services.history.collector.runDue()).toBeNull();

    gate.open();
    await t.services.history.backgroundRun.idle();
    await t.services.history.flush();
    const after = body(await ops.get(COLLECT)).data;
    expect(after.run).toEqual({ running: false, started_at: run.started_at, finished_at: new Date(clock.now()).toISOString(), done: 2, total: 2, failed: 0 });
    const today = utcDayOf(clock.now());
    expect(after.targets.map((x: { label: string; last_day: string; last_status: string }) => [x.label, x.last_day, x.last_status])).toEqual([
      ['song:US:7', today, 'ok'],
      ['hashtag:US:7', today, 'ok'],
    ]);
    const stored = await t.services.store.db.selectFrom('history_days').select('chart_key').where('day', '=', today).execute();
    expect(stored).toHaveLength(2);
  });

  it('counts and shows a chart that failed, with its error', async () => {
    clock.advance(DAY_MS);
    simulator.addFault({ path: 'popular_trend/sound/rank_list', fault: { kind: 'http_error', status: 503, body: 'text' } });
    try {
      expect((await ops.post(`${COLLECT}/run`)).statusCode).toBe(202);
      await t.services.history.backgroundRun.idle();
    } finally {
      simulator.clearFaults();
    }
    const data = body(await ops.get(COLLECT)).data;
    expect(data.run).toMatchObject({ running: false, done: 2, total: 2, failed: 1 });
    const [song, hashtag] = data.targets;
    expect(song).toMatchObject({ label: 'song:US:7', last_day: utcDayOf(clock.now()), last_status: 'failed', last_error: expect.stringContaining('simulator') });
    expect(hashtag).toMatchObject({ last_status: 'ok', last_error: null });
  });

  it('shows the next scheduled collection once the scheduler runs', async () => {
    // Today: hashtag done, song failed and backing off 5 minutes.
    t.services.history.startScheduler();
    const { schedule } = body(await ops.get(COLLECT)).data;
    expect(schedule).toEqual({ enabled: true, next_run_at: new Date(clock.now() + 5 * 60_000).toISOString() });
  });
});

describe('OPERATOR_EMAILS marks an account that already exists when an instance starts', () => {
  const clock = new ManualClock(NOON);
  let simulator: SimulatorHandle;
  let database: TestDatabase;

  beforeAll(async () => {
    simulator = await historySimulator('2024', clock);
    database = await historyDatabase('sqlite');
  });
  afterAll(async () => {
    await simulator.close();
    await database.drop();
  });

  it('is not an operator before, and is after a start with the setting', async () => {
    const before = await historyApp({ simulator, clock, databaseUrl: database.url });
    try {
      const agent = await signUpVerified(before, 'late@example.com');
      expect(body(await agent.get('/me')).data.operator).toBe(false);
      expect((await agent.get(COLLECT)).statusCode).toBe(403);
    } finally {
      await before.close();
    }
    const after = await historyApp({ simulator, clock, databaseUrl: database.url, config: { OPERATOR_EMAILS: ['Late@Example.com'] } });
    try {
      const agent = await signIn(after, 'late@example.com');
      expect(body(await agent.get('/me')).data.operator).toBe(true);
      expect((await agent.get(COLLECT)).statusCode).toBe(200);
    } finally {
      await after.close();
    }
  });
});

describe.skipIf(!postgresAvailable)('"collect now" on two instances sharing PostgreSQL', () => {
  const clock = new ManualClock(NOON);
  const gate = new Gate();
  let simulator: SimulatorHandle;
  let database: TestDatabase;
  let a: HistoryApp;
  let b: HistoryApp;

  beforeAll(async () => {
    simulator = await historySimulator('2024', clock);
    database = await historyDatabase('postgres');
    const config = { COLLECT: 'hashtag:US:7,song:US:7', OPERATOR_EMAILS: [OPERATOR] };
    a = await historyApp({ simulator, clock, databaseUrl: database.url, config, history: { pacingMs: 1, sleep: gate.sleep } });
    b = await historyApp({ simulator, clock, databaseUrl: database.url, config });
  });
  afterAll(async () => {
    gate.open();
    await a.close();
    await b.close();
    await simulator.close();
    await database.drop();
  });

  it('answers 409 on the second instance while the first collects, and runs there once it is done', async () => {
    const onA = await signUpVerified(a, OPERATOR);
    const onB = await signIn(b, OPERATOR);
    gate.close();
    expect((await onA.post(`${COLLECT}/run`)).statusCode).toBe(202);
    await gate.reached;

    const refused = await onB.post(`${COLLECT}/run`);
    expect(refused.statusCode).toBe(409);
    expect(body(refused).data.error).toBe('conflict');
    expect(body(await onB.get(COLLECT)).data.run).toMatchObject({ running: false, started_at: null });

    gate.open();
    await a.services.history.backgroundRun.idle();
    expect(body(await onA.get(COLLECT)).data.run).toMatchObject({ running: false, done: 2, total: 2, failed: 0 });
    const again = await onB.post(`${COLLECT}/run`);
    expect(again.statusCode).toBe(202);
    await b.services.history.backgroundRun.idle();
    expect(body(await onB.get(COLLECT)).data.run).toMatchObject({ running: false, done: 2, total: 2 });
    // Both instances read the same targets and the same day's state from the database.
    expect(body(await onA.get(COLLECT)).data.targets.map((x: { last_status: string }) => x.last_status)).toEqual(['ok', 'ok']);
  });
});
