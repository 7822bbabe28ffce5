/**
 * The one catalog of errors (CONTRIBUTING.md § Conventions, after Fastify's lib/errors.js): every code a caller can see,
 * mapped once to its HTTP status, envelope `msg`, where it can occur (the public API, the Console
 * or both) and the sentence the docs show.
 */
export const ERRORS = {
  invalid_input: { status: 400, scope: 'both', doc: 'A parameter or body field has the wrong type, is outside its enum, or is malformed; `data.errors` lists every one.' },
  idempotency_key_reused: { status: 400, scope: 'api', doc: 'The `Idempotency-Key` was already used for a different request.' },
  missing_api_key: { status: 401, scope: 'api', doc: 'No API key: send it as `x-api-key` or `Authorization: Bearer`.' },
  invalid_api_key: { status: 401, scope: 'api', doc: 'The API key is malformed, fails its checksum, or does not exist.' },
  revoked_api_key: { status: 401, scope: 'api', doc: 'The API key was revoked.' },
  expired_api_key: { status: 401, scope: 'api', doc: 'The API key was rotated and its grace period is over.' },
  conflicting_credentials: { status: 401, scope: 'api', doc: '`x-api-key` and `Authorization: Bearer` carry different keys.' },
  not_signed_in: { status: 401, scope: 'console', doc: 'The Console session is missing or expired: sign in again.' },
  invalid_credentials: { status: 401, scope: 'console', doc: 'The email or password is wrong.' },
  insufficient_credits: { status: 402, scope: 'api', doc: 'The monthly credits are used up and overage is off or at its hard limit.' },
  daily_credit_limit: { status: 402, scope: 'api', doc: "The plan's daily credit cap is reached; it resets at 00:00 UTC." },
  account_suspended: { status: 403, scope: 'both', doc: 'The account is suspended by the operator: its keys and Console sessions stop working.' },
  endpoint_disabled: { status: 403, scope: 'api', doc: 'The operator has disabled this endpoint.' },
  plan_limit_reached: { status: 403, scope: 'console', doc: 'The plan allows no more watches or webhook endpoints; `data.limit` names the limit and its size.' },
  link_for_another_account: { status: 403, scope: 'console', doc: 'A verification link was opened signed in to another account than the one it was sent for: sign in to that account, then open the link again.' },
  csrf_failed: { status: 403, scope: 'console', doc: 'A Console write lacked the session\'s `X-CSRF-Token` or came from another origin.' },
  forbidden: { status: 403, scope: 'console', doc: 'The signed-in account is not an operator; operator routes need `trendlens operators add <email>` or OPERATOR_EMAILS, and a verified address.' },
  signup_disabled: { status: 403, scope: 'console', doc: 'The operator has turned sign-up off.' },
  invite_required: { status: 403, scope: 'console', doc: 'Sign-up needs an invite code (`invite_code`) from the operator, unused and unexpired.' },
  route_not_found: { status: 404, scope: 'both', doc: 'No such route.' },
  resource_not_found: { status: 404, scope: 'both', doc: 'The upstream says the requested id does not exist, or the id is not yours.' },
  method_not_allowed: { status: 405, scope: 'api', doc: 'Only GET (and OPTIONS for CORS) is allowed on API routes.' },
  email_taken: { status: 409, scope: 'console', doc: 'An account with this email already exists.' },
  key_limit_reached: { status: 409, scope: 'console', doc: 'The account already holds 20 keys in `active` or `grace`: revoke one first.' },
  key_not_active: { status: 409, scope: 'console', doc: 'Only an active key can be rotated.' },
  conflict: { status: 409, scope: 'console', doc: 'The change clashes with the current state: the collection target exists already, or a collection is running on this or another instance.' },
  payload_too_large: { status: 413, scope: 'console', doc: 'The request body is too large.' },
  unsupported_media_type: { status: 415, scope: 'console', doc: 'The request body is not JSON: send it with `Content-Type: application/json`.' },
  request_timeout: { status: 408, scope: 'both', doc: 'The request did not arrive in full in time.' },
  headers_too_large: { status: 431, scope: 'both', doc: 'The request line and headers are too large (a query string over about 16 KB, or too many cookies).' },
  rate_limited: { status: 429, scope: 'both', doc: 'Too many requests this minute; retry after `Retry-After` seconds.' },
  too_many_sign_in_attempts: { status: 429, scope: 'console', doc: 'Too many sign-in attempts from this IP address this minute, or too many failed ones for this e-mail or IP address; retry after `Retry-After` seconds.' },
  too_many_reset_requests: { status: 429, scope: 'console', doc: 'Too many password reset requests this hour from this IP address, or from everywhere; `message` says when to try again, `Retry-After` in seconds.' },
  too_many_sign_ups: { status: 429, scope: 'console', doc: 'Too many sign-ups from this address, or from everywhere, for now; retry after `Retry-After` seconds.' },
  internal_error: { status: 500, scope: 'both', doc: 'Something failed on our side; it has been logged.' },
  busy: { status: 503, scope: 'console', doc: 'Too many passwords are being hashed or checked at once (sign-up, sign-in, password changes and resets); retry after `Retry-After` seconds.' },
  upstream_bad_response: { status: 502, scope: 'api', doc: 'The upstream answered with something unusable (`detail`: non_json, no_permission, schema_mismatch, upstream_error, invalid_request).' },
  upstream_unavailable: { status: 503, scope: 'api', doc: 'No upstream source could serve it (`detail`, the last reason: deprecated, circuit_open, connect_failed, login_required, blocked, not_available).' },
  upstream_retired: { status: 503, scope: 'api', doc: 'TikTok no longer serves this data; `message` names what changed. Never charged.' },
  metering_unavailable: { status: 503, scope: 'api', doc: 'Rate limits and credits cannot be checked for a moment (the shared counters are unreachable); nothing was charged, retry after `Retry-After` seconds.' },
  upstream_timeout: { status: 504, scope: 'api', doc: 'The upstream did not answer in time.' },
} as const satisfies Record<string, { status: number; scope: 'api' | 'console' | 'both'; doc: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** The envelope `msg` of each status (docs/api-contract.md § Errors). */
export const STATUS_MESSAGES: Readonly<Record<number, string>> = {
  400: 'Invalid input',
  401: 'Authentication required',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal server error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * The one error class: a code from the catalog, the envelope's `data` (default `{error: code}`) and
 * any headers the response must carry (`Retry-After`, `Allow`, `X-Upstream-Source`).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly data: unknown;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    readonly code: ErrorCode,
    opts: { data?: unknown; headers?: Record<string, string>; message?: string } = {},
  ) {
    super(opts.message ?? code);
    this.status = ERRORS[code].status;
    this.data = opts.data ?? { error: code };
    this.headers = opts.headers ?? {};
  }

  /** 400 with every offending field named (docs/api-contract.md § Errors). */
  static invalidInput(errors: ReadonlyArray<{ param: string; message: string }>): ApiError {
    return new ApiError('invalid_input', { data: { errors } });
  }
}
