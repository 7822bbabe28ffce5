import type { FastifyInstance, FastifyRequest } from 'fastify';
import { endpoints } from '../../catalog/index.js';
import { buildCatalogJson, buildOpenApiDocument } from '../openapi/index.js';
import type { Services } from '../../services.js';
import { API_PREFIX } from '../v1/routes.js';

/**
 * `GET /api/v1/openapi.json` and `/api/v1/catalog.json` (docs/api-contract.md § Docs and OpenAPI): public, unmetered, generated
 * from the catalog, the active plans and the operator's `DISABLED_ENDPOINTS`. Serialized once per origin, since `servers` names it.
 */
export function registerPublicDocuments(app: FastifyInstance, services: Services): void {
  const { config, plans } = services;
  const creditCost = () => config.CREDIT_COST;
  const disabled = config.DISABLED_ENDPOINTS;
  // Without PUBLIC_URL, `servers` names the request's origin: a Host the caller chose only comes back to
  // that caller, in a document that is never cached (`no-store`) and carries no secret.
  const origin = (request: FastifyRequest) => config.PUBLIC_URL?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;

  const openApiByOrigin = new Map<string, string>();
  app.get(`${API_PREFIX}/openapi.json`, async (request, reply) => {
    const serverUrl = origin(request);
    let body = openApiByOrigin.get(serverUrl);
    if (body === undefined) {
      body = JSON.stringify(buildOpenApiDocument({ endpoints, serverUrl, plans: plans.plans, creditCost, disabled }));
      if (openApiByOrigin.size < 16) openApiByOrigin.set(serverUrl, body);
    }
    return reply.type('application/json; charset=utf-8').send(body);
  });

  const catalogBody = JSON.stringify(buildCatalogJson({ endpoints, plans: plans.plans, creditCost, disabled }));
  app.get(`${API_PREFIX}/catalog.json`, async (_request, reply) => reply.type('application/json; charset=utf-8').send(catalogBody));
}
