import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AnyEndpoint } from '../../catalog/index.js';
import { ApiError } from '../errors.js';
import type { Services } from '../services.js';
import { identifyCaller, limitRate, readParams, reserveCredits, upstreamError } from './stages.js';

export const API_PREFIX = '/api/v1';

/**
 * One metered request, top to bottom (DESIGN §2): params → identify → rate limit → reserve →
 * fetch → settle → reply. A reader follows it without jumping back.
 */
function meteredHandler(services: Services, endpoint: AnyEndpoint) {
  return async function handle(request: FastifyRequest, reply: FastifyReply) {
    const input = readParams(endpoint, request.query);
    const caller = await identifyCaller(services, request, reply);
    await limitRate(services, request, reply, caller);
    const remaining = await reserveCredits(services, request, caller);

    let outcome: Awaited<ReturnType<Services['upstream']['fetch']>>;
    try {
      outcome = await services.upstream.fetch(endpoint, input.canonical, input.params);
    } catch (error) {
      await services.credits.release(request.id);
      throw error;
    }
    if (!outcome.ok) {
      await services.credits.release(request.id);
      throw upstreamError(outcome.failure, outcome.sourceId);
    }
    await services.credits.commit(request.id);

    reply.header('X-Credits-Charged', String(services.config.CREDIT_COST));
    reply.header('X-Credits-Remaining', String(remaining));
    reply.header('X-Cache', outcome.cache);
    if (outcome.ageSeconds !== undefined) reply.header('Age', String(outcome.ageSeconds));
    reply.header('X-Upstream-Source', outcome.sourceId);
    reply.type('application/json; charset=utf-8');
    return reply.send(outcome.body);
  };
}

function methodNotAllowed(): never {
  throw new ApiError('method_not_allowed', {
    data: { error: 'method_not_allowed', allow: ['GET'] },
    headers: { Allow: 'GET, OPTIONS' },
  });
}

/** Routes generated from the catalog: one GET per endpoint, 405 for the other methods. */
export function registerCatalogRoutes(app: FastifyInstance, services: Services, endpoints: readonly AnyEndpoint[]): void {
  for (const endpoint of endpoints) {
    const url = API_PREFIX + endpoint.path;
    app.get(url, meteredHandler(services, endpoint));
    app.route({ method: ['POST', 'PUT', 'PATCH', 'DELETE'], url, handler: methodNotAllowed });
  }
}
