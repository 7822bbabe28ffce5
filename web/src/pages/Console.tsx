import { useCallback, useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { copyText } from '../components/copy.js';
import { Link, navigate } from '../components/router.js';
import {
  ConsoleApi,
  type Billing,
  type KeyView,
  type UsageDay,
  type UsageEndpoint,
  type UsageOverview,
  type UsageRequest,
  type User,
} from '../lib/console-api.js';
import { browserKeyStore } from '../lib/key-store.js';

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

function Usage() {
  const [range, setRange] = useState('week');
  const [data, setData] = useState<{ overview: UsageOverview; days: UsageDay[]; endpoints: UsageEndpoint[]; requests: UsageRequest[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const rangeId = useId();
  useEffect(() => {
    let live = true;
    const q = `range=${range}`;
    Promise.all([
      api.call<UsageOverview>('GET', `usage/overview?${q}`),
      api.call<{ days: UsageDay[] }>('GET', `usage/timeseries?${q}`),
      api.call<{ endpoints: UsageEndpoint[] }>('GET', `usage/endpoints?${q}`),
      api.call<{ requests: UsageRequest[] }>('GET', `usage/requests?${q}&limit=50`),
    ]).then(([o, t, e, r]) => {
      if (!live) return;
      const failed = [o, t, e, r].find((x) => !x.ok);
      if (failed && !failed.ok) return setError(failed.message);
      if (o.ok && t.ok && e.ok && r.ok) {
        setError(null);
        setData({ overview: o.data, days: t.data.days, endpoints: e.data.endpoints, requests: r.data.requests });
      }
    });
    return () => {
      live = false;
    };
  }, [range, tick]);
  const maxCredits = useMemo(() => Math.max(1, ...(data?.endpoints.map((e) => e.requests) ?? [])), [data]);
  return (
    <div>
      <h1>Usage</h1>
      <div className="row">
        <label htmlFor={rangeId}>Range</label>
        <select id={rangeId} value={range} onChange={(e) => setRange(e.target.value)} style={{ width: 'auto' }}>
          <option value="day">Today (UTC)</option>
          <option value="week">Last 7 days</option>
          <option value="month">Last 30 days</option>
          <option value="period">This billing period</option>
        </select>
        <button type="button" onClick={() => setTick((t) => t + 1)}>Refresh</button>
      </div>
      <ErrorText message={error} />
      {!data ? (
        <p>Loading usage…</p>
      ) : (
        <>
          <section className="panel">
            <h2>Overview</h2>
            <dl className="facts" data-testid="usage-overview">
              <dt>Requests</dt>
              <dd>{num(data.overview.requests)} ({num(data.overview.successes)} successful, {num(data.overview.errors)} errors)</dd>
              <dt>Credits</dt>
              <dd>{num(data.overview.credits)}{data.overview.overage_credits ? ` (${num(data.overview.overage_credits)} overage)` : ''}</dd>
              <dt>Latency</dt>
              <dd>average {num(data.overview.avg_latency_ms)} ms, p95 {num(data.overview.p95_latency_ms)} ms</dd>
              <dt>Cache hits</dt>
              <dd>{data.overview.cache_hit_ratio === null ? '—' : `${Math.round(data.overview.cache_hit_ratio * 100)}%`}</dd>
            </dl>
          </section>
          <section className="panel">
            <h2>Requests over time</h2>
            <DailyBars days={data.days} />
          </section>
          <section className="panel">
            <h2>Per endpoint</h2>
            {data.endpoints.length === 0 ? (
              <p>No requests in this range.</p>
            ) : (
              <div className="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
                <table>
                  <thead>
                    <tr>
                      {['Endpoint', 'Requests', 'Errors', 'Credits', 'Avg latency', ''].map((h) => (
                        <th key={h} scope="col">{h || <span className="visually-hidden">Share</span>}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {data.endpoints.map((e) => (
                      <tr key={e.operation_id}>
                        <td><code>{e.path ?? e.operation_id}</code></td>
                        <td>{num(e.requests)}</td>
                        <td>{num(e.errors)}</td>
                        <td>{num(e.credits)}</td>
                        <td>{num(e.avg_latency_ms)} ms</td>
                        <td style={{ width: 120 }}>
                          <div className="hbar" style={{ width: `${(e.requests / maxCredits) * 100}%` }} aria-hidden="true" />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section className="panel">
            <h2>Recent requests</h2>
            {data.requests.length === 0 ? (
              <p data-testid="no-requests">No requests in this range yet. Usage is recorded within a few seconds.</p>
            ) : (
              <div className="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
                <table data-testid="recent-requests">
                  <thead>
                    <tr>
                      {['Time', 'Endpoint', 'Status', 'Latency', 'Credits', 'Key', 'Source'].map((h) => (
                        <th key={h} scope="col">{h}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {data.requests.map((r) => (
                      <tr key={r.request_id}>
                        <td>{when(r.time)}</td>
                        <td><code>{r.path ?? r.operation_id}{r.query ? `?${r.query}` : ''}</code></td>
                        <td className={r.status < 300 ? 'status-ok' : 'status-err'}>{r.status}</td>
                        <td>{num(r.latency_ms)} ms</td>
                        <td>{r.credits}</td>
                        <td><code>{r.masked_key ?? '—'}</code></td>
                        <td>{r.source}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </div>
  );
}

/** The Console: sign-up/in, keys, billing and usage over the Console API (contract §7). */
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
