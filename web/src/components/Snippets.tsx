import { useEffect, useId, useState } from 'react';
import { curlCommand } from '../lib/curl.js';
import { copyText } from './copy.js';

type SnippetModule = typeof import('../lib/snippets.js');

/** Code snippets with the key as `<api-key>`; the generator loads on first view to keep the page light. */
export function Snippets({ url }: { url: string }) {
  const [mod, setMod] = useState<SnippetModule | null>(null);
  const [language, setLanguage] = useState('curl');
  const [code, setCode] = useState(() => curlCommand(url, null));
  const [status, setStatus] = useState('');
  const id = useId();

  useEffect(() => {
    import('../lib/snippets.js').then(setMod, () => setStatus('The snippet generator could not be loaded.'));
  }, []);
  useEffect(() => {
    if (!mod) {
      setCode(curlCommand(url, null));
      return;
    }
    let live = true;
    mod.snippet(language, url).then(
      (text) => live && setCode(text),
      () => live && setCode('This language could not be generated.'),
    );
    return () => {
      live = false;
    };
  }, [mod, language, url]);

  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Code snippets</h2>
      <div className="row">
        <label htmlFor={id} style={{ fontWeight: 600 }}>Language</label>
        <select id={id} value={language} onChange={(e) => setLanguage(e.target.value)} style={{ width: 'auto' }}>
          {(mod?.SNIPPET_LANGUAGES ?? [{ id: 'curl', label: 'cURL' }]).map((l) => (
            <option key={l.id} value={l.id}>{l.label}</option>
          ))}
        </select>
        <button type="button" onClick={() => copyText(code).then((ok) => setStatus(ok ? 'Snippet copied.' : 'Copy failed.'))}>Copy snippet</button>
        <span aria-live="polite" className="hint">{status}</span>
      </div>
      <pre tabIndex={0} aria-label="Snippet" data-testid="snippet">{code}</pre>
    </section>
  );
}
