import { describe, expect, it } from 'vitest';
import { cellText, displayBody, displayCell, findList, findRecord, sparklinePath, tableColumns, trendOf, TRUNCATE_BYTES } from './response-view.js';

describe('displayBody', () => {
  it('pretty-prints small JSON', () => {
    expect(displayBody('{"a":1}', 7)).toEqual({ text: '{\n  "a": 1\n}', truncated: false, parsed: { a: 1 } });
  });
  it('truncates bodies over 1 MB', () => {
    const body = JSON.stringify({ s: 'x'.repeat(TRUNCATE_BYTES + 10) });
    const shown = displayBody(body, body.length);
    expect(shown.truncated).toBe(true);
    expect(shown.text.length).toBeLessThan(TRUNCATE_BYTES + 10);
  });
  it('shows non-JSON as it came', () => {
    expect(displayBody('<html>', 6)).toMatchObject({ text: '<html>', parsed: undefined });
  });
});

describe('findList', () => {
  it('finds the double-wrapped list', () => {
    const found = findList({ code: 200, data: { code: 0, data: { list: [{ a: 1 }], pagination: { page: 1 } } } });
    expect(found).toEqual({ path: 'data.data.list', items: [{ a: 1 }] });
  });
  it('is null without a list of objects', () => {
    expect(findList({ data: { ids: [1, 2] } })).toBeNull();
  });
});

describe('table helpers', () => {
  const item = { rank: 1, hashtag_name: 'prom', country_info: { id: 'US', value: 'United States' }, trend: [{ time: 1, value: 0.5 }], deep: { x: { y: 1 } } };
  it('picks displayable columns and leaves the trend to the sparkline', () => {
    expect(tableColumns([item])).toEqual(['rank', 'hashtag_name', 'country_info']);
    expect(cellText(item.country_info)).toBe('United States');
  });
  it('reads the trend curve', () => {
    expect(trendOf(item)).toEqual([{ time: 1, value: 0.5 }]);
    expect(trendOf({})).toBeNull();
  });
  it('draws a path across the width', () => {
    expect(sparklinePath([{ time: 1, value: 0 }, { time: 2, value: 1 }], 60, 20)).toBe('M0.0,19.0 L60.0,1.0');
  });
});

describe('curves and cells for people', () => {
  it('reads popularity_curve in seconds and movers sparklines by position', () => {
    expect(trendOf({ popularity_curve: [{ timestamp: 1776729600000, value: 3 }] })).toEqual([{ time: 1776729600, value: 3 }]);
    expect(trendOf({ sparkline: [4, 2] })).toEqual([{ time: 1, value: 4 }, { time: 2, value: 2 }]);
    expect(tableColumns([{ name: 'a', sparkline: [1, 2], popularity_curve: [] }])).toEqual(['name']);
  });
  it('formats cells by their key', () => {
    expect(displayCell('ctr', 0.88, 'en-US')).toBe('88%');
    expect(displayCell('video_views', 5336592219, 'en-US')).toBe('5,336,592,219');
    expect(displayCell('country_info', { id: 'US', value: 'United States' })).toBe('United States');
  });
  it('finds the record of a detail response', () => {
    expect(findRecord({ code: 200, msg: 'OK', data: { code: 0, msg: 'OK', data: { info: { a: 1, b: 'x', c: true, d: [] } } } })?.path).toBe('data.data.info');
  });
});
