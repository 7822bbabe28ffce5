import { useEffect, useId, useState } from 'react';
import type { Endpoint } from '../lib/catalog.js';
import { typedClientSnippet } from '../lib/client-snippet.js';
import { curlCommand } from '../lib/curl.js';
import { copyText } from './copy.js';
import { Tabs } from './Tabs.js';

type SnippetModule = typeof import('../lib/snippets.js');

/** Languages with a tab of their own; the rest sit in "More". */
const TABBED = ['curl', 'typescript', 'python-requests', 'fetch', 'go'] as const;
const TAB_LABELS: Record<(typeof TABBED)[number], string> = { curl: 'cURL', typescript: 'TypeScript', 'python-requests': 'Python', fetch: 'JavaScript', go: 'Go' };

/**
 * Code for this request in language tabs, the key always as `<api-key>`. TypeScript uses the typed
 * client; the other generators load on first view to keep the page light.
 */
export function Snippets({
  url,
  origin,
  basePath,
  endpoint,
  values,
  heading = true,
}: {
  url: string;
  origin: string;
  basePath: string;
  endpoint: Endpoint;
  values: Record<string, string>;
  /** False where the page already heads the section. */
  heading?: boolean;
}) {
  const [mod, setMod] = useState<SnippetModule | null>(null);
  const [language, setLanguage] = useState<string>('curl');
  const [generated, setGenerated] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const id = useId();

  useEffect(() => {
    import('../lib/snippets.js').then(setMod, () => setStatus('The snippet generator could not be loaded.'));
  }, []);
  useEffect(() => {
    setGenerated(null);
    if (!mod || language === 'curl' || language === 'typescript') return;
    let live = true;
    mod.snippet(language, url).then(
      (text) => live && setGenerated(text),
      () => live && setGenerated('This language could not be generated.'),
    );
    return () => {
      live = false;
    };
  }, [mod, language, url]);

  const code =
    language === 'typescript' ? typedClientSnippet(origin, basePath, endpoint, values) : language === 'curl' ? curlCommand(url, null) : (generated ?? 'Generating…');
  const tabbed = (TABBED as readonly string[]).includes(language);
  const more = (mod?.SNIPPET_LANGUAGES ?? []).filter((l) => !(TABBED as readonly string[]).includes(l.id));
  return (
    <section className="snippets" aria-labelledby={heading ? `${id}-h` : undefined} aria-label={heading ? undefined : 'Code'}>
      {heading && <h2 id={`${id}-h`}>Code</h2>}
      <div className="snippet-head">
        <Tabs
          label="Snippet language"
          tabs={[
            ...TABBED.map((l) => ({ id: l as string, label: TAB_LABELS[l] })),
            ...(tabbed ? [] : [{ id: language, label: more.find((l) => l.id === language)?.label ?? language }]),
          ]}
          active={language}
          onChange={setLanguage}
        >
          <pre tabIndex={0} aria-label="Snippet" data-testid="snippet">{code}</pre>
        </Tabs>
      </div>
      <div className="row">
        <label htmlFor={id}>More languages</label>
        <select id={id} value={tabbed ? '' : language} onChange={(e) => setLanguage(e.target.value || 'curl')} style={{ width: 'auto' }}>
          <option value="">—</option>
          {more.map((l) => (
            <option key={l.id} value={l.id}>{l.label}</option>
          ))}
        </select>
        <button type="button" onClick={() => copyText(code).then((ok) => setStatus(ok ? 'Snippet copied.' : 'Copy failed.'))}>Copy snippet</button>
        <span aria-live="polite" className="hint">{status}</span>
      </div>
    </section>
  );
}
