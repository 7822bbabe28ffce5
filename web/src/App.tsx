import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, navigate, useLocation } from './components/router.js';
import { ThemeToggle } from './components/ThemeToggle.js';
import { sharedCatalog, type Catalog } from './lib/catalog.js';
import { Playground } from './pages/Playground.js';

const Docs = lazy(() => import('./pages/Docs.js').then((m) => ({ default: m.Docs })));
const Console = lazy(() => import('./pages/Console.js').then((m) => ({ default: m.Console })));

/** Whether the server runs on simulated data (docs/architecture.md § Sources and honest modes: demo data is never passed off as live). */
function useDemoMode(): boolean {
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    fetch('/healthz')
      .then((r) => r.json() as Promise<{ data?: { mode?: string } }>)
      .then((b) => setDemo(b.data?.mode === 'demo'))
      .catch(() => setDemo(false));
    const onSimulated = () => setDemo(true);
    window.addEventListener('trendlens:simulated', onSimulated);
    return () => window.removeEventListener('trendlens:simulated', onSimulated);
  }, []);
  return demo;
}

function section(path: string): 'playground' | 'docs' | 'console' | 'other' {
  if (path === '/playground' || path.startsWith('/playground/')) return 'playground';
  if (path === '/docs' || path.startsWith('/docs/')) return 'docs';
  if (path === '/console' || path.startsWith('/console/')) return 'console';
  return 'other';
}

/** The shell: header, demo banner, and the three areas. */
export function App() {
  const { path, search } = useLocation();
  const demo = useDemoMode();
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [catalogError, setCatalogError] = useState<string | null>(null);
  const area = section(path);

  useEffect(() => {
    sharedCatalog().then(setCatalog, (e: unknown) => setCatalogError(e instanceof Error ? e.message : 'The catalog could not be loaded.'));
  }, []);
  useEffect(() => {
    if (area === 'other') navigate('/playground', true);
  }, [area]);

  const navLink = (href: string, label: string, current: boolean) => (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {label}
    </Link>
  );

  let content;
  if (area === 'console') content = <Console path={path} search={search} />;
  else if (catalogError) content = <p role="alert" className="error">{catalogError}</p>;
  else if (!catalog) content = <p aria-live="polite">Loading the catalog…</p>;
  else if (area === 'docs') content = <Docs path={path} catalog={catalog} />;
  else content = <Playground path={path} search={search} catalog={catalog} />;

  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="site">
        <Link className="brand" href="/playground">Trendlens</Link>
        <nav aria-label="Main">
          {navLink('/playground', 'Playground', area === 'playground')}
          {navLink('/docs', 'Docs', area === 'docs')}
          {navLink('/console', 'Console', area === 'console')}
        </nav>
        <ThemeToggle />
      </header>
      {demo && (
        <div className="banner" role="status">
          Demo mode: responses are simulated data from the built-in Creative Center simulator, not live TikTok data.
        </div>
      )}
      <main id="main">
        <Suspense fallback={<p>Loading…</p>}>{content}</Suspense>
      </main>
    </>
  );
}
