import { useEffect, useState } from 'react';
import type { User } from '../../lib/console-api.js';
import { api } from './shared.js';

/**
 * Whether the signed-in address is verified, with a way to get a new link. Read afresh rather than
 * from the Console's `user`: a verification link opened in this tab may have changed it since.
 */
export function EmailStatus() {
  const [verified, setVerified] = useState<boolean | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.call<{ user: User }>('GET', 'me').then((r) => r.ok && setVerified(r.data.user.email_verified));
  }, []);
  const resend = async () => {
    setBusy(true);
    const res = await api.call<{ sent: boolean; email_verified: boolean }>('POST', 'account/verify/resend');
    setBusy(false);
    if (!res.ok) return setMessage(res.message);
    if (res.data.email_verified) return setVerified(true);
    setMessage(res.data.sent ? 'A new verification link is on its way.' : 'This server does not send e-mail: ask its operator for a verification link.');
  };
  if (verified === null) return null;
  if (verified) return <span data-testid="email-status">Address verified.</span>;
  return (
    <>
      <span data-testid="email-status">Address not verified.</span>{' '}
      <span data-testid="email-status-risk">
        Until it is, a password reset through this address revokes the account's API keys and deletes its webhooks, in case someone
        else signed up with it; verify it to keep them.
      </span>{' '}
      <button type="button" onClick={resend} disabled={busy}>Send a new verification link</button>{' '}
      <span aria-live="polite">{message}</span>
    </>
  );
}
