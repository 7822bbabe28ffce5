import { randomUUID } from 'node:crypto';
import type { Clock } from '../../clock.js';
import { userSign } from './sign.js';

/** Where the Creative Center web app lives; every radar call names one of its pages as referer. */
export const CREATIVE_CENTER_PAGE = 'https://ads.tiktok.com/business/creativecenter/';

/** A current desktop Chrome, as the web app's own calls carry (docs/upstreams.md § Transport and signing). */
export const DEFAULT_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36';

export interface HeaderFactoryOptions {
  clock: Clock;
  /** Operator-supplied logged-in session cookies, used round-robin (docs/upstreams.md § Transport and signing, § How the client behaves). */
  cookies?: readonly string[];
  webId?: string;
  userAgent?: string;
  lang?: string;
}

/** The value of one cookie in a `Cookie` header string, or undefined. */
export function cookieValue(cookieHeader: string, name: string): string | undefined {
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Builds the full header set (docs/upstreams.md § Transport and signing). One anonymous-user-id per
 * instance; a fresh timestamp and user-sign per call (docs/upstreams.md § How the client behaves), so a re-sign after 40101 is simply the next call's headers.
 */
export class HeaderFactory {
  readonly anonymousUserId: string = randomUUID();
  private readonly clock: Clock;
  private readonly cookies: readonly { cookie: string; csrf?: string }[];
  private readonly webId?: string;
  private readonly userAgent: string;
  private readonly lang: string;
  private nextCookie = 0;

  constructor(opts: HeaderFactoryOptions) {
    this.clock = opts.clock;
    this.cookies = (opts.cookies ?? [])
      .map((c) => c.trim())
      .filter((c) => c.length > 0)
      .map((cookie) => ({ cookie, csrf: cookieValue(cookie, 'csrftoken') }));
    this.webId = opts.webId;
    this.userAgent = opts.userAgent ?? DEFAULT_USER_AGENT;
    this.lang = opts.lang ?? 'en';
  }

  /** Headers for one call; `refererPage` is relative to the Creative Center web app. */
  build(refererPage: string): Record<string, string> {
    const timestamp = String(Math.floor(this.clock.now() / 1000));
    const headers: Record<string, string> = {
      accept: 'application/json, text/plain, */*',
      'anonymous-user-id': this.anonymousUserId,
      lang: this.lang,
      referer: new URL(refererPage, CREATIVE_CENTER_PAGE).href,
      timestamp,
      'user-agent': this.userAgent,
      'user-sign': userSign(this.anonymousUserId, timestamp),
    };
    if (this.webId !== undefined) headers['web-id'] = this.webId;
    const session = this.cookies[this.nextCookie];
    if (session) {
      this.nextCookie = (this.nextCookie + 1) % this.cookies.length;
      headers.cookie = session.cookie;
      if (session.csrf !== undefined) headers['x-csrftoken'] = session.csrf;
    }
    return headers;
  }
}
