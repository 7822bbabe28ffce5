import { z } from 'zod';
import type { AnyEndpoint } from '../../catalog/index.js';
import { ERRORS, STATUS_MESSAGES, type ErrorCode } from '../../http/index.js';
import { BAD_RESPONSE_DETAILS, FINAL_UNAVAILABLE_DETAILS, UNAVAILABLE_DETAILS } from '../../upstream/index.js';

/**
 * The 503 answers no retry changes, sent without `Retry-After`: the final `upstream_unavailable` details and
 * `upstream_retired`. The 503 description and catalog.json (which the Docs' retry advice reads) both name them from here.
 */
export const FINAL_503_ANSWERS: readonly string[] = [...FINAL_UNAVAILABLE_DETAILS, 'upstream_retired'];

/** The outer envelope of a 2xx (docs/api-contract.md § Envelope); the catalog's schema describes its `data`. */
export function successEnvelope(endpoint: AnyEndpoint): z.ZodType {
  return z.object({ code: z.literal(200), msg: z.literal('OK'), data: endpoint.responseSchema });
}

/** Crawlora's 402/429 body (docs/api-contract.md § Billing rejections): every field always present, account fields null per IP. */
export const BillingRejection = z.object({
  reason: z.enum(['insufficient_credits', 'daily_credit_limit', 'rate_limited']),
  reset_scope: z.enum(['monthly', 'daily', 'minute']),
  resets_at: z.iso.datetime().meta({ description: 'RFC 3339 UTC.' }),
  retry_after_seconds: z.number().int().min(0).meta({ description: 'Equals the `Retry-After` header.' }),
  message: z.string(),
  plan: z.string().nullable(),
  suggested_plan: z.string().nullable().meta({ description: 'Cheapest plan that would admit the request, else null.' }),
  upgrade_url: z.string().nullable(),
  credit_cost: z.number().int(),
  credits_included: z.number().int().nullable(),
  credits_used: z.number().int().nullable().meta({ description: 'Includes overage.' }),
  credits_remaining: z.number().int().nullable(),
  daily_credit_limit: z.number().int().nullable().meta({ description: 'Null when the plan has no daily cap.' }),
  daily_credits_used: z.number().int().nullable(),
  daily_credits_remaining: z.number().int().nullable(),
  rate_limit_per_minute: z.number().int(),
});

function errorCodes(codes: readonly [ErrorCode, ...ErrorCode[]]) {
  return z.enum(codes).meta({ description: codes.map((c) => `\`${c}\`: ${ERRORS[c].doc}`).join(' ') });
}

function envelope(status: number, data: z.ZodType) {
  return z.object({ code: z.literal(status), msg: z.literal(STATUS_MESSAGES[status] ?? ''), data });
}

/** One error status of the public API: its envelope schema and when it happens (docs/api-contract.md § Errors). */
export interface ErrorResponse {
  status: number;
  name: string;
  description: string;
  schema: z.ZodType;
}

/** Every error status an API operation can answer, each with its `{code, msg, data}` envelope. */
export const ERROR_RESPONSES: readonly ErrorResponse[] = [
  {
    status: 400,
    name: 'trendlens.InvalidInputResponse',
    description:
      'A param has the wrong type, is outside its enum or is malformed (every bad param listed); `id`/`materialId` on top-ads detail; an `Idempotency-Key` reused for another request.',
    schema: envelope(
      400,
      z.object({
        error: errorCodes(['idempotency_key_reused']).optional(),
        errors: z.array(z.object({ param: z.string(), message: z.string() })).min(1),
      }),
    ),
  },
  {
    status: 401,
    name: 'trendlens.UnauthorizedResponse',
    description: 'The API key is missing, malformed, unknown, revoked or expired, or two different keys were sent.',
    schema: envelope(
      401,
      z.object({
        error: errorCodes(['missing_api_key', 'invalid_api_key', 'revoked_api_key', 'expired_api_key', 'conflicting_credentials']),
      }),
    ),
  },
  {
    status: 402,
    name: 'trendlens.PaymentRequiredResponse',
    description: 'Monthly credits used up (overage off or hard limit hit) or the daily credit cap reached. Not charged.',
    schema: envelope(402, BillingRejection.extend({ reason: z.enum(['insufficient_credits', 'daily_credit_limit']) })),
  },
  {
    status: 403,
    name: 'trendlens.ForbiddenResponse',
    description: 'The account is suspended or the operator disabled this endpoint.',
    schema: envelope(403, z.object({ error: errorCodes(['account_suspended', 'endpoint_disabled']) })),
  },
  {
    status: 404,
    name: 'trendlens.NotFoundResponse',
    description: 'No such route, or the upstream says the requested id does not exist. Not charged.',
    schema: envelope(404, z.object({ error: errorCodes(['route_not_found', 'resource_not_found']) })),
  },
  {
    status: 405,
    name: 'trendlens.MethodNotAllowedResponse',
    description: 'Only GET is allowed (OPTIONS answers CORS).',
    schema: envelope(405, z.object({ error: z.literal('method_not_allowed'), allow: z.array(z.literal('GET')) })),
  },
  {
    status: 408,
    name: 'trendlens.RequestTimeoutResponse',
    description: 'The request did not arrive in full in time; the connection is closed. Not charged.',
    schema: envelope(408, z.object({ error: errorCodes(['request_timeout']) })),
  },
  {
    status: 429,
    name: 'trendlens.TooManyRequestsResponse',
    description: 'Per-minute rate limit exceeded; retry after `Retry-After` seconds.',
    schema: envelope(
      429,
      BillingRejection.extend({ reason: z.literal('rate_limited'), reset_scope: z.literal('minute') }),
    ),
  },
  {
    status: 431,
    name: 'trendlens.HeadersTooLargeResponse',
    description: 'The request line and headers are too large (a query string over about 16 KB); the connection is closed. Not charged.',
    schema: envelope(431, z.object({ error: errorCodes(['headers_too_large']) })),
  },
  {
    status: 500,
    name: 'trendlens.InternalErrorResponse',
    description: 'Something failed on our side. Not charged.',
    schema: envelope(500, z.object({ error: z.literal('internal_error') })),
  },
  {
    status: 502,
    name: 'trendlens.BadGatewayResponse',
    description: 'The upstream answered with something unusable. Not charged; retry with backoff.',
    schema: envelope(
      502,
      z.object({
        error: z.literal('upstream_bad_response'),
        detail: z.enum(BAD_RESPONSE_DETAILS),
      }),
    ),
  },
  {
    status: 503,
    name: 'trendlens.ServiceUnavailableResponse',
    description:
      'No source could serve the request, TikTok no longer serves the operation, or metering is unreachable for a moment. Not charged. ' +
      `With \`Retry-After\` it may pass after that many seconds; without it (\`${FINAL_503_ANSWERS.join('`, `')}\`) it will not until TikTok or the operator changes something.`,
    schema: envelope(
      503,
      z.union([
        z.object({ error: z.literal('upstream_unavailable'), detail: z.enum(UNAVAILABLE_DETAILS), message: z.string().optional() }),
        z.object({ error: z.literal('upstream_retired'), since: z.string(), message: z.string() }),
        z.object({ error: z.literal('metering_unavailable') }),
      ]),
    ),
  },
  {
    status: 504,
    name: 'trendlens.GatewayTimeoutResponse',
    description: 'The upstream did not answer in time. Not charged; retry with backoff.',
    schema: envelope(504, z.object({ error: z.literal('upstream_timeout') })),
  },
];
