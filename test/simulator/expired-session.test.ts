import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { INVALID_LOGIN_CODE, SIMULATED_SESSION_ID, startSimulator, type SimulatorHandle } from '../../src/simulator/index.js';
import { call, callOne, LOGGED_IN } from './helpers.js';

/**
 * A session that has expired (src/simulator/README.md § TikTok One (both eras)): its cookies are still
 * answered, as TikTok One answers an anonymous caller, and without `x-tt-agw-login: 1`.
 */

const clock = new ManualClock(Date.UTC(2026, 10, 25, 12, 0, 0));
const LIST = 'CreativeOne/KnowledgeAPI/GetHashtagList';
const DETAIL = 'CreativeOne/KnowledgeAPI/GetHashtagDetail';
const US_WEEK = { timeRange: 7, countryCode: 'US', page: 1, limit: 20 };
let sim: SimulatorHandle;

beforeAll(async () => {
  sim = await startSimulator({ clock });
});
afterAll(() => sim.close());
afterEach(() => sim.clearExpiredSessions());

const hashtags = () => callOne(sim, LIST, { body: US_WEEK, headers: LOGGED_IN });

describe('an expired session', () => {
  it('is answered as an anonymous caller: top 3, no login header, no detail; valid again once cleared', async () => {
    const id = (await hashtags()).json.items[0].hashtagID as string;
    sim.expireSession();
    expect(sim.expiredSessions).toEqual([SIMULATED_SESSION_ID]);

    const list = await hashtags();
    expect(list.status).toBe(200);
    expect(list.headers.get('x-tt-agw-login')).toBeNull();
    expect(list.json.items).toHaveLength(3);
    expect(list.json.pagination).toEqual({ page: 1, limit: 20, totalCount: 3, hasMore: false });
    const detail = await callOne(sim, DETAIL, { body: { hashtagID: id, timeRange: 7, countryCode: 'US' }, headers: LOGGED_IN });
    expect(detail.json).toEqual({ BaseResp: { StatusCode: INVALID_LOGIN_CODE, StatusMessage: 'InvalidLogin' } });

    sim.clearExpiredSessions();
    const again = await hashtags();
    expect(again.headers.get('x-tt-agw-login')).toBe('1');
    expect(again.json.pagination.totalCount).toBe(100);
  });

  it('is logged out on the legacy API too: Top Ads beyond page 1 are empty', async () => {
    const page2 = () => call(sim, 'top_ads/v2/list?page=2&limit=20', { nowMs: clock.now(), extra: { cookie: LOGGED_IN.cookie! } });
    expect((await page2()).json.data.materials).toHaveLength(20);
    sim.expireSession();
    expect((await page2()).json.data).toMatchObject({ materials: [], pagination: { total_count: 400 } });
  });

  it('can be named at start, and expired and cleared over the control surface', async () => {
    const lapsed = await startSimulator({ clock, expiredSessions: [SIMULATED_SESSION_ID] });
    try {
      const list = await callOne(lapsed, LIST, { body: US_WEEK, headers: LOGGED_IN });
      expect(list.json.pagination.totalCount).toBe(3);
    } finally {
      await lapsed.close();
    }

    const control = `${sim.url}/__simulator/sessions/expired`;
    expect((await fetch(control, { method: 'POST', body: JSON.stringify({ sessionid: SIMULATED_SESSION_ID }) })).status).toBe(200);
    expect(await (await fetch(`${sim.url}/__simulator`)).json()).toMatchObject({ expiredSessions: [SIMULATED_SESSION_ID] });
    expect((await hashtags()).json.pagination.totalCount).toBe(3);
    expect((await fetch(control, { method: 'DELETE' })).status).toBe(200);
    expect((await hashtags()).json.pagination.totalCount).toBe(100);
    expect((await fetch(control, { method: 'POST', body: JSON.stringify({ sessionid: '' }) })).status).toBe(400);
  });

  it('leaves other sessions alone', async () => {
    sim.expireSession('sim-session-2');
    expect((await hashtags()).headers.get('x-tt-agw-login')).toBe('1');
  });
});
