import { randomUUID } from 'node:crypto';
import { userSign } from '../../src/simulator/sign.js';
import { SIMULATED_SESSION_COOKIE, type SimulatorHandle } from '../../src/simulator/index.js';

/** Headers of a correctly signed call (docs/upstreams.md § Transport and signing). */
export function signedHeaders(nowMs: number, id: string = randomUUID()): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  return { 'anonymous-user-id': id, timestamp, 'user-sign': userSign(id, timestamp), lang: 'en' };
}

export interface Reply {
  status: number;
  type: string | null;
  text: string;
  /** Parsed body; big numbers lose precision here, so tests of raw ids read `text`. */
  json: any;
}

/** GET an upstream path, signed with the given clock time unless headers are given. */
export async function call(
  sim: SimulatorHandle,
  pathAndQuery: string,
  opts: { nowMs: number; headers?: Record<string, string>; extra?: Record<string, string> },
): Promise<Reply> {
  const res = await fetch(sim.baseUrl + pathAndQuery, {
    headers: { ...(opts.headers ?? signedHeaders(opts.nowMs)), ...(opts.extra ?? {}) },
    redirect: 'manual',
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, type: res.headers.get('content-type'), text, json };
}

/** Headers of a logged-in TikTok One session (the simulator's own cookie and its csrftoken). */
export const LOGGED_IN: Record<string, string> = { cookie: SIMULATED_SESSION_COOKIE, 'x-csrftoken': 'sim-csrf-1' };

/** Calls a TikTok One path: a JSON POST when `body` is given, else a GET; `us` uses the US video host. */
export async function callOne(
  sim: SimulatorHandle,
  path: string,
  opts: { body?: unknown; headers?: Record<string, string>; us?: boolean } = {},
): Promise<Reply & { headers: Headers }> {
  const base = opts.us ? sim.tiktokOne.usBaseUrl : sim.tiktokOne.baseUrl;
  const res = await fetch(new URL(path, base), {
    method: opts.body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(opts.headers ?? {}) },
    ...(opts.body === undefined ? {} : { body: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) }),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, type: res.headers.get('content-type'), text, json, headers: res.headers };
}
