import { Prose } from './Prose.js';
import { useId, useState } from 'react';
import { filterEndpoints, type Catalog } from '../lib/catalog.js';
import { Link } from './router.js';

/** Endpoint chips (docs/api-contract.md § Playground): method, auth, cost, response schema, platform. */
export function EndpointChips({ endpoint }: { endpoint: Catalog['endpoints'][number] }) {
  return (
    <ul className="chips" aria-label="Endpoint facts">
      <li className="chip">{endpoint.method}</li>
      <li className="chip">apiKey</li>
      <li className="chip">{endpoint.creditCost} credits/request</li>
      <li className="chip">{endpoint.responseSchemaName}</li>
      <li className="chip">{endpoint.platform}</li>
    </ul>
  );
}

/** The endpoint chooser (docs/api-contract.md § Playground): search and group filter with a live count. */
export function EndpointChooser({ catalog, current }: { catalog: Catalog; current: string }) {
  const [query, setQuery] = useState('');
  const [group, setGroup] = useState('');
  const ids = { search: useId(), group: useId(), intro: useId() };
  const shown = filterEndpoints(catalog.endpoints, query, group || null);
  return (
    <section className="panel chooser" aria-labelledby={`${ids.intro}-h`}>
      <h2 id={`${ids.intro}-h`}>Endpoints</h2>
      <p className="hint" id={ids.intro}>Choose one catalog endpoint for this request.</p>
      <div className="field">
        <label htmlFor={ids.search}>Search endpoints</label>
        <input id={ids.search} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="path, summary, id or param" />
      </div>
      <div className="field">
        <label htmlFor={ids.group}>Group</label>
        <select id={ids.group} value={group} onChange={(e) => setGroup(e.target.value)}>
          <option value="">All groups</option>
          {catalog.groups.map((g) => (
            <option key={g} value={g}>{g}</option>
          ))}
        </select>
      </div>
      <p aria-live="polite" data-testid="chooser-count">{shown.length} shown</p>
      <ul aria-describedby={ids.intro}>
        {shown.map((e) => (
          <li key={e.operationId}>
            <Link href={`/playground/${e.operationId}`} aria-current={e.operationId === current ? 'page' : undefined}>
              <span className="method">{e.method}</span>
              <span className="path">{e.path}</span>
              <strong style={{ display: 'block' }}>{e.summary}</strong>
              <span className="desc">
                <Prose text={e.description} />
              </span>
              <EndpointChips endpoint={e} />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
