import type { UpstreamFailure } from './source.js';

/** The upstream pages that cover a caller's window (docs/api-contract.md § Pagination). */
export interface WindowPlan {
  offset: number;
  firstPage: number;
  lastPage: number;
}

/** offset = (page−1)·limit; upstream pages ⌊offset/U⌋+1 … ⌊(offset+limit−1)/U⌋+1 (docs/api-contract.md § Pagination). */
export function planWindow(page: number, limit: number, pageSize: number): WindowPlan {
  const offset = (page - 1) * limit;
  return {
    offset,
    firstPage: Math.floor(offset / pageSize) + 1,
    lastPage: Math.floor((offset + limit - 1) / pageSize) + 1,
  };
}

/** One upstream page, already reduced to its items and reported total. */
export type PageResult = { ok: true; items: unknown[]; total: number; requestId?: string } | { ok: false; failure: UpstreamFailure };

/** The caller's window: its items, the upstream total and the first page's request id. */
export type WindowResult = { ok: true; items: unknown[]; total: number; requestId?: string } | { ok: false; failure: UpstreamFailure };

export interface WindowRequest {
  page: number;
  limit: number;
  /** U: items the upstream serves per page. */
  pageSize: number;
  fetchPage(upstreamPage: number): Promise<PageResult>;
  /** Upstream pages in flight at once (docs/api-contract.md § Pagination: at most 2). */
  concurrency?: number;
}

/**
 * Fetches the upstream pages under a window in order, at most `concurrency` at a time, skipping pages
 * past a short page or past the reported total, then concatenates and slices. `offset ≥ total` is an
 * empty list, not an error (docs/api-contract.md § Pagination).
 */
export async function fetchWindow(req: WindowRequest): Promise<WindowResult> {
  const { offset, firstPage, lastPage } = planWindow(req.page, req.limit, req.pageSize);
  const results = new Map<number, { items: unknown[]; total: number; requestId?: string }>();
  let failure: UpstreamFailure | undefined;
  let endPage = Infinity;
  let knownTotal: number | undefined;
  let next = firstPage;

  const worker = async (): Promise<void> => {
    while (failure === undefined && next <= lastPage) {
      const upstreamPage = next++;
      if (upstreamPage > endPage) return;
      if (knownTotal !== undefined && (upstreamPage - 1) * req.pageSize >= knownTotal) return;
      const result = await req.fetchPage(upstreamPage);
      if (!result.ok) {
        failure ??= result.failure;
        return;
      }
      results.set(upstreamPage, result);
      knownTotal ??= result.total;
      if (result.items.length < req.pageSize) endPage = Math.min(endPage, upstreamPage);
    }
  };
  const workers = Math.max(1, Math.min(req.concurrency ?? 2, lastPage - firstPage + 1));
  await Promise.all(Array.from({ length: workers }, worker));
  if (failure !== undefined) return { ok: false, failure };

  const first = results.get(firstPage);
  if (!first) return { ok: false, failure: { kind: 'bad_response', detail: 'schema_mismatch', message: 'first page missing' } };
  const items: unknown[] = [];
  for (let p = firstPage; p <= lastPage; p++) {
    const result = results.get(p);
    if (!result) break;
    items.push(...result.items);
    if (result.items.length < req.pageSize) break;
  }
  const total = first.total;
  const start = offset - (firstPage - 1) * req.pageSize;
  const window = offset >= total ? [] : items.slice(start, start + req.limit);
  return { ok: true, items: window, total, requestId: first.requestId };
}
