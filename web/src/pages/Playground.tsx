import { Prose } from '../components/Prose.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import { copyText } from '../components/copy.js';
import { EndpointChips, EndpointChooser } from '../components/EndpointChooser.js';
import { KeyPanel } from '../components/KeyPanel.js';
import { ParamForm } from '../components/ParamForm.js';
import { ListTable, ResponseBody } from '../components/ResponseBody.js';
import { Link } from '../components/router.js';
import { Snippets } from '../components/Snippets.js';
import { documentedFieldCount, FLAGSHIP_OPERATION_ID, type Catalog, type Endpoint } from '../lib/catalog.js';
import { curlCommand } from '../lib/curl.js';
import { browserKeyStore } from '../lib/key-store.js';
import { REQUEST_MESSAGES, runRequest, type RequestResult, type RunningRequest } from '../lib/request.js';
import { formatBytes } from '../lib/response-view.js';
import { initialValues, requestUrl, valuesFromSearch } from '../lib/request-url.js';
import { shareLink } from '../lib/share-link.js';

const keyStore = browserKeyStore();

function startingValues(endpoint: Endpoint, search: string): Record<string, string> {
  const shared = valuesFromSearch(endpoint, search);
  return Object.keys(shared).length > 0 ? { ...initialValues(endpoint), ...Object.fromEntries(endpoint.params.map((p) => [p.name, ''])), ...shared } : initialValues(endpoint);
}

function ResultView({ result, endpoint }: { result: RequestResult; endpoint: Endpoint }) {
  if (!result.ok) {
    return (
      <p role="alert" className="error" data-testid="request-error">
        {result.message}
      </p>
    );
  }
  const good = result.status >= 200 && result.status < 300;
  return (
    <div>
      <dl className="facts" data-testid="response-facts">
        <dt>Status</dt>
        <dd className={good ? 'status-ok' : 'status-err'} data-testid="response-status">{result.status}</dd>
        <dt>Latency</dt>
        <dd data-testid="response-latency">{result.ms} ms (measured in this browser)</dd>
        <dt>Size</dt>
        <dd>{formatBytes(result.bytes)}</dd>
      </dl>
      <details>
        <summary>Headers ({result.headers.length})</summary>
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
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
      </details>
      <ResponseBody body={result.body} bytes={result.bytes} fileName={`${endpoint.operationId}.json`} />
    </div>
  );
}

