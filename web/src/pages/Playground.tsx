import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { copyText } from '../components/copy.js';
import { EndpointSidebar } from '../components/EndpointSidebar.js';
import { ErrorCallout } from '../components/ErrorCallout.js';
import { KeyPanel, useStoredKey } from '../components/KeyPanel.js';
import { Markdown } from '../components/Markdown.js';
import { ParamForm } from '../components/ParamForm.js';
import { RequestBar, SendButton } from '../components/RequestBar.js';
import { ResponsePane } from '../components/ResponsePane.js';
import { PANES_TAKE_TURNS, useMediaQuery } from '../components/media.js';
import { Link } from '../components/router.js';
import { Snippets } from '../components/Snippets.js';
import { SwitchedOff } from '../components/SwitchedOff.js';
import { documentedFieldCount, FLAGSHIP_OPERATION_ID, flagshipOf, plansOf, type Catalog, type Endpoint } from '../lib/catalog.js';
import { mayHaveSession } from '../lib/console-api.js';
import { curlCommand } from '../lib/curl.js';
import { retirementOf, shortLabel, sourcesOf } from '../lib/endpoint-nav.js';
import { formatNumber } from '../lib/format.js';
import { formProblems } from '../lib/param-check.js';
import { NO_KEY_PROBLEM, problemOf } from '../lib/problem.js';
import { runRequest, type RequestResult, type RunningRequest } from '../lib/request.js';
import { initialValues, playgroundPath, requestUrl, valuesFromSearch } from '../lib/request-url.js';
import { keyOffer, rememberPlaygroundPath } from '../lib/return-path.js';
import { shareLink } from '../lib/share-link.js';
import { api } from './console/shared.js';

function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function startingValues(endpoint: Endpoint, search: string): Record<string, string> {
  const shared = valuesFromSearch(endpoint, search);
  return Object.keys(shared).length > 0 ? { ...Object.fromEntries(endpoint.params.map((p) => [p.name, ''])), ...shared } : initialValues(endpoint);
}

/** The free plan's credits as "2,000", from the plans this server offers; null when it has none. */
function freeCredits(catalog: Catalog): string | null {
  const free = plansOf(catalog).find((p) => p.price_usd === 0);
  return free ? formatNumber(free.included_credits) : null;
}

/**
 * Whether this browser has a Console session, found out once `wanted` turns true: only then is a way
 * to a key on screen. `me` is asked only where the server's session hint is, so a signed-out visitor
 * makes no request that answers 401. Null while unknown.
 */
function useSignedIn(wanted: boolean): boolean | null {
  const [signedIn, setSignedIn] = useState<boolean | null>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (!wanted || asked.current) return;
    asked.current = true;
    if (!mayHaveSession(document.cookie)) setSignedIn(false);
    else void api.call('GET', 'me').then((r) => setSignedIn(r.ok));
  }, [wanted]);
  return signedIn;
}

function EndpointDetails({ endpoint, catalog }: { endpoint: Endpoint; catalog: Catalog }) {
  const sources = sourcesOf(endpoint);
  return (
    <details className="panel">
      <summary>Endpoint details</summary>
      <ul className="chips" aria-label="Endpoint facts">
        <li className="chip">{endpoint.method}</li>
        <li className="chip">apiKey</li>
        <li className="chip">{endpoint.creditCost} credits/request</li>
        <li className="chip">{endpoint.responseSchemaName}</li>
        <li className="chip">{endpoint.platform}</li>
      </ul>
      <dl className="facts">
        <dt>Path</dt>
        <dd><code>{catalog.basePath + endpoint.path}</code></dd>
        <dt>Authentication</dt>
        <dd>API key in the <code>x-api-key</code> header (or <code>Authorization: Bearer</code>)</dd>
        <dt>Credit cost</dt>
        <dd>{endpoint.creditCost} credits per successful request; errors are free</dd>
        {sources.length > 0 && (
          <>
            <dt>Sources</dt>
            <dd>{sources.join(', ')}</dd>
          </>
        )}
      </dl>
      <p data-testid="documented-fields">Parameters: {documentedFieldCount(endpoint)} documented fields</p>
      <Link href={`/docs/TikTok/${endpoint.operationId}`}>View docs</Link>
    </details>
  );
}

