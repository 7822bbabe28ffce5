import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, type Account, type Accounts, type Session, type Sessions } from '../accounts/index.js';
import { ApiError } from '../http/index.js';
import type { Config } from '../config.js';
import { SESSION_HINT_COOKIE } from './session-hint.js';

/** The signed-in caller of a Console route. */
export interface ConsoleCaller {
  account: Account;
  session: Session;
  /** The cookie value, to end this session on sign-out. */
  token: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Sets and clears `tl_session` and its `tl_signed_in` hint. Both are Secure whenever PUBLIC_URL is https,
 * whatever Host or protocol a proxy forwards (nginx's `proxy_pass http://127.0.0.1:…` forwards a loopback
 * Host over plain http); without an https PUBLIC_URL, everywhere but plain http on a loopback host
 * (docs/api-contract.md § Console API: "not on http://localhost").
 */
export class SessionCookies {
  private readonly httpsPublicUrl: boolean;

  constructor(publicUrl: string | undefined) {
    this.httpsPublicUrl = publicUrl !== undefined && new URL(publicUrl).protocol === 'https:';
  }

  /** Sets `tl_session`: HttpOnly, SameSite=Lax, lives as long as the session's absolute expiry; and its hint, for as long. */
  set(request: FastifyRequest, reply: FastifyReply, token: string, session: Session): void {
    const maxAge = Math.floor((session.expires_at - session.created_at) / 1000);
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.secure(request), maxAge });
    this.setHint(request, reply, maxAge);
  }

  /** Sets the `tl_signed_in` hint (src/console/session-hint.ts): readable by the page, value `1`, never a secret. */
  setHint(request: FastifyRequest, reply: FastifyReply, maxAgeSeconds: number): void {
    reply.setCookie(SESSION_HINT_COOKIE, '1', { path: '/', httpOnly: false, sameSite: 'lax', secure: this.secure(request), maxAge: maxAgeSeconds });
  }

  /** Clears `tl_session` and its hint together. */
  clear(request: FastifyRequest, reply: FastifyReply): void {
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.secure(request) });
    reply.clearCookie(SESSION_HINT_COOKIE, { path: '/', httpOnly: false, sameSite: 'lax', secure: this.secure(request) });
  }

  private secure(request: FastifyRequest): boolean {
    return this.httpsPublicUrl || request.protocol === 'https' || !LOOPBACK_HOSTS.has(request.hostname);
  }
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Session authentication and CSRF defence for the Console (docs/api-contract.md § Console API). API keys are never read
 * here: only the `tl_session` cookie signs a caller in.
 */
export class ConsoleAuth {
  readonly cookies: SessionCookies;

  constructor(
    private readonly sessions: Sessions,
    private readonly accounts: Accounts,
    private readonly config: Config,
  ) {
    this.cookies = new SessionCookies(config.PUBLIC_URL);
  }

  /**
   * The signed-in caller, or 401 `not_signed_in` (403 `account_suspended` for a suspended account's
   * session). Writes (anything but GET/HEAD) also need the session's `X-CSRF-Token` and a same-origin
   * `Origin`, else 403 `csrf_failed`.
   */
  async signedIn(request: FastifyRequest, reply: FastifyReply): Promise<ConsoleCaller> {
    const token = request.cookies[SESSION_COOKIE];
    const session = await this.sessions.resolve(token);
    const account = session ? await this.accounts.findById(session.account_id) : undefined;
    if (!token || !session || !account || account.status === 'deleted') {
      // A hint left without a live session would have the web app ask again on every page.
      if (token || request.cookies[SESSION_HINT_COOKIE]) this.cookies.clear(request, reply);
      throw new ApiError('not_signed_in');
    }
    // The status is read on every request, so a suspended account's session stops working at once on every
    // instance. Each session is ended by its own 403, not all of them by the first: every browser the person
    // is signed in on is told the account is suspended, not that it was signed out
    // (docs/api-contract.md § Console API).
    if (account.status === 'suspended') {
      await this.sessions.destroy(token);
      this.cookies.clear(request, reply);
      throw new ApiError('account_suspended');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const presented = request.headers['x-csrf-token'];
      if (!this.sameOrigin(request, true) || typeof presented !== 'string' || !sameToken(presented, session.csrf_token)) {
        throw new ApiError('csrf_failed');
      }
    }
    return { account, session, token };
  }

  /**
   * Sign-up and sign-in have no session to hold a CSRF token yet; a browser's cross-site `Origin`
   * is still refused there (login CSRF), while clients that send none (curl, scripts) pass.
   */
  checkOriginIfPresent(request: FastifyRequest): void {
    if (!this.sameOrigin(request, false)) throw new ApiError('csrf_failed');
  }

  /** `Origin` against the origin the request was addressed to (and PUBLIC_URL, behind a proxy). */
  private sameOrigin(request: FastifyRequest, required: boolean): boolean {
    const header = request.headers.origin;
    if (header === undefined) return !required;
    const origin = originOf(header);
    if (origin === null) return false;
    const allowed = [originOf(`${request.protocol}://${request.host}`), this.config.PUBLIC_URL ? originOf(this.config.PUBLIC_URL) : null];
    return allowed.includes(origin);
  }
}
