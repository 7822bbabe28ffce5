import { describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/catalog/index.js';
import { buildCatalogJson } from '../../../src/api/openapi/index.js';
import { isMigrationNote, migrationNotes } from './docs.js';

const catalog = buildCatalogJson({ endpoints, plans: [] });

describe('docs helpers', () => {
  it('keeps every note naming Crawlora for the migration page alone', () => {
    const moved = migrationNotes(catalog.endpoints);
    expect(moved.every(({ note }) => isMigrationNote(note))).toBe(true);
    const left = catalog.endpoints.flatMap((e) => e.notes.filter((n) => !isMigrationNote(n)));
    expect(left.some((n) => /crawlora/i.test(n))).toBe(false);
  });
});
