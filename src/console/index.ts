import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import { Sessions } from '../accounts/index.js';
import type { Services } from '../services.js';
import { registerAuthRoutes } from './auth-routes.js';
import { registerBillingRoutes } from './billing-routes.js';
import type { ConsoleContext } from './context.js';
import { registerKeyRoutes } from './key-routes.js';
import { ConsoleAuth } from './session-auth.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { registerUsageRoutes } from './usage-routes.js';

/** Where the Console's JSON API lives (contract §7). */
export const CONSOLE_PREFIX = '/api/console';

/**
 * The Console's JSON API as an encapsulated Fastify plugin under /api/console: session-cookie auth,
 * CSRF checks, keys, billing and usage (contract §7). Errors are thrown as ApiError and rendered by
 * the app's one error handler.
 */
export async function registerConsoleRoutes(app: FastifyInstance, services: Services): Promise<void> {
  await app.register(
    async (scope) => {
      await scope.register(cookie);
      // An empty JSON body (a bare POST from fetch with a JSON content type) reads as no body.
      const json = scope.getDefaultJsonParser('error', 'error');
      scope.removeContentTypeParser('application/json');
      scope.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
        const text = body.toString();
        if (text.trim() === '') return done(null, undefined);
        return json(request, text, done);
      });

      const sessions = new Sessions(services.store.db, services.clock);
      const ctx: ConsoleContext = {
        services,
        sessions,
        auth: new ConsoleAuth(sessions, services.accounts, services.config),
        throttle: new SignInThrottle(services.store.db, services.clock),
      };
      registerAuthRoutes(scope, ctx);
      registerKeyRoutes(scope, ctx);
      registerBillingRoutes(scope, ctx);
      registerUsageRoutes(scope, ctx);
    },
    { prefix: CONSOLE_PREFIX },
  );
}

export { ConsoleAuth, setSessionCookie, clearSessionCookie, type ConsoleCaller } from './session-auth.js';
export { SignInThrottle, SIGN_IN_WINDOW_MS, SIGN_IN_MAX_FAILURES_PER_EMAIL, SIGN_IN_MAX_FAILURES_PER_IP } from './sign-in-throttle.js';
export { billingView } from './billing-routes.js';
export { resolveRange, MAX_CUSTOM_DAYS } from './usage-range.js';
