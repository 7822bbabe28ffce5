export { buildOpenApiDocument, type OpenApiOptions, type OpenApiDocument } from './document.js';
export {
  buildCatalogJson,
  flattenFields,
  type CatalogJson,
  type CatalogEndpointJson,
  type CatalogFieldJson,
  type CatalogErrorJson,
} from './catalog-json.js';
export type { CatalogParamJson } from './params.js';
export type { JsonSchema } from './json-schema.js';
export { RESPONSE_HEADER_NAMES } from './headers.js';
