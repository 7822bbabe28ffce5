import { RawInt, toJsonText } from '../json.js';

/**
 * TikTok One's wire conventions (docs/upstreams.md § TikTok One): the `BaseResp` envelope, the
 * gateway's own `InvalidRequest` body, the session test and `agw-js-conv`.
 */

/** The `sessionid` of the simulated session: what `expireSession` takes to make it lapse. */
export const SIMULATED_SESSION_ID = 'sim-session-1';

/** Cookies of the one session the simulator accepts as logged in (send `x-csrftoken: sim-csrf-1` too). */
export const SIMULATED_SESSION_COOKIE = `sessionid=${SIMULATED_SESSION_ID}; sid_tt=${SIMULATED_SESSION_ID}; csrftoken=sim-csrf-1`;

/** `BaseResp.StatusCode` of a call that needs a logged-in session. */
export const INVALID_LOGIN_CODE = 38001001;

/** What a TikTok One route answers; the server writes it. */
export type OneAnswer =
  | { kind: 'ok'; fields: Record<string, unknown> }
  | { kind: 'invalid_login' }
  | { kind: 'invalid_request'; message: string }
  | { kind: 'status_code'; code: number; message: string };

export const okAnswer = (fields: Record<string, unknown>): OneAnswer => ({ kind: 'ok', fields });
export const invalidRequest = (message: string): OneAnswer => ({ kind: 'invalid_request', message });
export const INVALID_LOGIN: OneAnswer = { kind: 'invalid_login' };

/** HTTP status and JSON text of an answer; `InvalidRequest` comes from the gateway as HTTP 400. */
export function renderAnswer(answer: OneAnswer): { status: number; text: string } {
  switch (answer.kind) {
    case 'ok':
      return { status: 200, text: toJsonText({ BaseResp: { StatusCode: 0, StatusMessage: '' }, ...answer.fields }) };
    case 'invalid_login':
      return { status: 200, text: toJsonText({ BaseResp: { StatusCode: INVALID_LOGIN_CODE, StatusMessage: 'InvalidLogin' } }) };
    case 'invalid_request':
      return { status: 400, text: toJsonText({ code: 'InvalidRequest', message: answer.message }) };
    case 'status_code':
      return { status: 200, text: toJsonText({ BaseResp: { StatusCode: answer.code, StatusMessage: answer.message } }) };
  }
}

/**
 * Writes an int64 field: a JSON string under `agw-js-conv: str`, otherwise a bare JSON number, written
 * from its digits so 19-digit ids beyond 2^53 stay exact.
 */
export type Int64 = (value: number | string) => string | RawInt;

export function int64Writer(asStrings: boolean): Int64 {
  return (value) => {
    const digits = typeof value === 'number' ? String(Math.round(value)) : value;
    return asStrings ? digits : new RawInt(digits);
  };
}

function cookies(header: string | undefined): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) jar.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return jar;
}

/**
 * Logged in = a `sessionid` cookie starting `sim-session` that has not expired, and `x-csrftoken` equal
 * to the `csrftoken` cookie. An expired session is answered as an anonymous caller, as TikTok One does.
 */
export function isLoggedIn(cookieHeader: string | undefined, csrfHeader: string | undefined, expired: ReadonlySet<string>): boolean {
  const jar = cookies(cookieHeader);
  const session = jar.get('sessionid') ?? '';
  const csrf = jar.get('csrftoken');
  return session.startsWith('sim-session') && !expired.has(session) && csrf !== undefined && csrf !== '' && csrfHeader === csrf;
}
