import { useMemo, useState } from 'react';
import { chartsOf } from '../lib/chart-data.js';
import type { RequestResult } from '../lib/request.js';
import { displayBody, findList, findRecord, formatBytes } from '../lib/response-view.js';
import { ChartView } from './ChartView.js';
import { ResponseTable } from './ResponseTable.js';
import { Tabs } from './Tabs.js';

type View = 'body' | 'table' | 'chart' | 'headers';

/** Headers worth showing up front when the server sends them. */
const SUMMARY_HEADERS: readonly [string, string][] = [
  ['x-request-id', 'Request id'],
  ['x-credits-charged', 'Credits charged'],
  ['x-upstream-source', 'Upstream'],
  ['x-upstream-adapter', 'Adapter'],
  ['x-upstream-access', 'Access'],
  ['x-upstream-period', 'Period'],
  ['x-served-from', 'Served from'],
  ['x-cache', 'Cache'],
];

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 500: 'Server Error', 502: 'Bad Gateway', 503: 'Unavailable', 504: 'Timeout' };

function download(body: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Status, latency, size and the request's ids in one line. */
function Summary({ result }: { result: Extract<RequestResult, { ok: true }> }) {
  const good = result.status >= 200 && result.status < 300;
  const header = (name: string) => result.headers.find(([n]) => n === name)?.[1];
  return (
    <dl className="summary" data-testid="response-facts">
      <div>
        <dt>Status</dt>
        <dd className={good ? 'status-ok' : 'status-err'}>
          <span data-testid="response-status">{result.status}</span> {STATUS_TEXT[result.status] ?? ''}
        </dd>
      </div>
      <div>
        <dt>Time</dt>
        <dd data-testid="response-latency">{result.ms} ms</dd>
      </div>
      <div>
        <dt>Size</dt>
        <dd>{formatBytes(result.bytes)}</dd>
      </div>
      {SUMMARY_HEADERS.map(([name, label]) => {
        const value = header(name);
        return value === undefined ? null : (
          <div key={name} data-testid={`summary-${name}`}>
            <dt>{label}</dt>
            <dd><code>{value}</code></dd>
          </div>
        );
      })}
    </dl>
  );
}

/**
 * A response (or the sample before the first send) in tabs: Body, Table, Chart, Headers. Over 1 MB
 * the body view is cut and the whole body can be downloaded.
 */
export function ResponsePane({ result, sample, fileName }: { result: Extract<RequestResult, { ok: true }> | null; sample: unknown; fileName: string }) {
  const text = useMemo(() => (result ? result.body : JSON.stringify(sample)), [result, sample]);
  const bytes = result ? result.bytes : text.length;
  const shown = useMemo(() => displayBody(text, bytes), [text, bytes]);
  const parsed = shown.parsed;
  const hasTable = useMemo(() => parsed !== undefined && (findList(parsed) !== null || findRecord(parsed) !== null), [parsed]);
  const hasChart = useMemo(() => parsed !== undefined && chartsOf(parsed).length > 0, [parsed]);
  const [chosen, setChosen] = useState<View | null>(null);
  const natural: View = hasChart ? 'chart' : hasTable ? 'table' : 'body';
  const good = !result || (result.status >= 200 && result.status < 300);
  let view: View = chosen ?? (good ? natural : 'body');
  if ((view === 'chart' && !hasChart) || (view === 'table' && !hasTable) || (view === 'headers' && !result)) view = 'body';
  const tabs: { id: View; label: string; disabled?: boolean }[] = [
    { id: 'body', label: 'Body' },
    { id: 'table', label: 'Table', disabled: !hasTable },
    { id: 'chart', label: 'Chart', disabled: !hasChart },
    ...(result ? [{ id: 'headers' as View, label: `Headers (${result.headers.length})` }] : []),
  ];
  return (
    <div>
      {result ? <Summary result={result} /> : <p className="hint sample-note">Sample response, shown before your first request.</p>}
      <Tabs label="Response view" tabs={tabs} active={view} onChange={setChosen}>
        {view === 'body' && (
          <>
            {shown.truncated && (
              <p className="hint" role="note">
                This body is {formatBytes(bytes)}; the view shows the first 1 MB. Download it to see everything.
              </p>
            )}
            <pre tabIndex={0} aria-label={result ? 'Response body' : 'Sample response body'} className="body">{shown.text}</pre>
          </>
        )}
        {view === 'table' && <ResponseTable body={parsed} />}
        {view === 'chart' && <ChartView body={parsed} />}
        {view === 'headers' && result && (
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Response headers">
            <table data-testid="response-headers">
              <thead>
                <tr>
                  <th scope="col">Header</th>
                  <th scope="col">Value</th>
                </tr>
              </thead>
              <tbody>
                {result.headers.map(([n, v]) => (
                  <tr key={n}>
                    <td><code>{n}</code></td>
                    <td style={{ overflowWrap: 'anywhere' }}>{v}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Tabs>
      {result && (
        <button type="button" className="link-button" onClick={() => download(result.body, fileName)}>
          Download ({formatBytes(bytes)})
        </button>
      )}
    </div>
  );
}
