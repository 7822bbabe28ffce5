import { describe, expect, it } from 'vitest';
import {
  boundsInWords,
  checkScope,
  customSpanDays,
  defaultCustomDates,
  endpointOptions,
  fieldErrorsInWords,
  keyOptions,
  parseDay,
  requestsQuery,
  scopeQuery,
  type RequestFilter,
  withRange,
  type UsageScope,
} from './usage-query.js';

const scope = (over: Partial<UsageScope> = {}): UsageScope => ({ range: 'week', from: '', to: '', keyId: '', ...over });
const filter = (over: Partial<RequestFilter> = {}): RequestFilter => ({ status: '', endpoint: '', limit: 50, ...over });
const params = (q: string) => Object.fromEntries(new URLSearchParams(q));

describe('scopeQuery', () => {
  it('sends the named range alone', () => {
    expect(scopeQuery(scope())).toBe('range=week');
    expect(scopeQuery(scope({ range: 'period', from: '2026-01-01', to: '2026-01-02' }))).toBe('range=period');
  });
  it('sends custom dates as RFC 3339 instants at the start of each UTC day', () => {
    expect(params(scopeQuery(scope({ range: 'custom', from: '2026-03-01', to: '2026-03-31' })))).toEqual({
      range: 'custom',
      from: '2026-03-01T00:00:00Z',
      to: '2026-03-31T00:00:00Z',
    });
  });
  it('adds key_id only when a key is chosen', () => {
    expect(params(scopeQuery(scope({ keyId: 'key_01H' })))).toEqual({ range: 'week', key_id: 'key_01H' });
  });
});

describe('requestsQuery', () => {
  it('defaults to all statuses and endpoints, first page', () => {
    expect(requestsQuery(scope(), filter(), null)).toBe('range=week&limit=50');
  });
  it('adds status, endpoint and the cursor', () => {
    expect(params(requestsQuery(scope({ keyId: 'k1' }), filter({ status: '4xx', endpoint: 'tiktok-popular-trend-song', limit: 10 }), 'abc_-'))).toEqual({
      range: 'week',
      key_id: 'k1',
      limit: '10',
      status: '4xx',
      endpoint: 'tiktok-popular-trend-song',
      cursor: 'abc_-',
    });
  });
  it('keeps limit inside 1–100', () => {
    expect(params(requestsQuery(scope(), filter({ limit: 500 }), null)).limit).toBe('100');
    expect(params(requestsQuery(scope(), filter({ limit: 0 }), null)).limit).toBe('50');
    expect(params(requestsQuery(scope(), filter({ limit: -3 }), null)).limit).toBe('1');
  });
  it('encodes a cursor that needs it', () => {
    expect(requestsQuery(scope(), filter(), 'a+b=')).toContain('cursor=a%2Bb%3D');
  });
});

describe('checkScope', () => {
  const custom = (from: string, to: string) => checkScope(scope({ range: 'custom', from, to }));
  it('accepts named ranges without looking at dates', () => {
    expect(checkScope(scope({ range: 'month', from: 'junk' }))).toEqual({ ok: true });
  });
  it('accepts one day and exactly 93 days', () => {
    expect(custom('2026-01-10', '2026-01-10')).toEqual({ ok: true });
    expect(customSpanDays('2026-01-01', '2026-04-03')).toBe(93);
    expect(custom('2026-01-01', '2026-04-03')).toEqual({ ok: true });
  });
  it('refuses 94 days, saying how many', () => {
    const check = custom('2026-01-01', '2026-04-04');
    expect(check).toMatchObject({ ok: false, field: 'to' });
    expect(!check.ok && check.message).toBe('A custom range can cover at most 93 days; 2026-01-01 to 2026-04-04 covers 94 days. Move the dates closer together.');
  });
  it('refuses an end before the start', () => {
    const check = custom('2026-02-01', '2026-01-31');
    expect(check).toMatchObject({ ok: false, field: 'to' });
    expect(!check.ok && check.message).toMatch(/^The end date \(2026-01-31\) is before the start date \(2026-02-01\)/);
  });
  it('asks for missing or impossible dates', () => {
    expect(custom('', '2026-01-01')).toMatchObject({ ok: false, field: 'from', message: 'Choose a start date for the custom range.' });
    expect(custom('2026-01-01', '')).toMatchObject({ ok: false, field: 'to', message: 'Choose an end date for the custom range.' });
    expect(custom('2026-02-30', '2026-03-01')).toMatchObject({ ok: false, field: 'from' });
  });
  it('counts across a leap day', () => {
    expect(customSpanDays('2028-02-28', '2028-03-01')).toBe(3);
  });
});

