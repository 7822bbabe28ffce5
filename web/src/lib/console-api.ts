import { SESSION_HINT_COOKIE } from '../../../src/console/session-hint.js';
import type { DeliveryView, RunView as CollectRun, TargetView as CollectTargetView, WatchView, EndpointView as WebhookEndpointView } from '../../../src/history/views.js';

/** The Console API's views of watches, webhooks and collection are the server's own types. */
export type { CollectRun, CollectTargetView, DeliveryView, WatchView, WebhookEndpointView };
/** A Console API answer (docs/api-contract.md § Console API): data, or an error said in words with any field errors. */
export type ConsoleResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; message: string; fields: Record<string, string>; /** `data.error`, when the server sent one. */ code: string | null };

/** Words for the Console's error codes; anything else falls back to the envelope's `msg`. */
const ERROR_MESSAGES: Record<string, string> = {
  email_taken: 'An account with this email already exists. Sign in instead.',
  invalid_credentials: 'Email or password is wrong.',
  signup_disabled: 'Sign-up is turned off on this server.',
  too_many_sign_in_attempts: 'Too many sign-in attempts. Wait a few minutes and try again.',
  not_signed_in: 'Please sign in.',
  account_suspended: 'This account is suspended: its keys and Console are refused. Ask the operator of this server why.',
  resource_not_found: 'That item no longer exists.',
  key_limit_reached: 'You already hold 20 active or grace keys. Revoke one first.',
  key_not_active: 'Only an active key can be rotated.',
  csrf_failed: 'The page is out of date. Reload it and try again.',
  link_for_another_account: 'This link was sent for another account than the one signed in: sign out, sign in to that account, then open the link again.',
  invite_required: 'Sign-up on this server needs an invite code from its operator.',
  forbidden: 'Only operators of this server can do this.',
};

/** A Key as the Console API lists it (docs/api-contract.md § API keys). */
export interface KeyView {
  id: string;
  name: string;
  key_prefix: string;
  key_suffix: string;
  masked_key: string;
  status: 'active' | 'grace' | 'revoked' | 'expired';
  source: 'created' | 'rotated';
  created_at: string;
  updated_at: string | null;
  rotated_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  last_used_ip: string | null;
}

export interface User {
  id: string;
  email: string;
  name: string | null;
  plan: string;
  created_at: string;
  email_verified: boolean;
}

/** `GET me`: the user, the session's CSRF token and whether the account operates this server. */
export interface Me {
  user: User;
  csrf_token: string;
  /** Absent on servers without the operator pages. */
  operator?: boolean;
}

/** `GET operator/collect`. */
export interface OperatorCollect {
  targets: CollectTargetView[];
  schedule: { enabled: boolean; next_run_at: string | null };
  run: CollectRun;
}

/** The Billing object of docs/api-contract.md § Console API. */
export interface Billing {
  plan: { id: string; name: string; price_usd: number; included_credits: number; daily_credit_limit: number | null; rate_limit_per_minute: number; overage_usd_per_1k: number | null };
  period: { start: string; end: string };
  credits: { included: number; used: number; remaining: number };
  daily: { limit: number | null; used: number; remaining: number | null; resets_at: string };
  overage: { available: boolean; allowed: boolean; credits: number; estimated_usd: number };
  hard_limit_credits: number | null;
}

export interface UsageOverview {
  from: string;
  to: string;
  requests: number;
  successes: number;
  errors: number;
  credits: number;
  overage_credits: number;
  avg_latency_ms: number | null;
  p95_latency_ms: number | null;
  cache_hit_ratio: number | null;
}
export interface UsageDay {
  date: string;
  requests: number;
  successes: number;
  errors: number;
  credits: number;
}
export interface UsageEndpoint {
  operation_id: string;
  path: string | null;
  requests: number;
  successes: number;
  errors: number;
  credits: number;
  avg_latency_ms: number | null;
}
export interface UsageRequest {
  request_id: string;
  time: string;
  operation_id: string;
  path: string | null;
  query: string;
  status: number;
  latency_ms: number;
  credits: number;
  cache: string | null;
  upstream_source: string | null;
  key_id: string | null;
  masked_key: string | null;
  ip: string | null;
  source: string;
}
/** One page of `usage/requests`: newest first; `next_cursor` is null on the last page. */
export interface UsageRequestsPage {
  from: string;
  to: string;
  requests: UsageRequest[];
  next_cursor: string | null;
}

/**
 * Whether `document.cookie` holds the server's hint that a Console session may exist (the session cookie
 * itself is HttpOnly). Without it `me` could only answer 401, so it is not asked.
 */
export function mayHaveSession(cookies: string): boolean {
  return cookies.split(';').some((pair) => pair.trim().startsWith(`${SESSION_HINT_COOKIE}=`));
}

/** What went wrong, in words: the code's message, else the server's `msg`. */
export function errorMessage(status: number, data: unknown, msg: string | undefined): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  if (Array.isArray(record.errors)) {
    for (const e of record.errors as { param?: string; message?: string }[]) if (e.param) fields[e.param] = e.message ?? 'is invalid';
    const list = Object.entries(fields).map(([p, m]) => `${p} ${m}`);
    return { message: list.length > 0 ? `Please check: ${list.join('; ')}.` : (msg ?? 'Invalid input'), fields };
  }
  const code = typeof record.error === 'string' ? record.error : '';
  // A sentence the server wrote for this case (a plan limit, what conflicts) beats the generic one.
  const own = typeof record.message === 'string' && record.message !== '' ? record.message : undefined;
  const message = ERROR_MESSAGES[code] ?? own ?? (status === 0 ? 'The server could not be reached.' : `${msg ?? 'Request failed'} (${status}${code ? `, ${code}` : ''}).`);
  return { message, fields };
}

/** The Console API client: session cookie plus the CSRF token on every change (docs/api-contract.md § Console API). */
export class ConsoleApi {
  private csrfToken: string | null = null;

  constructor(private readonly fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)) {}

  /** Remembers the token sign-in, sign-up and `me` return. */
  setCsrfToken(token: string | null): void {
    this.csrfToken = token;
  }

  async call<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<ConsoleResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method !== 'GET') {
      headers['content-type'] = 'application/json';
      if (this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
    }
    let response: Response;
    try {
      response = await this.fetchImpl(`/api/console/${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
      });
    } catch {
      return { ok: false, status: 0, code: null, ...errorMessage(0, null, undefined) };
    }
    let json: { msg?: string; data?: unknown } = {};
    try {
      json = (await response.json()) as typeof json;
    } catch {
      json = {};
    }
    if (response.ok) {
      const data = json.data as T;
      const token = (data as { csrf_token?: unknown } | null)?.csrf_token;
      if (typeof token === 'string') this.csrfToken = token;
      return { ok: true, status: response.status, data };
    }
    const error = (json.data as { error?: unknown } | null | undefined)?.error;
    return { ok: false, status: response.status, code: typeof error === 'string' ? error : null, ...errorMessage(response.status, json.data, json.msg) };
  }
}
