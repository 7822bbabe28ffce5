import type { FastifyInstance } from 'fastify';
import { envelope } from '../../http/index.js';
import type { Services } from '../../services.js';
import { API_PREFIX } from '../v1/routes.js';

/** How long one status body is reused: a status page polling it costs nothing upstream. */
export const STATUS_CACHE_SECONDS = 5;

/**
 * `GET /api/v1/status` (docs/upstreams.md § Source routing): public and free. Each operation's sources
 * in order with their access and circuit state, the adapter currently serving, and whether TikTok
 * has retired it. Nothing is called upstream to answer it.
 */
export function registerStatusRoute(app: FastifyInstance, services: Services): void {
  let cached: { body: string; at: number } | undefined;
  app.get(`${API_PREFIX}/status`, async (_request, reply) => {
    const now = services.clock.now();
    if (!cached || now - cached.at >= STATUS_CACHE_SECONDS * 1000) {
      const data = { mode: services.mode, generated_at: new Date(now).toISOString(), operations: services.upstream.status() };
      cached = { body: JSON.stringify(envelope(200, 'OK', data)), at: now };
    }
    return reply.type('application/json; charset=utf-8').send(cached.body);
  });
}
