import { describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/catalog/index.js';
import { buildCatalogJson } from '../../../src/api/openapi/index.js';
import { FLAGSHIP_OPERATION_ID } from './catalog.js';
import { firstRequestUrl, initialValues } from './request-url.js';

const catalog = buildCatalogJson({ endpoints, plans: [] });
const endpoint = (operationId: string) => catalog.endpoints.find((e) => e.operationId === operationId)!;

describe('firstRequestUrl', () => {
  it("is the flagship with its starting values, the country TikTok One needs included", () => {
    const flagship = endpoint(FLAGSHIP_OPERATION_ID);
    const country = flagship.params.find((p) => p.name === 'country_code')!;
    expect(firstRequestUrl('http://localhost:8080', catalog)).toBe(`http://localhost:8080/api/v1${flagship.path}?country_code=${country.example}`);
  });
});

describe('initialValues', () => {
  it('names the hashtag on the history endpoint, where either of two optional params is needed', () => {
    const history = endpoint('tiktok-popular-trend-hashtag-history');
    const values = initialValues(history);
    expect(values.hashtag_name || values.hashtag_id).not.toBe('');
  });
});
