/**
 * A failed live request said for people (docs/api-contract.md § Errors): a title, the server's own
 * message, the parameters it names, how long to wait and where more credits come from.
 */
export interface Problem {
  /** The HTTP status; null for a check made in the browser before anything was sent. */
  status: number | null;
  /** The error code from `data.error` or `data.reason`, when the body has one. */
  code: string | null;
  title: string;
  message: string;
  /** Offending parameters and why, from a 400's `data.errors`. */
  fields: Record<string, string>;
  /** Seconds until a retry can work (429/402 bodies and `Retry-After`). */
  retryAfterSeconds: number | null;
  /** Where the 402/429 body says more credits come from, as a path of this app when it is one. */
  upgradePath: string | null;
  /** What the person can do next. */
  action: 'fix_params' | 'key' | 'wait' | 'credits' | 'retry' | 'none';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const TITLES: Record<number, string> = {
  400: 'Some parameters need fixing',
  401: 'This request needs a valid API key',
  402: 'Out of credits',
  403: 'Not allowed',
  404: 'Not found',
  429: 'Too many requests',
  500: 'Something failed on the server',
  502: 'The upstream answered with something unusable',
  503: 'The upstream is unavailable',
  504: 'The upstream did not answer in time',
};

/** 503s that no retry will change, by code: their own titles, and no retry offered. */
const FINAL_503_TITLES: Record<string, string> = {
  not_available: 'TikTok cannot serve these parameters',
  login_required: 'This needs a logged-in TikTok session on the server',
  deprecated: 'TikTok no longer serves this here',
  upstream_retired: 'TikTok no longer serves this data',
};

/** 401s by code: which key problem it is, in words, and what to do about it. */
const KEY_PROBLEMS: Record<string, { title: string; message: string }> = {
  missing_api_key: { title: 'This request needs an API key', message: 'Send it as x-api-key or Authorization: Bearer.' },
  invalid_api_key: { title: 'This API key is not valid', message: 'It is mistyped, or no account on this server has it.' },
  revoked_api_key: { title: 'This API key was revoked', message: 'A revoked key stops working at once. Use another key, or create a new one.' },
  expired_api_key: { title: 'This API key has expired', message: 'It was rotated and its grace period is over: use the key that replaced it.' },
  conflicting_credentials: { title: 'Two different API keys were sent', message: 'Send one key, as x-api-key or Authorization: Bearer.' },
};

/** The Playground's own check before sending: no status, since nothing reached the server. */
export const NO_KEY_PROBLEM: Problem = {
  status: null,
  code: null,
  title: 'Add an API key to send a live request',
  message: 'Nothing was sent. Requests are made with one of your API keys: get one below, or paste one you have.',
  fields: {},
  retryAfterSeconds: null,
  upgradePath: null,
  action: 'key',
};

function sameOriginPath(url: unknown, origin: string): string | null {
  if (typeof url !== 'string' || url === '') return null;
  try {
    const parsed = new URL(url, origin);
    return parsed.origin === origin ? `${parsed.pathname}${parsed.search}` : parsed.href;
  } catch {
    return null;
  }
}

/** The problem a non-2xx response describes; null for a 2xx. `origin` is this app's origin. */
export function problemOf(status: number, bodyText: string, headers: readonly (readonly [string, string])[], origin: string): Problem | null {
  if (status >= 200 && status < 300) return null;
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    body = undefined;
  }
  const envelope = isRecord(body) ? body : {};
  const data = isRecord(envelope.data) ? envelope.data : {};
  const fields: Record<string, string> = {};
  if (Array.isArray(data.errors)) {
    for (const e of data.errors) if (isRecord(e) && typeof e.param === 'string') fields[e.param] = typeof e.message === 'string' ? e.message : 'is invalid';
  }
  const code = typeof data.error === 'string' ? data.error : typeof data.reason === 'string' ? data.reason : null;
  const detail = typeof data.detail === 'string' ? data.detail : code;
  const header = headers.find(([n]) => n.toLowerCase() === 'retry-after')?.[1];
  const retryAfterSeconds =
    typeof data.retry_after_seconds === 'number' ? data.retry_after_seconds : header !== undefined && /^\d+$/.test(header) ? Number(header) : null;
  const listed = Object.entries(fields).map(([p, m]) => `${p} ${m}`);
  const serverMessage = typeof data.message === 'string' ? data.message : typeof envelope.msg === 'string' ? envelope.msg : `HTTP ${status}`;
  const keyProblem = status === 401 && code !== null ? KEY_PROBLEMS[code] : undefined;
  const rateLimited = data.reason === 'rate_limited' || code === 'rate_limited';
  // The server's rate-limit sentence ends "Retry in N s.", which goes stale beside the live countdown.
  const rateLimit = rateLimited && typeof data.rate_limit_per_minute === 'number' ? `The limit is ${data.rate_limit_per_minute} requests per minute.` : null;
  const message = listed.length > 0 ? `Check ${listed.join('; ')}.` : (keyProblem?.message ?? rateLimit ?? serverMessage);
  let action: Problem['action'] = 'none';
  if (status === 400 && listed.length > 0) action = 'fix_params';
  else if (status === 401) action = 'key';
  else if (status === 402) action = 'credits';
  else if (status === 429) action = rateLimited ? 'wait' : 'credits';
  const final503 = status === 503 && header === undefined && detail !== null ? FINAL_503_TITLES[detail] : undefined;
  if (status >= 500 && final503 === undefined) action = 'retry';
  return {
    status,
    code,
    title: final503 ?? keyProblem?.title ?? TITLES[status] ?? `HTTP ${status}`,
    message,
    fields,
    retryAfterSeconds,
    upgradePath: sameOriginPath(data.upgrade_url, origin),
    action,
  };
}

/** `1 min 05 s`, `42 s`: a countdown's remaining time. */
export function countdownText(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}
