import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS, STATUS_MESSAGES, type ErrorCode } from '../../src/http/index.js';
import { startTestApp, type TestApp } from '../support/app.js';

describe('the error catalog (CONTRIBUTING.md § Conventions: one catalog of errors)', () => {
  it.each(Object.entries(ERRORS))('%s has a status, an envelope msg and a docs entry', (_, e) => {
    expect(e.status).toBeGreaterThanOrEqual(400);
    expect(STATUS_MESSAGES[e.status]).toBeTruthy();
    expect(e.doc.length).toBeGreaterThan(10);
  });

  it('publishes every API-facing code in catalog.json for the docs', async () => {
    const t = await startTestApp();
    try {
      const catalog = (await t.app.inject({ method: 'GET', url: '/api/v1/catalog.json' })).json() as { errors: Array<{ status: number; codes: Array<{ code: ErrorCode }> }> };
      const published = catalog.errors.flatMap((e) => e.codes.map((c) => c.code)).sort();
      const apiFacing = (Object.keys(ERRORS) as ErrorCode[]).filter((c) => ERRORS[c].scope !== 'console').sort();
      expect(published).toEqual(apiFacing);
      for (const failure of catalog.errors) for (const { code } of failure.codes) expect(ERRORS[code].status).toBe(failure.status);
    } finally {
      await t.close();
    }
  });
});

describe('403 endpoint_disabled', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { DISABLED_ENDPOINTS: ['tiktok-popular-trend-video'] } });
  });
  afterAll(async () => t.close());

  it('refuses a disabled endpoint after the key check, charging nothing', async () => {
    const { apiKey, accountId } = await t.newCaller();
    const before = (await t.services.credits.snapshot(accountId)).balance;
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/tiktok/popular-trend/video', headers: { 'x-api-key': apiKey } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ code: 403, msg: 'Forbidden', data: { error: 'endpoint_disabled' } });
    expect((await t.services.credits.snapshot(accountId)).balance).toBe(before);
    const other = await t.app.inject({ method: 'GET', url: '/api/v1/tiktok/popular-trend/hashtag', headers: { 'x-api-key': apiKey } });
    expect(other.statusCode).toBe(200);
  });

  it('answers 401 first when the key is missing', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/tiktok/popular-trend/video' });
    expect(res.statusCode).toBe(401);
  });
});

describe('DISABLED_ENDPOINTS configuration', () => {
  it('names an unknown operation id', async () => {
    const { loadConfig } = await import('../../src/config.js');
    expect(() => loadConfig({ DISABLED_ENDPOINTS: 'tiktok-nope' })).toThrow(/DISABLED_ENDPOINTS/);
  });
});
