import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AccountError,
  hashPassword,
  normaliseEmail,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  SESSION_COOKIE,
  verifyAgainstDecoy,
  verifyPassword,
  type Account,
} from '../accounts/index.js';
import { ApiError, envelope } from '../http/index.js';
import type { ConsoleContext } from './context.js';
import { parseInput } from './input.js';
import { clearSessionCookie, setSessionCookie } from './session-auth.js';

const Email = z.string('must be a string').trim().pipe(z.email('must be an email address').max(254, 'must be at most 254 characters'));

const SignUpBody = z.object({
  email: Email,
  password: z
    .string('must be a string')
    .min(PASSWORD_MIN_LENGTH, `must be ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters`)
    .max(PASSWORD_MAX_LENGTH, `must be ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters`),
  name: z
    .string('must be a string')
    .trim()
    .max(100, 'must be at most 100 characters')
    .nullish()
    .transform((name) => name || null),
});

const SignInBody = z.object({
  email: z.string('must be a string').trim().min(1, 'is required').max(254, 'must be at most 254 characters'),
  // Longer than any password sign-up accepts, so it cannot match; bounded so scrypt is never fed megabytes.
  password: z.string('must be a string').min(1, 'is required').max(1024, 'must be at most 1024 characters'),
});

/** The signed-in person as `me`, sign-up and sign-in show them (contract §7). */
export function userView(account: Account) {
  return {
    id: account.id,
    email: account.email,
    name: account.name,
    plan: account.plan_id,
    created_at: new Date(account.created_at).toISOString(),
  };
}

/** auth/sign-up, auth/sign-in, auth/sign-out and me. */
export function registerAuthRoutes(app: FastifyInstance, ctx: ConsoleContext): void {
  const { services, auth, sessions, throttle } = ctx;

  async function startSession(request: Parameters<typeof setSessionCookie>[0], reply: Parameters<typeof setSessionCookie>[1], account: Account) {
    const previous = request.cookies[SESSION_COOKIE];
    // A new id on every sign-in: a session id planted before sign-in is worth nothing after it.
    if (previous) await sessions.destroy(previous);
    // Sessions abandoned without sign-out are swept here; sign-ins are rare enough to carry it.
    await sessions.prune();
    const { token, session } = await sessions.create(account.id, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
    setSessionCookie(request, reply, token, session);
    return { user: userView(account), csrf_token: session.csrf_token };
  }

  app.post('/auth/sign-up', async (request, reply) => {
    auth.checkOriginIfPresent(request);
    if (!services.config.SIGNUP_ENABLED) throw new ApiError('signup_disabled');
    const body = parseInput(SignUpBody, request.body);
    let account: Account;
    try {
      account = await services.accounts.create({ email: body.email, name: body.name, passwordHash: await hashPassword(body.password) });
    } catch (error) {
      if (error instanceof AccountError && error.code === 'email_taken') throw new ApiError('email_taken');
      if (error instanceof AccountError && error.code === 'invalid_email') {
        throw ApiError.invalidInput([{ param: 'email', message: 'must be an email address' }]);
      }
      throw error;
    }
    const data = await startSession(request, reply, account);
    return reply.code(201).send(envelope(201, 'Created', data));
  });

  app.post('/auth/sign-in', async (request, reply) => {
    auth.checkOriginIfPresent(request);
    const body = parseInput(SignInBody, request.body);
    const email = normaliseEmail(body.email);
    const decision = await throttle.check(email, request.ip);
    if (!decision.ok) {
      throw new ApiError('too_many_sign_in_attempts', {
        data: { error: 'too_many_sign_in_attempts', retry_after_seconds: decision.retryAfterSeconds },
        headers: { 'Retry-After': String(decision.retryAfterSeconds) },
      });
    }
    const account = await services.accounts.findByEmail(email);
    const ok = account?.password_hash ? await verifyPassword(body.password, account.password_hash) : await verifyAgainstDecoy(body.password);
    if (!account || !ok) {
      await throttle.fail(email, request.ip);
      throw new ApiError('invalid_credentials');
    }
    await throttle.succeed(email);
    return envelope(200, 'OK', await startSession(request, reply, account));
  });

  app.post('/auth/sign-out', async (request, reply) => {
    const caller = await auth.signedIn(request, reply);
    await sessions.destroy(caller.token);
    clearSessionCookie(request, reply);
    return envelope(200, 'OK', null);
  });

  app.get('/me', async (request, reply) => {
    const caller = await auth.signedIn(request, reply);
    return envelope(200, 'OK', { user: userView(caller.account), csrf_token: caller.session.csrf_token });
  });
}
