import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from '../../components/router.js';
import { api, ErrorText } from './shared.js';

/** The one-time token of a link the server sent or the operator's CLI printed (`?token=…`). */
function tokenOf(search: string): string {
  return new URLSearchParams(search).get('token')?.trim() ?? '';
}

/** `/console/reset-password?token=…`: choose a new password; other sessions end and the address counts as verified. */
export function ResetPasswordPage({ search }: { search: string }) {
  const token = tokenOf(search);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(token ? null : 'This link has no token: ask for a new one.');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const id = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const res = await api.call('POST', 'auth/reset', { token, password });
    setBusy(false);
    if (res.ok) setDone(true);
    else setError(res.message);
  };
  if (done) {
    return (
      <section className="card">
        <h1>Password changed</h1>
        <p>Every other session of this account has ended.</p>
        <Link href="/console/sign-in">Sign in with the new password</Link>
      </section>
    );
  }
  return (
    <form className="card" onSubmit={submit}>
      <h1>Choose a new password</h1>
      <ErrorText message={error} />
      <label htmlFor={id}>New password</label>
      <input id={id} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      <p className="hint">At least 10 characters; a common or breached password is refused.</p>
      <button type="submit" disabled={busy || !token}>{busy ? 'Saving…' : 'Set password'}</button>
    </form>
  );
}

/** `/console/verify-email?token=…`: proves the address once, as soon as the page opens. */
export function VerifyEmailPage({ search }: { search: string }) {
  const token = tokenOf(search);
  const [state, setState] = useState<{ ok: boolean; message: string } | null>(
    token ? null : { ok: false, message: 'This link has no token: ask for a new one from the Console.' },
  );
  // A token is good once: React's double effects in development must not spend it twice.
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    api.call('POST', 'auth/verify', { token }).then((res) =>
      setState(res.ok ? { ok: true, message: 'Your e-mail address is verified.' } : { ok: false, message: res.message }),
    );
  }, [token]);
  if (state === null) return <p>Verifying…</p>;
  return (
    <section className="card">
      <h1>{state.ok ? 'Address verified' : 'Verification failed'}</h1>
      {state.ok ? <p>{state.message}</p> : <ErrorText message={state.message} />}
      <Link href="/console">Go to the Console</Link>
    </section>
  );
}
