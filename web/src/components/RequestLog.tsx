import { useEffect, useId, useRef } from 'react';
import { formatNumber as num, formatTime as when } from '../lib/format.js';
import { requestLogStatus, type RequestLogState } from '../lib/request-log.js';
import { PAGE_SIZES, STATUS_CHOICES, type Option, type RequestFilter, type StatusChoice } from '../lib/usage-query.js';


/**
 * Recent requests, newest first, with their own filters (status class, endpoint, rows per page) and
 * "Load older requests" for the next page. Renders `state`; the page owns loading.
 */
export function RequestLog({
  state,
  filter,
  endpoints,
  endpointsError,
  onFilter,
  onOlder,
}: {
  state: RequestLogState;
  filter: RequestFilter;
  /** The endpoint filter's options from catalog.json, null while it loads. */
  endpoints: { group: string; options: Option[] }[] | null;
  endpointsError: string | null;
  onFilter: (filter: RequestFilter) => void;
  onOlder: () => void;
}) {
  const ids = { heading: useId(), status: useId(), endpoint: useId(), limit: useId(), endpointHint: useId() };
  const olderButton = useRef<HTMLButtonElement>(null);
  const tableWrap = useRef<HTMLDivElement>(null);
  /** Whether the button had the focus when pressed: disabling it while loading drops the focus, so it is given back. */
  const refocus = useRef(false);

  useEffect(() => {
    if (state.loading !== null || !refocus.current) return;
    refocus.current = false;
    if (document.activeElement !== document.body && document.activeElement !== null) return;
    (olderButton.current ?? tableWrap.current)?.focus();
  }, [state.loading, state.rows.length]);

  const older = () => {
    refocus.current = document.activeElement === olderButton.current;
    onOlder();
  };
  const status = requestLogStatus(state);

  return (
    <section className="panel" aria-labelledby={ids.heading} aria-busy={state.loading !== null}>
      <h2 id={ids.heading}>Recent requests</h2>
      <div className="filters">
        <div className="filter">
          <label htmlFor={ids.status}>Status</label>
          <select id={ids.status} value={filter.status} onChange={(e) => onFilter({ ...filter, status: e.target.value as StatusChoice })}>
            {STATUS_CHOICES.map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </div>
        <div className="filter filter-wide">
          <label htmlFor={ids.endpoint}>Endpoint</label>
          <select
            id={ids.endpoint}
            value={filter.endpoint}
            onChange={(e) => onFilter({ ...filter, endpoint: e.target.value })}
            disabled={endpoints === null}
            aria-describedby={endpoints === null ? ids.endpointHint : undefined}
          >
            <option value="">All endpoints</option>
            {endpoints?.map((g) => (
              <optgroup key={g.group} label={g.group}>
                {g.options.map((o) => (
                  <option key={o.value} value={o.value}>{o.label}</option>
                ))}
              </optgroup>
            ))}
          </select>
          {endpoints === null && (
            <p className={endpointsError ? 'hint error' : 'hint'} id={ids.endpointHint}>
              {endpointsError ? `The endpoint list could not be loaded: ${endpointsError}` : 'Loading the endpoint list…'}
            </p>
          )}
        </div>
        <div className="filter">
          <label htmlFor={ids.limit}>Rows per page</label>
          <select id={ids.limit} value={filter.limit} onChange={(e) => onFilter({ ...filter, limit: Number(e.target.value) })}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>{n}</option>
            ))}
          </select>
        </div>
      </div>

      <p aria-live="polite" className="hint" data-testid="request-log-status">{status}</p>
      {state.error && (
        <p role="alert" className="error">
          {state.error}
        </p>
      )}
      {state.rows.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Recent requests, scrollable" ref={tableWrap}>
          <table data-testid="recent-requests" className="stack">
            <thead>
              <tr>
                {['Time', 'Status', 'Endpoint', 'Latency', 'Credits', 'Key', 'Source'].map((h) => (
                  <th key={h} scope="col">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {state.rows.map((r) => (
                <tr key={r.request_id}>
                  <td data-label="Time">{when(r.time)}</td>
                  <td data-label="Status" className={r.status < 300 ? 'status-ok' : 'status-err'}>{r.status}</td>
                  <td data-label="Endpoint"><code>{r.path ?? r.operation_id}{r.query ? `?${r.query}` : ''}</code></td>
                  <td data-label="Latency">{num(r.latency_ms)} ms</td>
                  <td data-label="Credits">{r.credits}</td>
                  <td data-label="Key"><code>{r.masked_key ?? '—'}</code></td>
                  <td data-label="Source">{r.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {state.loaded && state.rows.length === 0 && (
        <p data-testid="no-requests">No requests match these filters in this range. Usage is recorded within a few seconds.</p>
      )}
      {state.nextCursor !== null && (
        <button type="button" ref={olderButton} onClick={older} disabled={state.loading !== null} className="load-older">
          {state.loading === 'older' ? 'Loading older requests…' : 'Load older requests'}
        </button>
      )}
    </section>
  );
}
