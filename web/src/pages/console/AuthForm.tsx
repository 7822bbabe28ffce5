import { useId, useState, type FormEvent } from 'react';
import { Link, navigate } from '../../components/router.js';
import type { KeyView, User } from '../../lib/console-api.js';
import { browserKeyStore } from '../../lib/key-store.js';
import { isPlaygroundPath, keyStepHref, RETURN_PARAM } from '../../lib/return-path.js';
import { api, ErrorText, handOverSecret } from './shared.js';

/**
 * Sign-up gives the new account a default key at once and keeps it for the Playground in this tab,
 * so the first live call is one step away; with a return path it goes straight back there.
 */
async function createFirstKey(): Promise<{ name: string; key: string } | null> {
  const res = await api.call<{ key: KeyView; api_key: string }>('POST', 'keys', {});
  return res.ok ? { name: res.data.key.name, key: res.data.api_key } : null;
}

/** Sign in or sign up; `returnTo` is the Playground or Console address to go on to afterwards. */
export function AuthForm({ mode, returnTo, onSignedIn }: { mode: 'sign-in' | 'sign-up'; returnTo: string | null; onSignedIn: (u: User) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [invite, setInvite] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { email: useId(), password: useId(), name: useId(), invite: useId() };
  const playgroundReturn = returnTo !== null && isPlaygroundPath(returnTo) ? returnTo : null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const body = mode === 'sign-up' ? { email, password, name: name || undefined, ...(invite ? { invite_code: invite.trim() } : {}) } : { email, password };
    const res = await api.call<{ user: User }>('POST', `auth/${mode}`, body);
    if (!res.ok) {
      setBusy(false);
      // A server that signs up by invitation only says so on the first try; the field then appears.
      if (res.code === 'invite_required' && invite === null) setInvite('');
      return setError(res.message);
    }
    if (mode === 'sign-up') {
      const secret = await createFirstKey();
      if (secret) {
        browserKeyStore().save(secret.key, false);
        if (!playgroundReturn) handOverSecret(secret);
      }
    }
    setBusy(false);
    onSignedIn(res.data.user);
    // The Playground needs a key in this tab: sign-up has just made one, sign-in offers one first.
    // Otherwise a new account goes to Keys, the one page that shows its first key (once).
    let next: string;
    if (playgroundReturn) next = mode === 'sign-up' ? playgroundReturn : keyStepHref(playgroundReturn);
    else next = mode === 'sign-up' ? '/console/keys' : (returnTo ?? '/console');
    // Replace: Back then skips the form that is no longer needed.
    navigate(next, true);
  };
  const other = mode === 'sign-in' ? '/console/sign-up' : '/console/sign-in';
  const otherHref = returnTo ? `${other}?${RETURN_PARAM}=${encodeURIComponent(returnTo)}` : other;
  return (
    <form onSubmit={submit} className="panel auth" noValidate>
      <h1>{mode === 'sign-in' ? 'Sign in' : 'Create your account'}</h1>
      {mode === 'sign-up' && (
        <p className="hint">
          A free account comes with an API key{playgroundReturn ? ', and you go straight back to the Playground with it' : ''}.
        </p>
      )}
      {mode === 'sign-up' && (
        <div className="field">
          <label htmlFor={ids.name}>Name (optional)</label>
          <input id={ids.name} type="text" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
        </div>
      )}
      {mode === 'sign-up' && invite !== null && (
        <div className="field">
          <label htmlFor={ids.invite}>Invite code</label>
          <input id={ids.invite} type="text" value={invite} onChange={(e) => setInvite(e.target.value)} autoComplete="off" />
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
          aria-describedby={mode === 'sign-up' ? `${ids.password}-hint` : undefined}
          required
        />
        {mode === 'sign-up' && <p className="hint" id={`${ids.password}-hint`}>10–128 characters.</p>}
        {/* Right after the password field, so the next Tab reaches it before the button. */}
        {mode === 'sign-in' && (
          <p className="hint">
            <Link href="/console/forgot-password">Forgot your password?</Link>
          </p>
        )}
      </div>
      <ErrorText message={error} />
      <button type="submit" className="primary" disabled={busy}>
        {mode === 'sign-in' ? 'Sign in' : 'Sign up'}
      </button>
      <p>
        {mode === 'sign-in' ? (
          <>No account? <Link href={otherHref}>Sign up</Link></>
        ) : (
          <>Have an account? <Link href={otherHref}>Sign in</Link></>
        )}
      </p>
    </form>
  );
}
