import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from '../../components/router.js';
import type { User } from '../../lib/console-api.js';
import { api, ErrorText } from './shared.js';

/** The one-time token of a link the server sent or the operator's CLI printed (`?token=…`). */
function tokenOf(search: string): string {
  return new URLSearchParams(search).get('token')?.trim() ?? '';
}

/** A heading that takes focus when it appears, so a page whose content was replaced is read out. */
function FocusedHeading({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

/**
 * What `auth/reset` answers: null, or, when the address had not been verified, what was set up under it
 * and is gone now (README § Operating in public, "A squatted sign-up"), in a sentence to show.
 */
type ResetAnswer = { revoked: { api_keys: number; webhook_endpoints: number; watches: number; plan_request: string | null }; message: string } | null;

/**
 * `/console/reset-password?token=…`: choose a new password; every session ends and the address counts as
 * verified. When it had not been, the server's sentence on what was revoked is shown too.
 */
export function ResetPasswordPage({ search }: { search: string }) {
  const token = tokenOf(search);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A missing, unknown, used or expired token: no password can help, only a new link.
  const [deadLink, setDeadLink] = useState(token === '');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [revokedNotice, setRevokedNotice] = useState<string | null>(null);
  const ids = { password: useId(), hint: useId(), error: useId() };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setPasswordError(null);
    const res = await api.call<ResetAnswer>('POST', 'auth/reset', { token, password });
    setBusy(false);
    if (res.ok) {
      setRevokedNotice(res.data?.message ?? null);
      setDone(true);
    } else if (res.fields.token) setDeadLink(true);
    else if (res.fields.password) setPasswordError(`The password ${res.fields.password}.`);
    else setError(res.message);
  };
  if (done) {
    return (
      <section className="panel auth">
        <FocusedHeading>Password changed</FocusedHeading>
        <p role="status">Every session of this account has ended, on every device.</p>
        {revokedNotice && <p data-testid="reset-revoked">{revokedNotice}</p>}
        {/* A full load, not in-app navigation: the Console re-reads who is signed in (nobody, now). */}
        <a href="/console/sign-in">Sign in with the new password</a>
      </section>
    );
  }
  if (deadLink) {
    return (
      <section className="panel auth">
        <FocusedHeading>This link does not work</FocusedHeading>
        <ErrorText message={token ? 'This password reset link is unknown, already used or expired (links work once, for an hour).' : 'This link has no token.'} />
        <Link href="/console/forgot-password">Ask for a new link</Link>
      </section>
    );
  }
  return (
    <form className="panel auth" onSubmit={submit} noValidate>
      <h1>Choose a new password</h1>
      <div className="field">
        <label htmlFor={ids.password}>New password</label>
        <input
          id={ids.password}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? `${ids.error} ${ids.hint}` : ids.hint}
        />
        {passwordError && (
          <p className="error field-error" id={ids.error} role="alert">
            {passwordError}
          </p>
        )}
        <p className="hint" id={ids.hint}>10–128 characters; a common password, or one close to your email, is refused.</p>
      </div>
      <ErrorText message={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Saving…' : 'Set password'}
      </button>
    </form>
  );
}

/**
 * Above the sign-in form when a verification link is opened signed out. The link reaches whoever holds
 * the address, and that may not be who signed up: they are told how to take the account over instead.
 */
export function VerifySignInNote() {
  return (
    <div className="panel auth" data-testid="verify-sign-in">
      <p role="status">
        <strong>Sign in to verify this address.</strong> The link verifies the account it was sent for once you are signed in to
        it, and brings you back here.
      </p>
      <p>
        Did not sign up for Trendlens? Someone else used your address: take the account over with{' '}
        <Link href="/console/forgot-password">Forgot your password?</Link> That ends their sessions and revokes the API keys they
        created.
      </p>
    </div>
  );
}

/** `/console/verify-email?token=…`, signed in: proves the address once, as soon as the page opens. */
export function VerifyEmailPage({ search }: { search: string }) {
  const token = tokenOf(search);
  const [state, setState] = useState<{ ok: boolean; message: string } | null>(
    token ? null : { ok: false, message: 'This link has no token.' },
  );
  // A token is good once: React's double effects in development must not spend it twice.
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    api.call<{ user: User }>('POST', 'auth/verify', { token }).then((res) =>
      setState(
        res.ok
          ? { ok: true, message: `${res.data.user.email} is verified.` }
          : { ok: false, message: res.fields.token ? 'This verification link is unknown, already used or expired (links work once, for three days).' : res.message },
      ),
    );
  }, [token]);
  if (state === null) return <p role="status">Verifying…</p>;
  return (
    <section className="panel auth">
      <FocusedHeading>{state.ok ? 'Address verified' : 'Verification failed'}</FocusedHeading>
      {state.ok ? <p role="status">{state.message}</p> : <ErrorText message={state.message} />}
      {!state.ok && <p>Signed in, the Console's overview sends a new link.</p>}
      <Link href="/console">Go to the Console</Link>
    </section>
  );
}
