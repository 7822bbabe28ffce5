import { useEffect, useState, type ReactNode } from 'react';
import { Link, navigate } from '../components/router.js';
import type { User } from '../lib/console-api.js';
import { returnPathOf } from '../lib/return-path.js';
import { AuthForm } from './console/AuthForm.js';
import { BillingPage } from './console/BillingPage.js';
import { ForgotPasswordPage } from './console/ForgotPasswordPage.js';
import { KeysPage } from './console/KeysPage.js';
import { OverviewPage } from './console/OverviewPage.js';
import { api, ErrorText } from './console/shared.js';
import { ResetPasswordPage, VerifyEmailPage } from './console/TokenPages.js';
import { UsagePage } from './console/UsagePage.js';

const PAGES = ['keys', 'billing', 'usage'] as const;

/** The Console: sign-up/in, then overview, keys, billing and usage over the Console API. */
export function Console({ path, search }: { path: string; search: string }) {
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

  // Links from an e-mail or the operator's CLI work signed in or not.
  if (page === 'reset-password') return <ResetPasswordPage search={search} />;
  if (page === 'verify-email') return <VerifyEmailPage search={search} />;
  if (page === 'forgot-password') return <ForgotPasswordPage />;
  if (user === undefined) return <p>Loading…</p>;
  if (user === null) {
    return (
      <div>
        <ErrorText message={error} />
        <AuthForm key={page} mode={page === 'sign-up' ? 'sign-up' : 'sign-in'} returnTo={returnPathOf(search)} onSignedIn={setUser} />
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
  if (page === 'keys') content = <KeysPage />;
  else if (page === 'billing') content = <BillingPage user={user} />;
  else if (page === 'usage') content = <UsagePage />;
  else content = <OverviewPage user={user} />;
  const tab = (href: string, label: string, current: boolean) => (
    <Link href={href} aria-current={current ? 'page' : undefined}>{label}</Link>
  );
  return (
    <div className="console">
      <nav aria-label="Console" className="row console-nav">
        {tab('/console', 'Overview', !(PAGES as readonly string[]).includes(page))}
        {tab('/console/keys', 'Keys', page === 'keys')}
        {tab('/console/billing', 'Billing', page === 'billing')}
        {tab('/console/usage', 'Usage', page === 'usage')}
        <span className="hint who">{user.email}</span>
        <button type="button" onClick={signOut}>Sign out</button>
      </nav>
      {content}
    </div>
  );
}
