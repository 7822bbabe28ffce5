import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { endpoints, parseParams } from '../../src/catalog/index.js';
import { buildCatalogJson, buildOpenApiDocument, flattenFields } from '../../src/api/openapi/index.js';

type Json = Record<string, any>;

const doc = buildOpenApiDocument({ endpoints, serverUrl: 'https://api.trendlens.example/' }) as Json;
const operations = endpoints.map((e) => [e.operationId, e, doc.paths[e.path].get as Json] as const);
const ERROR_STATUSES = ['400', '401', '402', '403', '404', '405', '429', '500', '502', '503', '504'];

/** Ajv over the document's components, so `#/components/schemas/…` references resolve. */
function componentValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'https://trendlens.test/openapi.json', components: doc.components }, 'doc');
  return (name: string) => ajv.getSchema(`https://trendlens.test/openapi.json#/components/schemas/${name.replaceAll('/', '~1')}`)!;
}

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('serves the API base under the given origin', () => {
    expect(doc.servers).toEqual([{ url: 'https://api.trendlens.example/api/v1' }]);
    const again = buildOpenApiDocument({ endpoints, serverUrl: 'http://localhost:3000/api/v1' }) as Json;
    expect(again.servers).toEqual([{ url: 'http://localhost:3000/api/v1' }]);
  });

  it('declares x-api-key and bearer security', () => {
    expect(doc.components.securitySchemes).toMatchObject({
      ApiKeyAuth: { type: 'apiKey', in: 'header', name: 'x-api-key' },
      BearerAuth: { type: 'http', scheme: 'bearer' },
    });
    expect(doc.security).toEqual([{ ApiKeyAuth: [] }, { BearerAuth: [] }]);
  });

  it('has one path per catalog endpoint, GET only', () => {
    expect(Object.keys(doc.paths)).toEqual(endpoints.map((e) => e.path));
    for (const item of Object.values(doc.paths) as Json[]) expect(Object.keys(item)).toEqual(['get']);
  });

  it('tags operations by group', () => {
    expect(doc.tags.map((t: Json) => t.name)).toEqual(['Trends', 'Top Ads', 'Keywords']);
  });

  it('uses the operator cost and publishes plans when given', () => {
    const custom = buildOpenApiDocument({ endpoints, serverUrl: 'http://x', creditCost: () => 5, plans: [{ id: 'free' }] }) as Json;
    expect(custom.paths['/tiktok/popular-trend/hashtag'].get['x-credit-cost']).toBe(5);
    expect(custom['x-plans']).toEqual([{ id: 'free' }]);
  });

  it('is pure: the same input gives the same document', () => {
    expect(buildOpenApiDocument({ endpoints, serverUrl: 'https://api.trendlens.example/' })).toEqual(doc);
  });
});

describe.each(operations)('operation %s', (operationId, e, op) => {
  it('carries id, summary, description and group tag', () => {
    expect(op.operationId).toBe(operationId);
    expect(op.summary).toBe(e.summary);
    expect(op.description).toContain(e.description);
    expect(op.tags).toEqual([e.group]);
    expect(op.security).toEqual([{ ApiKeyAuth: [] }, { BearerAuth: [] }]);
  });

  it('carries every extension', () => {
    expect(op['x-credit-cost']).toBe(8);
    expect(op['x-platform']).toBe('TikTok');
    expect(op['x-upstream']).toEqual(e.upstream);
    expect(op['x-cache-ttl']).toBe(e.cacheTtlSeconds);
    expect(op['x-clamp']).toBeTypeOf('object');
    expect(op['x-sample-response']).toEqual({ code: 200, msg: 'OK', data: e.sample });
  });

  it('documents every catalog param in the query', () => {
    expect(op.parameters.map((p: Json) => p.name)).toEqual(Object.keys(e.params));
    for (const p of op.parameters as Json[]) {
      const def = e.params[p.name]!;
      expect(p.in).toBe('query');
      expect(p.required).toBe(def.required);
      const schema = def.type === 'csv' ? p.schema.items : p.schema;
      expect(schema.enum).toEqual(def.enum);
      expect(schema.minimum).toBe(def.minimum);
      expect(schema.maximum).toBe(def.maximum);
      if (def.type !== 'csv') expect(p.schema.default).toEqual(def.default);
    }
  });

  it('names the 200 schema as in docs/api-contract.md § Endpoints and the sample satisfies it', () => {
    const ref = op.responses['200'].content['application/json'].schema.$ref;
    expect(ref).toBe(`#/components/schemas/${e.responseSchemaName}`);
    const validate = componentValidator()(e.responseSchemaName);
    expect(validate(op['x-sample-response']), JSON.stringify(validate.errors)).toBe(true);
  });

  it('documents every error status with its envelope and headers', () => {
    for (const status of ERROR_STATUSES) expect(op.responses[status]).toEqual({ $ref: `#/components/responses/${status}` });
    expect(Object.keys(op.responses['200'].headers)).toEqual(
      expect.arrayContaining(['X-Request-Id', 'X-Credits-Charged', 'X-Credits-Remaining', 'X-Cache', 'RateLimit', 'X-Upstream-Source']),
    );
  });

  it('has an example for every required param that parses', () => {
    const query = Object.fromEntries(
      (op.parameters as Json[]).filter((p) => p.example !== undefined).map((p) => [p.name, String(p.example)]),
    );
    expect(parseParams(e, query).ok).toBe(true);
  });
});

