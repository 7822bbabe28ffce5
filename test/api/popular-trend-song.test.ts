import { describe, expect, it } from 'vitest';
import { findEndpoint } from '../../src/catalog/index.js';
import {
  contractSuite,
  describeUpstreamFailures,
  expectCharged,
  expectDoubleWrapped,
  expectInvalid,
  expectUpstreamFailure,
  itClampsPaging,
} from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/popular-trend/song';
const UPSTREAM = 'popular_trend/sound/rank_list';
const endpoint = findEndpoint('tiktok-popular-trend-song')!;

const { t, call } = contractSuite(PATH);

type Sound = { clip_id: string; rank: number; rank_diff_type: number; if_cml: boolean; country_code: string; trend: unknown[] };
const sounds = (body: any): Sound[] => body.data.data.sound_list;

describe('200', () => {
  it('answers the default request with the double-wrapped chart its schema describes, charged 8', async () => {
    const reply = await call('');
    expectDoubleWrapped(reply, endpoint);
    expect(sounds(reply.body)).toHaveLength(20);
    expect(reply.body.data.data.pagination).toMatchObject({ page: 1, size: 20, has_more: true });
    expect(reply.body.data.data.pagination.total).toBeGreaterThanOrEqual(98);
  });

  itClampsPaging(call, [
    ['clamps page 0 to 1', '?page=0&limit=5', { page: 1, size: 5 }],
    ['clamps page 11 to 10', '?page=11&limit=5', { page: 10, size: 5 }],
    ['clamps limit 500 to 100', '?limit=500', { page: 1, size: 100 }],
    ['clamps limit 0 to 1', '?limit=0', { page: 1, size: 1 }],
    ['treats empty values as absent', '?page=&limit=', { page: 1, size: 20 }],
  ]);

  it('windows across upstream pages of 20: page 2 of limit 30 continues where page 1 ended', async () => {
    const first = sounds((await call('?page=1&limit=30')).body);
    const second = await call('?page=2&limit=30');
    expect(first.map((s) => s.rank)).toEqual(Array.from({ length: 30 }, (_, i) => 1 + i));
    expect(sounds(second.body).map((s) => s.rank)).toEqual(Array.from({ length: 30 }, (_, i) => 31 + i));
    expect(second.body.data.data.pagination).toMatchObject({ page: 2, size: 30, has_more: true });
  });

  it('ends the chart on the last window: has_more false and the rest of the total', async () => {
    const { body } = await call('?page=4&limit=30');
    const total = body.data.data.pagination.total as number;
    expect(sounds(body).map((s) => s.rank)).toEqual(Array.from({ length: total - 90 }, (_, i) => 91 + i));
    expect(body.data.data.pagination).toEqual({ page: 4, size: 30, total, has_more: false });
  });

  it('answers an empty, charged list past the end of the chart', async () => {
    const reply = await call('?page=10&limit=20');
    expect(reply.res.statusCode).toBe(200);
    expect(sounds(reply.body)).toEqual([]);
    expect(reply.body.data.data.pagination.has_more).toBe(false);
    expectCharged(reply);
  });

  it('defaults period 7, rank_type popular and both booleans false: the explicit form hits the same entry', async () => {
    await call('?limit=3');
    const { res } = await call('?limit=3&period=7&rank_type=popular&new_on_board=false&commercial_music=0');
    expect(res.headers['x-cache']).toBe('HIT');
  });

  it('serves another chart for rank_type=surging', async () => {
    const popular = sounds((await call('?limit=10')).body);
    const surging = sounds((await call('?limit=10&rank_type=surging')).body);
    expect(surging.map((s) => s.clip_id)).not.toEqual(popular.map((s) => s.clip_id));
  });

  it.each(['true', 'TRUE', '1', 'True'])('keeps only songs new to the chart with new_on_board=%s', async (value) => {
    const { res, body } = await call(`?new_on_board=${value}&limit=100`);
    expect(res.statusCode).toBe(200);
    expect(sounds(body).length).toBeGreaterThan(0);
    for (const s of sounds(body)) expect(s.rank_diff_type).toBe(4);
  });

  it('keeps only Commercial Music Library songs with commercial_music=1', async () => {
    const { body } = await call('?commercial_music=1&limit=100');
    expect(sounds(body).length).toBeGreaterThan(0);
    for (const s of sounds(body)) expect(s.if_cml).toBe(true);
  });

  it('widens the trend with period=30', async () => {
    const { body } = await call('?period=30&limit=100');
    const lengths = sounds(body).map((s) => s.trend.length);
    expect(Math.max(...lengths)).toBe(30);
  });

  it('upper-cases country_code and labels songs with it', async () => {
    const { body } = await call('?country_code=gb&limit=5');
    for (const s of sounds(body)) expect(s.country_code).toBe('GB');
  });

  it('answers 200 with an empty list for a country the upstream does not cover', async () => {
    const { res, body } = await call('?country_code=AQ');
    expect(res.statusCode).toBe(200);
    expect(sounds(body)).toEqual([]);
    expect(body.data.data.pagination).toMatchObject({ total: 0, has_more: false });
  });
});

describe('400', () => {
  it.each([
    ['period 14', '?period=14', 'period'],
    ['period 365 (hashtag detail only)', '?period=365', 'period'],
    ['rank_type breakout (the UI name, not the param value)', '?rank_type=breakout', 'rank_type'],
    ['new_on_board yes', '?new_on_board=yes', 'new_on_board'],
    ['commercial_music 2', '?commercial_music=2', 'commercial_music'],
    ['page 1.5', '?page=1.5', 'page'],
    ['limit 1e3', '?limit=1e3', 'limit'],
    ['country_code XX', '?country_code=XX', 'country_code'],
    ['a repeated rank_type', '?rank_type=popular&rank_type=surging', 'rank_type'],
  ])('rejects %s naming the param', async (_, query, param) => {
    expectInvalid(await call(query), [param]);
  });
});

describeUpstreamFailures({
  t,
  request: () => call(''),
  upstream: UPSTREAM,
  deprecatedIn2026: 'retired',
  more: () => {
    it('fails the whole window when only its second upstream page fails', async () => {
      expect((await call('?limit=20')).res.statusCode).toBe(200);
      t.simulator.addFault({ fault: { kind: 'http_error', status: 500, body: 'text' }, path: UPSTREAM });
      t.simulator.resetStats();
      expectUpstreamFailure(await call('?page=1&limit=30'), 502, { error: 'upstream_bad_response', detail: 'upstream_error' });
      // Upstream page 1 came from the adapter's page reuse; only page 2 was asked for (and retried once).
      expect(t.simulator.stats().byPath[UPSTREAM]).toBe(2);
    });
  },
});
