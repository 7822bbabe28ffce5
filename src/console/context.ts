import type { Sessions } from '../accounts/index.js';
import type { Services } from '../services.js';
import type { ConsoleAuth } from './session-auth.js';
import type { SignInThrottle } from './sign-in-throttle.js';

/** What the Console's routes share, built once at registration. */
export interface ConsoleContext {
  services: Services;
  sessions: Sessions;
  auth: ConsoleAuth;
  throttle: SignInThrottle;
}
