import { describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/catalog/index.js';
import { buildCatalogJson } from '../../../src/api/openapi/index.js';
import { documentedFieldCount, filterEndpoints, FLAGSHIP_OPERATION_ID } from './catalog.js';

const catalog = buildCatalogJson({ endpoints, plans: [] });

describe('filterEndpoints', () => {
  it('shows every endpoint for an empty search', () => {
    expect(filterEndpoints(catalog.endpoints, '', null)).toHaveLength(endpoints.length);
  });
  it('narrows by group', () => {
    expect(filterEndpoints(catalog.endpoints, '', 'Keywords').map((e) => e.operationId)).toEqual(['tiktok-keyword-insights']);
  });
  it('searches paths, ids and param names, every word', () => {
    expect(filterEndpoints(catalog.endpoints, 'song detail', null).map((e) => e.operationId)).toEqual(['tiktok-popular-trend-song-detail']);
    expect(filterEndpoints(catalog.endpoints, 'material_id', null).length).toBeGreaterThan(1);
  });
});

describe('documentedFieldCount', () => {
  it('counts x-api-key: 7 for the flagship', () => {
    const flagship = catalog.endpoints.find((e) => e.operationId === FLAGSHIP_OPERATION_ID)!;
    expect(documentedFieldCount(flagship)).toBe(7);
  });
});
