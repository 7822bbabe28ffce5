import { describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/catalog/index.js';
import { buildCatalogJson } from '../../../src/api/openapi/index.js';
import { typedClientSnippet } from './client-snippet.js';

const catalog = buildCatalogJson({ endpoints, plans: [] });
const byId = (id: string) => catalog.endpoints.find((e) => e.operationId === id)!;

describe('typedClientSnippet', () => {
  it('calls the typed client with typed query params', () => {
    const code = typedClientSnippet('http://localhost:8080', catalog.basePath, byId('tiktok-popular-trend-hashtag'), { page: '1', country_code: 'US' });
    expect(code).toContain("import { createTrendlensClient } from '@trendlens/client';");
    expect(code).toContain('const client = createTrendlensClient({ baseUrl, apiKey });');
    expect(code).toContain("const { data, error } = await client.GET('/api/v1/tiktok/popular-trend/hashtag', { params: { query: { page: 1, country_code: 'US' } } });");
  });
  it('sends comma lists as arrays and leaves out the init when nothing is set', () => {
    const list = byId('tiktok-top-ads-list');
    const csv = list.params.find((p) => p.type === 'csv')!;
    expect(typedClientSnippet('http://h', catalog.basePath, list, { [csv.name]: 'US, GB' })).toContain(`${csv.name}: ['US', 'GB']`);
    expect(typedClientSnippet('http://h', catalog.basePath, byId('tiktok-top-ads-filters'), {})).toContain("client.GET('/api/v1/tiktok/top-ads/filters');");
  });
});
