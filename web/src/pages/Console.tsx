import { useCallback, useEffect, useId, useMemo, useReducer, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { copyText } from '../components/copy.js';
import { RequestLog } from '../components/RequestLog.js';
import { Link, navigate } from '../components/router.js';
import { UsageScopeControls } from '../components/UsageScopeControls.js';
import { sharedCatalog, type Endpoint } from '../lib/catalog.js';
import {
  ConsoleApi,
  type Billing,
  type KeyView,
  type UsageDay,
  type UsageEndpoint,
  type UsageOverview,
  type UsageRequestsPage,
  type User,
} from '../lib/console-api.js';
import { browserKeyStore } from '../lib/key-store.js';
import { initialRequestLog, requestLogReducer } from '../lib/request-log.js';
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
} from '../lib/usage-query.js';

const api = new ConsoleApi();
const num = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toLocaleString('en-US'));
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : 'never');

function ErrorText({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" className="error">
      {message}
    </p>
  ) : null;
}

function AuthForm({ mode, onSignedIn }: { mode: 'sign-in' | 'sign-up'; onSignedIn: (u: User) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { email: useId(), password: useId(), name: useId() };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const body = mode === 'sign-up' ? { email, password, name: name || undefined } : { email, password };
    const res = await api.call<{ user: User }>('POST', `auth/${mode}`, body);
    setBusy(false);
    if (!res.ok) return setError(res.message);
    onSignedIn(res.data.user);
    navigate('/console/keys');
  };
  return (
    <form onSubmit={submit} className="panel" style={{ maxWidth: 420 }} noValidate>
      <h1>{mode === 'sign-in' ? 'Sign in' : 'Create your account'}</h1>
      {mode === 'sign-up' && (
        <div className="field">
          <label htmlFor={ids.name}>Name (optional)</label>
          <input id={ids.name} type="text" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
        </div>
      )}
      <div className="field">
        <label htmlFor={ids.email}>Email</label>
        <input id={ids.email} type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" required />
      </div>
      <div className="field">
        <label htmlFor={ids.password}>Password</label>
        <input
          id={ids.password}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'}
          aria-describedby={`${ids.password}-hint`}
          required
        />
        {mode === 'sign-up' && <p className="hint" id={`${ids.password}-hint`}>10–128 characters.</p>}
      </div>
      <ErrorText message={error} />
      <button type="submit" className="primary" disabled={busy}>
        {mode === 'sign-in' ? 'Sign in' : 'Sign up'}
      </button>
      <p>
        {mode === 'sign-in' ? (
          <>No account? <Link href="/console/sign-up">Sign up</Link></>
        ) : (
          <>Have an account? <Link href="/console/sign-in">Sign in</Link></>
        )}
      </p>
    </form>
  );
}

const GRACE_CHOICES: [number, string][] = [
  [0, 'No grace: the old key stops at once'],
  [3600, '1 hour'],
  [86_400, '1 day (default)'],
  [604_800, '7 days'],
];

