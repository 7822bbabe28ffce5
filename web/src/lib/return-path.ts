/** The query parameter that carries where sign-up returns to. */
export const RETURN_PARAM = 'return';

/** A path inside this app that sign-up may return to (the Playground only), or null: never another site. */
export function safeReturnPath(raw: string | null | undefined): string | null {
  if (!raw || !raw.startsWith('/playground') || raw.startsWith('//') || /[\\\s]/.test(raw)) return null;
  return raw;
}

/** The read return path of a Console address's query string. */
export function returnPathOf(search: string): string | null {
  return safeReturnPath(new URLSearchParams(search).get(RETURN_PARAM));
}

/** `/console/sign-up?return=<path>`. */
export function signUpHref(returnTo: string): string {
  return `/console/sign-up?${RETURN_PARAM}=${encodeURIComponent(returnTo)}`;
}

const LAST_PLAYGROUND = 'trendlens.playground.last';

/** Remembers the Playground address last shown in this tab, so "Use in Playground" goes back to it. */
export function rememberPlaygroundPath(storage: Storage | null, path: string): void {
  try {
    if (safeReturnPath(path)) storage?.setItem(LAST_PLAYGROUND, path);
  } catch {
    // storage can be disabled; the Playground's own default then applies
  }
}

/** The Playground address last shown in this tab, or the Playground's start. */
export function lastPlaygroundPath(storage: Storage | null): string {
  try {
    return safeReturnPath(storage?.getItem(LAST_PLAYGROUND)) ?? '/playground';
  } catch {
    return '/playground';
  }
}
