import type { Endpoint } from './catalog.js';

/** The catalog's `retired` of an endpoint, or null while it is served. */
export function retirementOf(endpoint: Endpoint): Endpoint['retired'] {
  return endpoint.retired ?? null;
}

/** The upstream adapters an endpoint can answer from, in the order they are tried. */
export function sourcesOf(endpoint: Endpoint): readonly string[] {
  return endpoint.sources ?? [];
}

/** A sidebar-length name: the summary without the "Retrieve TikTok" every entry shares. */
export function shortLabel(endpoint: Endpoint): string {
  const rest = endpoint.summary.replace(/^Retrieve\s+(TikTok\s+)?/i, '').trim() || endpoint.summary;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** Endpoints matching every word of a search over name, path, group, description, id and params. */
export function searchEndpoints(endpoints: readonly Endpoint[], query: string): Endpoint[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...endpoints];
  return endpoints.filter((e) => {
    const haystack = [shortLabel(e), e.summary, e.path, e.group, e.description, e.operationId, ...e.params.map((p) => p.name)].join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** Endpoints by group, in the catalog's group order, leaving out empty groups. */
export function groupEndpoints(groups: readonly string[], endpoints: readonly Endpoint[]): { group: string; endpoints: Endpoint[] }[] {
  const known = new Set(groups);
  const order = [...groups, ...new Set(endpoints.map((e) => e.group).filter((g) => !known.has(g)))];
  return order.map((group) => ({ group, endpoints: endpoints.filter((e) => e.group === group) })).filter((g) => g.endpoints.length > 0);
}

/** The list position a key moves to (ArrowUp/Down, Home, End), or null for any other key. */
export function moveIndex(key: string, index: number, length: number): number | null {
  if (length === 0) return null;
  if (key === 'ArrowDown') return index < 0 ? 0 : Math.min(length - 1, index + 1);
  if (key === 'ArrowUp') return index <= 0 ? 0 : index - 1;
  if (key === 'Home') return 0;
  if (key === 'End') return length - 1;
  return null;
}