function KeyRow({ k, onChanged }: { k: KeyView; onChanged: (message: string, secret?: { name: string; key: string }) => void }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(k.name);
  const [rotating, setRotating] = useState(false);
  const [grace, setGrace] = useState(86_400);
  const [error, setError] = useState<string | null>(null);
  const ids = { name: useId(), grace: useId() };
  const live = k.status === 'active';

  const rename = async (e: FormEvent) => {
    e.preventDefault();
    const res = await api.call<{ key: KeyView }>('PATCH', `keys/${k.id}`, { name });
    if (!res.ok) return setError(res.message);
    setRenaming(false);
    onChanged(`Renamed to “${res.data.key.name}”.`);
  };
  const rotate = async () => {
    const res = await api.call<{ key: KeyView; api_key: string }>('POST', `keys/${k.id}/rotate`, { grace_period_seconds: grace });
    if (!res.ok) return setError(res.message);
    setRotating(false);
    onChanged(`Rotated “${k.name}”.`, { name: res.data.key.name, key: res.data.api_key });
  };
  const revoke = async () => {
    if (!window.confirm(`Revoke “${k.name}”? Requests with it stop working at once.`)) return;
    const res = await api.call<{ key: KeyView }>('POST', `keys/${k.id}/revoke`);
    if (!res.ok) return setError(res.message);
    onChanged(`Revoked “${k.name}”.`);
  };

  return (
    <tr>
      <td>
        {renaming ? (
          <form onSubmit={rename} className="row">
            <label htmlFor={ids.name} className="visually-hidden">New name</label>
            <input id={ids.name} type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={64} style={{ width: 160 }} />
            <button type="submit">Save</button>
            <button type="button" onClick={() => setRenaming(false)}>Cancel</button>
          </form>
        ) : (
          k.name
        )}
        <ErrorText message={error} />
      </td>
      <td><code>{k.masked_key}</code></td>
      <td>
        {k.status}
        {k.status === 'grace' && k.expires_at ? ` until ${when(k.expires_at)}` : ''}
      </td>
      <td>{when(k.created_at)}</td>
      <td>{when(k.last_used_at)}</td>
      <td>
        {rotating ? (
          <div>
            <label htmlFor={ids.grace}>Old key keeps working for</label>
            <select id={ids.grace} value={grace} onChange={(e) => setGrace(Number(e.target.value))}>
              {GRACE_CHOICES.map(([s, l]) => (
                <option key={s} value={s}>{l}</option>
              ))}
            </select>
            <div className="row" style={{ marginTop: 4 }}>
              <button type="button" className="primary" onClick={rotate}>Rotate now</button>
              <button type="button" onClick={() => setRotating(false)}>Cancel</button>
            </div>
          </div>
        ) : (
          <div className="row">
            {k.status !== 'revoked' && k.status !== 'expired' && (
              <button type="button" onClick={() => setRenaming(true)} aria-label={`Rename ${k.name}`}>Rename</button>
            )}
            {live && (
              <button type="button" onClick={() => setRotating(true)} aria-label={`Rotate ${k.name}`}>Rotate</button>
            )}
            {(live || k.status === 'grace') && (
              <button type="button" className="danger" onClick={revoke} aria-label={`Revoke ${k.name}`}>Revoke</button>
            )}
          </div>
        )}
      </td>
    </tr>
  );
}

function NewKeyBox({ secret, onDone }: { secret: { name: string; key: string }; onDone: () => void }) {
  const [status, setStatus] = useState('');
  return (
    <section className="panel" aria-labelledby="new-key-h" role="region">
      <h2 id="new-key-h">Your new key “{secret.name}”</h2>
      <p>
        <strong>This is the only time the full key is shown.</strong> Copy it now and keep it on your server.
      </p>
      <p className="secret" data-testid="new-api-key">{secret.key}</p>
      <div className="row">
        <button type="button" className="primary" onClick={() => copyText(secret.key).then((ok) => setStatus(ok ? 'Key copied.' : 'Copy failed.'))}>Copy key</button>
        <button
          type="button"
          onClick={() => {
            browserKeyStore().save(secret.key, false);
            navigate('/playground');
          }}
        >
          Use in Playground (this tab only)
        </button>
        <button type="button" onClick={onDone}>I have saved it</button>
        <span aria-live="polite" className="hint">{status}</span>
      </div>
    </section>
  );
}

