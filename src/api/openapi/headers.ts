/** Response headers of docs/api-contract.md § Headers as OpenAPI Header Objects, by name. */
export const HEADERS: Readonly<Record<string, { description: string; schema: Record<string, unknown> }>> = {
  'X-Request-Id': {
    description: 'Server-made request id, `req_` + ULID; client values are ignored.',
    schema: { type: 'string', pattern: '^req_[0-9A-HJKMNP-TV-Z]{26}$' },
  },
  'RateLimit-Policy': { description: 'IETF draft policy, e.g. `"minute";q=5;w=60`.', schema: { type: 'string' } },
  RateLimit: { description: 'IETF draft state, e.g. `"minute";r=4;t=12`.', schema: { type: 'string' } },
  'X-RateLimit-Limit': { description: 'Requests allowed per minute.', schema: { type: 'integer' } },
  'X-RateLimit-Remaining': { description: 'Requests left in the current window.', schema: { type: 'integer' } },
  'X-RateLimit-Reset': { description: 'Seconds until the window is full again.', schema: { type: 'integer' } },
  'Retry-After': { description: 'Seconds to wait before retrying. A 503 without it will not pass on a retry.', schema: { type: 'integer' } },
  'X-Credits-Charged': { description: 'Credits charged: the endpoint cost, `0` on an idempotent replay.', schema: { type: 'integer' } },
  'X-Credits-Remaining': { description: 'Included credits left this period (0 in overage).', schema: { type: 'integer' } },
  'X-Cache': { description: 'Response cache outcome; `STALE` is served when the upstream fails.', schema: { type: 'string', enum: ['HIT', 'MISS', 'STALE'] } },
  Age: { description: 'Seconds since a cached body was fetched (with `X-Cache: STALE`).', schema: { type: 'integer' } },
  'X-Upstream-Source': {
    description: 'Adapter id that served or failed the request: `creative-center`, `simulator`, or operator-added.',
    schema: { type: 'string' },
  },
  'X-Served-From': { description: '`history` on endpoints answered from Trendlens\'s stored charts, with no upstream call.', schema: { type: 'string', enum: ['history'] } },
  'X-Upstream-Adapter': {
    description: 'Which upstream adapter served or last failed the request: `creative-center` (the legacy API) or `tiktok-one`; cached answers repeat it.',
    schema: { type: 'string', enum: ['creative-center', 'tiktok-one'] },
  },
  'X-Upstream-Access': {
    description: '`logged-in` when TikTok served the answer to the operator\'s logged-in session (TikTok One says so on each answer; an expired session reads `anonymous`), else `anonymous` (TikTok One then yields the top 3 hashtags and 4 videos).',
    schema: { type: 'string', enum: ['anonymous', 'logged-in'] },
  },
  'X-Upstream-Period': {
    description: 'Present when TikTok One served another period than asked: `90` for a `period=120` it refused.',
    schema: { type: 'integer', enum: [90, 120] },
  },
  'Idempotent-Replayed': { description: '`true` when this is the stored reply to an `Idempotency-Key` retry.', schema: { type: 'string', enum: ['true'] } },
  Allow: { description: 'Allowed methods.', schema: { type: 'string', example: 'GET, OPTIONS' } },
  'WWW-Authenticate': {
    description: 'The challenge of a 401: `Bearer realm="trendlens"`, with `error="invalid_token"` when a key was sent and refused.',
    schema: { type: 'string', example: 'Bearer realm="trendlens", error="invalid_token"' },
  },
  'Cache-Control': { description: 'Always `no-store` on API responses.', schema: { type: 'string', enum: ['no-store'] } },
};

export type HeaderName = keyof typeof HEADERS;

const BASE = ['X-Request-Id', 'Cache-Control'];
const RATE = ['RateLimit-Policy', 'RateLimit', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];

/** Which headers each status carries (docs/api-contract.md § Headers; rate-limit headers once the account is known). */
export const HEADERS_BY_STATUS: Readonly<Record<number, readonly string[]>> = {
  200: [
    ...BASE,
    ...RATE,
    'X-Credits-Charged',
    'X-Credits-Remaining',
    'X-Cache',
    'Age',
    'X-Upstream-Source',
    'X-Upstream-Adapter',
    'X-Upstream-Access',
    'X-Upstream-Period',
    'X-Served-From',
    'Idempotent-Replayed',
  ],
  400: BASE,
  401: [...BASE, 'WWW-Authenticate'],
  402: [...BASE, ...RATE, 'Retry-After'],
  403: BASE,
  404: [...BASE, ...RATE, 'X-Upstream-Source', 'X-Upstream-Adapter'],
  405: [...BASE, 'Allow'],
  408: BASE,
  429: [...BASE, ...RATE, 'Retry-After'],
  431: BASE,
  500: BASE,
  502: [...BASE, ...RATE, 'X-Upstream-Source', 'X-Upstream-Adapter'],
  503: [...BASE, ...RATE, 'X-Upstream-Source', 'X-Upstream-Adapter', 'Retry-After'],
  504: [...BASE, ...RATE, 'X-Upstream-Source', 'X-Upstream-Adapter'],
};

/** Every header our API answers may carry: what CORS exposes to browser clients. */
export const RESPONSE_HEADER_NAMES: readonly string[] = [...new Set(Object.values(HEADERS_BY_STATUS).flat())];
