import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { BarChart } from '../../components/BarChart.js';
import { RequestLog } from '../../components/RequestLog.js';
import { UsageScopeControls } from '../../components/UsageScopeControls.js';
import { sharedCatalog, type Endpoint } from '../../lib/catalog.js';
import type { KeyView, UsageDay, UsageEndpoint, UsageOverview, UsageRequestsPage } from '../../lib/console-api.js';
import { formatNumber as num, formatPercent, plural } from '../../lib/format.js';
import { initialRequestLog, requestLogReducer } from '../../lib/request-log.js';
import {
  boundsInWords,
  checkScope,
  DEFAULT_PAGE_SIZE,
  endpointOptions,
  fieldErrorsInWords,
  keyOptions,
  requestsQuery,
  scopeQuery,
  type Option,
  type RequestFilter,
  type UsageScope,
} from '../../lib/usage-query.js';
import { api, ErrorText } from './shared.js';

const roundMs = (ms: number | null) => (ms === null ? null : Math.round(ms));

/** The catalog's endpoints for the request log's filter; the web app keeps no list of its own. */
const loadEndpoints = (): Promise<Endpoint[]> => sharedCatalog().then((c) => c.endpoints);

/** A usage route's failure in words: its field errors named as the page names its controls, else its message. */
const usageFailure = (r: { message: string; fields: Record<string, string> }) => fieldErrorsInWords(r.fields) ?? r.message;

interface UsagePanels {
  /** The scope query these answers belong to. */
  query: string;
  overview: UsageOverview;
  days: UsageDay[];
  endpoints: UsageEndpoint[];
}

