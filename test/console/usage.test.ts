import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UsageEvent } from '../../src/usage/index.js';
import { storeKinds } from '../support/databases.js';
import { body, consoleHarness, START, type Agent, type Harness } from './harness.js';

const DAY = 86_400_000;
const TODAY = Date.UTC(2026, 10, 25);
const HASHTAG = 'tiktok-popular-trend-hashtag';
const KEYWORDS = 'tiktok-keyword-insights';

describe.each(storeKinds)('console usage on %s', (kind) => {
  let h: Harness;
  let agent: Agent;
  let keyA: { id: string; masked_key: string };
  let keyB: { id: string };
  let seq = 0;

  function event(over: Partial<UsageEvent>): UsageEvent {
    seq += 1;
    return {
      request_id: `req_${String(seq).padStart(6, '0')}`,
      time: START,
      account_id: agent.accountId!,
      key_id: keyA.id,
      operation_id: HASHTAG,
      canonical_query: `${HASHTAG}?limit=20&page=1&period=7`,
      status: 200,
      latency_ms: 20,
      credits: 8,
      overage_credits: 0,
      cache: 'MISS',
      upstream_source: 'simulator',
      ip: '198.51.100.7',
      user_agent: 'curl/8',
      source: 'api',
      ...over,
    };
  }

  // Every test here only reads: one server and one set of records serve them all.
  beforeAll(async () => {
    seq = 0;
    h = await consoleHarness(kind);
    agent = await h.signedUp();
    keyA = body(await agent.post('/keys', { name: 'a' })).data.key;
    keyB = body(await agent.post('/keys', { name: 'b' })).data.key;
    const other = await h.signedUp();
    const u = h.services.usage;
    u.record(event({ time: START, latency_ms: 10, cache: 'HIT' }));
    u.record(event({ time: START + 1, latency_ms: 30 }));
    u.record(event({ time: START + 2, status: 503, credits: 0, cache: null, latency_ms: 100 }));
    u.record(event({ time: START + 3, status: 400, credits: 0, cache: null, operation_id: KEYWORDS, canonical_query: `${KEYWORDS}?page=1`, key_id: keyB.id, source: 'playground' }));
    u.record(event({ time: START - 3 * DAY, latency_ms: 40 }));
    u.record(event({ time: START - 40 * DAY }));
    u.record(event({ time: START, account_id: other.accountId!, key_id: 'key_theirs' }));
    await u.flush();
  });
  afterAll(async () => {
    await h.close();
  });

  describe('GET usage/overview', () => {
    it('200 › totals for the billing period by default', async () => {
      const res = await agent.get('/usage/overview');
      expect(res.statusCode).toBe(200);
      expect(body(res).data).toEqual({
        from: '2026-11-25T00:00:00Z',
        to: '2026-11-26T00:00:00Z',
        requests: 4,
        successes: 2,
        errors: 2,
        credits: 16,
        overage_credits: 0,
        avg_latency_ms: 40,
        p95_latency_ms: 100,
        cache_hit_ratio: 0.5,
      });
    });

    it('200 › range=week reaches back 7 days; key_id narrows it', async () => {
      expect(body(await agent.get('/usage/overview?range=week')).data).toMatchObject({ from: '2026-11-19T00:00:00Z', requests: 5 });
      expect(body(await agent.get(`/usage/overview?range=week&key_id=${keyB.id}`)).data).toMatchObject({ requests: 1, errors: 1 });
    });

    it('200 › range=custom from/to, whole UTC days', async () => {
      const res = await agent.get('/usage/overview?range=custom&from=2026-10-01T00:00:00Z&to=2026-10-31T10:00:00Z');
      expect(body(res).data).toMatchObject({ from: '2026-10-01T00:00:00Z', to: '2026-11-01T00:00:00Z', requests: 1 });
    });

    it.each([
      ['range', 'range=year'],
      ['from', 'range=custom&to=2026-11-01T00:00:00Z'],
      ['to', 'range=custom&from=2026-11-01T00:00:00Z'],
      ['from', 'range=custom&from=yesterday&to=2026-11-01T00:00:00Z'],
      ['to', 'range=custom&from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z'],
      ['to', 'range=custom&from=2026-01-01T00:00:00Z&to=2026-04-04T00:00:00Z'],
    ])('400 › names %s (%s)', async (param, query) => {
      const res = await agent.get(`/usage/overview?${query}`);
      expect(res.statusCode).toBe(400);
      expect(body(res).data.errors[0].param).toBe(param);
    });

    it.each([
      ['from', 'range=custom&from=2026-02-30&to=2026-03-01'],
      ['from', 'range=custom&from=2026-02-29T00:00:00Z&to=2026-03-01T00:00:00Z'],
      ['to', 'range=custom&from=2026-04-01&to=2026-04-31T10:00:00Z'],
      ['to', 'range=custom&from=2026-10-01&to=2026-13-01'],
      ['from', 'range=custom&from=2026-10-01T24:00:00Z&to=2026-10-05'],
      ['from', 'range=custom&from=2026-10-01T10:60:00Z&to=2026-10-05'],
    ])('400 › names %s when it is no real date or time, not rolled over into the next (%s)', async (param, query) => {
      const res = await agent.get(`/usage/overview?${query}`);
      expect(res.statusCode).toBe(400);
      expect(body(res).data.errors).toEqual([{ param, message: 'must be an RFC 3339 date-time' }]);
    });

    it.each([
      ['a leap day', 'range=custom&from=2024-02-29&to=2024-03-01', '2024-02-29T00:00:00Z', '2024-03-02T00:00:00Z'],
      ['an offset', 'range=custom&from=2026-10-01T23:30:00-01:00&to=2026-10-03T00:30:00%2B01:00', '2026-10-02T00:00:00Z', '2026-10-03T00:00:00Z'],
      ['lower-case t and z', 'range=custom&from=2026-10-01t00:00:00z&to=2026-10-01t12:00:00.5z', '2026-10-01T00:00:00Z', '2026-10-02T00:00:00Z'],
    ])('200 › accepts %s', async (_, query, from, to) => {
      const res = await agent.get(`/usage/overview?${query}`);
      expect(res.statusCode).toBe(200);
      expect(body(res).data).toMatchObject({ from, to });
    });

    it('200 › a custom range of exactly 93 days is allowed', async () => {
      expect((await agent.get('/usage/overview?range=custom&from=2026-01-01T00:00:00Z&to=2026-04-03T00:00:00Z')).statusCode).toBe(200);
    });

    it('404 › resource_not_found for another account’s key_id', async () => {
      const other = await h.signedUp();
      const theirs = body(await other.post('/keys', { name: 'x' })).data.key;
      const res = await agent.get(`/usage/overview?key_id=${theirs.id}`);
      expect(res.statusCode).toBe(404);
      expect(body(res).data).toEqual({ error: 'resource_not_found' });
    });

    it('401 › without a session', async () => {
      expect((await h.agent().get('/usage/overview')).statusCode).toBe(401);
    });
  });

  describe('GET usage/endpoints', () => {
    it('200 › per operation, busiest first, with its path', async () => {
      const res = await agent.get('/usage/endpoints?range=day');
      expect(res.statusCode).toBe(200);
      expect(body(res).data.endpoints).toEqual([
        { operation_id: HASHTAG, path: '/tiktok/popular-trend/hashtag', requests: 3, successes: 2, errors: 1, credits: 16, avg_latency_ms: 46.7 },
        { operation_id: KEYWORDS, path: '/tiktok/keyword-insights', requests: 1, successes: 0, errors: 1, credits: 0, avg_latency_ms: 20 },
      ]);
    });

    it('400 › names range', async () => {
      expect(body(await agent.get('/usage/endpoints?range=1')).data.errors[0].param).toBe('range');
    });

    it('401 › without a session', async () => {
      expect((await h.agent().get('/usage/endpoints')).statusCode).toBe(401);
    });
  });

  describe('GET usage/timeseries', () => {
    it('200 › one entry per UTC day, zero-filled', async () => {
      const res = await agent.get('/usage/timeseries?range=week');
      expect(res.statusCode).toBe(200);
      const { days } = body(res).data;
      expect(days).toHaveLength(7);
      expect(days[0]).toEqual({ date: '2026-11-19', requests: 0, successes: 0, errors: 0, credits: 0 });
      expect(days[3]).toEqual({ date: '2026-11-22', requests: 1, successes: 1, errors: 0, credits: 8 });
      expect(days[6]).toEqual({ date: '2026-11-25', requests: 4, successes: 2, errors: 2, credits: 16 });
    });

    it('200 › range=month has 30 days', async () => {
      expect(body(await agent.get('/usage/timeseries?range=month')).data.days).toHaveLength(30);
    });

    it('400 › names to for a custom range over 93 days', async () => {
      const res = await agent.get('/usage/timeseries?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z');
      expect(res.statusCode).toBe(400);
      expect(body(res).data.errors).toEqual([{ param: 'to', message: 'a custom range spans at most 93 days' }]);
    });

    it('401 › without a session', async () => {
      expect((await h.agent().get('/usage/timeseries')).statusCode).toBe(401);
    });
  });

  describe('GET usage/requests', () => {
    it('200 › newest first with every field of docs/api-contract.md § Console API', async () => {
      const res = await agent.get('/usage/requests?range=day');
      expect(res.statusCode).toBe(200);
      const { requests, next_cursor } = body(res).data;
      expect(next_cursor).toBeNull();
      expect(requests).toHaveLength(4);
      expect(requests[0]).toEqual({
        request_id: 'req_000004',
        time: new Date(START + 3).toISOString(),
        operation_id: KEYWORDS,
        path: '/tiktok/keyword-insights',
        query: 'page=1',
        status: 400,
        latency_ms: 20,
        credits: 0,
        cache: null,
        upstream_source: 'simulator',
        key_id: keyB.id,
        masked_key: expect.stringMatching(/^tl_live_\w{8}…\w{4}$/),
        ip: '198.51.100.7',
        source: 'playground',
      });
      expect(requests[1].masked_key).toBe(keyA.masked_key);
    });

    it('200 › pages with a cursor', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await agent.get(`/usage/requests?range=week&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        const data = body(res).data;
        seen.push(...data.requests.map((r: any) => r.request_id));
        cursor = data.next_cursor;
      } while (cursor);
      expect(seen).toEqual(['req_000004', 'req_000003', 'req_000002', 'req_000001', 'req_000005']);
    });

    it.each([
      ['2xx', ['req_000002', 'req_000001']],
      ['4xx', ['req_000004']],
      ['5xx', ['req_000003']],
      ['503', ['req_000003']],
      ['404', []],
    ])('200 › status=%s filters', async (status, ids) => {
      const data = body(await agent.get(`/usage/requests?range=day&status=${status}`)).data;
      expect(data.requests.map((r: any) => r.request_id)).toEqual(ids);
    });

    it('200 › endpoint filters by operation id or path; key_id by key', async () => {
      const byId = body(await agent.get(`/usage/requests?range=day&endpoint=${KEYWORDS}`)).data.requests;
      const byPath = body(await agent.get('/usage/requests?range=day&endpoint=/tiktok/keyword-insights')).data.requests;
      expect(byId.map((r: any) => r.request_id)).toEqual(['req_000004']);
      expect(byPath).toEqual(byId);
      const byKey = body(await agent.get(`/usage/requests?range=day&key_id=${keyA.id}`)).data.requests;
      expect(byKey).toHaveLength(3);
    });

    it.each([
      ['0', 1],
      ['1000', 4],
    ])('200 › limit=%s is clamped', async (limit, count) => {
      expect(body(await agent.get(`/usage/requests?range=day&limit=${limit}`)).data.requests).toHaveLength(count);
    });

    it.each([
      ['limit', 'limit=1.5'],
      ['status', 'status=3xx'],
      ['status', 'status=ok'],
      ['endpoint', 'endpoint=tiktok-nope'],
      ['cursor', 'cursor=not-a-cursor'],
    ])('400 › names %s (%s)', async (param, query) => {
      const res = await agent.get(`/usage/requests?${query}`);
      expect(res.statusCode).toBe(400);
      expect(body(res).data.errors[0].param).toBe(param);
    });

    it('404 › resource_not_found for an unknown key_id', async () => {
      expect((await agent.get('/usage/requests?key_id=key_theirs')).statusCode).toBe(404);
    });

    it('401 › without a session', async () => {
      expect((await h.agent().get('/usage/requests')).statusCode).toBe(401);
    });
  });
});
