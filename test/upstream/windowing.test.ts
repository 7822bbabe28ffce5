import { describe, expect, it } from 'vitest';
import { fetchWindow, planWindow, type PageResult } from '../../src/upstream/windowing.js';

/** A fake upstream of `total` numbered items served `pageSize` at a time. */
function upstream(total: number, pageSize: number) {
  const calls: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetchPage = async (page: number): Promise<PageResult> => {
    calls.push(page);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, 1));
    inFlight--;
    const start = (page - 1) * pageSize;
    const items = Array.from({ length: Math.max(0, Math.min(pageSize, total - start)) }, (_, i) => start + i + 1);
    return { ok: true, items, total, requestId: `req-${page}` };
  };
  return { fetchPage, calls, maxInFlight: () => maxInFlight };
}

describe('planWindow (docs/api-contract.md § Pagination)', () => {
  it.each([
    // page, limit, U → first, last
    [1, 20, 50, 1, 1],
    [2, 25, 50, 1, 1],
    [2, 30, 50, 1, 2],
    [2, 40, 50, 1, 2],
    [3, 100, 20, 11, 15],
    [2, 25, 20, 2, 3],
    [10, 100, 50, 19, 20],
  ])('page %i limit %i over U=%i → upstream pages %i…%i', (page, limit, u, first, last) => {
    const plan = planWindow(page, limit, u);
    expect([plan.firstPage, plan.lastPage]).toEqual([first, last]);
    expect(plan.offset).toBe((page - 1) * limit);
  });
});

describe('fetchWindow', () => {
  it('slices one upstream page', async () => {
    const up = upstream(100, 50);
    const w = await fetchWindow({ page: 2, limit: 25, pageSize: 50, fetchPage: up.fetchPage });
    expect(up.calls).toEqual([1]);
    expect(w).toEqual({ ok: true, items: Array.from({ length: 25 }, (_, i) => 26 + i), total: 100, requestId: 'req-1' });
  });

  it('concatenates two upstream pages and passes the first page request id', async () => {
    const up = upstream(100, 50);
    const w = await fetchWindow({ page: 2, limit: 40, pageSize: 50, fetchPage: up.fetchPage });
    expect(up.calls.sort()).toEqual([1, 2]);
    expect(w.ok && w.items).toEqual(Array.from({ length: 40 }, (_, i) => 41 + i));
    expect(w.ok && w.requestId).toBe('req-1');
  });

  it('keeps at most 2 upstream pages in flight', async () => {
    const up = upstream(500, 20);
    const w = await fetchWindow({ page: 2, limit: 100, pageSize: 20, fetchPage: up.fetchPage });
    expect(up.calls).toEqual([6, 7, 8, 9, 10]);
    expect(up.maxInFlight()).toBe(2);
    expect(w.ok && w.items.length).toBe(100);
  });

  it('stops at a short page', async () => {
    const up = upstream(45, 20);
    const w = await fetchWindow({ page: 1, limit: 100, pageSize: 20, fetchPage: up.fetchPage });
    expect(up.calls).toEqual([1, 2, 3]);
    expect(w.ok && w.items).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
  });

  it('does not fetch pages past the reported total', async () => {
    const up = upstream(40, 20);
    const w = await fetchWindow({ page: 1, limit: 100, pageSize: 20, fetchPage: up.fetchPage, concurrency: 1 });
    expect(up.calls).toEqual([1, 2]);
    expect(w.ok && w.items.length).toBe(40);
  });

  it('gives an empty list when the offset is past the total', async () => {
    const up = upstream(100, 50);
    const w = await fetchWindow({ page: 10, limit: 20, pageSize: 50, fetchPage: up.fetchPage });
    expect(w).toEqual({ ok: true, items: [], total: 100, requestId: 'req-4' });
  });

  it('fails the window when any page fails', async () => {
    const w = await fetchWindow({
      page: 1,
      limit: 100,
      pageSize: 50,
      fetchPage: async (p) => (p === 2 ? { ok: false, failure: { kind: 'timeout' } } : { ok: true, items: Array(50).fill(0), total: 100 }),
    });
    expect(w).toEqual({ ok: false, failure: { kind: 'timeout' } });
  });
});
