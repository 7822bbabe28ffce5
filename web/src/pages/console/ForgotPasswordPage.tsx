import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from '../../components/router.js';
import { api, ErrorText } from './shared.js';

/** What the server said to a request: the same for every address, so it tells nobody whether one has an account. */
type Answer = { mailed: boolean; email: string };

/** `/console/forgot-password`: asks for a reset link by e-mail (POST auth/reset/request). */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = { email: useId(), error: useId() };
  // The form is replaced by the answer: focus moves to its heading so it is read out.
  useEffect(() => {
    if (answer) heading.current?.focus();
  }, [answer]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldError(null);
    const res = await api.call<{ email_sent_if_account_exists: boolean }>('POST', 'auth/reset/request', { email });
    setBusy(false);
    if (res.ok) return setAnswer({ mailed: res.data.email_sent_if_account_exists, email: email.trim() });
    if (res.fields.email) return setFieldError(`Email ${res.fields.email}.`);
    // A 429 `too_many_reset_requests` carries its own sentence, with the limit and when to try again.
    setError(res.message);
  };
  if (answer) {
    return (
      <section className="panel auth" aria-labelledby={`${ids.email}-answer`}>
        <h1 id={`${ids.email}-answer`} ref={heading} tabIndex={-1}>
          {answer.mailed ? 'Check your e-mail' : 'Ask the operator for a link'}
        </h1>
        <p role="status" data-testid="reset-requested">
          {answer.mailed
            ? `If ${answer.email} belongs to an account, a link to choose a new password is on its way. It works once, for an hour.`
            : 'This server does not send e-mail. Ask its operator for a password reset link; it works once, for an hour.'}
        </p>
        <p>
          <Link href="/console/sign-in">Back to sign in</Link>
        </p>
      </section>
    );
  }
  return (
    <form onSubmit={submit} className="panel auth" noValidate>
      <h1>Reset your password</h1>
      <p className="hint">Enter the email address of your account to get a link for choosing a new password.</p>
      <div className="field">
        <label htmlFor={ids.email}>Email</label>
        <input
          id={ids.email}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoComplete="email"
          required
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? ids.error : undefined}
        />
        {fieldError && (
          <p className="error field-error" id={ids.error} role="alert">
            {fieldError}
          </p>
        )}
      </div>
      <ErrorText message={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Sending…' : 'Send reset link'}
      </button>
      <p>
        Remembered it? <Link href="/console/sign-in">Sign in</Link>
      </p>
    </form>
  );
}
