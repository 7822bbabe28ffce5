import { describe, expect, it } from 'vitest';
import { isPrivateAddress, matchesOf, movementOf, type StoredDay } from '../../src/history/index.js';
import type { WatchesTable } from '../../src/store/index.js';

/** A stored day from `[id, rank]` pairs. */
function day(entries: Array<[string, number]>, complete = true): StoredDay {
  return { day: '2026-11-25', complete, entries: new Map(entries.map(([id, rank]) => [id, { id, name: id, rank, metrics: {} }])) };
}

function watch(fields: Partial<WatchesTable>): WatchesTable {
  return {
    id: 'wat_1', account_id: 'acc', endpoint_id: 'whe', kind: 'entry', chart: 'hashtag', chart_key: 'k', country_code: 'US', period: 7,
    name: null, top_n: null, min_change: null, created_at: 0, ...fields,
  };
}

const ids = (matches: ReturnType<typeof matchesOf>) => matches.map((m) => [m.entry.id, m.entry.rank, m.previousRank]);

describe('rank movement against the previous day', () => {
  const previous = day([['a', 1], ['b', 2], ['c', 3]]);
  it.each([
    ['up', 'c', 1, { rank_diff: 2, rank_diff_type: 1 }],
    ['unchanged', 'b', 2, { rank_diff: 0, rank_diff_type: 2 }],
    ['down', 'a', 3, { rank_diff: 2, rank_diff_type: 3 }],
    ['new to a complete chart', 'z', 2, { rank_diff: null, rank_diff_type: 4 }],
  ])('%s', (_, id, rank, expected) => {
    expect(movementOf(rank, previous, id)).toEqual(expected);
  });

  it('says nothing about an entry missing from a day that saw part of the chart', () => {
    expect(movementOf(1, day([['a', 1]], false), 'z')).toBeNull();
  });
});

describe('watch matching', () => {
  const yesterday = day([['prom', 1], ['cats', 2], ['dogs', 3], ['tea', 4]]);
  const today = day([['cats', 1], ['prom', 2], ['new', 3], ['dogs', 4]]);

  it('entry: fires when the name enters the chart (or its top N), not while it stays', () => {
    expect(ids(matchesOf(watch({ kind: 'entry', name: 'NEW' }), today, yesterday))).toEqual([['new', 3, null]]);
    expect(matchesOf(watch({ kind: 'entry', name: 'prom' }), today, yesterday)).toEqual([]);
    expect(ids(matchesOf(watch({ kind: 'entry', name: 'cats', top_n: 1 }), today, yesterday))).toEqual([['cats', 1, 2]]);
    expect(ids(matchesOf(watch({ kind: 'entry', name: 'prom' }), today, undefined))).toEqual([['prom', 2, null]]);
  });

  it('entry: does not fire for a name missing from a previous day that held only part of the chart', () => {
    const top2 = day([['cats', 1], ['prom', 2]], false);
    expect(matchesOf(watch({ kind: 'entry', name: 'dogs' }), today, top2)).toEqual([]);
    expect(matchesOf(watch({ kind: 'entry', name: 'new', top_n: 3 }), today, top2)).toEqual([]);
    // A day holding every rank down to the cut does tell that the name was not in the top N.
    expect(ids(matchesOf(watch({ kind: 'entry', name: 'dogs', top_n: 4 }), today, day([['prom', 1], ['cats', 2], ['new', 3], ['tea', 4]], false)))).toEqual([['dogs', 4, null]]);
  });

  it('new_entry: every entry new to the top N, and only when the previous day covers the top N', () => {
    expect(ids(matchesOf(watch({ kind: 'new_entry', top_n: 3 }), today, yesterday))).toEqual([['new', 3, null]]);
    expect(ids(matchesOf(watch({ kind: 'new_entry', top_n: 1 }), today, yesterday))).toEqual([['cats', 1, 2]]);
    expect(matchesOf(watch({ kind: 'new_entry', top_n: 3 }), today, undefined)).toEqual([]);
    expect(matchesOf(watch({ kind: 'new_entry', top_n: 3 }), today, day([['prom', 1], ['cats', 2]], false))).toEqual([]);
  });

  it('rank_change: entries on both days that moved at least k places, within the top N', () => {
    expect(ids(matchesOf(watch({ kind: 'rank_change', min_change: 1 }), today, yesterday))).toEqual([['cats', 1, 2], ['prom', 2, 1], ['dogs', 4, 3]]);
    expect(matchesOf(watch({ kind: 'rank_change', min_change: 2 }), today, yesterday)).toEqual([]);
    expect(ids(matchesOf(watch({ kind: 'rank_change', min_change: 1, top_n: 1 }), today, yesterday))).toEqual([['cats', 1, 2]]);
  });
});

describe('webhook address check', () => {
  it.each(['127.0.0.1', '10.0.0.8', '172.31.255.1', '192.168.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '224.0.0.1'])(
    'refuses %s',
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );
  it.each(['8.8.8.8', '93.184.216.34', '2606:4700:4700::1111', '172.32.0.1'])('allows %s', (address) => expect(isPrivateAddress(address)).toBe(false));
});

describe('the history endpoints in the catalog documents', () => {
  it('are marked as served from history, with no upstream sources', async () => {
    const { buildCatalogJson, buildOpenApiDocument } = await import('../../src/api/openapi/index.js');
    const { endpoints } = await import('../../src/catalog/index.js');
    const catalog = buildCatalogJson({ endpoints, plans: [{ id: 'free' }] });
    const marked = catalog.endpoints.filter((e) => e.servedFrom === 'history').map((e) => [e.operationId, e.sources]);
    expect(marked).toEqual([
      ['tiktok-popular-trend-hashtag-history', []],
      ['tiktok-popular-trend-movers', []],
    ]);
    const doc = buildOpenApiDocument({ endpoints, serverUrl: 'http://x' }) as { paths: Record<string, { get: Record<string, unknown> }> };
    expect(doc.paths['/tiktok/popular-trend/movers']?.get['x-served-from']).toBe('history');
  });
});