describe('error responses', () => {
  const validate = componentValidator();

  it.each([
    ['400', 'trendlens.InvalidInputResponse', { code: 400, msg: 'Invalid input', data: { errors: [{ param: 'id', message: 'use material_id' }] } }],
    ['400', 'trendlens.InvalidInputResponse', { code: 400, msg: 'Invalid input', data: { error: 'idempotency_key_reused', errors: [{ param: 'Idempotency-Key', message: 'was already used for a different request' }] } }],
    ['401', 'trendlens.UnauthorizedResponse', { code: 401, msg: 'Authentication required', data: { error: 'revoked_api_key' } }],
    ['403', 'trendlens.ForbiddenResponse', { code: 403, msg: 'Forbidden', data: { error: 'endpoint_disabled' } }],
    ['404', 'trendlens.NotFoundResponse', { code: 404, msg: 'Not Found', data: { error: 'resource_not_found' } }],
    ['405', 'trendlens.MethodNotAllowedResponse', { code: 405, msg: 'Method Not Allowed', data: { error: 'method_not_allowed', allow: ['GET'] } }],
    ['500', 'trendlens.InternalErrorResponse', { code: 500, msg: 'Internal server error', data: { error: 'internal_error' } }],
    ['502', 'trendlens.BadGatewayResponse', { code: 502, msg: 'Bad Gateway', data: { error: 'upstream_bad_response', detail: 'non_json' } }],
    ['502', 'trendlens.BadGatewayResponse', { code: 502, msg: 'Bad Gateway', data: { error: 'upstream_bad_response', detail: 'invalid_request' } }],
    ['503', 'trendlens.ServiceUnavailableResponse', { code: 503, msg: 'Service Unavailable', data: { error: 'upstream_unavailable', detail: 'deprecated' } }],
    ['503', 'trendlens.ServiceUnavailableResponse', { code: 503, msg: 'Service Unavailable', data: { error: 'upstream_unavailable', detail: 'not_available', message: 'TikTok One needs country_code' } }],
    ['503', 'trendlens.ServiceUnavailableResponse', { code: 503, msg: 'Service Unavailable', data: { error: 'upstream_retired', since: '2026', message: 'TikTok no longer serves this data (since 2026): …' } }],
    ['503', 'trendlens.ServiceUnavailableResponse', { code: 503, msg: 'Service Unavailable', data: { error: 'metering_unavailable' } }],
    ['504', 'trendlens.GatewayTimeoutResponse', { code: 504, msg: 'Gateway Timeout', data: { error: 'upstream_timeout' } }],
  ])('%s envelope %s accepts a contract body', (status, name, body) => {
    expect(doc.components.responses[status].content['application/json'].schema.$ref).toBe(`#/components/schemas/${name}`);
    const v = validate(name);
    expect(v(body), JSON.stringify(v.errors)).toBe(true);
  });

  const billing = {
    code: 402,
    msg: 'Payment Required',
    data: {
      reason: 'insufficient_credits', reset_scope: 'monthly', resets_at: '2026-08-02T00:00:00Z', retry_after_seconds: 86400,
      message: "Your Free plan's 2000 monthly credits are used up. They reset at 2026-08-02T00:00:00Z.",
      plan: 'free', suggested_plan: 'starter', upgrade_url: null, credit_cost: 8, credits_included: 2000,
      credits_used: 1997, credits_remaining: 3, daily_credit_limit: 500, daily_credits_used: 96,
      daily_credits_remaining: 404, rate_limit_per_minute: 5,
    },
  };

  it('402 accepts the docs/api-contract.md § Billing rejections example and requires every field', () => {
    const v = validate('trendlens.PaymentRequiredResponse');
    expect(v(billing), JSON.stringify(v.errors)).toBe(true);
    const { daily_credit_limit: _, ...missing } = billing.data;
    expect(v({ ...billing, data: missing })).toBe(false);
  });

  it('429 accepts a per-IP rate-limit body with null account fields', () => {
    const v = validate('trendlens.TooManyRequestsResponse');
    const body = {
      code: 429,
      msg: 'Too Many Requests',
      data: {
        ...billing.data, reason: 'rate_limited', reset_scope: 'minute', retry_after_seconds: 12, rate_limit_per_minute: 60,
        plan: null, suggested_plan: null, credits_included: null, credits_used: null, credits_remaining: null,
        daily_credit_limit: null, daily_credits_used: null, daily_credits_remaining: null,
      },
    };
    expect(v(body), JSON.stringify(v.errors)).toBe(true);
  });

  it('documents Retry-After on 402, 429 and 503 and Allow on 405', () => {
    for (const s of ['402', '429', '503']) expect(doc.components.responses[s].headers).toHaveProperty('Retry-After');
    expect(doc.components.responses['405'].headers).toHaveProperty('Allow');
  });
});

