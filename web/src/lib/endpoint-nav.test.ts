import { describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/catalog/index.js';
import { buildCatalogJson } from '../../../src/api/openapi/index.js';
import type { Endpoint } from './catalog.js';
import { groupEndpoints, moveIndex, retirementOf, searchEndpoints, shortLabel, sourcesOf } from './endpoint-nav.js';

const catalog = buildCatalogJson({ endpoints, plans: [] });
const byId = (id: string) => catalog.endpoints.find((e) => e.operationId === id)!;

describe('endpoint navigation', () => {
  it('drops the shared "Retrieve TikTok" from sidebar names', () => {
    expect(shortLabel(byId('tiktok-keyword-insights'))).toBe('Keyword insights');
    expect(shortLabel(byId('tiktok-top-ads-detail'))).toBe('Top Ads detail');
  });
  it('searches by name, path, group and description, every word', () => {
    expect(searchEndpoints(catalog.endpoints, '').length).toBe(catalog.endpoints.length);
    expect(searchEndpoints(catalog.endpoints, 'song detail').map((e) => e.operationId)).toEqual(['tiktok-popular-trend-song-detail']);
    expect(searchEndpoints(catalog.endpoints, 'keywords').map((e) => e.group)).toContain('Keywords');
  });
  it('groups in catalog order and covers every endpoint once', () => {
    const groups = groupEndpoints(catalog.groups, catalog.endpoints);
    expect(groups.map((g) => g.group)).toEqual(catalog.groups);
    expect(groups.flatMap((g) => g.endpoints)).toHaveLength(catalog.endpoints.length);
  });
  it('moves with arrow keys, Home and End, staying inside the list', () => {
    expect(moveIndex('ArrowDown', -1, 3)).toBe(0);
    expect(moveIndex('ArrowDown', 2, 3)).toBe(2);
    expect(moveIndex('ArrowUp', 0, 3)).toBe(0);
    expect(moveIndex('End', 0, 3)).toBe(2);
    expect(moveIndex('a', 0, 3)).toBeNull();
  });
  it('reads retirement and sources when the catalog has them, and nothing when not', () => {
    const plain = byId('tiktok-popular-trend-hashtag');
    const retired: Endpoint = { ...plain, retired: { since: '2026-05-01', reason: 'Creative Center removed it.' }, sources: ['creative-center', 'tiktok-one'] };
    expect(retirementOf(retired)).toEqual({ since: '2026-05-01', reason: 'Creative Center removed it.' });
    expect(sourcesOf(retired)).toEqual(['creative-center', 'tiktok-one']);
    expect(retirementOf({ ...plain, retired: null })).toBeNull();
  });
});
