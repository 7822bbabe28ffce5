import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import { AccountTokens, HashPool, Sessions } from '../accounts/index.js';
import { mailLinkOrigin } from '../config.js';
import type { Services } from '../services.js';
import { registerAccountRoutes } from './account-routes.js';
import { MemoryAttemptCounter, RedisAttemptCounter } from './attempt-limits.js';
import { registerAuthRoutes } from './auth-routes.js';
import { registerBillingRoutes } from './billing-routes.js';
import type { ConsoleContext } from './context.js';
import { registerKeyRoutes } from './key-routes.js';
import { registerOperatorRoutes } from './operator-routes.js';
import { registerPlanRoutes } from './plan-routes.js';
import { createMailer } from './mailer.js';
import { ConsoleAuth } from './session-auth.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { registerUsageRoutes } from './usage-routes.js';
import { registerWatchRoutes } from './watch-routes.js';

/** Where the Console's JSON API lives (docs/api-contract.md § Console API). */
export const CONSOLE_PREFIX = '/api/console';

/**
 * The Console's JSON API as an encapsulated Fastify plugin under /api/console: session-cookie auth,
 * CSRF checks, keys, billing, usage, watches and the operators' collection pages (docs/api-contract.md § Console API). Errors are thrown as ApiError and rendered by
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
      // Fastify reads text/plain as a string, which then failed as "expected object": the Console takes JSON only (415).
      scope.removeContentTypeParser('text/plain');

      const { config } = services;
      const sessions = new Sessions(services.store.db, services.clock);
      const mailer = config.SMTP_URL ? createMailer(config.SMTP_URL, config.MAIL_FROM, mailLinkOrigin(config)) : null;
      if (mailer) scope.addHook('onClose', async () => mailer.close());
      const ctx: ConsoleContext = {
        services,
        sessions,
        auth: new ConsoleAuth(sessions, services.accounts, config),
        throttle: new SignInThrottle(services.store.db, services.clock),
        attempts: services.redis ? new RedisAttemptCounter(services.redis, new MemoryAttemptCounter(services.clock)) : new MemoryAttemptCounter(services.clock),
        hashing: new HashPool(config.PASSWORD_HASH_CONCURRENCY, config.PASSWORD_HASH_QUEUE),
        tokens: new AccountTokens(services.store.db, services.clock),
        mailer,
      };
      registerAuthRoutes(scope, ctx);
      registerAccountRoutes(scope, ctx);
      registerPlanRoutes(scope, ctx);
      registerKeyRoutes(scope, ctx);
      registerBillingRoutes(scope, ctx);
      registerUsageRoutes(scope, ctx);
      registerWatchRoutes(scope, ctx);
      registerOperatorRoutes(scope, ctx);
    },
    { prefix: CONSOLE_PREFIX },
  );
}

export { ConsoleAuth, type ConsoleCaller } from './session-auth.js';
export { SignInThrottle, SIGN_IN_WINDOW_MS, SIGN_IN_MAX_FAILURES_PER_EMAIL, SIGN_IN_MAX_FAILURES_PER_IP } from './sign-in-throttle.js';
export { billingView } from './billing-routes.js';
export { resolveRange, MAX_CUSTOM_DAYS } from './usage-range.js';
