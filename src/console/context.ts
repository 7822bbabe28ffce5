import type { AccountTokens, HashPool, Sessions } from '../accounts/index.js';
import type { Services } from '../services.js';
import type { AttemptCounter } from './attempt-limits.js';
import type { Mailer } from './mailer.js';
import type { ConsoleAuth } from './session-auth.js';
import type { SignInThrottle } from './sign-in-throttle.js';

/** What the Console's routes share, built once at registration. */
export interface ConsoleContext {
  services: Services;
  sessions: Sessions;
  auth: ConsoleAuth;
  throttle: SignInThrottle;
  /** Attempt counters (sign-ups, sign-ins, resets, verification e-mails, webhook actions), in Redis when configured. */
  attempts: AttemptCounter;
  /** Bounds concurrent password hashing (sign-up, sign-in, password changes). */
  hashing: HashPool;
  tokens: AccountTokens;
  /** null without SMTP_URL: links then come from the operator's CLI. Links it mails point at PUBLIC_URL. */
  mailer: Mailer | null;
}
