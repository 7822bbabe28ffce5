import { describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/catalog/index.js';
import { buildCatalogJson } from '../../../src/api/openapi/index.js';
import { documentedFieldCount, FLAGSHIP_OPERATION_ID } from './catalog.js';

const catalog = buildCatalogJson({ endpoints, plans: [] });

describe('documentedFieldCount', () => {
  it('counts x-api-key: 7 for the flagship', () => {
    const flagship = catalog.endpoints.find((e) => e.operationId === FLAGSHIP_OPERATION_ID)!;
    expect(documentedFieldCount(flagship)).toBe(7);
  });
});