function SchemaFields({ endpoint }: { endpoint: Endpoint }) {
  return (
    <details className="panel">
      <summary>Response schema fields ({endpoint.fields.length})</summary>
      <p className="hint">{endpoint.responseSchemaName}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Response schema fields">
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
    </details>
  );
}

/**
 * The Playground in panes: endpoints on the left, the request (sticky request bar, params) in the
 * centre, the response (the sample before the first send) and code on the right. The endpoint and
 * its params live in the address bar, never the key.
 */
export function Playground({ path, search, catalog }: { path: string; search: string; catalog: Catalog }) {
  const operationId = decodeURIComponent(path.replace(/^\/playground\/?/, '').split('/')[0] ?? '') || (flagshipOf(catalog)?.operationId ?? FLAGSHIP_OPERATION_ID);
  const endpoint = catalog.endpoints.find((e) => e.operationId === operationId);
  const [values, setValues] = useState<Record<string, string>>(() => (endpoint ? startingValues(endpoint, search) : {}));
  const storedKey = useStoredKey();
  const [result, setResult] = useState<RequestResult | null>(null);
  const [noKey, setNoKey] = useState(false);
  const [sending, setSending] = useState(false);
  const [copyStatus, setCopyStatus] = useState('');
  const [keyOpen, setKeyOpen] = useState(false);
  const [pane, setPane] = useState<'request' | 'response'>('request');
  // Where the panes take turns (a phone), the page's one heading and a Send go with the Response pane while it shows.
  const headingWithResponse = useMediaQuery(PANES_TAKE_TURNS) && pane === 'response';
  const running = useRef<RunningRequest | null>(null);
  const shownFor = useRef(operationId);
  const focusForm = useRef(false);

  useEffect(() => {
    if (shownFor.current === operationId || !endpoint) return;
    shownFor.current = operationId;
    running.current?.cancel();
    setValues(startingValues(endpoint, search));
    setResult(null);
    setNoKey(false);
    setCopyStatus('');
    setPane('request');
  }, [operationId, endpoint, search]);
  useEffect(() => {
    document.title = endpoint ? `${shortLabel(endpoint)} — Trendlens API Playground` : 'Playground — Trendlens';
  }, [endpoint]);
  useEffect(() => () => running.current?.cancel(), []);

  // The address bar follows the form (replace, so Back still leaves the Playground in one step),
  // except while a value looks like a key: the address then keeps its last key-free state.
  const apiKey = storedKey.apiKey;
  const keyFree = endpoint ? shareLink(location.origin, endpoint, values, (v) => apiKey !== null && v.trim() === apiKey).ok : false;
  const here = endpoint && keyFree ? playgroundPath(endpoint, values) : null;
  useEffect(() => {
    if (!here || shownFor.current !== operationId) return;
    if (`${location.pathname}${location.search}` !== here) history.replaceState(null, '', here);
    rememberPlaygroundPath(sessionStorageOrNull(), here);
  }, [here, operationId]);

  // After choosing an endpoint from the list, the first field takes the focus.
  useEffect(() => {
    if (!focusForm.current || !endpoint) return;
    focusForm.current = false;
    const first = endpoint.params[0];
    (first ? document.getElementById(`param-${first.name}`) : document.querySelector<HTMLElement>('.request-bar .send'))?.focus();
  }, [endpoint]);

  const origin = location.origin;
  const url = useMemo(() => (endpoint ? requestUrl(origin, catalog.basePath, endpoint, values) : ''), [origin, catalog.basePath, endpoint, values]);

  const send = useCallback(async () => {
    if (!endpoint) return;
    if (!apiKey) {
      setResult(null);
      setNoKey(true);
      setPane('response');
      return;
    }
    setNoKey(false);
    running.current?.cancel();
    const req = runRequest(url, apiKey);
    running.current = req;
    setSending(true);
    const outcome = await req.result;
    if (running.current !== req) return;
    running.current = null;
    setSending(false);
    setResult(outcome);
    setPane('response');
    if (outcome.ok && outcome.headers.some(([n, v]) => n === 'x-upstream-source' && v === 'simulator')) {
      window.dispatchEvent(new Event('trendlens:simulated'));
    }
  }, [endpoint, apiKey, url]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void send();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [send]);

  const serverProblem = useMemo(() => (result?.ok ? problemOf(result.status, result.body, result.headers, origin) : null), [result, origin]);
  const problem = noKey ? NO_KEY_PROBLEM : serverProblem;
  const signedIn = useSignedIn(apiKey === null || problem?.action === 'key');
  const localProblems = useMemo(() => (endpoint ? formProblems(endpoint.params, values) : {}), [endpoint, values]);
  const problems = { ...localProblems, ...(serverProblem?.fields ?? {}) };

  if (!endpoint) {
    const switchedOff = catalog.disabled.includes(operationId);
    return (
      <div>
        <h1>{switchedOff ? 'Endpoint switched off' : 'Unknown endpoint'}</h1>
        {switchedOff ? <SwitchedOff operationId={operationId} /> : <p role="alert">There is no catalog endpoint called “{operationId}”.</p>}
        <Link href="/playground">Open the Playground</Link>
      </div>
    );
  }

  const retired = retirementOf(endpoint);
  const offer = keyOffer(signedIn === true, here ?? `/playground/${encodeURIComponent(endpoint.operationId)}`);
  const credits = freeCredits(catalog);
  const barOffer = signedIn !== true && credits ? { ...offer, label: `${offer.label} (${credits} credits)` } : offer;
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
  const liveResult = result?.ok ? result : null;
  const heading = (
    <h1>
      {shortLabel(endpoint)} <span className="visually-hidden">API Playground</span>
    </h1>
  );

  return (
    <div className="playground" data-pane={pane}>
      <EndpointSidebar catalog={catalog} current={endpoint} onChoose={() => (focusForm.current = true)} />
      <div className="pane-switch" role="group" aria-label="Show">
        <button type="button" aria-pressed={pane === 'request'} onClick={() => setPane('request')}>Request</button>
        <button type="button" aria-pressed={pane === 'response'} onClick={() => setPane('response')}>
          Response{result?.ok ? ` · ${result.status}` : ''}
        </button>
      </div>
      <div className="pane pane-request">
        <header className="pg-head">
          {!headingWithResponse && heading}
          <p className="desc">
            <Markdown text={endpoint.description} />
          </p>
        </header>
        <RequestBar
          method={endpoint.method}
          url={url}
          sending={sending}
          hasKey={apiKey !== null}
          keyOffer={barOffer}
          onSend={() => void send()}
          onCancel={() => running.current?.cancel()}
        />
        <p className="visually-hidden" aria-live="polite">{sending ? 'Sending…' : ''}</p>
        <KeyPanel
          apiKey={apiKey}
          remembered={storedKey.remembered}
          open={keyOpen}
          onOpenChange={setKeyOpen}
          onSave={(key, remember) => {
            storedKey.save(key, remember);
            setNoKey(false);
          }}
          onForget={storedKey.forget}
        />
        {retired && (
          <div className="callout callout-warn" role="note" data-testid="retired-note">
            <strong>Retired{retired.since ? ` since ${retired.since}` : ''}.</strong> <Markdown text={retired.reason} />
          </div>
        )}
        <section aria-labelledby="params-h" className="panel">
          <h2 id="params-h">Parameters</h2>
          <ParamForm endpoint={endpoint} values={values} problems={problems} onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))} />
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
          <p className="hint">Share links never include API keys.</p>
        </section>
        <EndpointDetails endpoint={endpoint} catalog={catalog} />
        <SchemaFields endpoint={endpoint} />
      </div>
      <div className="pane pane-response">
        {headingWithResponse && (
          <div className="response-head">
            {heading}
            <SendButton sending={sending} hasKey={apiKey !== null} onSend={() => void send()} onCancel={() => running.current?.cancel()} />
          </div>
        )}
        <section aria-labelledby="response-h" className="panel response">
          <h2 id="response-h">Response</h2>
          {problem && <ErrorCallout problem={problem} keyOffer={offer} onPasteKey={() => { setKeyOpen(true); setPane('request'); }} />}
          {result && !result.ok && (
            <p role="alert" className="error" data-testid="request-error">
              {result.message}
            </p>
          )}
          <ResponsePane key={liveResult ? `live-${liveResult.ms}-${liveResult.bytes}` : `sample-${endpoint.operationId}`} result={liveResult} sample={endpoint.sample} fileName={`${endpoint.operationId}.json`} />
        </section>
        <Snippets url={url} origin={origin} basePath={catalog.basePath} endpoint={endpoint} values={values} />
      </div>
    </div>
  );
}
