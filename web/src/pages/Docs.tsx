import { Prose } from '../components/Prose.js';
import { useEffect, type ReactNode } from 'react';
import { EndpointChips } from '../components/EndpointChooser.js';
import { Link } from '../components/router.js';
import { plansOf, type Catalog, type Endpoint, type PlanJson } from '../lib/catalog.js';

const money = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: n % 1 ? 2 : 0 })}`;
const num = (n: number) => n.toLocaleString('en-US');

/** The plans table, read from the active configuration via catalog.json (docs/api-contract.md § Docs and OpenAPI). */
export function PlansTable({ plans }: { plans: PlanJson[] }) {
  if (plans.length === 0) return <p>This server lists no plans.</p>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
      <table>
        <thead>
          <tr>
            <th scope="col">Plan</th>
            <th scope="col">Price/mo</th>
            <th scope="col">Credits/mo</th>
            <th scope="col">Daily cap</th>
            <th scope="col">Rate</th>
            <th scope="col">Overage per 1,000 credits</th>
          </tr>
        </thead>
        <tbody>
          {plans.map((p) => (
            <tr key={p.id}>
              <td>{p.name} (<code>{p.id}</code>)</td>
              <td>{money(p.price_usd)}</td>
              <td>{num(p.included_credits)}</td>
              <td>{p.daily_credit_limit === null ? 'none' : num(p.daily_credit_limit)}</td>
              <td>{num(p.rate_limit_per_minute)}/min</td>
              <td>{p.overage_usd_per_1k === null ? 'none' : `${money(p.overage_usd_per_1k)}, ${p.overage_default ? 'on by default' : 'opt-in'}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The failure statuses from catalog.json, which takes them from the server's one error catalog. */