describe('catalog.json', () => {
  const catalog = buildCatalogJson({ endpoints, plans: [{ id: 'free' }] });

  it('lists every catalog endpoint with everything the web app reads', () => {
    expect(catalog.endpoints).toHaveLength(endpoints.length);
    expect(catalog.plans).toEqual([{ id: 'free' }]);
    const first = catalog.endpoints[0]!;
    expect(first).toMatchObject({
      operationId: 'tiktok-popular-trend-hashtag',
      path: '/tiktok/popular-trend/hashtag',
      method: 'GET',
      group: 'Trends',
      platform: 'TikTok',
      creditCost: 8,
      cacheTtlSeconds: 3600,
      envelope: 'double',
      responseSchemaName: 'populartrend.hashtagTrendResponseDoc',
      sample: { code: 200, msg: 'OK' },
    });
    expect(first.params.map((p) => p.name)).toEqual(['page', 'limit', 'period', 'industry_id', 'country_code', 'filter_by']);
    expect(first.params[0]).toMatchObject({ name: 'page', in: 'query', type: 'integer', default: 1, minimum: 1, maximum: 10, clamp: true });
  });

  it('marks aliases, ignored params and rejected params', () => {
    const byId = new Map(catalog.endpoints.map((e) => [e.operationId, e]));
    expect(byId.get('tiktok-top-ads-list')!.params.find((p) => p.name === 'keyword')!.aliases).toEqual(['q']);
    expect(byId.get('tiktok-popular-trend-creator')!.params.find((p) => p.name === 'audience_count')!.ignored).toBe(true);
    expect(byId.get('tiktok-top-ads-detail')!.rejectedParams).toEqual({ id: 'use material_id', materialId: 'use material_id' });
  });

  it('flattens the flagship fields with [] for arrays (docs/api-contract.md § Playground)', () => {
    const paths = catalog.endpoints[0]!.fields.map((f) => f.path);
    expect(paths.slice(0, 6)).toEqual(['code', 'msg', 'data', 'data.code', 'data.msg', 'data.data']);
    expect(paths).toEqual(expect.arrayContaining([
      'data.data.list',
      'data.data.list[].country_info.id',
      'data.data.list[].creators[].nick_name',
      'data.data.pagination.has_more',
    ]));
    const fields = new Map(catalog.endpoints[0]!.fields.map((f) => [f.path, f]));
    expect(fields.get('data.data.list')).toMatchObject({ type: 'array', items: 'object', required: true });
    expect(fields.get('data.data.list[].rank_diff')).toMatchObject({ type: 'integer', nullable: true });
    expect(fields.get('data.data.list[].industry_info')).toMatchObject({ type: 'object', required: false });
    expect(fields.get('code')).toMatchObject({ type: 'integer', const: 200 });
  });

  it('flattens scalar arrays, maps and unions', () => {
    const byId = new Map(catalog.endpoints.map((e) => [e.operationId, e]));
    const analysis = new Map(byId.get('tiktok-top-ads-analysis')!.fields.map((f) => [f.path, f]));
    expect(analysis.get('data.data.highlight')).toMatchObject({ type: 'array', items: 'integer' });
    expect(analysis.get('data.data.percentile_data.*')).toMatchObject({ type: 'number' });
    const filters = new Map(byId.get('tiktok-top-ads-filters')!.fields.map((f) => [f.path, f]));
    expect(filters.get('data.data.objective[].id')).toMatchObject({ type: 'string|integer' });
    expect(filters.get('data.data.objective[].parent_id')).toMatchObject({ type: 'string|integer', nullable: true });
  });

  it('single-wraps meta: data is the payload', () => {
    const meta = catalog.endpoints.find((e) => e.envelope === 'single')!;
    expect(meta.fields.map((f) => f.path)).toEqual(expect.arrayContaining(['data.country', 'data.country[].id', 'data.industry[].value']));
  });

  it('gives a response schema the sample satisfies', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    for (const e of catalog.endpoints) {
      const v = ajv.compile(e.responseSchema);
      expect(v(e.sample), `${e.operationId}: ${JSON.stringify(v.errors)}`).toBe(true);
    }
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(catalog))).toEqual(JSON.parse(JSON.stringify(catalog)));
    expect(flattenFields({ type: 'string' })).toEqual([]);
  });
});
