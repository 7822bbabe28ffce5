import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp } from '../../src/api/web/index.js';

/** A tiny stand-in build, so these tests need no `vite build`. */
function fakeBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'trendlens-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Trendlens</title><div id="root"></div>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  return root;
}

async function appOver(root: string): Promise<FastifyInstance> {
  const app = Fastify();
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ code: 404, msg: 'Not Found', data: { error: 'route_not_found' } }));
  app.get('/api/v1/ping', async () => ({ code: 200 }));
  await registerWebApp(app, { root });
  return app;
}

describe('registerWebApp with a build', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appOver(fakeBuild());
  });
  afterAll(() => app.close());

  it.each(['/playground', '/playground/tiktok-popular-trend-song', '/docs', '/docs/TikTok/tiktok-top-ads-list', '/docs/errors', '/console', '/console/keys?x=1'])(
    'answers the deep link %s with index.html',
    async (url) => {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain('<div id="root">');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    },
  );

  it('answers HEAD on app routes', async () => {
    const res = await app.inject({ method: 'HEAD', url: '/docs/billing' });
    expect(res.statusCode).toBe(200);
  });

  it('redirects / to the Playground', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/playground');
  });

  it('serves hashed assets with a long cache life', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('never answers /api/* or look-alike paths with index.html', async () => {
    for (const url of ['/api/v1/nope', '/api/console/nope', '/playgroundx', '/assets/missing.js']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toMatchObject({ data: { error: 'route_not_found' } });
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/ping' })).json()).toEqual({ code: 200 });
  });
});

describe('registerWebApp without a build', () => {
  it('starts, and says in a 503 how to build the pages', async () => {
    const app = await appOver(join(tmpdir(), 'trendlens-web-missing-build'));
    for (const url of ['/playground', '/docs/TikTok/x', '/console/keys', '/assets/index.js']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(503);
      expect(res.body).toContain('npm run build');
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/ping' })).statusCode).toBe(200);
    await app.close();
  });
});
