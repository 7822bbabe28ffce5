import type { FastifyReply, FastifyRequest } from 'fastify';
import { cacheLookupsTotal, creditsChargedTotal, requestDuration, requestsTotal, upstreamCallsTotal } from './registry.js';

/**
 * What the status says the upstream call did (docs/api-contract.md § Errors); null when the request
 * was answered without one (a 4xx refusal or our own 500).
 */
function upstreamOutcome(status: number, cache: string | undefined): string | null {
  if (status >= 200 && status < 300) return cache === 'STALE' ? 'stale' : 'ok';
  if (status === 502) return 'bad_response';
  if (status === 503) return 'unavailable';
  if (status === 504) return 'timeout';
  return null;
}

function header(reply: FastifyReply, name: string): string | undefined {
  const value = reply.getHeader(name);
  return value === undefined ? undefined : String(value);
}

/**
 * The request metrics, all read from what the response already says: the route's operation id and
 * the `X-Cache`, `X-Upstream-Adapter`/`X-Upstream-Source` and `X-Credits-Charged` headers. Being one
 * onResponse hook, no route or stage needs to know metrics exist.
 */
export function recordRequestMetrics(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const operation = request.metering?.operationId ?? request.routeOptions.url ?? 'unmatched';
  const status = reply.statusCode;
  requestsTotal.inc({ operation, status });
  requestDuration.observe({ operation }, reply.elapsedTime / 1000);
  const cache = header(reply, 'x-cache');
  if (cache !== undefined) cacheLookupsTotal.inc({ result: cache });
  const adapter = header(reply, 'x-upstream-adapter') ?? header(reply, 'x-upstream-source');
  // A hit or an idempotent replay never reached the upstream.
  if (adapter !== undefined && cache !== 'HIT' && request.metering && !reply.hasHeader('idempotent-replayed')) {
    const outcome = upstreamOutcome(status, cache);
    if (outcome !== null) upstreamCallsTotal.inc({ adapter, outcome });
  }
  const charged = Number(header(reply, 'x-credits-charged') ?? 0);
  if (charged > 0) creditsChargedTotal.inc({ operation }, charged);
  done();
}
