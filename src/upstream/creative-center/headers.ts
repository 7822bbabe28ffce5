import { randomUUID } from 'node:crypto';
import type { Clock } from '../../clock.js';
import { CookieSessions, DEFAULT_USER_AGENT } from '../adapter-kit/index.js';
import { userSign } from './sign.js';

/** Where the Creative Center web app lives; every radar call names one of its pages as referer. */
export const CREATIVE_CENTER_PAGE = 'https://ads.tiktok.com/business/creativecenter/';

export interface HeaderFactoryOptions {
  clock: Clock;
  /** Operator-supplied logged-in session cookies, used round-robin (docs/upstreams.md § Transport and signing, § How the client behaves). */
  cookies?: readonly string[];
  webId?: string;
  userAgent?: string;
  lang?: string;
}

/**
 * Builds the full header set (docs/upstreams.md § Transport and signing). One anonymous-user-id per
 * instance; a fresh timestamp and user-sign per call (docs/upstreams.md § How the client behaves), so a re-sign after 40101 is simply the next call's headers.
 */
export class HeaderFactory {
  readonly anonymousUserId: string = randomUUID();
  private readonly clock: Clock;
  private readonly sessions: CookieSessions;
  private readonly webId?: string;
  private readonly userAgent: string;
  private readonly lang: string;

  constructor(opts: HeaderFactoryOptions) {
    this.clock = opts.clock;
    this.sessions = new CookieSessions(opts.cookies);
    this.webId = opts.webId;
    this.userAgent = opts.userAgent ?? DEFAULT_USER_AGENT;
    this.lang = opts.lang ?? 'en';
  }

  /** Whether calls carry the operator's session cookies. */
  get loggedIn(): boolean {
    return this.sessions.loggedIn;
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
    this.sessions.addTo(headers);
    return headers;
  }
}
