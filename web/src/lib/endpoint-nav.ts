import type { Endpoint } from './catalog.js';

/** Why an endpoint is retired, when it is (catalog.json's optional `retired`). */
export interface Retirement {
  since: string;
  reason: string;
}

/** The catalog's `retired` of an endpoint, or null while it is served. */
export function retirementOf(endpoint: Endpoint): Retirement | null {
  const r = (endpoint as Endpoint & { retired?: unknown }).retired;
  if (typeof r !== 'object' || r === null) return null;
  const { since, reason } = r as Record<string, unknown>;
  return { since: typeof since === 'string' ? since : '', reason: typeof reason === 'string' ? reason : 'Retired.' };
}

/** The upstream sources an endpoint can answer from, as names (catalog.json's optional `sources`). */
export function sourcesOf(endpoint: Endpoint): string[] {
  const s = (endpoint as Endpoint & { sources?: unknown }).sources;
  if (!Array.isArray(s)) return [];
  return s.flatMap((v) => {
    if (typeof v === 'string') return [v];
    if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      const name = o.name ?? o.id ?? o.adapter ?? o.source;
      return typeof name === 'string' ? [name] : [];
    }
    return [];
  });
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
