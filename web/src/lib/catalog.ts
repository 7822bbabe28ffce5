import type { CatalogChartJson, CatalogEndpointJson, CatalogErrorJson, CatalogFieldJson, CatalogJson } from '../../../src/api/openapi/catalog-json.js';
import type { CatalogParamJson } from '../../../src/api/openapi/params.js';
import type { Plan } from '../../../src/billing/plans.js';

export type { CatalogChartJson as Chart, CatalogEndpointJson as Endpoint, CatalogErrorJson as Failure, CatalogFieldJson as Field, CatalogJson as Catalog, CatalogParamJson as Param };

/** A plan as catalog.json lists it (docs/api-contract.md § Plans): the server's own plan type. */
export type PlanJson = Plan;

/** The endpoint the bare `/playground` opens (docs/api-contract.md § Playground: the flagship). */
export const FLAGSHIP_OPERATION_ID = 'tiktok-popular-trend-hashtag';

/** The endpoint the bare `/playground` opens: the flagship, or the first one where the operator switched the flagship off. */
export function flagshipOf(catalog: CatalogJson): CatalogEndpointJson | undefined {
  return catalog.endpoints.find((e) => e.operationId === FLAGSHIP_OPERATION_ID) ?? catalog.endpoints[0];
}

/** Reads the catalog from the server; the web app keeps no copy of its own (docs/architecture.md § The catalog drives everything). */
export async function loadCatalog(fetchImpl: typeof fetch = fetch): Promise<CatalogJson> {
  const response = await fetchImpl('/api/v1/catalog.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`The catalog could not be loaded (HTTP ${response.status}).`);
  return (await response.json()) as CatalogJson;
}

/** The plans of catalog.json, typed; an operator may have configured none. */
export function plansOf(catalog: CatalogJson): PlanJson[] {
  return Array.isArray(catalog.plans) ? (catalog.plans as PlanJson[]) : [];
}

/** "Parameters: N documented fields" counts the `x-api-key` header too (docs/api-contract.md § Playground). */
export function documentedFieldCount(endpoint: CatalogEndpointJson): number {
  return endpoint.params.length + 1;
}

let shared: Promise<CatalogJson> | null = null;

/** The page's one copy of the catalog: every view that needs it shares one fetch; a failure may be retried. */
export function sharedCatalog(): Promise<CatalogJson> {
  shared ??= loadCatalog().catch((error: unknown) => {
    shared = null;
    throw error;
  });
  return shared;
}
