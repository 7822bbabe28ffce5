import openapiTS, { astToString } from 'openapi-typescript';
import { buildOpenApiDocument } from '../../../src/api/openapi/index.js';
import { endpoints } from '../../../src/catalog/index.js';
import { ERRORS } from '../../../src/http/index.js';

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

/**
 * What each error code a client can meet means, in the words of the server's error catalog (Markdown
 * code marks dropped): the message of a `TrendlensError` whose answer carried no sentence of its own.
 */
function errorSentences(): string {
  const entries = Object.entries(ERRORS)
    .filter(([, e]) => e.scope !== 'console')
    .map(([code, e]) => `  ${code}: ${JSON.stringify(e.doc.replaceAll('`', ''))},`);
  return `\n/** Each API error code's meaning, from the server's error catalog. */\nexport const ERROR_SENTENCES: Readonly<Record<string, string>> = {\n${entries.join('\n')}\n};\n`;
}

/** The text of `src/schema.ts` for the current catalog. */
export async function schemaSource(): Promise<string> {
  const ast = await openapiTS(clientDocument() as never, { alphabetize: false });
  return HEADER + astToString(ast) + errorSentences();
}