describe('dates', () => {
  it('parses only real calendar days', () => {
    expect(parseDay('2026-01-31')).toBe(Date.UTC(2026, 0, 31));
    expect(parseDay('2026-13-01')).toBeNull();
    expect(parseDay('2026-1-1')).toBeNull();
  });
  it('says the days of a half-open answer range', () => {
    expect(boundsInWords('2026-02-25T00:00:00Z', '2026-03-04T00:00:00Z')).toBe('2026-02-25 – 2026-03-03 (UTC)');
    expect(boundsInWords('2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z')).toBe('2026-03-03 (UTC)');
    expect(boundsInWords('x', '2026-03-04T00:00:00Z')).toBe('');
  });
  it('starts Custom at the last 7 UTC days', () => {
    expect(defaultCustomDates(Date.UTC(2026, 2, 3, 23, 59))).toEqual({ from: '2026-02-25', to: '2026-03-03' });
  });
});

describe('withRange', () => {
  const now = Date.UTC(2026, 2, 3, 12);
  it('fills in the last 7 days the first time Custom is chosen', () => {
    expect(withRange(scope(), 'custom', now)).toEqual({ range: 'custom', from: '2026-02-25', to: '2026-03-03', keyId: '' });
  });
  it('keeps dates already chosen, and the key', () => {
    const chosen = scope({ range: 'day', from: '2026-01-01', to: '2026-01-05', keyId: 'k1' });
    expect(withRange(chosen, 'custom', now)).toEqual({ ...chosen, range: 'custom' });
    expect(withRange(chosen, 'month', now)).toEqual({ ...chosen, range: 'month' });
  });
});

describe('fieldErrorsInWords', () => {
  it('names the page’s controls, not the parameters', () => {
    expect(fieldErrorsInWords({ to: 'must not be before from' })).toBe('Please check: End date must not be before the start date.');
    expect(fieldErrorsInWords({ from: 'is required with range=custom', to: 'is required with range=custom' })).toBe(
      'Please check: Start date is required for a custom range; End date is required for a custom range.',
    );
    expect(fieldErrorsInWords({ to: 'a custom range spans at most 93 days' })).toBe('Please check: End date a custom range spans at most 93 days.');
  });
  it('is null without field errors', () => {
    expect(fieldErrorsInWords({})).toBeNull();
  });
});

describe('filter options', () => {
  it('groups catalog endpoints in catalog order, by operation id', () => {
    const endpoints = [
      { operationId: 'a', path: '/tiktok/a', group: 'Trends' },
      { operationId: 'k', path: '/tiktok/k', group: 'Keywords' },
      { operationId: 'b', path: '/tiktok/b', group: 'Trends' },
    ] as const;
    expect(endpointOptions(endpoints as never)).toEqual([
      { group: 'Trends', options: [{ value: 'a', label: '/tiktok/a' }, { value: 'b', label: '/tiktok/b' }] },
      { group: 'Keywords', options: [{ value: 'k', label: '/tiktok/k' }] },
    ]);
  });
  it('labels keys by masked key and name, with the status of keys that stopped', () => {
    expect(
      keyOptions([
        { id: 'k1', name: 'prod', masked_key: 'tl_live_AbCdEfGh…wxyz', status: 'active' },
        { id: 'k2', name: 'old', masked_key: 'tl_live_ZzZzZzZz…abcd', status: 'revoked' },
      ]),
    ).toEqual([
      { value: 'k1', label: 'tl_live_AbCdEfGh…wxyz — prod' },
      { value: 'k2', label: 'tl_live_ZzZzZzZz…abcd — old (revoked)' },
    ]);
  });
});
