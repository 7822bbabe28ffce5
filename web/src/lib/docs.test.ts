import { describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/catalog/index.js';
import { buildCatalogJson } from '../../../src/api/openapi/index.js';
import { FINAL_UNAVAILABLE_DETAILS } from '../../../src/upstream/index.js';
import { answersWithList, isMigrationNote, migrationNotes } from './docs.js';

const catalog = buildCatalogJson({ endpoints, plans: [] });

describe('docs helpers', () => {
  it('keeps every note naming Crawlora for the migration page alone', () => {
    const moved = migrationNotes(catalog.endpoints);
    expect(moved.every(({ note }) => isMigrationNote(note))).toBe(true);
    const left = catalog.endpoints.flatMap((e) => e.notes.filter((n) => !isMigrationNote(n)));
    expect(left.some((n) => /crawlora/i.test(n))).toBe(false);
  });
});

describe('answersWithList', () => {
  const byId = (id: string) => catalog.endpoints.find((e) => e.operationId === id)!;
  it('is true for endpoints answering a list of items, in either envelope', () => {
    for (const id of ['tiktok-popular-trend-hashtag', 'tiktok-top-ads-list', 'tiktok-creative-center-hashtags', 'tiktok-popular-trend-movers']) expect(answersWithList(byId(id)), id).toBe(true);
  });
  it('is false for a single record and for a set of option lists', () => {
    for (const id of ['tiktok-popular-trend-hashtag-detail', 'tiktok-top-ads-detail', 'tiktok-top-ads-safety', 'tiktok-top-ads-filters', 'tiktok-popular-trend-country-industry-meta']) {
      expect(answersWithList(byId(id)), id).toBe(false);
    }
  });
});

describe('retry advice', () => {
  it("gets the 503 answers no retry changes from the server's one list, through catalog.json", () => {
    expect(catalog.finalUnavailable).toEqual([...FINAL_UNAVAILABLE_DETAILS, 'upstream_retired']);
  });
});
