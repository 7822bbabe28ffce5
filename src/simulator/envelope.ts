import { createHash } from 'node:crypto';

/** What a route answers; the server wraps it in the upstream envelope (docs/upstreams.md § Envelope and pagination). */
export interface Answer {
  code: number;
  msg: string;
  data: unknown;
}

export const ok = (data: unknown): Answer => ({ code: 0, msg: 'OK', data });

/** HTTP 200 "no permission": unsigned, badly signed or logged-out calls (docs/upstreams.md § Transport and signing, § Upstream errors). */
export const NO_PERMISSION: Answer = { code: 40101, msg: 'no permission', data: {} };

/** The 2026 retirement answer (docs/upstreams.md § Status timeline, § Simulator). */
export const DEPRECATED: Answer = { code: 0, msg: 'deprecated', data: {} };

/** Top Ads `material_id` not found (docs/upstreams.md § Upstream errors). */
export const MATERIAL_NOT_FOUND: Answer = { code: 40004, msg: 'material not found', data: {} };

/**
 * `YYYYMMDDhhmmss` (UTC) + 20 upper-case hex (docs/upstreams.md § Envelope and pagination). The hex part is derived from the
 * request instead of drawn at random so that the same request at the same second gives the same bytes.
 */
export function requestId(nowMs: number, requestKey: string): string {
  const stamp = new Date(nowMs).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const hex = createHash('md5').update(`${nowMs}|${requestKey}`).digest('hex').slice(0, 20).toUpperCase();
  return stamp + hex;
}
