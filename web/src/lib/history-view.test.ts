import { describe, expect, it } from 'vitest';
import type { Endpoint } from './catalog.js';
import {
  emptyMoversInWords,
  HISTORY_OPERATION_ID,
  historyEndpoints,
  historyForm,
  historySummary,
  MOVERS_OPERATION_ID,
  moversSummary,
  moversValues,
  noHistoryInWords,
  noMoversInWords,
  startingHistoryValues,
} from './history-view.js';

const param = (name: string, over: Record<string, unknown> = {}) => ({ name, required: false, prefill: false, ...over });
const history = {
  operationId: HISTORY_OPERATION_ID,
  params: [param('hashtag_name', { example: 'prom' }), param('hashtag_id'), param('country_code', { example: 'US' }), param('period', { enum: [7, 30, 120] }), param('days')],
} as unknown as Endpoint;

describe('historyForm', () => {
  it("keeps the page's four params in catalog order", () => {
    expect(historyForm(history).params.map((p) => p.name)).toEqual(['hashtag_name', 'country_code', 'period', 'days']);
  });
  it("starts with the catalog's example name and country, the rest at their defaults", () => {
    expect(startingHistoryValues(historyForm(history))).toEqual({ hashtag_name: 'prom', country_code: 'US', period: '', days: '' });
  });
});

describe('moversValues', () => {
  it('asks for the movers of the same hashtag chart over the same days', () => {
    expect(moversValues({ hashtag_name: 'prom', country_code: 'US', period: '30', days: '14' }, 'falling')).toEqual({ chart: 'hashtag', country_code: 'US', period: '30', since: '14', direction: 'falling' });
  });
});

describe('historyEndpoints', () => {
  const movers = { operationId: MOVERS_OPERATION_ID, params: [] } as unknown as Endpoint;
  const served = (endpoint: Endpoint) => ({ endpoint, missing: null });

  it('finds both endpoints', () => {
    const parts = historyEndpoints({ endpoints: [movers, history], disabled: [] });
    expect(parts).toEqual({ history: served(history), movers: served(movers) });
    expect(noHistoryInWords(parts)).toBeNull();
    expect(noMoversInWords(parts.movers)).toBeNull();
  });

  it('keeps the history when the operator switched movers off, and says why there are no movers', () => {
    const parts = historyEndpoints({ endpoints: [history], disabled: [MOVERS_OPERATION_ID] });
    expect(parts).toEqual({ history: served(history), movers: { endpoint: null, missing: 'disabled' } });
    expect(noHistoryInWords(parts)).toBeNull();
    expect(noMoversInWords(parts.movers)).toBe('The operator switched movers off on this server, so only the rank history is drawn.');
    expect(noMoversInWords(historyEndpoints({ endpoints: [history], disabled: [] }).movers)).toBe('This server does not offer movers, so only the rank history is drawn.');
  });

  it('says why there is no history to draw: switched off, or not offered', () => {
    expect(noHistoryInWords(historyEndpoints({ endpoints: [movers], disabled: [HISTORY_OPERATION_ID] }))).toBe(
      'The operator switched hashtag history off on this server, so there is no rank to draw here; the movers of a chart are in the Playground.',
    );
    expect(noHistoryInWords(historyEndpoints({ endpoints: [], disabled: [HISTORY_OPERATION_ID, MOVERS_OPERATION_ID] }))).toBe(
      'The operator switched trend history off on this server (hashtag history and movers): there is nothing to draw here.',
    );
    expect(noHistoryInWords(historyEndpoints({ endpoints: [], disabled: [HISTORY_OPERATION_ID] }))).toBe(
      'The operator switched hashtag history off on this server, and it offers no movers: there is nothing to draw here.',
    );
    expect(noHistoryInWords(historyEndpoints({ endpoints: [], disabled: [MOVERS_OPERATION_ID] }))).toBe(
      'This server does not offer hashtag history, and the operator switched movers off: there is nothing to draw here.',
    );
    expect(noHistoryInWords(historyEndpoints({ endpoints: [], disabled: [] }))).toBe('This server does not offer trend history.');
  });
});

describe('answers', () => {
  it('summarises a history answer', () => {
    const body = { code: 200, data: { points: [{ date: '2026-04-19', rank: 4 }], covered_days: ['2026-04-19', '2026-04-20'], notice: 'days was cut to 30' } };
    expect(historySummary(body)).toEqual({ points: 1, coveredDays: 2, notice: 'days was cut to 30' });
    expect(historySummary({ code: 404, data: { error: 'resource_not_found' } })).toBeNull();
  });
  it('summarises a movers answer and says why it is empty', () => {
    const day = (d: string) => d;
    const none = moversSummary({ data: { list: [], since_date: null, latest_date: null } });
    expect(none).toEqual({ count: 0, sinceDate: null, latestDate: null });
    expect(emptyMoversInWords(none, 'rising', day)).toBe('History holds no day of this chart yet.');
    expect(emptyMoversInWords({ sinceDate: null, latestDate: '2026-04-21' }, 'rising', day)).toBe('History holds only 2026-04-21 of this chart: there is no earlier day to compare with yet.');
    expect(emptyMoversInWords({ sinceDate: '2026-04-14', latestDate: '2026-04-21' }, 'new', day)).toBe('No new hashtags between 2026-04-14 and 2026-04-21.');
    expect(moversSummary({ data: { list: [{}, {}], since_date: '2026-04-14', latest_date: '2026-04-21' } }).count).toBe(2);
  });
});
