import type { Endpoint } from './catalog.js';

/** Catalog notes about the migration from Crawlora: shown on that one page, not on the endpoint pages. */
export function isMigrationNote(note: string): boolean {
  return /crawlora/i.test(note);
}

/** Every migration note with its endpoint, in catalog order. */
export function migrationNotes(endpoints: readonly Endpoint[]): { endpoint: Endpoint; note: string }[] {
  return endpoints.flatMap((endpoint) => endpoint.notes.filter(isMigrationNote).map((note) => ({ endpoint, note })));
}

/**
 * Whether an endpoint answers with a list of items (one array of objects at the top of its payload),
 * which can come back empty and still be charged; a single record or a set of option lists cannot.
 */
export function answersWithList(endpoint: Endpoint): boolean {
  const payload = endpoint.envelope === 'double' ? 'data.data.' : 'data.';
  const arrays = endpoint.fields.filter((f) => f.type === 'array' && f.path.startsWith(payload) && !f.path.slice(payload.length).includes('.'));
  return arrays.length === 1 && arrays[0]!.items === 'object';
}