/** Usage over a range and key: overview, requests per day, per endpoint and the request log. */
export function UsagePage() {
  const [scope, setScope] = useState<UsageScope>({ range: 'week', from: '', to: '', keyId: '' });
  const [filter, setFilter] = useState<RequestFilter>({ status: '', endpoint: '', limit: DEFAULT_PAGE_SIZE });
  const [tick, setTick] = useState(0);
  const [panels, setPanels] = useState<UsagePanels | null>(null);
  const [panelsError, setPanelsError] = useState<string | null>(null);
  const [log, dispatch] = useReducer(requestLogReducer, initialRequestLog);
  const [keys, setKeys] = useState<Option[] | null>(null);
  const [keysError, setKeysError] = useState<string | null>(null);
  const [endpointGroups, setEndpointGroups] = useState<{ group: string; options: Option[] }[] | null>(null);
  const [endpointsError, setEndpointsError] = useState<string | null>(null);
  const lastLogQuery = useRef<string | null>(null);

  const check = useMemo(() => checkScope(scope), [scope]);
  const scopeQ = check.ok ? scopeQuery(scope) : null;
  const firstPageQ = check.ok ? requestsQuery(scope, filter, null) : null;

  useEffect(() => {
    api.call<{ keys: KeyView[] }>('GET', 'keys').then((r) => (r.ok ? setKeys(keyOptions(r.data.keys)) : setKeysError(r.message)));
    loadEndpoints().then(
      (endpoints) => setEndpointGroups(endpointOptions(endpoints)),
      (e: unknown) => setEndpointsError(e instanceof Error ? e.message : 'The catalog could not be loaded.'),
    );
  }, []);

  // Overview, per-day and per-endpoint panels: the range and key only.
  useEffect(() => {
    if (scopeQ === null) return;
    let live = true;
    setPanelsError(null);
    Promise.all([
      api.call<UsageOverview>('GET', `usage/overview?${scopeQ}`),
      api.call<{ days: UsageDay[] }>('GET', `usage/timeseries?${scopeQ}`),
      api.call<{ endpoints: UsageEndpoint[] }>('GET', `usage/endpoints?${scopeQ}`),
    ]).then(([o, t, e]) => {
      if (!live) return;
      if (!o.ok) return setPanelsError(usageFailure(o));
      if (!t.ok) return setPanelsError(usageFailure(t));
      if (!e.ok) return setPanelsError(usageFailure(e));
      setPanels({ query: scopeQ, overview: o.data, days: t.data.days, endpoints: e.data.endpoints });
    });
    return () => {
      live = false;
    };
  }, [scopeQ, tick]);

  // The request log's first page: range, key and the log's own filters; Refresh keeps the rows until the new page comes.
  const logKey = firstPageQ === null ? null : `${firstPageQ}#${tick}`;
  useEffect(() => {
    if (firstPageQ === null || logKey === null) {
      lastLogQuery.current = null;
      dispatch({ type: 'blocked' });
      return;
    }
    const keepRows = lastLogQuery.current === firstPageQ;
    lastLogQuery.current = firstPageQ;
    dispatch({ type: 'start', query: logKey, keepRows });
    api.call<UsageRequestsPage>('GET', `usage/requests?${firstPageQ}`).then((r) =>
      dispatch(r.ok ? { type: 'page', query: logKey, page: r.data, append: false } : { type: 'failed', query: logKey, message: usageFailure(r) }),
    );
  }, [logKey, firstPageQ]);

  const loadOlder = () => {
    if (!check.ok || log.loading !== null || log.nextCursor === null) return;
    const query = log.query;
    dispatch({ type: 'older' });
    api.call<UsageRequestsPage>('GET', `usage/requests?${requestsQuery(scope, filter, log.nextCursor)}`).then((r) =>
      dispatch(r.ok ? { type: 'page', query, page: r.data, append: true } : { type: 'failed', query, message: usageFailure(r) }),
    );
  };

  const shown = panels !== null && panels.query === scopeQ ? panels : null;
  const maxRequests = useMemo(() => Math.max(1, ...(shown?.endpoints.map((e) => e.requests) ?? [])), [shown]);
  return (
    <div>
      <h1>Usage</h1>
      <UsageScopeControls
        scope={scope}
        check={check}
        keys={keys}
        keysError={keysError}
        onChange={setScope}
        onRefresh={() => setTick((t) => t + 1)}
      />
      {!check.ok ? (
        <p className="hint">Usage is shown again once the dates are fixed.</p>
      ) : (
        <>
          <ErrorText message={panelsError} />
          {!shown ? (
            !panelsError && <p aria-live="polite">Loading usage…</p>
          ) : (
            <>
              <section className="panel">
                <h2>Overview</h2>
                <dl className="facts" data-testid="usage-overview">
                  <dt>Days</dt>
                  <dd>{boundsInWords(shown.overview.from, shown.overview.to)}</dd>
                  <dt>Requests</dt>
                  <dd>{num(shown.overview.requests)} ({num(shown.overview.successes)} successful, {plural(shown.overview.errors, 'error')})</dd>
                  <dt>Credits</dt>
                  <dd>{num(shown.overview.credits)}{shown.overview.overage_credits ? ` (${num(shown.overview.overage_credits)} overage)` : ''}</dd>
                  <dt>Latency</dt>
                  <dd>average {num(roundMs(shown.overview.avg_latency_ms))} ms, p95 {num(roundMs(shown.overview.p95_latency_ms))} ms</dd>
                  <dt>Cache hits</dt>
                  <dd>{shown.overview.cache_hit_ratio === null ? '—' : formatPercent(shown.overview.cache_hit_ratio)}</dd>
                </dl>
              </section>
              <section className="panel">
                <h2>Requests over time</h2>
                <BarChart
                  label="Requests per day"
                  days={shown.days.map((d) => ({ date: d.date, value: d.requests, detail: `${plural(d.requests, 'request')}, ${plural(d.errors, 'error')}, ${plural(d.credits, 'credit')}` }))}
                />
              </section>
              <section className="panel">
                <h2>Per endpoint</h2>
                {shown.endpoints.length === 0 ? (
                  <p>No requests in this range.</p>
                ) : (
                  <div className="table-wrap" tabIndex={0} role="region" aria-label="Per endpoint, scrollable">
                    <table data-testid="usage-endpoints">
                      <thead>
                        <tr>
                          {['Endpoint', 'Requests', 'Errors', 'Credits', 'Avg latency', ''].map((h) => (
                            <th key={h} scope="col">{h || <span className="visually-hidden">Share</span>}</th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {shown.endpoints.map((e) => (
                          <tr key={e.operation_id}>
                            <td><code>{e.path ?? e.operation_id}</code></td>
                            <td>{num(e.requests)}</td>
                            <td>{num(e.errors)}</td>
                            <td>{num(e.credits)}</td>
                            <td>{num(roundMs(e.avg_latency_ms))} ms</td>
                            <td style={{ width: 120 }}>
                              <div className="hbar" style={{ width: `${(e.requests / maxRequests) * 100}%` }} aria-hidden="true" />
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </section>
            </>
          )}
          <RequestLog
            state={log}
            filter={filter}
            endpoints={endpointGroups}
            endpointsError={endpointsError}
            onFilter={setFilter}
            onOlder={loadOlder}
          />
        </>
      )}
    </div>
  );
}

