/**
 * A cookie script can read, saying only that a Console session may exist in this browser: set beside the
 * HttpOnly `tl_session` and cleared with it, so the web app asks `me` only where it is present and a
 * signed-out visitor's pages make no request that answers 401 (docs/api-contract.md § Console API). It
 * holds no secret. This module imports nothing, since the web app's bundle reads the name from it too.
 */
export const SESSION_HINT_COOKIE = 'tl_signed_in';
