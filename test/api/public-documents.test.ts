import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/catalog/index.js';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('GET /api/v1/openapi.json', () => {
  it('is public and unmetered, lists every catalog path and names this server', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json', headers: { host: 'api.example.test' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-credits-charged']).toBeUndefined();
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(doc.paths)).toEqual(endpoints.map((e) => e.path));
    expect(doc.servers[0].url).toBe('http://api.example.test/api/v1');
  });
});

describe('GET /api/v1/catalog.json', () => {
  it('serves every catalog endpoint with its params, for the web app', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/catalog.json' });
    expect(res.statusCode).toBe(200);
    const catalog = res.json();
    expect(catalog.endpoints.map((e: { operationId: string }) => e.operationId)).toEqual(endpoints.map((e) => e.operationId));
    const flagship = catalog.endpoints[0];
    expect(flagship.params.map((p: { name: string }) => p.name)).toEqual(Object.keys(endpoints[0]?.params ?? {}));
  });
});
