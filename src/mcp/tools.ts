import type { AnyEndpoint, ParamDef, ParamError } from '../catalog/index.js';

/** An MCP tool as `tools/list` describes it, generated from one catalog endpoint. */
export interface McpTool {
  name: string;
  title: string;
  description: string;
  inputSchema: { type: 'object'; properties: Record<string, Record<string, unknown>>; required?: string[]; additionalProperties: false };
  annotations: { title: string; readOnlyHint: true; idempotentHint: true; openWorldHint: true };
}

function range(d: ParamDef): string {
  return `${d.minimum}–${d.maximum}`;
}

/** A param's description plus the rules a caller cannot see in its JSON Schema: default, clamp, CSV. */
function describeParam(d: ParamDef): string {
  const parts = [d.description];
  if (d.clamp) parts.push(`Clamped to ${range(d)}, never rejected.`);
  if (d.default !== undefined) parts.push(`Default ${String(d.default)}.`);
  if (d.type === 'csv') parts.push('A list, or one comma-separated string.');
  if (d.ignored) parts.push('Accepted for compatibility, not applied upstream.');
  return parts.join(' ');
}

function itemSchema(d: ParamDef): Record<string, unknown> {
  return {
    type: d.type === 'csv' ? 'string' : d.type,
    ...(d.enum !== undefined && { enum: d.enum }),
    // A clamped param takes any integer and clamps it, so its range is said in words, not enforced.
    ...(!d.clamp && d.minimum !== undefined && { minimum: d.minimum }),
    ...(!d.clamp && d.maximum !== undefined && { maximum: d.maximum }),
    ...(d.pattern !== undefined && d.type !== 'csv' && { pattern: d.pattern }),
    ...(d.maxLength !== undefined && { maxLength: d.maxLength }),
  };
}

/**
 * One catalog param as a JSON Schema property of the tool's input. A CSV param takes a list or the
 * comma-separated string REST takes; the catalog's parser behind REST checks the items of either.
 */
function paramSchema(d: ParamDef): Record<string, unknown> {
  const schema = d.type === 'csv' ? { anyOf: [{ type: 'array', items: itemSchema(d) }, { type: 'string' }] } : itemSchema(d);
  return {
    ...schema,
    description: describeParam(d),
    ...(d.default !== undefined && { default: d.default }),
  };
}

/**
 * The tool for one catalog endpoint: its operation id, summary, description and params. `creditCost`
 * is the server's configured cost, or null where it is not known (the stdio server calls a remote one).
 */
export function toolFor(endpoint: AnyEndpoint, creditCost: number | null): McpTool {
  const entries = Object.entries(endpoint.params);
  const required = entries.filter(([, d]) => d.required).map(([name]) => name);
  const description = [
    endpoint.description,
    `Calls GET /api/v1${endpoint.path} and returns its JSON envelope {code, msg, data}.`,
    creditCost === null
      ? `Charged like that REST call (${endpoint.creditCost} credits unless the server sets another cost) when it succeeds; errors cost nothing.`
      : `Costs ${creditCost} credits when it succeeds; errors cost nothing.`,
    ...endpoint.notes,
  ].join('\n');
  return {
    name: endpoint.operationId,
    title: endpoint.summary,
    description,
    inputSchema: {
      type: 'object',
      properties: Object.fromEntries(entries.map(([name, d]) => [name, paramSchema(d)])),
      ...(required.length > 0 && { required }),
      additionalProperties: false,
    },
    annotations: { title: endpoint.summary, readOnlyHint: true, idempotentHint: true, openWorldHint: true },
  };
}

/** One tool per catalog endpoint, in catalog order. */
export function catalogTools(endpoints: readonly AnyEndpoint[], creditCost: number | null): McpTool[] {
  return endpoints.map((e) => toolFor(e, creditCost));
}

/** What to send instead of a name the tool does not take: the catalog's own hint, the canonical name of an alias, else the tool's params. */
function insteadOf(endpoint: AnyEndpoint, name: string): string {
  const hint = endpoint.rejectedParams?.[name];
  if (hint !== undefined) return hint;
  const canonical = Object.entries(endpoint.params).find(([, d]) => d.aliases?.includes(name))?.[0];
  if (canonical !== undefined) return `use ${canonical}`;
  const names = Object.keys(endpoint.params);
  return names.length === 0 ? 'it takes none' : `its params: ${names.join(', ')}`;
}

/**
 * The arguments the tool does not take, each with what to send instead. REST ignores unknown query
 * params (docs/api-contract.md § Params and canonical form), but a tool's input schema is closed
 * (`additionalProperties: false`) and its caller is often a model: a misspelt name dropped in silence
 * would run, and charge, a different request than the one meant.
 */
export function unknownParams(endpoint: AnyEndpoint, args: Readonly<Record<string, unknown>>): ParamError[] {
  return Object.keys(args)
    .filter((name) => !Object.hasOwn(endpoint.params, name))
    .map((name) => ({ param: name, message: `is not a param of this tool (${insteadOf(endpoint, name)})` }));
}

function queryValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(queryValue).join(',');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The REST query for a tool's arguments, once `unknownParams` found none. Each is passed on as the
 * caller gave it, so the catalog's own parser judges it exactly as it judges a REST request: the same
 * clamps, the same 400.
 */
export function toolQuery(args: Readonly<Record<string, unknown>>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(args)) {
    if (value === undefined || value === null) continue;
    query.append(name, queryValue(value));
  }
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}
