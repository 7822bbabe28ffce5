import type { AnyEndpoint, EndpointGroup, Retirement, UpstreamAdapter } from '../../catalog/index.js';
import { CHART_OPERATIONS, chartPeriods, PUBLIC_CHARTS, type PublicChart } from '../../history/charts.js';
import { ERRORS, STATUS_MESSAGES, type ErrorCode } from '../../http/index.js';
import { FINAL_503_ANSWERS, successEnvelope } from './envelopes.js';
import { sampleResponse, servedEndpoints, type OpenApiOptions } from './document.js';
import { toJsonSchema, type JsonSchema } from './json-schema.js';
import { catalogParams, type CatalogParamJson } from './params.js';

/** One field of a response, flattened for the Playground (docs/api-contract.md § Playground). */
export interface CatalogFieldJson {
  /** Dotted path from the body's root; array items as `[]`, map values as `*`: `data.data.list[].country_info.id`. */
  path: string;
  /** JSON type(s), `|`-joined when several: `string`, `integer`, `string|integer`, `array`, `object`. */
  type: string;
  /** Type of the items when `type` is `array`. */
  items?: string;
  required: boolean;
  nullable: boolean;
  enum?: readonly unknown[];
  const?: unknown;
  description?: string;
}

/** One endpoint as the web app reads it. */
export interface CatalogEndpointJson {
  operationId: string;
  path: string;
  method: 'GET';
  group: EndpointGroup;
  summary: string;
  description: string;
  platform: 'TikTok';
  creditCost: number;
  cacheTtlSeconds: number;
  upstream: readonly string[];
  /** The adapters that can serve it, in the order they are tried. */
  sources: readonly UpstreamAdapter[];
  /** Set when TikTok no longer serves it: it answers 503 `upstream_retired`. */
  retired: Retirement | null;
  /** `history`: answered from this instance's stored charts with no upstream call (README.md § Trend history). */
  servedFrom: 'history' | null;
  envelope: 'double' | 'single';
  responseSchemaName: string;
  /** JSON Schema of the whole 2xx body `{code: 200, msg: "OK", data}`. */
  responseSchema: JsonSchema;
  fields: CatalogFieldJson[];
  /** The whole 2xx body with the catalog sample as `data`. */
  sample: { code: 200; msg: 'OK'; data: unknown };
  notes: readonly string[];
  params: CatalogParamJson[];
  /** Query names refused with a hint (top-ads detail's `id`, `materialId`). */
  rejectedParams: Readonly<Record<string, string>>;
}

/**
 * A chart the Console API's watches and collection (and the movers endpoint) name
 * (README.md § Trend history). Listed whichever endpoints the operator switched off: watches and collection need none of them.
 */
export interface CatalogChartJson {
  chart: PublicChart;
  /** The ranking operation the chart is stored from. */
  operationId: string;
  /** The periods, in days, the chart takes; null for a chart without one (creators). */
  periods: number[] | null;
}

/** The document served at `/api/v1/catalog.json`. */
export interface CatalogJson {
  version: 1;
  platform: 'TikTok';
  /** Path prefix of every endpoint on this server. */
  basePath: '/api/v1';
  auth: { header: 'x-api-key'; bearer: true; keyPattern: string };
  groups: EndpointGroup[];
  plans: unknown;
  /** The endpoints this server serves. */
  endpoints: CatalogEndpointJson[];
  /** Operation ids the operator switched off (`DISABLED_ENDPOINTS`), left out of `endpoints`: they answer 403 `endpoint_disabled`. */
  disabled: string[];
  /** The charts watches and collection accept, with their periods: what the Console's chart pickers offer. */
  charts: CatalogChartJson[];
  /** The public API's failure statuses with their codes, from the one error catalog (docs/api-contract.md § Errors). */
  errors: CatalogErrorJson[];
  /** The 503 `detail`s and codes no retry changes (sent without `Retry-After`), for the Docs' retry advice. */
  finalUnavailable: string[];
}

/** One failure status of the public API and the codes that produce it. */
export interface CatalogErrorJson {
  status: number;
  msg: string;
  codes: Array<{ code: ErrorCode; doc: string }>;
}

/** The charts the server's watches and collection validate against (src/history/charts.ts), never a copy. */
function publicCharts(): CatalogChartJson[] {
  return PUBLIC_CHARTS.map((chart) => {
    const periods = chartPeriods(chart);
    return { chart, operationId: CHART_OPERATIONS[chart], periods: periods === null ? null : [...periods] };
  });
}

function apiErrors(): CatalogErrorJson[] {
  const byStatus = new Map<number, CatalogErrorJson>();
  for (const [code, e] of Object.entries(ERRORS) as Array<[ErrorCode, (typeof ERRORS)[ErrorCode]]>) {
    if (e.scope === 'console') continue;
    const entry = byStatus.get(e.status) ?? { status: e.status, msg: STATUS_MESSAGES[e.status] ?? '', codes: [] };
    entry.codes.push({ code, doc: e.doc });
    byStatus.set(e.status, entry);
  }
  return [...byStatus.values()].sort((a, b) => a.status - b.status);
}

