import { describe, expect, it } from 'vitest';
import { buildCatalogJson } from '../../../src/api/openapi/index.js';
import { endpoints } from '../../../src/catalog/index.js';
import { HISTORY_OPERATION_ID, MOVERS_OPERATION_ID } from './history-view.js';
import { chartChoices, chartScope, limitInWords, noChartsInWords, watchBody, watchRule, type WatchDraft } from './watches.js';

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
  const CHARTS = ['hashtag', 'song', 'creator', 'video'];
  const PERIODS = ['7', '30', '120'];
  const catalog = (disabled: string[] = []) => buildCatalogJson({ endpoints, disabled });

  it("offers the charts and periods of catalog.json's `charts`, the names movers takes too", () => {
    const full = catalog();
    expect(chartChoices(full)).toEqual({ charts: CHARTS, periods: PERIODS });
    const movers = full.endpoints.find((e) => e.operationId === MOVERS_OPERATION_ID);
    expect(movers?.params.find((p) => p.name === 'chart')?.enum).toEqual(CHARTS);
  });

  it('still offers every chart when the operator switched movers off (DISABLED_ENDPOINTS)', () => {
    const noMovers = catalog([MOVERS_OPERATION_ID]);
    expect(noMovers.endpoints.some((e) => e.operationId === MOVERS_OPERATION_ID)).toBe(false);
    expect(chartChoices(noMovers)).toEqual({ charts: CHARTS, periods: PERIODS });
  });

  it('still offers every chart with history, movers and the chart endpoints all switched off: watches and collection need none of them', () => {
    const off = [MOVERS_OPERATION_ID, HISTORY_OPERATION_ID, 'tiktok-popular-trend-hashtag', 'tiktok-popular-trend-song', 'tiktok-popular-trend-creator', 'tiktok-popular-trend-video'];
    expect(chartChoices(catalog(off))).toEqual({ charts: CHARTS, periods: PERIODS });
    expect(noChartsInWords(chartChoices(catalog(off)), 'watch')).toBeNull();
  });

  it('lists each period once, in order, whichever charts take it (creators take none)', () => {
    const charts = [
      { chart: 'video', operationId: 'v', periods: [30, 7] },
      { chart: 'creator', operationId: 'c', periods: null },
      { chart: 'song', operationId: 's', periods: [120, 7] },
    ] as const;
    expect(chartChoices({ charts: charts as never })).toEqual({ charts: ['video', 'creator', 'song'], periods: ['7', '30', '120'] });
  });

  it('says why there is nothing to choose when the catalog lists no charts, instead of an empty picker', () => {
    const none = chartChoices({ charts: [] });
    expect(none).toEqual({ charts: [], periods: [] });
    expect(noChartsInWords(none, 'watch')).toBe("No chart to choose: this server's catalog (/api/v1/catalog.json) lists none, so there is nothing to watch.");
    expect(noChartsInWords(none, 'collect')).toMatch(/nothing to collect\.$/);
    // A catalog from before `charts` existed reads the same way.
    expect(chartChoices({} as never)).toEqual({ charts: [], periods: [] });
  });
});
