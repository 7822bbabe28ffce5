import { describe, expect, it } from 'vitest';
import { formatCell, formatCompact, formatDay, formatNumber, formatPercent, formatShortDay, formatTicks, formatTime, plural } from './format.js';

describe('format', () => {
  it('groups thousands in the given locale', () => {
    expect(formatNumber(5336592219, 'en-US')).toBe('5,336,592,219');
    expect(formatNumber(5336592219, 'de-DE')).toBe('5.336.592.219');
    expect(formatNumber(null)).toBe('—');
  });
  it('shortens for axes', () => {
    expect(formatCompact(5_336_592_219, 'en-US')).toBe('5.3B');
  });
  it('gives axis ticks the decimals that tell them apart, and no more', () => {
    expect(formatTicks([0.85, 0.9, 0.95, 1], 'en-US')).toEqual(['0.85', '0.9', '0.95', '1']);
    expect(formatTicks([1_000_000, 1_050_000, 1_100_000], 'en-US')).toEqual(['1M', '1.05M', '1.1M']);
    expect(formatTicks([0, 5_000, 10_000], 'en-US')).toEqual(['0', '5K', '10K']);
  });
  it('shows ratios as percentages', () => {
    expect(formatPercent(0.88, 'en-US')).toBe('88%');
    expect(formatPercent(0.0123, 'en-US')).toBe('1.23%');
  });
  it('writes every time in UTC with the zone named', () => {
    expect(formatTime('2026-12-02T02:05:09Z', 'en-GB')).toBe('2 Dec 2026, 02:05 UTC');
    expect(formatTime(null)).toBe('never');
  });
  it('writes days from ISO dates and Unix seconds alike', () => {
    expect(formatDay('2026-04-21', 'en-GB')).toBe('21 Apr 2026');
    expect(formatDay(1776729600, 'en-GB')).toBe('21 Apr 2026');
    expect(formatShortDay('2026-04-21', 'en-US')).toBe('Apr 21');
  });
  it('agrees plurals with their number', () => {
    expect(plural(1, 'error')).toBe('1 error');
    expect(plural(2, 'error', 'errors', 'en-US')).toBe('2 errors');
    expect(plural(1024, 'item', 'items', 'en-US')).toBe('1,024 items');
  });
  it('formats cells by what their key says they hold', () => {
    expect(formatCell('ctr', 0.88, 'en-US')).toBe('88%');
    expect(formatCell('video_views', 766182036, 'en-US')).toBe('766,182,036');
    expect(formatCell('hashtag_id', 4777, 'en-US')).toBe('4777');
    expect(formatCell('create_time', 1776729600, 'en-GB')).toBe('21 Apr 2026');
    expect(formatCell('hashtag_name', 'prom')).toBe('prom');
  });
});
