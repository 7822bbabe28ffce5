import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { followConnections } from '../http/index.js';
import { metricsRegistry } from './registry.js';

/** A scrape is one quick GET: a shutdown gives a connection still open after this long no more time. */
const METRICS_DRAIN_MS = 5_000;

function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `/metrics` on the main app behind `Authorization: Bearer <METRICS_TOKEN>`. Without the token the
 * route answers 404 like any unknown path, so its existence is not advertised.
 */
export function registerMetricsRoute(app: FastifyInstance, token: string): void {
  app.get('/metrics', async (request, reply) => {
    const header = request.headers.authorization ?? '';
    const presented = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!sameSecret(presented, token)) {
      return reply.code(401).header('WWW-Authenticate', 'Bearer realm="metrics"').type('text/plain; charset=utf-8').send('metrics need a bearer token\n');
    }
    return reply.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
  });
}

/** A bare HTTP server answering only `GET /metrics`, for a port the operator keeps private. */
export async function startMetricsServer(port: number, host: string): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' || (request.url ?? '').split('?', 1)[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('only GET /metrics is served here\n');
      return;
    }
    metricsRegistry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(text),
      () => response.writeHead(500).end(),
    );
  });
  const connections = followConnections(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    // As the API's own server (src/server.ts): a scraper's connection that never sent a request must not hold the shutdown.
    close: async () => {
      await connections.drain(new Promise<void>((resolve) => server.close(() => resolve())), METRICS_DRAIN_MS);
    },
  };
}