const GROUPS: EndpointGroup[] = ['Trends', 'Top Ads', 'Keywords'];

function typeNames(s: JsonSchema): string[] {
  if (Array.isArray(s.anyOf)) return (s.anyOf as JsonSchema[]).flatMap(typeNames);
  if (Array.isArray(s.oneOf)) return (s.oneOf as JsonSchema[]).flatMap(typeNames);
  if (Array.isArray(s.type)) return s.type as string[];
  if (typeof s.type === 'string') return [s.type];
  return ['any'];
}

/** The single non-null variant of a nullable schema, or the schema itself. */
function nonNull(s: JsonSchema): JsonSchema {
  const variants = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (!variants) return s;
  const rest = variants.filter((v) => v.type !== 'null');
  return rest.length === 1 && rest[0] ? rest[0] : s;
}

function walk(s: JsonSchema, path: string, required: boolean, out: CatalogFieldJson[]): void {
  const types = [...new Set(typeNames(s))];
  const nullable = types.includes('null');
  const inner = nonNull(s);
  const shown = types.filter((t) => t !== 'null');
  const field: CatalogFieldJson = { path, type: shown.join('|') || 'null', required, nullable };
  if (Array.isArray(inner.enum)) field.enum = inner.enum;
  if (inner.const !== undefined) field.const = inner.const;
  if (typeof inner.description === 'string') field.description = inner.description;
  if (shown.length === 1 && shown[0] === 'array' && inner.items) field.items = [...new Set(typeNames(inner.items as JsonSchema))].join('|');
  if (path !== '') out.push(field);
  if (shown.length !== 1) return;
  if (inner.type === 'object') {
    const req = new Set((inner.required as string[] | undefined) ?? []);
    const props = (inner.properties ?? {}) as Record<string, JsonSchema>;
    for (const [key, child] of Object.entries(props)) walk(child, path === '' ? key : `${path}.${key}`, req.has(key), out);
    if (inner.additionalProperties && typeof inner.additionalProperties === 'object') {
      walk(inner.additionalProperties as JsonSchema, `${path}.*`, false, out);
    }
  } else if (inner.type === 'array' && inner.items) {
    const items = inner.items as JsonSchema;
    // Scalar items are described by the array field's `items`; only object items have fields of their own.
    if (nonNull(items).type === 'object') {
      const itemFields: CatalogFieldJson[] = [];
      walk(items, `${path}[]`, true, itemFields);
      out.push(...itemFields.filter((f) => f.path !== `${path}[]`));
    }
  }
}

/** Every field of a JSON Schema, parents before children, in property order (docs/api-contract.md § Playground). */
export function flattenFields(schema: JsonSchema): CatalogFieldJson[] {
  const out: CatalogFieldJson[] = [];
  walk(schema, '', true, out);
  return out;
}

/** One endpoint's entry of catalog.json. */
export function catalogEndpoint(e: AnyEndpoint, creditCost: number): CatalogEndpointJson {
  const responseSchema = toJsonSchema(successEnvelope(e));
  return {
    operationId: e.operationId,
    path: e.path,
    method: 'GET',
    group: e.group,
    summary: e.summary,
    description: e.description,
    platform: e.platform,
    creditCost,
    cacheTtlSeconds: e.cacheTtlSeconds,
    upstream: e.upstream,
    sources: e.sources,
    retired: e.retired ?? null,
    servedFrom: e.servedFrom ?? null,
    envelope: e.envelope,
    responseSchemaName: e.responseSchemaName,
    responseSchema,
    fields: flattenFields(responseSchema),
    sample: sampleResponse(e),
    notes: e.notes,
    params: catalogParams(e),
    rejectedParams: e.rejectedParams ?? {},
  };
}

/**
 * The catalog as the web app's Playground and Docs read it (docs/architecture.md § The catalog drives everything: the web app keeps no param
 * list of its own). Served at `/api/v1/catalog.json`.
 */
export function buildCatalogJson(opts: Omit<OpenApiOptions, 'serverUrl'> & { serverUrl?: string }): CatalogJson {
  const endpoints = servedEndpoints(opts);
  return {
    version: 1,
    platform: 'TikTok',
    basePath: '/api/v1',
    auth: { header: 'x-api-key', bearer: true, keyPattern: '^tl_live_[0-9A-Za-z]{36}$' },
    groups: GROUPS.filter((g) => endpoints.some((e) => e.group === g)),
    plans: opts.plans ?? null,
    endpoints: endpoints.map((e) => catalogEndpoint(e, opts.creditCost?.(e) ?? e.creditCost)),
    disabled: opts.endpoints.filter((e) => !endpoints.includes(e)).map((e) => e.operationId),
    charts: publicCharts(),
    errors: apiErrors(),
    finalUnavailable: [...FINAL_503_ANSWERS],
  };
}
