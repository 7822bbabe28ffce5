import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { registerWebSecurityHeaders } from '../../security/index.js';

/** Where `vite build` puts the web app: `<repo>/web/dist`, from `src/api/web` and `dist/api/web` alike. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Client-side routes answered with index.html, so deep links load directly (docs/api-contract.md § Playground, § Docs and OpenAPI). */
const SPA_PREFIXES = ['/playground', '/docs', '/console'];

const NOT_BUILT =
  'The Trendlens web app has not been built, so the Playground, Docs and Console are unavailable.\n' +
  'Run `npm run build` (or `npm start` / `npm run demo`, which build first) and restart the server.\n' +
  'The API itself works: see /api/v1/openapi.json.\n';


export interface WebAppOptions {
  /** The built app (`WEB_DIST` unless embedding elsewhere). */
  root: string;
}

/**
 * Serves the built web app: hashed assets under /assets/ (cached for a year), index.html for every
 * client-side route (never for /api/*), and `/` redirected to the Playground. Without a build the
 * server still starts and those pages say, in a 503, how to build them.
 */
export async function registerWebApp(app: FastifyInstance, opts: WebAppOptions): Promise<void> {
  const indexPath = join(opts.root, 'index.html');
  let indexHtml: string | null = null;
  const loadIndex = async (): Promise<string | null> => {
    if (indexHtml === null && existsSync(indexPath)) indexHtml = await readFile(indexPath, 'utf8');
    return indexHtml;
  };

  const notBuilt = (reply: FastifyReply) =>
    reply.code(503).header('Cache-Control', 'no-store').header('Retry-After', '60').type('text/plain; charset=utf-8').send(NOT_BUILT);

  const sendIndex = async (_request: unknown, reply: FastifyReply) => {
    const html = await loadIndex();
    if (html === null) return notBuilt(reply);
    return reply
      .header('Cache-Control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(html);
  };

  await app.register(async (scope) => {
    // Helmet's headers on the web app's routes only: the API's JSON answers are not documents.
    await registerWebSecurityHeaders(scope);
    const assets = join(opts.root, 'assets');
    if (existsSync(assets)) {
      await scope.register(fastifyStatic, {
        root: assets,
        prefix: '/assets/',
        wildcard: true,
        index: false,
        // Vite names assets by content hash: they never change under the same name.
        immutable: true,
        maxAge: '365d',
      });
    } else {
      scope.get('/assets/*', async (_request, reply) => notBuilt(reply));
    }
    for (const prefix of SPA_PREFIXES) {
      scope.get(prefix, sendIndex);
      scope.get(`${prefix}/*`, sendIndex);
    }
    scope.get('/', async (_request, reply) => reply.redirect('/playground', 302));
  });
}
