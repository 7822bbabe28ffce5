import { describe, expect, it } from 'vitest';
import type { Endpoint } from './catalog.js';
import { chartChoices, chartScope, limitInWords, MOVERS_OPERATION_ID, watchBody, watchRule, type WatchDraft } from './watches.js';

const draft = (over: Partial<WatchDraft> = {}): WatchDraft => ({
  kind: 'entry',
  chart: 'hashtag',
  country_code: '',
  period: '',
  name: '',
  top_n: '',
  min_change: '',
  endpoint_id: 'ep1',
  ...over,
});

describe('watchBody', () => {
  it('sends an entry watch with its name, leaving empty optional fields to the server defaults', () => {
    expect(watchBody(draft({ name: '#coffee', min_change: '5' }))).toEqual({ kind: 'entry', chart: 'hashtag', endpoint_id: 'ep1', name: '#coffee' });
  });
  it('sends numbers as numbers, and the country and period when given', () => {
    expect(watchBody(draft({ kind: 'rank_change', min_change: ' 10 ', top_n: '50', country_code: ' us ', period: '30', name: 'ignored' }))).toEqual({
      kind: 'rank_change',
      chart: 'hashtag',
      endpoint_id: 'ep1',
      country_code: 'us',
      period: 30,
      min_change: 10,
      top_n: 50,
    });
  });
  it('always sends top_n for a new-entry watch, so an empty one is refused on that field', () => {
    expect(watchBody(draft({ kind: 'new_entry' }))).toMatchObject({ kind: 'new_entry', top_n: '' });
    expect(watchBody(draft({ kind: 'new_entry', top_n: '10' }))).toMatchObject({ top_n: 10 });
  });
  it('keeps what is not a whole number as typed, for the server to name', () => {
    expect(watchBody(draft({ kind: 'rank_change', min_change: '2.5' }))).toMatchObject({ min_change: '2.5' });
  });
});

describe('watchRule', () => {
  const w = { name: null, top_n: null, min_change: null };
  it('says each kind in words', () => {
    expect(watchRule({ ...w, kind: 'entry', name: 'coffee' })).toBe('“coffee” enters the chart');
    expect(watchRule({ ...w, kind: 'entry', name: 'coffee', top_n: 10 })).toBe('“coffee” enters the top 10');
    expect(watchRule({ ...w, kind: 'new_entry', top_n: 20 })).toBe('Any new entry in the top 20');
    expect(watchRule({ ...w, kind: 'rank_change', min_change: 5 })).toBe('Any entry moves 5 or more places');
    expect(watchRule({ ...w, kind: 'rank_change', min_change: 5, top_n: 30 })).toBe('An entry in the top 30 moves 5 or more places');
  });
});

describe('chartScope and limitInWords', () => {
  it('names the defaults the server applies', () => {
    expect(chartScope(null, null)).toBe('all regions, default period');
    expect(chartScope('US', 7)).toBe('US, 7 days');
  });
  it('counts against the limit', () => {
    expect(limitInWords(3, 5, 'watch', 'watches')).toBe('3 of 5 watches');
    expect(limitInWords(0, 1, 'watch', 'watches')).toBe('0 of 1 watch');
  });
});

describe('chartChoices', () => {
  it("reads the charts and periods from the movers endpoint's params", () => {
    const movers = {
      operationId: MOVERS_OPERATION_ID,
      params: [
        { name: 'chart', enum: ['hashtag', 'song'] },
        { name: 'period', enum: [7, 30] },
      ],
    } as unknown as Endpoint;
    expect(chartChoices([movers])).toEqual({ charts: ['hashtag', 'song'], periods: ['7', '30'] });
    expect(chartChoices([])).toEqual({ charts: [], periods: [] });
  });
});
