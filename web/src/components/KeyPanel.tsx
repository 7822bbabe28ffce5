import { useEffect, useId, useRef, useState } from 'react';
import { keyProblem, maskKey } from '../lib/key-format.js';
import { browserKeyStore } from '../lib/key-store.js';
import { Link } from './router.js';

const keyStore = browserKeyStore();

/**
 * The browser's stored key as React state, for the pages that send requests with it (the Playground,
 * the Console's History). Saved in memory too, so a browser with storage disabled still keeps it for
 * the page's life.
 */
export function useStoredKey(): { apiKey: string | null; remembered: boolean; save(key: string, remember: boolean): void; forget(): void } {
  const [stored, setStored] = useState(() => keyStore.read());
  return {
    apiKey: stored?.key ?? null,
    remembered: stored?.remembered ?? false,
    save(key, remember) {
      keyStore.save(key, remember);
      setStored({ key, remembered: remember });
    },
    forget() {
      keyStore.forget();
      setStored(null);
    },
  };
}

/**
 * The Playground's key, in one line until it is set up. The key is checked locally and only ever
 * sent to /api/v1 from this page.
 */
export function KeyPanel({
  apiKey,
  remembered,
  open,
  onOpenChange,
  onSave,
  onForget,
}: {
  apiKey: string | null;
  remembered: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSave: (key: string, remember: boolean) => void;
  onForget: () => void;
}) {
  const [draft, setDraft] = useState('');
  const [remember, setRemember] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { input: useId(), remember: useId(), error: useId() };
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

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
    onOpenChange(false);
  };

  return (
    <section className="key-panel" aria-label="API key">
      <div className="row">
        <span data-testid="active-key">
          {apiKey ? `Active Playground key: ${maskKey(apiKey)}${remembered ? ' (remembered on this device)' : ' (this tab only)'}` : 'Active Playground key: not configured'}
        </span>
        {!open && (
          <button type="button" onClick={() => onOpenChange(true)}>{apiKey ? 'Change key' : 'Set up API key'}</button>
        )}
        {apiKey && !open && (
          <button type="button" className="danger" onClick={onForget}>Forget key</button>
        )}
        <Link href="/console/keys">Manage keys</Link>
      </div>
      {open && (
        <form
          className="key-form"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <div className="field">
            <label htmlFor={ids.input}>Paste your API key</label>
            <input
              ref={input}
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
            <button type="button" onClick={() => onOpenChange(false)}>Cancel</button>
          </div>
          <p className="hint">The key stays in this browser. Copy cURL includes it; share links never include API keys.</p>
        </form>
      )}
    </section>
  );
}
