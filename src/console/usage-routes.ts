import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { maskedKey, type Account } from '../accounts/index.js';
import { ApiError, envelope } from '../http/index.js';
import { rfc3339 } from '../billing/index.js';
import { endpoints, findEndpoint } from '../catalog/index.js';
import { decodeCursor, type StatusFilter, type UsageEventRow, type UsageRange } from '../usage/index.js';
import type { ConsoleContext } from './context.js';
import { parseQuery } from './input.js';
import { RangeQuery, resolveRange } from './usage-range.js';

const byPath = new Map(endpoints.map((e) => [e.path, e]));

/** The integer rule of docs/api-contract.md § Params and canonical form, then the clamp 1–100 (default 50) of § Console API. */
const Limit = z
  .string('must be an integer')
  .regex(/^-?[0-9]+$/, 'must be an integer')
  .transform((s) => Math.min(100, Math.max(1, Number(s))))
  .optional()
  .transform((n) => n ?? 50);

const Status = z
  .string('must be 2xx, 4xx, 5xx or a status code')
  .regex(/^([245]xx|[1-5][0-9]{2})$/i, 'must be 2xx, 4xx, 5xx or a status code')
  .transform((s): StatusFilter => (/xx$/i.test(s) ? { class: Number(s[0]) as 2 | 4 | 5 } : { exact: Number(s) }));

const Endpoint = z.string('must be an operation id or path').transform((s, ctx) => {
  const endpoint = findEndpoint(s) ?? byPath.get(s) ?? byPath.get(s.replace(/^\/api\/v1/, ''));
  if (!endpoint) {
    ctx.addIssue({ code: 'custom', message: 'must be a catalog operation id or path' });
    return z.NEVER;
  }
  return endpoint.operationId;
});

const Cursor = z.string('must be a cursor from next_cursor').transform((s, ctx) => {
  const cursor = decodeCursor(s);
  if (!cursor) {
    ctx.addIssue({ code: 'custom', message: 'must be a cursor from next_cursor' });
    return z.NEVER;
  }
  return cursor;
});

const RequestsQuery = RangeQuery.extend({ limit: Limit, cursor: Cursor.optional(), status: Status.optional(), endpoint: Endpoint.optional() });

function requestView(row: UsageEventRow) {
  const prefix = `${row.operation_id}?`;
  return {
    request_id: row.request_id,
    time: new Date(row.time).toISOString(),
    operation_id: row.operation_id,
    path: findEndpoint(row.operation_id)?.path ?? null,
    query: row.canonical_query.startsWith(prefix) ? row.canonical_query.slice(prefix.length) : row.canonical_query,
    status: row.status,
    latency_ms: row.latency_ms,
    credits: row.credits,
    cache: row.cache,
    upstream_source: row.upstream_source,
    key_id: row.key_id,
    masked_key: row.key_prefix !== null && row.key_suffix !== null ? maskedKey(row.key_prefix, row.key_suffix) : null,
    ip: row.ip,
    source: row.source,
  };
}

/** usage/overview, usage/endpoints, usage/timeseries, usage/requests. */
export function registerUsageRoutes(app: FastifyInstance, ctx: ConsoleContext): void {
  const { services, auth } = ctx;
  const { usage } = services;

  /** The caller's range; a `key_id` of another account is 404, as an unknown one (docs/api-contract.md § Console API). */
  async function rangeOf(request: FastifyRequest, account: Account, query: RangeQuery): Promise<UsageRange> {
    const { periodStart } = await services.credits.snapshot(account.id);
    const { from, to } = resolveRange(query, services.clock.now(), periodStart);
    if (query.key_id !== undefined && !(await services.keys.find(account.id, query.key_id))) throw new ApiError('resource_not_found');
    return { from, to, keyId: query.key_id };
  }

  const bounds = (r: UsageRange) => ({ from: rfc3339(r.from), to: rfc3339(r.to) });

  app.get('/usage/overview', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    const range = await rangeOf(request, account, parseQuery(RangeQuery, request.query));
    return envelope(200, 'OK', { ...bounds(range), ...(await usage.summary(account.id, range)) });
  });

  app.get('/usage/endpoints', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    const range = await rangeOf(request, account, parseQuery(RangeQuery, request.query));
    const rows = await usage.endpoints(account.id, range);
    return envelope(200, 'OK', {
      ...bounds(range),
      endpoints: rows.map((r) => ({
        operation_id: r.operation_id,
        path: findEndpoint(r.operation_id)?.path ?? null,
        requests: r.requests,
        successes: r.successes,
        errors: r.errors,
        credits: r.credits,
        avg_latency_ms: r.avg_latency_ms,
      })),
    });
  });

  app.get('/usage/timeseries', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    const range = await rangeOf(request, account, parseQuery(RangeQuery, request.query));
    return envelope(200, 'OK', { ...bounds(range), days: await usage.daily(account.id, range) });
  });

  app.get('/usage/requests', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    const query = parseQuery(RequestsQuery, request.query);
    const range = await rangeOf(request, account, query);
    const page = await usage.requests(account.id, {
      ...range,
      limit: query.limit,
      cursor: query.cursor ?? null,
      status: query.status ?? null,
      operationId: query.endpoint ?? null,
    });
    return envelope(200, 'OK', { ...bounds(range), requests: page.requests.map(requestView), next_cursor: page.nextCursor });
  });
}
