import { flagshipOf, type Catalog, type Endpoint } from './catalog.js';

/** Param values as the form holds them: strings, empty meaning "not sent". */
export type ParamValues = Readonly<Record<string, string>>;

/** The catalog's params with a non-empty value, in catalog order; anything else is dropped. */
export function catalogParamEntries(endpoint: Endpoint, values: ParamValues): [string, string][] {
  const out: [string, string][] = [];
  for (const p of endpoint.params) {
    const value = values[p.name]?.trim() ?? '';
    if (value !== '') out.push([p.name, value]);
  }
  return out;
}

/** `?a=1&b=2` with RFC 3986 encoding, or '' when nothing is set. */
export function queryString(entries: readonly (readonly [string, string])[]): string {
  if (entries.length === 0) return '';
  return `?${entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
}

/** The request preview: `<origin>/api/v1<path>?<non-empty params>` (docs/api-contract.md § Playground). */
export function requestUrl(origin: string, basePath: string, endpoint: Endpoint, values: ParamValues): string {
  return `${origin}${basePath}${endpoint.path}${queryString(catalogParamEntries(endpoint, values))}`;
}

/** Form values from a query string, keeping only the endpoint's catalog params (used by share links). */
export function valuesFromSearch(endpoint: Endpoint, search: string): Record<string, string> {
  const params = new URLSearchParams(search);
  const out: Record<string, string> = {};
  for (const p of endpoint.params) {
    const value = params.get(p.name);
    if (value !== null) out[p.name] = value;
  }
  return out;
}

/** Starting form values: required and prefilled params get their example so the first Send works; others stay empty (defaults apply). */
export function initialValues(endpoint: Endpoint): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of endpoint.params) out[p.name] = (p.required || p.prefill) && p.example !== undefined ? p.example : '';
  return out;
}

/** `/playground/<operation-id>?<set params>`: the address bar's form of the Playground's state (never a key). */
export function playgroundPath(endpoint: Endpoint, values: ParamValues): string {
  return `/playground/${encodeURIComponent(endpoint.operationId)}${queryString(catalogParamEntries(endpoint, values))}`;
}

/**
 * The first request to copy (the Console's quick start, the Docs' authentication page): the flagship
 * with its starting values, so it answers as the Playground's first Send does.
 */
export function firstRequestUrl(origin: string, catalog: Catalog): string {
  const flagship = flagshipOf(catalog);
  return flagship ? requestUrl(origin, catalog.basePath, flagship, initialValues(flagship)) : `${origin}${catalog.basePath}`;
}
