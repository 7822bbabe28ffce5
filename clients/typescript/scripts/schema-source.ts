import openapiTS, { astToString } from 'openapi-typescript';
import { buildOpenApiDocument } from '../../../src/api/openapi/index.js';
import { endpoints } from '../../../src/catalog/index.js';

/** Where the generated types live, relative to the client package. */
export const SCHEMA_FILE = 'src/schema.ts';

const API_PREFIX = '/api/v1';

const HEADER = `/**
 * Types of the Trendlens API, generated from the OpenAPI document the catalog produces (the one served
 * at /api/v1/openapi.json), with the /api/v1 prefix folded into each path so paths read as the URLs
 * people call. Do not edit: \`npm run generate\` in clients/typescript rewrites this file, and a test
 * fails when it is stale.
 */

`;

/**
 * The catalog's OpenAPI document with full paths (`/api/v1/tiktok/…`), so a client's base URL is the
 * server's origin, as people know it, rather than the API base.
 */
export function clientDocument(): Record<string, unknown> {
  const document = buildOpenApiDocument({ endpoints, serverUrl: 'http://localhost:8080' });
  const paths = Object.fromEntries(Object.entries(document.paths).map(([path, item]) => [API_PREFIX + path, item]));
  return { ...document, servers: [{ url: 'http://localhost:8080' }], paths };
}

/** The text of `src/schema.ts` for the current catalog. */
export async function schemaSource(): Promise<string> {
  const ast = await openapiTS(clientDocument() as never, { alphabetize: false });
  return HEADER + astToString(ast);
}
