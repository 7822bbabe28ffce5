import { useId, useState } from 'react';
import { keyProblem, maskKey } from '../lib/key-format.js';
import { Link } from './router.js';

/** The key panel (docs/api-contract.md § Playground); the key is checked locally and never sent anywhere but /api/v1. */
export function KeyPanel({
  apiKey,
  remembered,
  docsHref,
  onSave,
  onForget,
}: {
  apiKey: string | null;
  remembered: boolean;
  docsHref: string;
  onSave: (key: string, remember: boolean) => void;
  onForget: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  const [remember, setRemember] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { input: useId(), remember: useId(), error: useId() };

  const save = () => {
    const key = draft.trim();
    const why = keyProblem(key);
    if (why) {
      setProblem(why);
      return;
    }
    onSave(key, remember);
    setDraft('');
    setProblem(null);
    setOpen(false);
  };

  return (
    <section className="panel" aria-labelledby={`${ids.input}-h`}>
      <h2 id={`${ids.input}-h`}>API key</h2>
      <p>API key required for live requests. Your key is only used to send requests from this Playground.</p>
      <p data-testid="active-key">
        {apiKey ? `Active Playground key: ${maskKey(apiKey)}${remembered ? ' (remembered on this device)' : ' (this tab only)'}` : 'Active Playground key: not configured'}
      </p>
      {open ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <div className="field">
            <label htmlFor={ids.input}>Paste your API key</label>
            <input
              id={ids.input}
              type="password"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              placeholder="tl_live_…"
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? ids.error : undefined}
            />
            {problem && (
              <p className="error" id={ids.error} role="alert">
                {problem}
              </p>
            )}
          </div>
          <label className="check" htmlFor={ids.remember}>
            <input id={ids.remember} type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
            Remember on this device
          </label>
          <div className="row" style={{ marginTop: 8 }}>
            <button type="submit" className="primary">Use this key</button>
            <button type="button" onClick={() => setOpen(false)}>Cancel</button>
          </div>
        </form>
      ) : (
        <div className="row">
          <button type="button" onClick={() => setOpen(true)}>Set up API key</button>
          {apiKey && (
            <button type="button" className="danger" onClick={onForget}>Forget key</button>
          )}
          <Link href="/console/keys">Manage API keys in Console</Link>
          <Link href={docsHref}>View docs</Link>
        </div>
      )}
      <p className="hint">If an active API key is configured, Copy cURL includes it. Share links never include API keys.</p>
    </section>
  );
}
