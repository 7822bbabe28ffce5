import { useEffect, useState } from 'react';
import { Link } from '../../components/router.js';
import type { Billing, KeyView, User } from '../../lib/console-api.js';
import { curlCommand } from '../../lib/curl.js';
import { formatNumber, formatTime, plural } from '../../lib/format.js';
import { sharedCatalog } from '../../lib/catalog.js';
import { firstRequestUrl } from '../../lib/request-url.js';
import { EmailStatus } from './EmailStatus.js';
import { api, ErrorText } from './shared.js';

/** The account at a glance: credits left, plan, keys and a first request to copy. */
export function OverviewPage({ user }: { user: User }) {
  const [billing, setBilling] = useState<Billing | null>(null);
  const [keys, setKeys] = useState<KeyView[] | null>(null);
  const [example, setExample] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.call<Billing>('GET', 'billing/me').then((r) => (r.ok ? setBilling(r.data) : setError(r.message)));
    api.call<{ keys: KeyView[] }>('GET', 'keys').then((r) => (r.ok ? setKeys(r.data.keys) : setError(r.message)));
    sharedCatalog().then(
      (c) => setExample(firstRequestUrl(location.origin, c)),
      () => setExample(null),
    );
  }, []);
  const live = keys?.filter((k) => k.status === 'active' || k.status === 'grace') ?? [];
  return (
    <div>
      <h1>Welcome{user.name ? `, ${user.name}` : ''}</h1>
      <p className="hint">Signed in as {user.email}. <EmailStatus /></p>
      <ErrorText message={error} />
      <div className="cards">
        <section className="panel" aria-labelledby="ov-credits">
          <h2 id="ov-credits">Credits left</h2>
          {billing ? (
            <>
              <p className="big" data-testid="credits-left">{formatNumber(billing.credits.remaining)}</p>
              <p className="hint">
                of {formatNumber(billing.credits.included)} this period, until {formatTime(billing.period.end)}
                {billing.daily.limit !== null && `; ${formatNumber(billing.daily.remaining)} left today`}
              </p>
            </>
          ) : (
            <p>Loading…</p>
          )}
        </section>
        <section className="panel" aria-labelledby="ov-plan">
          <h2 id="ov-plan">Plan</h2>
          <p className="big">{billing?.plan.name ?? user.plan}</p>
          <p className="hint">
            {billing ? `${formatNumber(billing.plan.rate_limit_per_minute)} requests/minute. ` : ''}
            <Link href="/console/billing#change-plan">More credits</Link>
          </p>
        </section>
        <section className="panel" aria-labelledby="ov-keys">
          <h2 id="ov-keys">Keys</h2>
          <p className="big">{keys ? plural(live.length, 'active key') : '…'}</p>
          <p className="hint">
            {live[0] ? <>Latest: <code>{live[0].masked_key}</code>, last used {formatTime(live[0].last_used_at)}. </> : null}
            <Link href="/console/keys">Manage keys</Link>
          </p>
        </section>
      </div>
      <section className="panel" aria-labelledby="ov-start">
        <h2 id="ov-start">Quick start</h2>
        <p>Send your first request with one of your keys (each is shown once, when created):</p>
        {example && <pre tabIndex={0} aria-label="First request">{curlCommand(example, null)}</pre>}
        <p>
          <Link href="/playground">Try every endpoint in the Playground</Link> · <Link href="/docs">Read the docs</Link> · <Link href="/console/usage">See usage</Link>
        </p>
      </section>
    </div>
  );
}
