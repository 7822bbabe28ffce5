import { describe, expect, it } from 'vitest';
import type { UsageRequest } from './console-api.js';
import { appendRows, initialRequestLog, requestLogReducer, requestLogStatus, type RequestLogState } from './request-log.js';

const row = (id: string, status = 200): UsageRequest => ({
  request_id: id,
  time: '2026-01-01T00:00:00.000Z',
  operation_id: 'tiktok-popular-trend-hashtag',
  path: '/tiktok/popular-trend/hashtag',
  query: '',
  status,
  latency_ms: 3,
  credits: status < 300 ? 8 : 0,
  cache: null,
  upstream_source: null,
  key_id: 'k1',
  masked_key: 'tl_live_x…y',
  ip: '127.0.0.1',
  source: 'api',
});

const loaded = (rows: UsageRequest[], nextCursor: string | null, query = 'q1'): RequestLogState =>
  requestLogReducer(requestLogReducer(initialRequestLog, { type: 'start', query }), { type: 'page', query, page: { requests: rows, next_cursor: nextCursor }, append: false });

describe('requestLogReducer', () => {
  it('starts empty and loading, then shows the first page', () => {
    const started = requestLogReducer(loaded([row('old')], null), { type: 'start', query: 'q2' });
    expect(started).toMatchObject({ query: 'q2', rows: [], loading: 'first', loaded: false, nextCursor: null });
    expect(requestLogStatus(started)).toBe('Loading requests…');
    const shown = requestLogReducer(started, { type: 'page', query: 'q2', page: { requests: [row('a'), row('b')], next_cursor: 'c1' }, append: false });
    expect(shown).toMatchObject({ rows: [row('a'), row('b')], nextCursor: 'c1', loading: null, loaded: true });
    expect(requestLogStatus(shown)).toBe('Showing the newest 2 requests. Older requests can be loaded.');
  });

  it('appends older pages and stops at the last one', () => {
    let s = loaded([row('a')], 'c1');
    s = requestLogReducer(s, { type: 'older' });
    expect(s.loading).toBe('older');
    expect(requestLogReducer(s, { type: 'older' })).toBe(s);
    s = requestLogReducer(s, { type: 'page', query: 'q1', page: { requests: [row('b')], next_cursor: null }, append: true });
    expect(s.rows.map((r) => r.request_id)).toEqual(['a', 'b']);
    expect(s.nextCursor).toBeNull();
    expect(requestLogStatus(s)).toBe('Showing all 2 requests.');
    expect(requestLogReducer(s, { type: 'older' })).toBe(s);
  });

  it('drops a page or failure for filters that are no longer shown', () => {
    const s = requestLogReducer(loaded([row('a')], 'c1'), { type: 'start', query: 'q2' });
    expect(requestLogReducer(s, { type: 'page', query: 'q1', page: { requests: [row('z')], next_cursor: null }, append: false })).toBe(s);
    expect(requestLogReducer(s, { type: 'failed', query: 'q1', message: 'boom' })).toBe(s);
  });

  it('keeps the rows and the cursor when an older page fails, so it can be retried', () => {
    let s = requestLogReducer(loaded([row('a')], 'c1'), { type: 'older' });
    s = requestLogReducer(s, { type: 'failed', query: 'q1', message: 'The server could not be reached.' });
    expect(s).toMatchObject({ rows: [row('a')], nextCursor: 'c1', loading: null, error: 'The server could not be reached.' });
    expect(requestLogReducer(s, { type: 'older' })).toMatchObject({ loading: 'older', error: null });
  });

  it('shows nothing stale when the filters cannot be sent', () => {
    expect(requestLogReducer(loaded([row('a')], 'c1'), { type: 'blocked' })).toEqual(initialRequestLog);
  });

  it('keeps the rows shown while the same filters refresh, and allows no older page meanwhile', () => {
    const s = requestLogReducer(loaded([row('a')], 'c1'), { type: 'start', query: 'q1#2', keepRows: true });
    expect(s).toMatchObject({ query: 'q1#2', rows: [row('a')], nextCursor: 'c1', loading: 'first', loaded: true });
    expect(requestLogStatus(s)).toBe('Refreshing requests…');
    expect(requestLogReducer(s, { type: 'older' })).toBe(s);
    const next = requestLogReducer(s, { type: 'page', query: 'q1#2', page: { requests: [row('n'), row('a')], next_cursor: null }, append: false });
    expect(next.rows.map((r) => r.request_id)).toEqual(['n', 'a']);
  });

  it('says when nothing matches', () => {
    expect(requestLogStatus(loaded([], null))).toBe('No requests match these filters.');
    expect(requestLogStatus(loaded([row('a')], null))).toBe('Showing all 1 request.');
  });
});

describe('appendRows', () => {
  it('never shows a request twice', () => {
    expect(appendRows([row('a'), row('b')], [row('b'), row('c')]).map((r) => r.request_id)).toEqual(['a', 'b', 'c']);
  });
});