function Keys() {
  const [keys, setKeys] = useState<KeyView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<{ name: string; key: string } | null>(null);
  const nameId = useId();
  const load = useCallback(async () => {
    const res = await api.call<{ keys: KeyView[] }>('GET', 'keys');
    if (res.ok) setKeys(res.data.keys);
    else setError(res.message);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const create = async (e: FormEvent) => {
    e.preventDefault();
    const res = await api.call<{ key: KeyView; api_key: string }>('POST', 'keys', { name: name.trim() });
    if (!res.ok) return setError(res.message);
    setError(null);
    setName('');
    setSecret({ name: res.data.key.name, key: res.data.api_key });
    setMessage(`Created “${res.data.key.name}”.`);
    await load();
  };
  return (
    <div>
      <h1>API keys</h1>
      {secret && <NewKeyBox secret={secret} onDone={() => setSecret(null)} />}
      <form onSubmit={create} className="panel">
        <h2>Create a key</h2>
        <label htmlFor={nameId}>Key name</label>
        <div className="row">
          <input id={nameId} type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={64} placeholder="e.g. production server" style={{ flex: '1 1 200px', width: 'auto' }} />
          <button type="submit" className="primary" disabled={name.trim() === ''}>Create key</button>
        </div>
      </form>
      <ErrorText message={error} />
      <p aria-live="polite" className="success">{message}</p>
      {keys === null ? (
        <p>Loading keys…</p>
      ) : keys.length === 0 ? (
        <p>No keys yet.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
          <table data-testid="key-list">
            <thead>
              <tr>
                {['Name', 'Key', 'Status', 'Created', 'Last used', 'Actions'].map((h) => (
                  <th key={h} scope="col">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <KeyRow
                  key={k.id}
                  k={k}
                  onChanged={(m, s) => {
                    setMessage(m);
                    if (s) setSecret(s);
                    void load();
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function Meter({ label, used, total }: { label: string; used: number; total: number | null }) {
  const pct = total ? Math.min(100, Math.round((used / total) * 100)) : 0;
  return (
    <div className="field">
      <p style={{ margin: 0 }}>
        {label}: {num(used)} {total !== null ? `of ${num(total)} (${pct}%)` : 'used (no cap)'}
      </p>
      {total !== null && (
        <div className="meter" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={used}>
          <div style={{ width: `${pct}%` }} />
        </div>
      )}
    </div>
  );
}

function BillingPage() {
  const [billing, setBilling] = useState<Billing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [hardLimit, setHardLimit] = useState('');
  const ids = { overage: useId(), hard: useId() };
  const show = (b: Billing) => {
    setBilling(b);
    setHardLimit(b.hard_limit_credits === null ? '' : String(b.hard_limit_credits));
  };
  useEffect(() => {
    api.call<Billing>('GET', 'billing/me').then((r) => (r.ok ? show(r.data) : setError(r.message)));
  }, []);
  const save = async (changes: { allow_overage?: boolean; hard_limit_credits?: number | null }) => {
    const res = await api.call<Billing>('PATCH', 'billing/settings', changes);
    if (!res.ok) return setError(res.message);
    setError(null);
    show(res.data);
    setMessage('Saved.');
  };
  if (!billing) return error ? <ErrorText message={error} /> : <p>Loading billing…</p>;
  const { plan } = billing;
  return (
    <div>
      <h1>Billing</h1>
      <section className="panel">
        <h2>{plan.name} plan</h2>
        <dl className="facts">
          <dt>Price</dt>
          <dd>${plan.price_usd}/month</dd>
          <dt>Included</dt>
          <dd>{num(plan.included_credits)} credits/month</dd>
          <dt>Daily cap</dt>
          <dd>{plan.daily_credit_limit === null ? 'none' : num(plan.daily_credit_limit)}</dd>
          <dt>Rate limit</dt>
          <dd>{num(plan.rate_limit_per_minute)} requests/minute</dd>
          <dt>Period</dt>
          <dd>{when(billing.period.start)} – {when(billing.period.end)}</dd>
        </dl>
      </section>
      <section className="panel">
        <h2>Credits</h2>
        <Meter label="Monthly credits used" used={billing.credits.used} total={billing.credits.included} />
        <p>{num(billing.credits.remaining)} included credits remaining.</p>
        <Meter label="Today's credits" used={billing.daily.used} total={billing.daily.limit} />
        <p className="hint">The daily count resets at {when(billing.daily.resets_at)}.</p>
      </section>
      <section className="panel">
        <h2>Overage</h2>
        {billing.overage.available ? (
          <>
            <p>
              ${plan.overage_usd_per_1k} per 1,000 credits beyond the included amount. This period: {num(billing.overage.credits)} overage credits, about $
              {billing.overage.estimated_usd.toFixed(2)}.
            </p>
            <label className="check" htmlFor={ids.overage}>
              <input id={ids.overage} type="checkbox" checked={billing.overage.allowed} onChange={(e) => save({ allow_overage: e.target.checked })} />
              Allow overage when included credits run out
            </label>
            <form
              className="field"
              onSubmit={(e) => {
                e.preventDefault();
                const v = hardLimit.trim();
                if (v !== '' && !/^[0-9]+$/.test(v)) return setError('The hard limit must be a whole number of credits, or empty for none.');
                void save({ hard_limit_credits: v === '' ? null : Number(v) });
              }}
            >
              <label htmlFor={ids.hard}>Hard limit (total credits this period, empty for none)</label>
              <div className="row">
                <input id={ids.hard} type="text" inputMode="numeric" value={hardLimit} onChange={(e) => setHardLimit(e.target.value)} style={{ width: 200 }} />
                <button type="submit">Save limit</button>
              </div>
            </form>
          </>
        ) : (
          <p>The {plan.name} plan has no overage: requests stop when the included credits are used up.</p>
        )}
        <ErrorText message={error} />
        <p aria-live="polite" className="success">{message}</p>
      </section>
    </div>
  );
}

function DailyBars({ days }: { days: UsageDay[] }) {
  const max = Math.max(1, ...days.map((d) => d.requests));
  return (
    <figure style={{ margin: 0 }}>
      <div className="bars" role="img" aria-label={`Requests per day: ${days.map((d) => `${d.date} ${d.requests}`).join(', ')}`}>
        {days.map((d) => (
          <div key={d.date} style={{ height: `${(d.requests / max) * 100}%` }} title={`${d.date}: ${d.requests} requests, ${d.credits} credits`} />
        ))}
      </div>
      <figcaption className="hint">
        {days[0]?.date} – {days.at(-1)?.date}, peak {num(max)} requests/day
      </figcaption>
    </figure>
  );
}

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

function Usage() {
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
                  <dd>{num(shown.overview.requests)} ({num(shown.overview.successes)} successful, {num(shown.overview.errors)} errors)</dd>
                  <dt>Credits</dt>
                  <dd>{num(shown.overview.credits)}{shown.overview.overage_credits ? ` (${num(shown.overview.overage_credits)} overage)` : ''}</dd>
                  <dt>Latency</dt>
                  <dd>average {num(shown.overview.avg_latency_ms)} ms, p95 {num(shown.overview.p95_latency_ms)} ms</dd>
                  <dt>Cache hits</dt>
                  <dd>{shown.overview.cache_hit_ratio === null ? '—' : `${Math.round(shown.overview.cache_hit_ratio * 100)}%`}</dd>
                </dl>
              </section>
              <section className="panel">
                <h2>Requests over time</h2>
                <DailyBars days={shown.days} />
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
                            <td>{num(e.avg_latency_ms)} ms</td>
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

/** The Console: sign-up/in, keys, billing and usage over the Console API (docs/api-contract.md § Console API). */
export function Console({ path }: { path: string }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.call<{ user: User; csrf_token: string }>('GET', 'me').then((r) => {
      if (r.ok) setUser(r.data.user);
      else if (r.status === 401) setUser(null);
      else {
        setUser(null);
        setError(r.status === 404 ? 'The Console API is not available on this server.' : r.message);
      }
    });
  }, []);
  const page = path.replace(/^\/console\/?/, '');
  useEffect(() => {
    document.title = 'Console — Trendlens';
  }, []);

  if (user === undefined) return <p>Loading…</p>;
  if (user === null) {
    return (
      <div>
        <ErrorText message={error} />
        <AuthForm key={page} mode={page === 'sign-up' ? 'sign-up' : 'sign-in'} onSignedIn={setUser} />
      </div>
    );
  }
  const signOut = async () => {
    await api.call('POST', 'auth/sign-out');
    api.setCsrfToken(null);
    setUser(null);
    navigate('/console/sign-in');
  };
  let content: ReactNode;
  if (page === 'keys') content = <Keys />;
  else if (page === 'billing') content = <BillingPage />;
  else if (page === 'usage') content = <Usage />;
  else {
    content = (
      <div>
        <h1>Welcome{user.name ? `, ${user.name}` : ''}</h1>
        <p>
          Signed in as {user.email} on the <strong>{user.plan}</strong> plan.
        </p>
        <ul>
          <li><Link href="/console/keys">Create and manage API keys</Link></li>
          <li><Link href="/console/billing">See credits and plan</Link></li>
          <li><Link href="/console/usage">See usage</Link></li>
          <li><Link href="/playground">Try the API in the Playground</Link></li>
        </ul>
      </div>
    );
  }
  const tab = (href: string, label: string, current: boolean) => (
    <Link href={href} aria-current={current ? 'page' : undefined}>{label}</Link>
  );
  return (
    <div>
      <nav aria-label="Console" className="row" style={{ marginBottom: 12 }}>
        {tab('/console', 'Overview', !['keys', 'billing', 'usage'].includes(page))}
        {tab('/console/keys', 'Keys', page === 'keys')}
        {tab('/console/billing', 'Billing', page === 'billing')}
        {tab('/console/usage', 'Usage', page === 'usage')}
        <span style={{ marginLeft: 'auto' }} className="hint">{user.email}</span>
        <button type="button" onClick={signOut}>Sign out</button>
      </nav>
      {content}
    </div>
  );
}
