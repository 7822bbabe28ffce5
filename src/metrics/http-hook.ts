import type { FastifyReply, FastifyRequest } from 'fastify';
import { cacheLookupsTotal, creditsChargedTotal, requestDuration, requestsTotal } from './registry.js';

function header(reply: FastifyReply, name: string): string | undefined {
  const value = reply.getHeader(name);
  return value === undefined ? undefined : String(value);
}

/**
 * The request metrics, all read from what the response already says: the route's operation id and
 * the `X-Cache` and `X-Credits-Charged` headers. Being one onResponse hook, no route or stage needs to
 * know metrics exist. Upstream calls are counted where they are made (src/upstream/adapter-kit): one
 * answered request may have cost several, or none.
 */
export function recordRequestMetrics(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const operation = request.metering?.operationId ?? request.routeOptions.url ?? 'unmatched';
  const status = reply.statusCode;
  requestsTotal.inc({ operation, status });
  requestDuration.observe({ operation }, reply.elapsedTime / 1000);
  const cache = header(reply, 'x-cache');
  if (cache !== undefined) cacheLookupsTotal.inc({ result: cache });
  const charged = Number(header(reply, 'x-credits-charged') ?? 0);
  if (charged > 0) creditsChargedTotal.inc({ operation }, charged);
  done();
}
