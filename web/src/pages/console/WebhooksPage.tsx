import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { copyText } from '../../components/copy.js';
import type { DeliveryView, WebhookEndpointView } from '../../lib/console-api.js';
import { formatTime } from '../../lib/format.js';
import { splitFieldErrors } from '../../lib/form-errors.js';
import { deliveryInWords, DELIVERY_STATUS_WORDS } from '../../lib/webhooks.js';
import { limitInWords } from '../../lib/watches.js';
import { Callout, FormField } from './FormField.js';
import { api, ErrorText } from './shared.js';

function SecretBox({ url, secret, onDone }: { url: string; secret: string; onDone: () => void }) {
  const [status, setStatus] = useState('');
  return (
    <section className="panel callout" aria-labelledby="new-secret-h" role="region">
      <h2 id="new-secret-h">Signing secret for {url}</h2>
      <p>
        <strong>You will not see this secret again.</strong> Copy it now and keep it with your receiver: it checks the{' '}
        <code>Trendlens-Signature</code> header of every delivery with it.
      </p>
      <p className="secret" data-testid="webhook-secret">{secret}</p>
      <div className="row">
        <button type="button" className="primary" onClick={() => copyText(secret).then((ok) => setStatus(ok ? 'Secret copied.' : 'Copy failed.'))}>Copy secret</button>
        <button type="button" onClick={onDone}>I have saved it</button>
        <span aria-live="polite" className="hint">{status}</span>
      </div>
    </section>
  );
}

