/** The query parameter that carries where sign-in or sign-up returns to. */
export const RETURN_PARAM = 'return';

/** `/playground…` or `/console…`, with a query or fragment: the areas a return path may lead to. */
const APP_PATH = /^\/(playground|console)(?=$|[/?#])/;

/**
 * A path inside this app (the Playground or a Console page, with its query and fragment) that
 * sign-in may return to, or null: never another site, so `return` cannot become an open redirect.
 */
export function safeReturnPath(raw: string | null | undefined): string | null {
  // A leading area name rules out schemes and `//host`; browsers read `\` as `/` and drop tabs and newlines, so those are refused too.
  if (!raw || !APP_PATH.test(raw) || /[\\\s\u0000-\u001f\u007f]/.test(raw)) return null;
  return raw;
}

/** Whether a return path leads to the Playground, which needs a key in this tab to send with. */
export function isPlaygroundPath(path: string): boolean {
  return path === '/playground' || /^\/playground[/?#]/.test(path);
}

/** The read return path of a Console address's query string. */
export function returnPathOf(search: string): string | null {
  return safeReturnPath(new URLSearchParams(search).get(RETURN_PARAM));
}

/** `/console/sign-up?return=<path>`. */
export function signUpHref(returnTo: string): string {
  return `/console/sign-up?${RETURN_PARAM}=${encodeURIComponent(returnTo)}`;
}

/** The Console page that gives a signed-in person a key for the Playground, then returns to `returnTo`. */
export const KEY_STEP_PAGE = 'playground-key';

/** `/console/playground-key?return=<path>`. */
export function keyStepHref(returnTo: string): string {
  return `/console/${KEY_STEP_PAGE}?${RETURN_PARAM}=${encodeURIComponent(returnTo)}`;
}

/**
 * Where the Playground sends someone without a working key, to come back to `returnTo`: a free
 * account, or, when signed in, a new key of their account.
 */
export function keyOffer(signedIn: boolean, returnTo: string): { href: string; label: string } {
  return signedIn ? { href: keyStepHref(returnTo), label: 'Create a key for the Playground' } : { href: signUpHref(returnTo), label: 'Create a free account' };
}

const LAST_PLAYGROUND = 'trendlens.playground.last';

const isPlayground = (raw: string | null): raw is string => raw !== null && safeReturnPath(raw) !== null && isPlaygroundPath(raw);

/** Remembers the Playground address last shown in this tab, so "Use in Playground" goes back to it. */
export function rememberPlaygroundPath(storage: Storage | null, path: string): void {
  try {
    if (isPlayground(path)) storage?.setItem(LAST_PLAYGROUND, path);
  } catch {
    // storage can be disabled; the Playground's own default then applies
  }
}

/** The Playground address last shown in this tab, or the Playground's start. */
export function lastPlaygroundPath(storage: Storage | null): string {
  try {
    const last = storage?.getItem(LAST_PLAYGROUND) ?? null;
    return isPlayground(last) ? last : '/playground';
  } catch {
    return '/playground';
  }
}
