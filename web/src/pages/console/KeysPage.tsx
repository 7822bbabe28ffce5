import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { copyText } from '../../components/copy.js';
import { navigate } from '../../components/router.js';
import type { KeyView } from '../../lib/console-api.js';
import { formatTime } from '../../lib/format.js';
import { browserKeyStore } from '../../lib/key-store.js';
import { lastPlaygroundPath } from '../../lib/return-path.js';
import { api, ErrorText, takeSecret } from './shared.js';

const GRACE_CHOICES: [number, string][] = [
  [0, 'No grace: the old key stops at once'],
  [3600, '1 hour'],
  [86_400, '1 day (default)'],
  [604_800, '7 days'],
];

const STATUS_WORDS: Record<KeyView['status'], string> = { active: 'Active', grace: 'Grace period', revoked: 'Revoked', expired: 'Expired' };

function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

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
      <td data-label="Name">
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
      <td data-label="Status">
        <span className={`badge badge-${k.status}`}>{STATUS_WORDS[k.status]}</span>
        {k.status === 'grace' && k.expires_at ? ` until ${formatTime(k.expires_at)}` : ''}
      </td>
      <td data-label="Actions">
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
      <td data-label="Key"><code>{k.masked_key}</code></td>
      <td data-label="Created">{formatTime(k.created_at)}</td>
      <td data-label="Last used">{formatTime(k.last_used_at)}</td>
    </tr>
  );
}

function NewKeyBox({ secret, onDone }: { secret: { name: string; key: string }; onDone: () => void }) {
  const [status, setStatus] = useState('');
  return (
    <section className="panel callout" aria-labelledby="new-key-h" role="region">
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
            navigate(lastPlaygroundPath(sessionStorageOrNull()));
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

/** API keys: create (a name is optional), list, rename, rotate with grace, revoke. */
export function KeysPage() {
  const [keys, setKeys] = useState<KeyView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<{ name: string; key: string } | null>(takeSecret);
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
    // Without a name the server names it ("Default key", then "Key 2", …).
    const res = await api.call<{ key: KeyView; api_key: string }>('POST', 'keys', name.trim() ? { name: name.trim() } : {});
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
        <label htmlFor={nameId}>Key name (optional)</label>
        <div className="row">
          <input id={nameId} type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={64} placeholder="e.g. production server" style={{ flex: '1 1 200px', width: 'auto' }} />
          <button type="submit" className="primary">Create key</button>
        </div>
      </form>
      <ErrorText message={error} />
      <p aria-live="polite" className="success">{message}</p>
      {keys === null ? (
        <p>Loading keys…</p>
      ) : keys.length === 0 ? (
        <p>No keys yet.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="API keys">
          <table data-testid="key-list" className="stack">
            <thead>
              <tr>
                {['Name', 'Status', 'Actions', 'Key', 'Created', 'Last used'].map((h) => (
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
