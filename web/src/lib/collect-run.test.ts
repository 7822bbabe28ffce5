import { describe, expect, it } from 'vitest';
import { removalBlocked, runInWords, runShare, targetBody, targetPath } from './collect-run.js';
import type { CollectRun } from './console-api.js';

const run = (over: Partial<CollectRun> = {}): CollectRun => ({ running: false, started_at: null, finished_at: null, done: 0, total: 0, failed: 0, ...over });

describe('runInWords', () => {
  it('counts a run in progress', () => {
    expect(runInWords(run({ running: true, started_at: '2026-12-02T10:00:00Z', done: 3, total: 10, failed: 1 }))).toBe('Collecting: 3 of 10 charts done, 1 failed.');
  });
  it('says how the last run ended', () => {
    expect(runInWords(run({ finished_at: '2026-12-02T10:05:00Z', done: 1, total: 1 }))).toMatch(/^Last run finished .+ UTC: 1 of 1 chart done, 0 failed\.$/);
  });
  it('says when nothing has run', () => {
    expect(runInWords(run())).toBe('No collection has run since the server started.');
  });
});

describe('runShare', () => {
  it('is the part done, and 0 for an empty run', () => {
    expect(runShare(run({ done: 1, total: 4 }))).toBe(0.25);
    expect(runShare(run())).toBe(0);
  });
});

describe('targets', () => {
  it('URL-encodes the label in the DELETE path', () => {
    expect(targetPath({ label: 'hashtag:US:7' })).toBe('operator/collect/hashtag%3AUS%3A7');
  });
  it('blocks removing a target of the COLLECT setting, with the reason', () => {
    expect(removalBlocked({ origin: 'setting' })).toMatch(/COLLECT setting/);
    expect(removalBlocked({ origin: 'stored' })).toBeNull();
  });
  it('sends only what was given', () => {
    expect(targetBody({ chart: 'song', country_code: '', period: '' })).toEqual({ chart: 'song' });
    expect(targetBody({ chart: 'hashtag', country_code: ' GB ', period: '30' })).toEqual({ chart: 'hashtag', country_code: 'GB', period: 30 });
  });
});
