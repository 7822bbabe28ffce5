import { Fragment, useEffect, type ReactNode } from 'react';
import { Markdown } from '../components/Markdown.js';
import { PlansTable } from '../components/PlansTable.js';
import { Link } from '../components/router.js';
import { Snippets } from '../components/Snippets.js';
import { SwitchedOff } from '../components/SwitchedOff.js';
import { plansOf, type Catalog, type Endpoint } from '../lib/catalog.js';
import { groupEndpoints, retirementOf, shortLabel, sourcesOf } from '../lib/endpoint-nav.js';
import { answersWithList, isMigrationNote, migrationNotes } from '../lib/docs.js';
import { firstRequestUrl, initialValues, requestUrl } from '../lib/request-url.js';

/** The failure statuses from catalog.json, which takes them from the server's one error catalog. */
function FailureTable({ catalog }: { catalog: Catalog }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Failure responses">
      <table>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">msg</th>
            <th scope="col">Cause</th>
          </tr>
        </thead>
        <tbody>
          {catalog.errors.map((failure) => (
            <tr key={failure.status}>
              <td>{failure.status}</td>
              <td>{failure.msg}</td>
              <td>
                {failure.codes.map(({ code, doc }) => (
                  <div key={code}>
                    <code>{code}</code>: <Markdown text={doc} />
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Retired({ endpoint }: { endpoint: Endpoint }) {
  const retired = retirementOf(endpoint);
  if (!retired) return null;
  return (
    <div className="callout callout-warn" role="note">
      <strong>Retired{retired.since ? ` since ${retired.since}` : ''}.</strong> <Markdown text={retired.reason} />
    </div>
  );
}

function EndpointDoc({ endpoint, catalog }: { endpoint: Endpoint; catalog: Catalog }) {
  const values = initialValues(endpoint);
  const notes = endpoint.notes.filter((n) => !isMigrationNote(n));
  // A retired endpoint answers 503 only: it has no list to come back empty.
  const emptyListCharged = answersWithList(endpoint) && !retirementOf(endpoint);
  const sources = sourcesOf(endpoint);
  return (
    <article>
      <h1>{shortLabel(endpoint)}</h1>
      <p className="endpoint-line">
        <span className="method">{endpoint.method}</span>
        <code>{catalog.basePath + endpoint.path}</code>
      </p>
      <Retired endpoint={endpoint} />
      <Markdown text={endpoint.description} block />
      <p className="row">
        <Link className="button primary" href={`/playground/${endpoint.operationId}`}>Open in Playground</Link>
        <span className="hint">
          {endpoint.creditCost} credits per successful request (<Link href="/docs/billing">plans and limits</Link>); errors are free (
          <Link href="/docs/errors">error reference</Link>).{sources.length > 0 && ` Sources: ${sources.join(', ')}.`}
        </span>
      </p>
      <h2>Parameters</h2>
      <p className="hint">
        Every request needs your key as <code>x-api-key</code> or <code>Authorization: Bearer</code> (<Link href="/docs/authentication">authentication</Link>).
      </p>
      {endpoint.params.length === 0 ? (
        <p>None.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Parameters">
          <table className="stack">
            <thead>
              <tr>
                {['Name', 'Type', 'Required', 'Default', 'Description'].map((h) => (
                  <th key={h} scope="col">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {endpoint.params.map((p) => (
                <tr key={p.name}>
                  <td data-label="Name"><code>{p.name}</code></td>
                  <td data-label="Type">
                    {p.type === 'csv' ? 'string (comma-separated)' : p.type}
                    {p.enum && <div className="hint">one of {p.enum.join(', ')}</div>}
                  </td>
                  <td data-label="Required">{p.required ? 'yes' : 'no'}</td>
                  <td data-label="Default">{p.default !== undefined ? <code>{String(p.default)}</code> : '—'}</td>
                  <td data-label="Description">
                    <Markdown text={p.description} />
                    {p.example !== undefined && <> Example: <code>{p.example}</code>.</>}
                    {p.aliases.length > 0 && ` Alias: ${p.aliases.join(', ')}.`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Code</h2>
      <Snippets url={requestUrl(location.origin, catalog.basePath, endpoint, values)} origin={location.origin} basePath={catalog.basePath} endpoint={endpoint} values={values} heading={false} />
      <h2>Response fields</h2>
      <p className="hint">
        <code>{endpoint.responseSchemaName}</code>, inside the envelope <code>{'{code, msg, data}'}</code>.
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Response fields">
        <table className="fields stack">
          <thead>
            <tr>
              {['Field', 'Type', 'Description'].map((h) => (
                <th key={h} scope="col">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {endpoint.fields.map((f) => (
              <tr key={f.path}>
                <td data-label="Field"><code>{f.path}</code></td>
                <td data-label="Type">
                  {f.type}
                  {f.items ? `<${f.items}>` : ''}
                  {f.nullable ? ' | null' : ''}
                  {!f.required && <span className="hint"> optional</span>}
                </td>
                <td data-label="Description">
                  {f.description ? <Markdown text={f.description} /> : null}
                  {f.enum && <span className="hint"> One of {f.enum.map(String).join(', ')}.</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(notes.length > 0 || emptyListCharged) && (
        <>
          <h2>Behaviour</h2>
          <ul>
            {notes.map((n) => (
              <li key={n}>
                <Markdown text={n} />
              </li>
            ))}
            {emptyListCharged && <li>An empty list is a valid, charged 2xx response.</li>}
          </ul>
        </>
      )}
      <h2>Example response</h2>
      <pre tabIndex={0} aria-label="Example response">{JSON.stringify(endpoint.sample, null, 2)}</pre>
    </article>
  );
}

function Overview({ catalog }: { catalog: Catalog }) {
  return (
    <article>
      <h1>Trendlens API docs</h1>
      <p>
        {catalog.endpoints.length} GET endpoints under <code>{location.origin + catalog.basePath}</code> for TikTok Creative Center data. The OpenAPI document is at{' '}
        <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
      </p>
      <p>
        Start with <Link href="/docs/authentication">authentication</Link>, then try any endpoint in the <Link href="/playground">Playground</Link>. Shared rules:{' '}
        <Link href="/docs/errors">errors</Link>, <Link href="/docs/billing">plans and billing</Link>.
      </p>
      {groupEndpoints(catalog.groups, catalog.endpoints).map((g) => (
        <section key={g.group}>
          <h2>{g.group}</h2>
          <ul className="endpoint-index">
            {g.endpoints.map((e) => (
              <li key={e.operationId}>
                <Link href={`/docs/TikTok/${e.operationId}`}>{shortLabel(e)}</Link> <code className="hint">{e.path}</code>
                {retirementOf(e) && <span className="badge badge-retired">retired</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}

function Authentication({ catalog }: { catalog: Catalog }) {
  const sample = firstRequestUrl(location.origin, catalog);
  return (
    <article>
      <h1>Authentication</h1>
      <p>Every endpoint needs an API key. Create keys in the <Link href="/console/keys">Console</Link>; each is shown once.</p>
      <h2>Key format</h2>
      <p>
        <code>tl_live_</code> followed by 36 letters and digits (30 random characters and a 6-character checksum), matching <code>{catalog.auth.keyPattern}</code>.
        Typos are turned away before any lookup.
      </p>
      <h2>Sending the key</h2>
      <pre tabIndex={0}>{`curl "${sample}" -H "x-api-key: <api-key>"\ncurl "${sample}" -H "Authorization: Bearer <api-key>"`}</pre>
      <p>Both headers with different keys are refused (401 <code>conflicting_credentials</code>). Keys in query strings or cookies are never read.</p>
      <h2>Rotation and revocation</h2>
      <p>Rotating a key issues a new one with the same name; the old key keeps working for a grace period you choose (default one day, at most seven days, or none). Revoking is immediate.</p>
      <h2>Keep keys server-side</h2>
      <p>Call the API from your server, not from a public web page. The Playground keeps your key in this browser only, and its share links never include it.</p>
    </article>
  );
}

function Errors({ catalog }: { catalog: Catalog }) {
  return (
    <article>
      <h1>Errors</h1>
      <p>
        Every response is <code>{'{"code": <HTTP status>, "msg": <text>, "data": <details or null>}'}</code>. Only 2xx responses are charged.
      </p>
      <FailureTable catalog={catalog} />
      <h2>400 bodies</h2>
      <p>
        <code>data.errors</code> lists every offending parameter as <code>{'{param, message}'}</code>, so one answer names all that is wrong.
      </p>
      <h2>402 and 429 bodies</h2>
      <p>
        Both carry <code>reason</code>, <code>reset_scope</code>, <code>resets_at</code>, <code>retry_after_seconds</code>, <code>message</code>, your plan, a
        suggested plan, <code>upgrade_url</code> (the Console's billing page) and your credit and daily counters.
      </p>
      <h2>When to retry</h2>
      <ul>
        <li>4xx: do not retry; fix the request, key or plan.</li>
        <li>429: retry after <code>Retry-After</code> seconds.</li>
        <li>502, 504: retry with exponential backoff, sending an <code>Idempotency-Key</code> so a retry is never charged twice.</li>
        <li>
          503 with <code>Retry-After</code> (the upstream is unreachable or its circuit is open for now): retry after that many seconds, with an{' '}
          <code>Idempotency-Key</code>.
        </li>
        <li data-testid="final-503">
          503 without <code>Retry-After</code> (
          {catalog.finalUnavailable.map((answer, i) => (
            <Fragment key={answer}>
              {i > 0 && ', '}
              <code>{answer}</code>
            </Fragment>
          ))}
          ): do not retry; <code>message</code> says what would make it pass, such as another parameter value.
        </li>
      </ul>
    </article>
  );
}

function Billing({ catalog }: { catalog: Catalog }) {
  const costs = [...new Set(catalog.endpoints.map((e) => e.creditCost))];
  return (
    <article>
      <h1>Plans and billing</h1>
      <p>Each successful (2xx) request costs {costs.join(' or ')} credits. Errors are free.</p>
      <h2>Plans</h2>
      <PlansTable plans={plansOf(catalog)} />
      <h2>Credits</h2>
      <ul>
        <li>Monthly credits reset on your account's period anniversary; daily caps reset at 00:00 UTC.</li>
        <li>With overage allowed, requests beyond the included credits are billed per 1,000 credits, up to an optional hard limit.</li>
        <li>Credits are reserved before the upstream call and only kept on a 2xx.</li>
        <li>A retry with the same <code>Idempotency-Key</code> within 24 hours returns the first result without a second charge.</li>
      </ul>
      <h2>Rate limits</h2>
      <p>
        Each plan allows a number of requests per minute; every request with a valid key counts. Responses carry <code>RateLimit</code> and <code>X-RateLimit-*</code> headers.
      </p>
      <p>
        For more credits, see <Link href="/console/billing#change-plan">Billing in the Console</Link>.
      </p>
    </article>
  );
}

function Migrating({ catalog }: { catalog: Catalog }) {
  const notes = migrationNotes(catalog.endpoints);
  return (
    <article>
      <h1>Migrating from Crawlora</h1>
      <p>
        Trendlens answers Crawlora's TikTok paths with the same parameters and the same envelopes where Crawlora has the endpoint, so a client switches by
        changing two things:
      </p>
      <ol>
        <li>
          The base URL: <code>{location.origin + catalog.basePath}</code>.
        </li>
        <li>
          The key: a Trendlens key from the <Link href="/console/keys">Console</Link>, sent as <code>x-api-key</code> or <code>Authorization: Bearer</code>.
        </li>
      </ol>
      <h2>Differences by endpoint</h2>
      {notes.length === 0 ? (
        <p>None: every endpoint behaves as its docs page says.</p>
      ) : (
        <ul>
          {notes.map(({ endpoint, note }) => (
            <li key={`${endpoint.operationId}-${note}`}>
              <Link href={`/docs/TikTok/${endpoint.operationId}`}>{shortLabel(endpoint)}</Link>: <Markdown text={note} />
            </li>
          ))}
        </ul>
      )}
      <h2>Errors and limits</h2>
      <p>
        Error envelopes and the 402/429 bodies keep Crawlora's fields; see <Link href="/docs/errors">errors</Link> and <Link href="/docs/billing">plans and billing</Link>.
      </p>
    </article>
  );
}

const GUIDES: [string, string][] = [
  ['', 'Overview'],
  ['authentication', 'Authentication'],
  ['errors', 'Errors'],
  ['billing', 'Plans and billing'],
  ['migrating-from-crawlora', 'Migrating from Crawlora'],
];

/** Docs: an overview, guides, and one reference page per catalog endpoint. */
export function Docs({ path, catalog }: { path: string; catalog: Catalog }) {
  const rest = path.replace(/^\/docs\/?/, '');
  const endpointId = rest.startsWith('TikTok/') ? decodeURIComponent(rest.slice('TikTok/'.length)) : null;
  const endpoint = endpointId ? catalog.endpoints.find((e) => e.operationId === endpointId) : undefined;

  let page: ReactNode;
  let title = GUIDES.find(([slug]) => slug === rest)?.[1] ?? 'Docs';
  if (endpoint) {
    page = <EndpointDoc endpoint={endpoint} catalog={catalog} />;
    title = shortLabel(endpoint);
  } else if (endpointId !== null && catalog.disabled.includes(endpointId)) {
    title = 'Endpoint switched off';
    page = (
      <article>
        <h1>Endpoint switched off</h1>
        <SwitchedOff operationId={endpointId} />
      </article>
    );
  } else if (rest === 'authentication') page = <Authentication catalog={catalog} />;
  else if (rest === 'errors') page = <Errors catalog={catalog} />;
  else if (rest === 'billing') page = <Billing catalog={catalog} />;
  else if (rest === 'migrating-from-crawlora') page = <Migrating catalog={catalog} />;
  else if (rest === '') page = <Overview catalog={catalog} />;
  else {
    title = 'Page not found';
    page = (
      <article>
        <h1>Page not found</h1>
        <p role="alert">There is no docs page at {path}.</p>
      </article>
    );
  }
  useEffect(() => {
    document.title = `${title} — Trendlens docs`;
  }, [title]);

  return (
    <div className="docs-layout">
      <div className="docs-content">
        <a className="docs-jump" href="#docs-nav">All docs pages</a>
        {page}
      </div>
      <nav className="docs-nav" aria-label="Docs" id="docs-nav">
        <ul>
          {GUIDES.map(([slug, label]) => (
            <li key={slug}>
              <Link href={slug ? `/docs/${slug}` : '/docs'} aria-current={!endpoint && rest === slug ? 'page' : undefined}>{label}</Link>
            </li>
          ))}
        </ul>
        {groupEndpoints(catalog.groups, catalog.endpoints).map((g) => (
          <div key={g.group}>
            <h2>{g.group}</h2>
            <ul>
              {g.endpoints.map((e) => (
                <li key={e.operationId}>
                  <Link href={`/docs/TikTok/${e.operationId}`} aria-current={e === endpoint ? 'page' : undefined} title={e.path}>
                    <span className="method">{e.method}</span>
                    {shortLabel(e)}
                    {retirementOf(e) && <span className="badge badge-retired">retired</span>}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
    </div>
  );
}
