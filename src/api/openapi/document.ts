import type { z } from 'zod';
import { sharedSchemas, type AnyEndpoint, type EndpointGroup } from '../../catalog/index.js';
import { ERROR_RESPONSES, successEnvelope } from './envelopes.js';
import { HEADERS, HEADERS_BY_STATUS } from './headers.js';
import { toNamedJsonSchemas } from './json-schema.js';
import { clampsOf, openApiParam } from './params.js';

/** Inputs of the generated documents; pure data, so the same catalog always gives the same output. */
export interface OpenApiOptions {
  endpoints: readonly AnyEndpoint[];
  /** The public origin (`https://api.example.com`) or the API base ending in `/api/v1`. */
  serverUrl: string;
  /** The active plan configuration, published as `x-plans` for the Docs' billing tables. */
  plans?: unknown;
  /** The operator's cost per endpoint; defaults to the catalog's `creditCost`. */
  creditCost?: (endpoint: AnyEndpoint) => number;
  /** Operation ids the operator switched off (`DISABLED_ENDPOINTS`): they answer only 403 `endpoint_disabled`, so neither document lists them. */
  disabled?: readonly string[];
}

/** An OpenAPI 3.1 document as plain JSON. */
export type OpenApiDocument = Record<string, unknown> & { openapi: '3.1.0'; paths: Record<string, unknown> };

const API_BASE = '/api/v1';

const TAGS: ReadonlyArray<{ name: EndpointGroup; description: string }> = [
  { name: 'Trends', description: 'TikTok Creative Center trend pages: hashtags, songs, creators, videos and their metadata.' },
  { name: 'Top Ads', description: 'TikTok Creative Center Top Ads: high-performing auction ads, their details and filters.' },
  { name: 'Keywords', description: 'Ad-script keyword insights.' },
];

/** The endpoints this server serves: the given ones but those the operator switched off. */
export function servedEndpoints(opts: Pick<OpenApiOptions, 'endpoints' | 'disabled'>): AnyEndpoint[] {
  const disabled = new Set(opts.disabled ?? []);
  return opts.endpoints.filter((e) => !disabled.has(e.operationId));
}

/** `https://host` or `https://host/api/v1` → `https://host/api/v1`. */
export function apiBaseUrl(serverUrl: string): string {
  const trimmed = serverUrl.replace(/\/+$/, '');
  return trimmed.endsWith(API_BASE) ? trimmed : `${trimmed}${API_BASE}`;
}

/** The full 2xx body of the catalog sample, as the Playground and `x-sample-response` show it. */
export function sampleResponse(endpoint: AnyEndpoint): { code: 200; msg: 'OK'; data: unknown } {
  return { code: 200, msg: 'OK', data: endpoint.sample };
}

function headersFor(status: number): Record<string, { $ref: string }> {
  const names = HEADERS_BY_STATUS[status] ?? ['X-Request-Id'];
  return Object.fromEntries(names.map((n) => [n, { $ref: `#/components/headers/${n}` }]));
}

function operation(e: AnyEndpoint, cost: number): Record<string, unknown> {
  const responses: Record<string, unknown> = {
    '200': {
      description: `OK. Charged ${cost} credits.`,
      headers: headersFor(200),
      content: {
        'application/json': {
          schema: { $ref: `#/components/schemas/${e.responseSchemaName}` },
          example: sampleResponse(e),
        },
      },
    },
  };
  for (const r of ERROR_RESPONSES) responses[String(r.status)] = { $ref: `#/components/responses/${r.status}` };
  return {
    operationId: e.operationId,
    summary: e.summary,
    description: [e.description, '', '**Response behaviour**', '', ...e.notes.map((n) => `- ${n}`)].join('\n'),
    tags: [e.group],
    security: [{ ApiKeyAuth: [] }, { BearerAuth: [] }],
    parameters: Object.entries(e.params).map(([name, d]) => openApiParam(name, d)),
    responses,
    'x-credit-cost': cost,
    'x-platform': e.platform,
    'x-upstream': e.upstream,
    'x-upstream-sources': e.sources,
    ...(e.servedFrom ? { 'x-served-from': e.servedFrom } : {}),
    ...(e.retired ? { deprecated: true, 'x-retired': e.retired } : {}),
    'x-clamp': clampsOf(e),
    'x-cache-ttl': e.cacheTtlSeconds,
    'x-response-envelope': e.envelope,
    'x-sample-response': sampleResponse(e),
  };
}

/**
 * The OpenAPI 3.1 document served at `/api/v1/openapi.json`, generated from the catalog (docs/api-contract.md § Docs and OpenAPI):
 * one GET operation per endpoint, its 200 schema under its name (docs/api-contract.md § Endpoints), every error status with its
 * envelope (§ Errors) and the response headers (§ Headers).
 */
export function buildOpenApiDocument(opts: OpenApiOptions): OpenApiDocument {
  const endpoints = servedEndpoints(opts);
  const named = new Map<string, z.ZodType>(Object.entries(sharedSchemas));
  for (const e of endpoints) named.set(e.responseSchemaName, successEnvelope(e));
  for (const r of ERROR_RESPONSES) named.set(r.name, r.schema);

  const paths: Record<string, unknown> = {};
  for (const e of endpoints) {
    paths[e.path] = { get: operation(e, opts.creditCost?.(e) ?? e.creditCost) };
  }

  const responses = Object.fromEntries(
    ERROR_RESPONSES.map((r) => [
      String(r.status),
      {
        description: r.description,
        headers: headersFor(r.status),
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${r.name}` } } },
      },
    ]),
  );

  // Named from the catalog, so the sentence stays true as single-wrapped operations come and go.
  const singleWrapped = endpoints.filter((e) => e.envelope === 'single').map((e) => e.path.replace(/^\/tiktok\//, ''));

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Trendlens API',
      version: '1.0.0',
      description:
        'Metered HTTP API for TikTok Creative Center data. Send your API key as `x-api-key` or ' +
        '`Authorization: Bearer`. Every response is the envelope `{code, msg, data}` with `code` equal to ' +
        'the HTTP status; on a 2xx, `data` is the upstream envelope `{code: 0, msg: "OK", data}`' +
        // The operator may have switched off every single-wrapped operation.
        (singleWrapped.length > 0 ? ` (except ${singleWrapped.join(', ')}, whose \`data\` is the payload itself)` : '') +
        '. Only 2xx responses are charged. ' +
        'Send `Idempotency-Key` to retry safely.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: apiBaseUrl(opts.serverUrl) }],
    security: [{ ApiKeyAuth: [] }, { BearerAuth: [] }],
    tags: TAGS.filter((t) => endpoints.some((e) => e.group === t.name)),
    paths,
    components: {
      securitySchemes: {
        ApiKeyAuth: { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'A `tl_live_…` API key.' },
        BearerAuth: { type: 'http', scheme: 'bearer', description: 'The same API key as a bearer token.' },
      },
      schemas: toNamedJsonSchemas(named),
      responses,
      headers: HEADERS,
    },
    ...(opts.plans !== undefined && { 'x-plans': opts.plans }),
  };
}
