import type { Endpoint } from './catalog.js';

/** Catalog notes about the migration from Crawlora: shown on that one page, not on the endpoint pages. */
export function isMigrationNote(note: string): boolean {
  return /crawlora/i.test(note);
}

/** Every migration note with its endpoint, in catalog order. */
export function migrationNotes(endpoints: readonly Endpoint[]): { endpoint: Endpoint; note: string }[] {
  return endpoints.flatMap((endpoint) => endpoint.notes.filter(isMigrationNote).map((note) => ({ endpoint, note })));
}
