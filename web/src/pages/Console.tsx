import { useEffect, useState, type ReactNode } from 'react';
import { Link, navigate } from '../components/router.js';
import { mayHaveSession, type Me, type User } from '../lib/console-api.js';
import { isPlaygroundPath, KEY_STEP_PAGE, returnPathOf, safeReturnPath } from '../lib/return-path.js';
import { AuthForm } from './console/AuthForm.js';
import { BillingPage } from './console/BillingPage.js';
import { ForgotPasswordPage } from './console/ForgotPasswordPage.js';
import { HistoryPage } from './console/HistoryPage.js';
import { KeysPage } from './console/KeysPage.js';
import { OperatorPage } from './console/OperatorPage.js';
import { OverviewPage } from './console/OverviewPage.js';
import { PlaygroundKeyStep } from './console/PlaygroundKeyStep.js';
import { api, ErrorText } from './console/shared.js';
import { ResetPasswordPage, VerifyEmailPage, VerifySignInNote } from './console/TokenPages.js';
import { UsagePage } from './console/UsagePage.js';
import { WatchesPage } from './console/WatchesPage.js';
import { WebhooksPage } from './console/WebhooksPage.js';

const PAGES = ['keys', 'billing', 'usage', 'watches', 'webhooks', 'history', 'operator'] as const;
/** Pages that lead somewhere else once the person is signed in: to `return`, with a key when that is the Playground. */
const AUTH_PAGES: readonly string[] = ['sign-in', 'sign-up', KEY_STEP_PAGE];

/**
 * The Console: sign-up/in, then overview, keys, billing, usage, watches, webhooks and history over
 * the Console API; operators also see the collection page.
 */
export function Console({ path, search }: { path: string; search: string }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  // Whether the signed-in account operates this server, and for which account that was read.
  const [role, setRole] = useState<{ userId: string; operator: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // Without the session hint `me` could only answer 401: the sign-in form shows without asking.
    if (!mayHaveSession(document.cookie)) {
      setUser(null);
      return;
    }
    api.call<Me>('GET', 'me').then((r) => {
      if (r.ok) {
        setRole({ userId: r.data.user.id, operator: r.data.operator === true });
        setUser(r.data.user);
      } else if (r.status === 401) setUser(null);
      else {
        setUser(null);
        setError(r.status === 404 ? 'The Console API is not available on this server.' : r.message);
      }
    });
  }, []);
  // Signing in answers with the user alone: ask `me` once more for the operator flag.
  const userId = user?.id ?? null;
  useEffect(() => {
    if (userId === null || role?.userId === userId) return;
    api.call<Me>('GET', 'me').then((r) => {
      if (r.ok) setRole({ userId: r.data.user.id, operator: r.data.operator === true });
    });
  }, [userId, role]);
  const operator = role !== null && role.userId === userId && role.operator;
  const page = path.replace(/^\/console\/?/, '');
  const onAuthPage = AUTH_PAGES.includes(page);
  // Signing in from a Console deep link (e.g. /console/billing#change-plan) comes back to it.
  const returnTo = returnPathOf(search) ?? (onAuthPage || page === '' ? null : safeReturnPath(`${path}${search}${location.hash}`));
  const signedInOnAuthPage = user != null && onAuthPage;
  const keyStep = signedInOnAuthPage && returnTo !== null && isPlaygroundPath(returnTo) ? returnTo : null;
  const goOn = signedInOnAuthPage && keyStep === null ? (returnTo ?? '/console') : null;
  useEffect(() => {
    if (goOn) navigate(goOn, true);
  }, [goOn]);
  useEffect(() => {
    document.title = 'Console — Trendlens';
  }, []);

  // Reset links work signed in or not; a verification link needs its account's session, so signed out
  // it asks for a sign-in first and comes back to the link (docs/api-contract.md, `auth/verify`).
  if (page === 'reset-password') return <ResetPasswordPage search={search} />;
  if (page === 'forgot-password') return <ForgotPasswordPage />;
  if (user === undefined) return <p>Loading…</p>;
  if (page === 'verify-email' && user !== null) return <VerifyEmailPage search={search} />;
  if (user === null) {
    return (
      <div>
        <ErrorText message={error} />
        {page === 'verify-email' && <VerifySignInNote />}
        <AuthForm key={page} mode={page === 'sign-up' ? 'sign-up' : 'sign-in'} returnTo={returnTo} onSignedIn={setUser} />
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
  if (keyStep) content = <PlaygroundKeyStep user={user} returnTo={keyStep} />;
  else if (page === 'keys') content = <KeysPage />;
  else if (page === 'billing') content = <BillingPage user={user} />;
  else if (page === 'usage') content = <UsagePage />;
  else if (page === 'watches') content = <WatchesPage />;
  else if (page === 'webhooks') content = <WebhooksPage />;
  else if (page === 'history') content = <HistoryPage />;
  else if (page === 'operator') content = operator ? <OperatorPage /> : <p role="alert">This page is for the operators of this server.</p>;
  else content = <OverviewPage user={user} />;
  const tab = (href: string, label: string, current: boolean) => (
    <Link href={href} aria-current={current ? 'page' : undefined}>{label}</Link>
  );
  return (
    <div className="console">
      <nav aria-label="Console" className="row console-nav">
        {tab('/console', 'Overview', !keyStep && !(PAGES as readonly string[]).includes(page))}
        {tab('/console/keys', 'Keys', page === 'keys')}
        {tab('/console/billing', 'Billing', page === 'billing')}
        {tab('/console/usage', 'Usage', page === 'usage')}
        {tab('/console/watches', 'Watches', page === 'watches')}
        {tab('/console/webhooks', 'Webhooks', page === 'webhooks')}
        {tab('/console/history', 'History', page === 'history')}
        {operator && tab('/console/operator', 'Operator: collection', page === 'operator')}
        <span className="hint who">{user.email}</span>
        <button type="button" onClick={signOut}>Sign out</button>
      </nav>
      {content}
    </div>
  );
}
