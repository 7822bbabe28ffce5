import type { UsageRequest, UsageRequestsPage } from './console-api.js';

/**
 * The request log's state: the rows shown, the cursor for older ones, and what is loading. `query`
 * names the filters the rows belong to, so a page that arrives after the filters changed is dropped.
 */
export interface RequestLogState {
  query: string;
  rows: UsageRequest[];
  /** null once the last page is shown (the "Load older requests" button goes away). */
  nextCursor: string | null;
  /** `first`: the first page of new filters is on its way; `older`: an older page is. */
  loading: 'first' | 'older' | null;
  error: string | null;
  /** Whether a first page has arrived for `query`. */
  loaded: boolean;
}

export type RequestLogAction =
  /** `keepRows`: the same filters again (Refresh), so the rows shown stay until the new page replaces them. */
  | { type: 'start'; query: string; keepRows?: boolean }
  | { type: 'older' }
  | { type: 'page'; query: string; page: Pick<UsageRequestsPage, 'requests' | 'next_cursor'>; append: boolean }
  | { type: 'failed'; query: string; message: string }
  | { type: 'blocked' };

export const initialRequestLog: RequestLogState = { query: '', rows: [], nextCursor: null, loading: null, error: null, loaded: false };

/** Appends a page, skipping rows already shown (a request recorded between two pages never shows twice). */
export function appendRows(rows: readonly UsageRequest[], more: readonly UsageRequest[]): UsageRequest[] {
  const seen = new Set(rows.map((r) => r.request_id));
  return [...rows, ...more.filter((r) => !seen.has(r.request_id))];
}

export function requestLogReducer(state: RequestLogState, action: RequestLogAction): RequestLogState {
  switch (action.type) {
    case 'start':
      if (action.keepRows) return { ...state, query: action.query, loading: 'first', error: null };
      return { query: action.query, rows: [], nextCursor: null, loading: 'first', error: null, loaded: false };
    case 'older':
      // Only one older page at a time, and only when there is one.
      if (state.loading !== null || state.nextCursor === null) return state;
      return { ...state, loading: 'older', error: null };
    case 'page':
      if (action.query !== state.query) return state;
      return {
        ...state,
        rows: action.append ? appendRows(state.rows, action.page.requests) : action.page.requests,
        nextCursor: action.page.next_cursor,
        loading: null,
        error: null,
        loaded: true,
      };
    case 'failed':
      if (action.query !== state.query) return state;
      // The rows already shown stay; the cursor stays too, so "Load older requests" can retry.
      return { ...state, loading: null, error: action.message };
    case 'blocked':
      // The filters cannot be sent (an invalid custom range): nothing is loading and nothing stale is shown.
      return initialRequestLog;
  }
}

/** What the log says about itself, for a polite live region. */
export function requestLogStatus(state: RequestLogState): string {
  if (state.loading === 'first') return state.rows.length > 0 ? 'Refreshing requests…' : 'Loading requests…';
  if (state.loading === 'older') return `Loading older requests… ${state.rows.length} shown so far.`;
  if (!state.loaded) return '';
  if (state.rows.length === 0) return 'No requests match these filters.';
  const count = `${state.rows.length} ${state.rows.length === 1 ? 'request' : 'requests'}`;
  return state.nextCursor === null ? `Showing all ${count}.` : `Showing the newest ${count}. Older requests can be loaded.`;
}