/** The Playground (docs/api-contract.md § Playground): one catalog endpoint, its form, preview, snippets, key and a live request. */
export function Playground({ path, search, catalog }: { path: string; search: string; catalog: Catalog }) {
  const operationId = decodeURIComponent(path.replace(/^\/playground\/?/, '').split('/')[0] ?? '') || FLAGSHIP_OPERATION_ID;
  const endpoint = catalog.endpoints.find((e) => e.operationId === operationId);
  const [values, setValues] = useState<Record<string, string>>(() => (endpoint ? startingValues(endpoint, search) : {}));
  const [stored, setStored] = useState(() => keyStore.read());
  const [result, setResult] = useState<RequestResult | null>(null);
  const [sending, setSending] = useState(false);
  const [copyStatus, setCopyStatus] = useState('');
  const running = useRef<RunningRequest | null>(null);
  const shownFor = useRef(operationId);

  useEffect(() => {
    if (shownFor.current === operationId || !endpoint) return;
    shownFor.current = operationId;
    running.current?.cancel();
    setValues(startingValues(endpoint, search));
    setResult(null);
    setCopyStatus('');
  }, [operationId, endpoint, search]);
  useEffect(() => {
    document.title = endpoint ? `${endpoint.summary} API Playground — Trendlens` : 'Playground — Trendlens';
  }, [endpoint]);
  useEffect(() => () => running.current?.cancel(), []);

  const origin = location.origin;
  const url = useMemo(() => (endpoint ? requestUrl(origin, catalog.basePath, endpoint, values) : ''), [origin, catalog.basePath, endpoint, values]);

  if (!endpoint) {
    return (
      <div>
        <h1>Unknown endpoint</h1>
        <p role="alert">There is no catalog endpoint called “{operationId}”.</p>
        <Link href="/playground">Open the Playground</Link>
      </div>
    );
  }

  const apiKey = stored?.key ?? null;
  const docsHref = `/docs/TikTok/${endpoint.operationId}`;

  const send = async () => {
    running.current?.cancel();
    const req = runRequest(url, apiKey);
    running.current = req;
    setSending(true);
    const outcome = await req.result;
    if (running.current !== req) return;
    running.current = null;
    setSending(false);
    setResult(outcome);
    if (outcome.ok && outcome.headers.some(([n, v]) => n === 'x-upstream-source' && v === 'simulator')) {
      window.dispatchEvent(new Event('trendlens:simulated'));
    }
  };
  const copyCurl = async () => {
    const ok = await copyText(curlCommand(url, apiKey));
    setCopyStatus(ok ? (apiKey ? 'cURL copied, with your key.' : 'cURL copied, with <api-key> as a placeholder.') : 'Copy failed.');
  };
  const share = shareLink(origin, endpoint, values, (v) => apiKey !== null && v.trim() === apiKey);
  const copyShare = async () => {
    if (!share.ok) {
      setCopyStatus(share.reason);
      return;
    }
    const ok = await copyText(share.url);
    setCopyStatus(ok ? 'Share link copied. It holds the parameters only, never an API key.' : 'Copy failed.');
  };

  return (
    <div>
      <p className="notice">Everything here except live requests works without an account; live requests need an API key and are charged normally.</p>
      <h1>{endpoint.summary} API Playground</h1>
      <p>
        <Prose text={endpoint.description} />
      </p>
      <EndpointChips endpoint={endpoint} />
      <div className="layout">
        <EndpointChooser catalog={catalog} current={endpoint.operationId} />
        <div style={{ minWidth: 0 }}>
          <section className="panel" aria-labelledby="details-h">
            <h2 id="details-h">Endpoint details</h2>
            <dl className="facts">
              <dt>Method</dt>
              <dd>{endpoint.method}</dd>
              <dt>Path</dt>
              <dd><code>{catalog.basePath + endpoint.path}</code></dd>
              <dt>Authentication</dt>
              <dd>API key in the <code>x-api-key</code> header</dd>
              <dt>Credit cost</dt>
              <dd>{endpoint.creditCost} credits per successful request</dd>
              <dt>Platform</dt>
              <dd>{endpoint.platform}</dd>
            </dl>
            <p data-testid="documented-fields">Parameters: {documentedFieldCount(endpoint)} documented fields</p>
            <Link href={docsHref}>View docs</Link>
          </section>

          <section className="panel" aria-labelledby="params-h">
            <h2 id="params-h">Parameters</h2>
            <p className="hint">
              <code>x-api-key:header</code> is set from the API key panel.
            </p>
            <ParamForm endpoint={endpoint} values={values} onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))} />
          </section>

          <section className="panel" aria-labelledby="preview-h">
            <h2 id="preview-h">Request preview</h2>
            <pre className="url" data-testid="request-preview" tabIndex={0} aria-label="Request URL">GET {url}</pre>
            <div className="row">
              <button type="button" onClick={copyCurl}>Copy cURL</button>
              <button type="button" onClick={copyShare}>Copy share link</button>
              <span aria-live="polite" className="hint" data-testid="copy-status">{copyStatus}</span>
            </div>
            {share.ok && (
              <p className="hint url">
                Share link: <code data-testid="share-link">{share.url}</code>
              </p>
            )}
          </section>

          <KeyPanel
            apiKey={apiKey}
            remembered={stored?.remembered ?? false}
            docsHref={docsHref}
            onSave={(key, remember) => {
              keyStore.save(key, remember);
              setStored({ key, remembered: remember });
            }}
            onForget={() => {
              keyStore.forget();
              setStored(null);
            }}
          />

          <section className="panel" aria-labelledby="send-h">
            <h2 id="send-h">Live request</h2>
            <div className="row">
              <button type="button" className="primary" onClick={send} disabled={!apiKey || sending} aria-describedby={!apiKey ? 'send-hint' : undefined}>
                {sending ? 'Sending…' : 'Send request'}
              </button>
              {sending && (
                <button type="button" onClick={() => running.current?.cancel()}>Cancel</button>
              )}
            </div>
            {!apiKey && (
              <p id="send-hint" className="hint">{REQUEST_MESSAGES.no_key}</p>
            )}
            <div aria-live="polite">{result && <ResultView result={result} endpoint={endpoint} />}</div>
          </section>

          {!result && (
            <section className="panel" aria-labelledby="sample-h">
              <h2 id="sample-h">Sample response</h2>
              <p className="hint">Shown before your first request.</p>
              <ListTable body={endpoint.sample} />
              <pre tabIndex={0} aria-label="Sample response body">{JSON.stringify(endpoint.sample, null, 2)}</pre>
            </section>
          )}

          <Snippets url={url} />

          <section className="panel" aria-labelledby="fields-h">
            <h2 id="fields-h">Response schema fields</h2>
            <p className="hint">{endpoint.responseSchemaName}</p>
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Type</th>
                    <th scope="col">Required</th>
                  </tr>
                </thead>
                <tbody>
                  {endpoint.fields.map((f) => (
                    <tr key={f.path}>
                      <td><code>{f.path}</code></td>
                      <td>{f.type}{f.items ? `<${f.items}>` : ''}{f.nullable ? ' | null' : ''}</td>
                      <td>{f.required ? 'yes' : 'no'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </div>
      </div>
    </div>
  );
}
