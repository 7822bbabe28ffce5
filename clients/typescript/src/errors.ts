import { ERROR_SENTENCES, type components } from './schema.js';

type Schemas = components['schemas'];

/** Every error envelope the API documents, as the generated types describe them. */
export type ErrorEnvelope = {
  [K in keyof Schemas]: K extends `trendlens.${string}Response` ? Schemas[K] : never;
}[keyof Schemas];

/** Our error codes: `data.error`, a billing rejection's `reason`, or `invalid_input` for a 400. */
export type TrendlensErrorCode =
  | 'invalid_input'
  | (ErrorEnvelope extends infer E ? (E extends { data: { error: infer C } } ? C : E extends { data: { reason: infer R } } ? R : never) : never);

/** One bad param of a 400, as the API names it. */
export interface FieldError {
  param: string;
  message: string;
}

/** A non-2xx answer from Trendlens, with our error code, the message to show, and what to retry after. */
export class TrendlensError extends Error {
  override readonly name = 'TrendlensError';

  constructor(
    readonly status: number,
    readonly code: TrendlensErrorCode | (string & {}),
    message: string,
    /** The envelope's `data`: field errors, a billing rejection, or `{error, detail}`. */
    readonly data: unknown,
    /** `X-Request-Id`, for support and the Console's request log. */
    readonly requestId: string | null,
    /** `Retry-After` in seconds on 429, 402 and 503; null otherwise. */
    readonly retryAfterSeconds: number | null,
    /** The bad params of a 400, empty otherwise. */
    readonly fieldErrors: readonly FieldError[] = [],
  ) {
    super(message);
  }
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** Builds the typed error for a non-2xx response and its parsed body (`error` in openapi-fetch's result). */
export function toTrendlensError(response: Response, body: unknown): TrendlensError {
  const data = record(record(body).data);
  const fieldErrors = Array.isArray(data.errors) ? (data.errors as FieldError[]) : [];
  const code =
    typeof data.error === 'string' ? data.error : typeof data.reason === 'string' ? data.reason : response.status === 400 ? 'invalid_input' : `http_${response.status}`;
  const detail = typeof data.detail === 'string' ? ` (${data.detail})` : '';
  const message =
    fieldErrors.length > 0
      ? fieldErrors.map((e) => `${e.param} ${e.message}`).join('; ')
      : typeof data.message === 'string'
        ? data.message
        : `${ERROR_SENTENCES[code] ?? `${response.status} ${typeof record(body).msg === 'string' ? String(record(body).msg) : response.statusText}: ${code}`}${detail}`;
  const retryAfter = response.headers.get('retry-after');
  return new TrendlensError(
    response.status,
    code,
    message,
    data,
    response.headers.get('x-request-id'),
    retryAfter !== null && /^[0-9]+$/.test(retryAfter) ? Number(retryAfter) : null,
    fieldErrors,
  );
}
