import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { envelope } from '../http/index.js';
import type { Mode } from '../services.js';
import type { Store } from '../store/index.js';
import type { UpstreamGateway } from '../upstream/index.js';
import { checkReadiness } from './readiness.js';

/**
 * `/healthz`: the process is alive and serving (no dependency is consulted, so a database outage
 * does not get the process restarted). `/readyz`: the dependencies answer, 503 with the failing
 * check named when one does not; while shutting down Fastify answers 503 on its own.
 */
export function registerHealthRoutes(app: FastifyInstance, deps: { store: Store; redis: Redis | null; mode: Mode; upstream: Pick<UpstreamGateway, 'status'> }): void {
  app.get('/healthz', async () => envelope(200, 'OK', { status: 'ok', mode: deps.mode }));
  app.get('/readyz', async (_request, reply) => {
    const report = await checkReadiness(deps);
    const status = report.ready ? 200 : 503;
    const data = { status: report.ready ? 'ready' : 'not_ready', checks: report.checks };
    return reply.code(status).send(envelope(status, report.ready ? 'OK' : 'Service Unavailable', data));
  });
}
