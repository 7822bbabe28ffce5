import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../src/accounts/index.js';
import { WEB_DIST } from '../../src/api/index.js';
import { defaultConfig } from '../../src/config.js';
import { WEB_CSP_DIRECTIVES } from '../../src/security/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { call } from './http-client.js';

const built = existsSync(join(WEB_DIST, 'index.html'));
if (!built) console.warn('[skip] web/dist is not built (npm run build:web): the CSP-against-the-build checks are skipped');

describe('security headers and request limits on a real server', () => {
  let database: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    server = await startServer(defaultConfig({ DATABASE_URL: database.url, PORT: 0, HOST: '127.0.0.1' }));
  });

  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it.skipIf(!built)('serves the web app with helmet’s headers and a CSP', async () => {
    const res = await fetch(`${server.url}/playground`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it.skipIf(!built)('the built index.html passes its CSP: no inline script, every asset from this origin and served', async () => {
    const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(body?.trim(), 'an inline script would need unsafe-inline').toBe('');
      expect(attrs).toMatch(/src="\/assets\//);
    }
    expect(html).not.toMatch(/\son[a-z]+="/i);
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    for (const url of urls) {
      if (url.startsWith('data:')) {
        expect(WEB_CSP_DIRECTIVES.imgSrc).toContain('data:');
        continue;
      }
      expect(url.startsWith('/'), `${url} is not same-origin`).toBe(true);
      expect((await fetch(`${server.url}${url}`)).status).toBe(200);
    }
  });

  it('leaves the API’s JSON answers without document headers', async () => {
    const res = await fetch(`${server.url}/api/v1/catalog.json`);
    expect(res.headers.get('content-security-policy')).toBeNull();
  });

  it('answers a body over BODY_LIMIT_BYTES with 413 before reading it all', async () => {
    const res = await call(`${server.url}/api/console/auth/sign-up`, { method: 'POST', body: { email: 'big@example.com', password: 'x'.repeat(70_000) } });
    expect(res.status).toBe(413);
    expect(res.body.data).toEqual({ error: 'payload_too_large' });
  });

  it('answers headers over 16 KiB with 431', async () => {
    const res = await call(`${server.url}/healthz`, { headers: { 'x-padding': 'y'.repeat(20_000) } });
    expect(res.status).toBe(431);
  });

  it('counts 400s with unknown keys against the per-IP limit, so they cannot probe the key store beyond it', async () => {
    const url = `${server.url}/api/v1/tiktok/popular-trend/hashtag?limit=not-a-number`;
    for (let i = 0; i < 60; i++) {
      expect((await call(url, { headers: { 'x-api-key': generateApiKey() }, from: '127.0.0.9' })).status).toBe(400);
    }
    // Still a 400 (bad params come first) but past the allowance, and a keyless request is now limited.
    expect((await call(url, { headers: { 'x-api-key': generateApiKey() }, from: '127.0.0.9' })).status).toBe(400);
    expect((await call(`${server.url}/api/v1/tiktok/popular-trend/hashtag`, { from: '127.0.0.9' })).status).toBe(429);
    expect((await call(`${server.url}/api/v1/tiktok/popular-trend/hashtag`, { from: '127.0.0.10' })).status).toBe(401);
  });
});
