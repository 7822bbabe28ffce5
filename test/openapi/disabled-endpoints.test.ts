import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/catalog/index.js';
import { buildCatalogJson, buildOpenApiDocument } from '../../src/api/openapi/index.js';
import { PUBLIC_CHARTS } from '../../src/history/charts.js';
import { startTestApp, type TestApp } from '../support/app.js';

type Json = Record<string, any>;

// One double-wrapped and one single-wrapped operation, so both kinds of entry are seen to go.
const DISABLED = ['tiktok-popular-trend-video', 'tiktok-creative-center-videos'];
const disabledEndpoints = endpoints.filter((e) => DISABLED.includes(e.operationId));
const served = endpoints.filter((e) => !DISABLED.includes(e.operationId));

describe('DISABLED_ENDPOINTS in the generated documents', () => {
  const doc = buildOpenApiDocument({ endpoints, serverUrl: 'http://x', disabled: DISABLED }) as Json;

  it('leaves the switched-off operations out of the OpenAPI document, which stays valid', async () => {
    expect(disabledEndpoints).toHaveLength(DISABLED.length);
    expect(Object.keys(doc.paths)).toEqual(served.map((e) => e.path));
    const operationIds = Object.values(doc.paths).map((item) => (item as Json).get.operationId);
    for (const id of DISABLED) expect(operationIds).not.toContain(id);
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors).toBeUndefined();
  });

  it('names no switched-off operation in the schemas or the description', () => {
    const schemas = Object.keys(doc.components.schemas);
    for (const e of disabledEndpoints) {
      if (served.some((s) => s.responseSchemaName === e.responseSchemaName)) continue;
      expect(schemas).not.toContain(e.responseSchemaName);
    }
    expect(doc.info.description).not.toContain('creative-center/videos');
    expect(doc.info.description).toContain('creative-center/hashtags');
  });

  it('leaves them out of catalog.json too, and names them under `disabled`', () => {
    const catalog = buildCatalogJson({ endpoints, disabled: DISABLED });
    expect(catalog.endpoints.map((e) => e.operationId)).toEqual(served.map((e) => e.operationId));
    expect(catalog.disabled).toEqual(DISABLED);
    expect(buildCatalogJson({ endpoints }).disabled).toEqual([]);
  });

  it('drops a group tag once every operation of it is switched off', () => {
    const keywords = endpoints.filter((e) => e.group === 'Keywords').map((e) => e.operationId);
    const noKeywords = buildOpenApiDocument({ endpoints, serverUrl: 'http://x', disabled: keywords }) as Json;
    expect(noKeywords.tags.map((t: Json) => t.name)).toEqual(['Trends', 'Top Ads']);
    expect(buildCatalogJson({ endpoints, disabled: keywords }).groups).toEqual(['Trends', 'Top Ads']);
  });
});

describe('a server with DISABLED_ENDPOINTS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { DISABLED_ENDPOINTS: DISABLED } });
  });
  afterAll(async () => t.close());

  it('serves /api/v1/openapi.json without them', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys((res.json() as Json).paths);
    expect(paths).toEqual(served.map((e) => e.path));
  });

  it('serves /api/v1/catalog.json without them, naming them as switched off', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/catalog.json' });
    expect(res.statusCode).toBe(200);
    const catalog = res.json() as Json;
    expect(catalog.endpoints.map((e: Json) => e.operationId)).toEqual(served.map((e) => e.operationId));
    expect(catalog.disabled).toEqual(DISABLED);
  });

  it('still lists every chart watches and collection accept, with the movers endpoint switched off too', async () => {
    const noMovers = buildCatalogJson({ endpoints, disabled: [...DISABLED, 'tiktok-popular-trend-movers'] });
    expect(noMovers.charts).toEqual(buildCatalogJson({ endpoints }).charts);
    expect(noMovers.charts.map((c) => c.chart)).toEqual(PUBLIC_CHARTS);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/catalog.json' });
    expect((res.json() as Json).charts.map((c: Json) => c.chart)).toEqual(PUBLIC_CHARTS);
  });
});
