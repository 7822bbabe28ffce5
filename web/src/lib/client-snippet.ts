import type { Endpoint } from './catalog.js';
import { KEY_PLACEHOLDER } from './curl.js';
import { catalogParamEntries, type ParamValues } from './request-url.js';

/** The package name of the typed client in clients/typescript. */
export const CLIENT_PACKAGE = '@trendlens/client';

function typedValue(type: string, raw: string): unknown {
  if (type === 'integer' && /^-?\d+$/.test(raw)) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  if (type === 'csv') return raw.split(',').map((v) => v.trim()).filter(Boolean);
  return raw;
}

const literal = (v: unknown): string => (Array.isArray(v) ? `[${v.map(literal).join(', ')}]` : typeof v === 'string' ? `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : String(v));

/**
 * The TypeScript snippet: the typed client's `GET` on the endpoint's path, with the form's params
 * typed as the OpenAPI document types them (integers as numbers, comma lists as arrays).
 */
export function typedClientSnippet(origin: string, basePath: string, endpoint: Endpoint, values: ParamValues): string {
  const types = new Map(endpoint.params.map((p) => [p.name, p.type as string]));
  const query = catalogParamEntries(endpoint, values).map(([name, raw]) => {
    const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : literal(name);
    return `${key}: ${literal(typedValue(types.get(name) ?? 'string', raw))}`;
  });
  const init = query.length > 0 ? `, { params: { query: { ${query.join(', ')} } } }` : '';
  return [
    `import { createTrendlensClient } from '${CLIENT_PACKAGE}';`,
    '',
    `const baseUrl = ${literal(origin)};`,
    `const apiKey = process.env.TRENDLENS_API_KEY ?? '${KEY_PLACEHOLDER}';`,
    'const client = createTrendlensClient({ baseUrl, apiKey });',
    `const { data, error } = await client.GET(${literal(basePath + endpoint.path)}${init});`,
    'if (error) throw new Error(error.msg);',
    'console.log(data);',
  ].join('\n');
}