function DeliveryLog({ endpoint, version }: { endpoint: WebhookEndpointView; version: number }) {
  const [deliveries, setDeliveries] = useState<DeliveryView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    api.call<{ deliveries: DeliveryView[] }>('GET', `webhooks/${endpoint.id}/deliveries`).then((r) => {
      if (!live) return;
      if (r.ok) {
        setDeliveries(r.data.deliveries);
        setError(null);
      } else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [endpoint.id, version, tick]);
  return (
    <div>
      <div className="row">
        <h3 style={{ margin: 0 }}>Delivery log</h3>
        <button type="button" onClick={() => setTick((t) => t + 1)}>Refresh log</button>
      </div>
      <ErrorText message={error} />
      {deliveries === null ? (
        !error && <p aria-live="polite">Loading deliveries…</p>
      ) : deliveries.length === 0 ? (
        <p>No deliveries yet. Send a test event to see one here.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={`Deliveries to ${endpoint.url}`}>
          <table className="stack" data-testid="delivery-log">
            <thead>
              <tr>
                {['Time', 'Event', 'Status', 'Response code', 'Attempts'].map((h) => (
                  <th key={h} scope="col">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <td data-label="Time">{formatTime(d.created_at)}</td>
                  <td data-label="Event"><code>{d.event_type}</code></td>
                  <td data-label="Status">
                    <span className={d.status === 'delivered' ? 'status-ok' : d.status === 'failed' ? 'status-err' : ''}>{DELIVERY_STATUS_WORDS[d.status]}</span>
                    {d.last_error && <span className="hint"> ({d.last_error})</span>}
                    {d.next_attempt_at && <span className="hint"> next try {formatTime(d.next_attempt_at)}</span>}
                  </td>
                  <td data-label="Response code">{d.last_status_code ?? '—'}</td>
                  <td data-label="Attempts">{d.attempts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function EndpointRow({ endpoint, onChanged }: { endpoint: WebhookEndpointView; onChanged: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const [version, setVersion] = useState(0);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const logId = `deliveries-${endpoint.id}`;

  const sendTest = async () => {
    setBusy(true);
    setResult(null);
    const res = await api.call<{ delivery: DeliveryView | undefined }>('POST', `webhooks/${endpoint.id}/test`);
    setBusy(false);
    if (!res.ok) return setError(res.message);
    setError(null);
    setResult(res.data.delivery ? deliveryInWords(res.data.delivery) : 'Test event queued.');
    setOpen(true);
    setVersion((v) => v + 1);
  };
  const enable = async () => {
    const res = await api.call<{ endpoint: WebhookEndpointView }>('POST', `webhooks/${endpoint.id}/enable`);
    if (!res.ok) return setError(res.message);
    onChanged(`Enabled ${endpoint.url}.`);
  };
  const remove = async () => {
    if (!window.confirm(`Delete the endpoint ${endpoint.url}? Watches that deliver to it are deleted with it.`)) return;
    const res = await api.call('DELETE', `webhooks/${endpoint.id}`);
    if (!res.ok) return setError(res.message);
    onChanged(`Deleted ${endpoint.url}.`);
  };

  return (
    <li className="panel" data-testid="webhook-endpoint">
      <div className="row">
        <code className="url" style={{ flex: '1 1 240px' }}>{endpoint.url}</code>
        {endpoint.status === 'active' ? <span className="badge badge-active">Enabled</span> : <span className="badge badge-revoked">Disabled</span>}
      </div>
      {endpoint.status === 'disabled' && (
        <div className="callout callout-warn">
          <p>
            Disabled {formatTime(endpoint.disabled_at)}
            {endpoint.disabled_reason ? `: ${endpoint.disabled_reason}` : '.'} Deliveries wait until you enable it.
          </p>
          <button type="button" className="primary" onClick={enable} aria-label={`Enable ${endpoint.url}`}>Enable</button>
        </div>
      )}
      <p className="hint">Added {formatTime(endpoint.created_at)}{endpoint.consecutive_failures > 0 ? `; ${endpoint.consecutive_failures} failed attempts in a row` : ''}.</p>
      <div className="row">
        <button type="button" onClick={sendTest} disabled={busy} aria-label={`Send test event to ${endpoint.url}`}>
          {busy ? 'Sending…' : 'Send test event'}
        </button>
        <button type="button" aria-expanded={open} aria-controls={logId} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide delivery log' : 'Show delivery log'}
        </button>
        <button type="button" className="danger" onClick={remove} aria-label={`Delete ${endpoint.url}`}>Delete</button>
      </div>
      <p aria-live="polite" data-testid="test-result" className={result?.startsWith('Delivered') ? 'success' : undefined}>{result ?? ''}</p>
      <ErrorText message={error} />
      <div id={logId} hidden={!open}>
        {open && <DeliveryLog endpoint={endpoint} version={version} />}
      </div>
    </li>
  );
}

/** Webhook endpoints: add (secret shown once), status and enable, test events, the delivery log, delete. */
export function WebhooksPage() {
  const [data, setData] = useState<{ endpoints: WebhookEndpointView[]; limit: number } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [url, setUrl] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const [limitReached, setLimitReached] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);

  const load = useCallback(async () => {
    const res = await api.call<{ endpoints: WebhookEndpointView[]; limit: number }>('GET', 'webhooks');
    if (res.ok) {
      setData(res.data);
      setLoadError(null);
    } else setLoadError(res.message);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setFieldError(undefined);
    setFormError(null);
    setLimitReached(null);
    const res = await api.call<{ endpoint: WebhookEndpointView; secret: string }>('POST', 'webhooks', { url });
    if (!res.ok) {
      if (res.code === 'plan_limit_reached') return setLimitReached(res.message);
      const { inline, rest } = splitFieldErrors(res.fields, ['url']);
      setFieldError(inline.url);
      return setFormError(Object.keys(res.fields).length > 0 ? rest : res.message);
    }
    setUrl('');
    setSecret({ url: res.data.endpoint.url, secret: res.data.secret });
    setMessage(`Added ${res.data.endpoint.url}.`);
    await load();
  };

  return (
    <div>
      <h1>Webhooks</h1>
      <p className="hint">Matches of your watches are POSTed as signed JSON to these endpoints.</p>
      {secret && <SecretBox url={secret.url} secret={secret.secret} onDone={() => setSecret(null)} />}
      <form onSubmit={add} className="panel" noValidate>
        <h2>Add an endpoint</h2>
        {data && <p className="hint" data-testid="endpoint-limit">{limitInWords(data.endpoints.length, data.limit, 'endpoint')}</p>}
        {limitReached && <Callout tone="warn" title="Endpoint limit reached"><p>{limitReached} Delete one first.</p></Callout>}
        <div className="row" style={{ alignItems: 'flex-start' }}>
          <FormField label="Endpoint URL" error={fieldError} className="field" hint="http or https; your receiver answers 2xx within 10 s.">
            {(control) => <input {...control} type="text" inputMode="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.com/trendlens" style={{ minWidth: 280 }} />}
          </FormField>
          <button type="submit" className="primary" style={{ marginTop: 24 }}>Add endpoint</button>
        </div>
        <ErrorText message={formError} />
      </form>
      <p aria-live="polite" className="success">{message}</p>
      <ErrorText message={loadError} />
      {data === null ? (
        !loadError && <p aria-live="polite">Loading endpoints…</p>
      ) : data.endpoints.length === 0 ? (
        <p>No endpoints yet.</p>
      ) : (
        <ul aria-label="Webhook endpoints" style={{ listStyle: 'none', padding: 0 }}>
          {data.endpoints.map((ep) => (
            <EndpointRow
              key={ep.id}
              endpoint={ep}
              onChanged={(m) => {
                setMessage(m);
                void load();
              }}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
