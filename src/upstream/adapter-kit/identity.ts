/** A current desktop Chrome, as the web apps' own calls carry (docs/upstreams.md § Transport and signing); a headless agent is refused. */
export const DEFAULT_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36';

/** The value of one cookie in a `Cookie` header string, or undefined. */
export function cookieValue(cookieHeader: string, name: string): string | undefined {
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * The operator's logged-in session cookie strings, used round-robin
 * (docs/upstreams.md § Transport and signing): each call carries the next session's cookies and
 * `x-csrftoken` from its `csrftoken`.
 */
export class CookieSessions {
  private readonly sessions: readonly { cookie: string; csrf?: string }[];
  private next = 0;

  constructor(cookies: readonly string[] = []) {
    this.sessions = cookies
      .map((c) => c.trim())
      .filter((c) => c.length > 0)
      .map((cookie) => ({ cookie, csrf: cookieValue(cookie, 'csrftoken') }));
  }

  /** Whether any session is configured, i.e. calls are made logged in. */
  get loggedIn(): boolean {
    return this.sessions.length > 0;
  }

  /** How many sessions are configured. */
  get count(): number {
    return this.sessions.length;
  }

  /**
   * Adds the next session's `cookie` and `x-csrftoken` to `headers` and returns that session's place
   * in the operator's list (1-based), so an answer can be traced to the session that got it without
   * the cookie reaching a log. With no session configured it adds nothing and returns undefined.
   */
  addTo(headers: Record<string, string>): number | undefined {
    const place = this.next;
    const session = this.sessions[place];
    if (!session) return undefined;
    this.next = (place + 1) % this.sessions.length;
    headers.cookie = session.cookie;
    if (session.csrf !== undefined) headers['x-csrftoken'] = session.csrf;
    return place + 1;
  }
}
