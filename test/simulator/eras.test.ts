import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { runSimulatorCli, simulatorSummary, startSimulator, type SimulatorHandle } from '../../src/simulator/index.js';
import { call, callOne, LOGGED_IN } from './helpers.js';

const clock = new ManualClock(Date.UTC(2026, 10, 25, 12, 0, 0));
const now = clock.now();
const LIST = 'CreativeOne/KnowledgeAPI/GetHashtagList';
const US_WEEK = { timeRange: 7, countryCode: 'US', page: 1, limit: 20 };
let sim: SimulatorHandle;

beforeAll(async () => {
  sim = await startSimulator({ clock });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.setEra('2026');
  sim.setLongPeriod(120);
});

describe('eras', () => {
  it('starts in 2026 with the legacy mode deprecated-2026 by default', () => {
    expect(sim.era).toBe('2026');
    expect(sim.mode).toBe('deprecated-2026');
  });

  it('serves TikTok One in 2024 too, so its own operations can be explored there', async () => {
    sim.setEra('2024');
    const r = await callOne(sim, LIST, { body: US_WEEK, headers: LOGGED_IN });
    expect(r.status).toBe(200);
  });

  it('moves mode and era together', () => {
    sim.setMode('signed-2024');
    expect(sim.era).toBe('2024');
    sim.setEra('2026');
    expect(sim.mode).toBe('deprecated-2026');
    sim.setMode('legacy-2023');
    sim.setEra('2024');
    expect(sim.mode).toBe('legacy-2023');
  });

  it('takes the era from the mode when only the mode is given, and refuses a contradiction', async () => {
    const legacy = await startSimulator({ mode: 'signed-2024' });
    try {
      expect(legacy.era).toBe('2024');
    } finally {
      await legacy.close();
    }
    await expect(startSimulator({ era: '2026', mode: 'signed-2024' })).rejects.toThrow(/era/);
  });

  it('switches era over the control surface', async () => {
    const res = await fetch(`${sim.url}/__simulator/era`, { method: 'POST', body: JSON.stringify({ era: '2024' }) });
    expect(await res.json()).toEqual({ era: '2024', mode: 'signed-2024' });
    const state = (await (await fetch(`${sim.url}/__simulator`)).json()) as Record<string, unknown>;
    expect(state).toMatchObject({ era: '2024', mode: 'signed-2024', longPeriod: 120 });
    const bad = await fetch(`${sim.url}/__simulator/era`, { method: 'POST', body: JSON.stringify({ era: '2025' }) });
    expect(bad.status).toBe(400);
  });
});

describe('the legacy API in 2026', () => {
  it.each([
    'popular_trend/hashtag/list',
    'popular_trend/hashtag/detail?hashtag_name=prom',
    'popular_trend/sound/rank_list',
    'popular_trend/sound/detail?clip_id=1',
    'popular_trend/creator/list',
    'popular_trend/list',
    'script/keyword/list',
  ])('retires %s: HTTP 200 code 0, msg deprecated, empty data', async (path) => {
    const r = await call(sim, path, { nowMs: now });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ code: 0, msg: 'deprecated', data: {} });
  });

  it.each(['top_ads/v2/list?limit=3', 'top_ads/v2/filters', 'education/top_ads/list?limit=3', 'popular_trend/hashtag/filters'])(
    'keeps %s live',
    async (path) => {
      const r = await call(sim, path, { nowMs: now });
      expect(r.json.msg).toBe('OK');
      expect(Object.keys(r.json.data).length).toBeGreaterThan(0);
    },
  );

  it('serves the legacy trend lists again in 2024', async () => {
    sim.setEra('2024');
    const r = await call(sim, 'popular_trend/hashtag/list?limit=5', { nowMs: now });
    expect(r.json.msg).toBe('OK');
    expect(r.json.data.list).toHaveLength(5);
  });
});

describe('long period 90 or 120', () => {
  it('accepts 120 and refuses 90 by default', async () => {
    const ok = await callOne(sim, LIST, { body: { ...US_WEEK, timeRange: 120 }, headers: LOGGED_IN });
    expect(ok.json.items).toHaveLength(20);
    expect(ok.json.items[0].popularityCurve).toHaveLength(120);
    const refused = await callOne(sim, LIST, { body: { ...US_WEEK, timeRange: 90 }, headers: LOGGED_IN });
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({ code: 'InvalidRequest', message: expect.stringContaining('timeRange') });
  });

  it('accepts 90 and refuses 120 after setLongPeriod(90)', async () => {
    sim.setLongPeriod(90);
    expect(sim.longPeriod).toBe(90);
    const ok = await callOne(sim, LIST, { body: { ...US_WEEK, timeRange: 90 }, headers: LOGGED_IN });
    expect(ok.json.items[0].popularityCurve).toHaveLength(90);
    expect((await callOne(sim, LIST, { body: { ...US_WEEK, timeRange: 120 }, headers: LOGGED_IN })).json.code).toBe('InvalidRequest');
  });

  it('takes the long period from the options and the control surface', async () => {
    const ninety = await startSimulator({ clock, longPeriod: 90 });
    try {
      expect(ninety.longPeriod).toBe(90);
      await fetch(`${ninety.url}/__simulator/long-period`, { method: 'POST', body: JSON.stringify({ longPeriod: 120 }) });
      expect(ninety.longPeriod).toBe(120);
    } finally {
      await ninety.close();
    }
  });
});

describe('runSimulatorCli and the summary', () => {
  it('starts in the era asked and prints every adapter base and the session cookie', async () => {
    const legacy = await runSimulatorCli(['--era', '2024', '--long-period', '90']);
    try {
      expect(legacy.era).toBe('2024');
      expect(legacy.longPeriod).toBe(90);
      expect(legacy.tiktokOne).toEqual({ baseUrl: `${legacy.url}/`, usBaseUrl: `${legacy.url}/us/` });
      const { json, text } = simulatorSummary(legacy);
      expect(json).toMatchObject({
        era: '2024',
        adapters: { 'creative-center': legacy.baseUrl, 'tiktok-one': `${legacy.url}/`, 'tiktok-one-us': `${legacy.url}/us/` },
        session_cookie: LOGGED_IN.cookie,
      });
      expect(text).toContain(legacy.baseUrl);
      expect(text).toContain(`${legacy.url}/us/`);
      expect(text).toContain(LOGGED_IN.cookie);
    } finally {
      await legacy.close();
    }
  });

  it('defaults to 2026 and rejects an unknown era or long period', async () => {
    const current = await runSimulatorCli([]);
    try {
      expect(current.era).toBe('2026');
    } finally {
      await current.close();
    }
    await expect(runSimulatorCli(['--era', '2025'])).rejects.toThrow(/--era/);
    await expect(runSimulatorCli(['--long-period', '60'])).rejects.toThrow(/--long-period/);
  });
});