function FailureTable({ catalog }: { catalog: Catalog }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
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
                    <code>{code}</code>: {doc}
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

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function EndpointDoc({ endpoint, catalog }: { endpoint: Endpoint; catalog: Catalog }) {
  return (
    <article>
      <h1>{endpoint.summary}</h1>
      <p>
        <span className="method">{endpoint.method}</span>
        <code>{catalog.basePath + endpoint.path}</code>
      </p>
      <EndpointChips endpoint={endpoint} />
      <p>
        <Prose text={endpoint.description} />
      </p>
      <p>
        <Link className="button primary" href={`/playground/${endpoint.operationId}`}>Open in Playground</Link>
      </p>
      <Section title="Parameters">
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
          <table>
            <thead>
              <tr>
                {['Name', 'In', 'Type', 'Required', 'Enum', 'Default', 'Example', 'Description'].map((h) => (
                  <th key={h} scope="col">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <td><code>x-api-key</code></td>
                <td>header</td>
                <td>string</td>
                <td>yes</td>
                <td></td>
                <td></td>
                <td><code>tl_live_…</code></td>
                <td>Your API key. <code>Authorization: Bearer &lt;key&gt;</code> works too.</td>
              </tr>
              {endpoint.params.map((p) => (
                <tr key={p.name}>
                  <td><code>{p.name}</code></td>
                  <td>{p.in}</td>
                  <td>{p.type === 'csv' ? 'string (comma-separated)' : p.type}</td>
                  <td>{p.required ? 'yes' : 'no'}</td>
                  <td>{p.enum?.join(', ') ?? ''}</td>
                  <td>{p.default !== undefined ? String(p.default) : ''}</td>
                  <td>{p.example !== undefined ? <code>{p.example}</code> : ''}</td>
                  <td>
                    <Prose text={p.description} />
                    {p.clamp && p.minimum !== undefined && ` Clamped to ${p.minimum}–${p.maximum}, not rejected.`}
                    {p.aliases.length > 0 && ` Alias: ${p.aliases.join(', ')}.`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      <Section title="Authentication">
        <p>
          Send your key as <code>x-api-key: &lt;api-key&gt;</code> or <code>Authorization: Bearer &lt;api-key&gt;</code>. See{' '}
          <Link href="/docs/authentication">Authentication</Link>.
        </p>
      </Section>
      <Section title="Billing">
        <dl className="facts">
          <dt>Cost</dt>
          <dd>{endpoint.creditCost} credits per request</dd>
          <dt>Charged response</dt>
          <dd>Successful 2xx responses</dd>
        </dl>
        <PlansTable plans={plansOf(catalog)} />
      </Section>
      <Section title="Failure responses">
        <FailureTable catalog={catalog} />
        <p>Every error uses the envelope <code>{'{"code", "msg", "data"}'}</code> and is never charged.</p>
      </Section>
      <Section title="Response behaviour">
        <ul>
          {endpoint.notes.map((n) => (
            <li key={n}>
              <Prose text={n} />
            </li>
          ))}
          <li>{endpoint.envelope === 'single' ? 'The payload is wrapped once: `data` is the payload itself.' : 'The upstream envelope is kept inside ours: `data.data` holds the payload.'}</li>
          <li>An empty list is a valid, charged 2xx response.</li>
        </ul>
      </Section>
      <Section title="Example response">
        <pre tabIndex={0} aria-label="Example response">{JSON.stringify(endpoint.sample, null, 2)}</pre>
      </Section>
    </article>
  );
}

function Authentication({ catalog }: { catalog: Catalog }) {
  return (
    <article>
      <h1>Authentication</h1>
      <p>Every endpoint needs an API key. Create keys in the <Link href="/console/keys">Console</Link>; each is shown once.</p>
      <h2>Key format</h2>
      <p>
        <code>tl_live_</code> followed by 36 letters and digits (30 random characters and a 6-character checksum), matching{' '}
        <code>{catalog.auth.keyPattern}</code>. Typos are turned away before any lookup.
      </p>
      <h2>Sending the key</h2>
      <pre tabIndex={0}>{`curl "${location.origin}/api/v1/tiktok/popular-trend/hashtag" -H "x-api-key: <api-key>"\ncurl "${location.origin}/api/v1/tiktok/popular-trend/hashtag" -H "Authorization: Bearer <api-key>"`}</pre>
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
      <p>Every response is <code>{'{"code": <HTTP status>, "msg": <text>, "data": <details or null>}'}</code>. Only 2xx responses are charged.</p>
      <FailureTable catalog={catalog} />
      <h2>402 and 429 bodies</h2>
      <p>
        Both carry <code>reason</code>, <code>reset_scope</code>, <code>resets_at</code>, <code>retry_after_seconds</code>, <code>message</code>, your plan, a
        suggested plan, <code>upgrade_url</code> and your credit and daily counters.
      </p>
      <h2>When to retry</h2>
      <ul>
        <li>4xx: do not retry; fix the request, key or plan.</li>
        <li>429: retry after <code>Retry-After</code> seconds.</li>
        <li>502, 503, 504: retry with exponential backoff, sending an <code>Idempotency-Key</code> so a retry is never charged twice.</li>
      </ul>
    </article>
  );
}

function Billing({ catalog }: { catalog: Catalog }) {
  const cost = catalog.endpoints[0]?.creditCost ?? 8;
  return (
    <article>
      <h1>Billing</h1>
      <p>Each successful (2xx) request costs {cost} credits. Errors are free.</p>
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
      <p>Each plan allows a number of requests per minute; every request with a valid key counts. Responses carry <code>RateLimit</code> and <code>X-RateLimit-*</code> headers.</p>
    </article>
  );
}

/** Docs (docs/api-contract.md § Docs and OpenAPI): an index by group, one page per endpoint, and three guides. */
export function Docs({ path, catalog }: { path: string; catalog: Catalog }) {
  const rest = path.replace(/^\/docs\/?/, '');
  const endpointId = rest.startsWith('TikTok/') ? decodeURIComponent(rest.slice('TikTok/'.length)) : null;
  const endpoint = endpointId ? catalog.endpoints.find((e) => e.operationId === endpointId) : undefined;

  let page: ReactNode;
  let title = 'Docs';
  if (endpoint) {
    page = <EndpointDoc endpoint={endpoint} catalog={catalog} />;
    title = endpoint.summary;
  } else if (rest === 'authentication') {
    page = <Authentication catalog={catalog} />;
    title = 'Authentication';
  } else if (rest === 'errors') {
    page = <Errors catalog={catalog} />;
    title = 'Errors';
  } else if (rest === 'billing') {
    page = <Billing catalog={catalog} />;
    title = 'Billing';
  } else if (rest === '') {
    page = (
      <article>
        <h1>Trendlens API docs</h1>
        <p>
          {catalog.endpoints.length} GET endpoints under <code>{location.origin + catalog.basePath}</code> for TikTok Creative Center data. The OpenAPI document is at{' '}
          <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
        </p>
        {catalog.groups.map((g) => (
          <section key={g}>
            <h2>{g}</h2>
            <ul>
              {catalog.endpoints.filter((e) => e.group === g).map((e) => (
                <li key={e.operationId}>
                  <Link href={`/docs/TikTok/${e.operationId}`}>{e.summary}</Link> — <code>{e.path}</code>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </article>
    );
  } else {
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
      <nav className="docs-nav" aria-label="Docs">
        <ul>
          <li><Link href="/docs">Overview</Link></li>
          <li><Link href="/docs/authentication">Authentication</Link></li>
          <li><Link href="/docs/errors">Errors</Link></li>
          <li><Link href="/docs/billing">Billing</Link></li>
        </ul>
        {catalog.groups.map((g) => (
          <div key={g}>
            <h2 style={{ fontSize: '0.95rem' }}>{g}</h2>
            <ul>
              {catalog.endpoints.filter((e) => e.group === g).map((e) => (
                <li key={e.operationId}>
                  <Link href={`/docs/TikTok/${e.operationId}`} aria-current={e === endpoint ? 'page' : undefined}>{e.summary}</Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <div style={{ minWidth: 0 }}>{page}</div>
    </div>
  );
}
