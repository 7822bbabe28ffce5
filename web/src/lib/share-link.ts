import type { Endpoint } from './catalog.js';
import { looksLikeApiKey } from './key-format.js';
import { catalogParamEntries, queryString, type ParamValues } from './request-url.js';

/** A share link, or why none was made. */
export type ShareLinkResult = { ok: true; url: string } | { ok: false; reason: string };

export const SHARE_REFUSED = 'No share link: a parameter value looks like an API key, and share links never include API keys.';

/**
 * `/playground/<operation-id>?<catalog params only>` (docs/api-contract.md § Playground). It takes no key, so it
 * cannot put one in; `isSecret` lets the caller also refuse a value equal to the configured key.
 */
export function shareLink(origin: string, endpoint: Endpoint, values: ParamValues, isSecret: (value: string) => boolean = () => false): ShareLinkResult {
  const entries = catalogParamEntries(endpoint, values);
  if (entries.some(([, v]) => looksLikeApiKey(v) || isSecret(v))) return { ok: false, reason: SHARE_REFUSED };
  return { ok: true, url: `${origin}/playground/${encodeURIComponent(endpoint.operationId)}${queryString(entries)}` };
}
