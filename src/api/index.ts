export { registerCatalogRoutes, API_PREFIX } from './v1/routes.js';
export { registerPublicDocuments } from './public/routes.js';
export { registerStatusRoute } from './public/status.js';
export { registerWebApp, WEB_DIST } from './web/index.js';
export { identifyCaller } from './v1/stages.js';
export { RESPONSE_HEADER_NAMES } from './openapi/index.js';
