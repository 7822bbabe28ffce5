import { useState } from 'react';
import { Link, navigate } from '../../components/router.js';
import type { KeyView, User } from '../../lib/console-api.js';
import { browserKeyStore } from '../../lib/key-store.js';
import { api, ErrorText } from './shared.js';

/**
 * Signed in on the way back to the Playground: a key's secret is shown only once, when it is created,
 * so the Playground gets a new key for this tab, or the person goes back to paste one they kept.
 */
export function PlaygroundKeyStep({ user, returnTo }: { user: User; returnTo: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    const res = await api.call<{ key: KeyView; api_key: string }>('POST', 'keys', {});
    setBusy(false);
    if (!res.ok) return setError(res.message);
    browserKeyStore().save(res.data.api_key, false);
    navigate(returnTo, true);
  };
  return (
    <section className="panel auth" aria-labelledby="key-step-h">
      <h1 id="key-step-h">A key for the Playground</h1>
      <p>
        You are signed in as {user.email}. The Playground sends requests with one of your API keys, and a key is shown only once, when it is created.
      </p>
      <ErrorText message={error} />
      <p className="row">
        <button type="button" className="primary" onClick={create} disabled={busy}>Create a key and go back</button>
        <Link href={returnTo}>Go back to paste a key</Link>
      </p>
      <p className="hint">
        The new key is kept in this tab only. Rename or revoke it in <Link href="/console/keys">Keys</Link>.
      </p>
    </section>
  );
}
