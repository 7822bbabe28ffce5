import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AccountError,
  AccountName,
  Email,
  hashPassword,
  isOperator,
  normaliseEmail,
  passwordProblem,
  PoolBusyError,
  reclaimedAnything,
  SESSION_COOKIE,
  verifyAgainstDecoy,
  verifyPassword,
  type Account,
  type Reclaimed,
} from '../accounts/index.js';
import { signupMode } from '../config.js';
import { ApiError, envelope } from '../http/index.js';
import { authThrottledTotal } from '../metrics/index.js';
import {
  checkAttempts,
  checkVerificationMail,
  SIGN_IN_ATTEMPTS_GLOBAL_PER_MINUTE,
  SIGN_IN_ATTEMPTS_PER_IP_PER_MINUTE,
  SIGN_UP_WINDOW_MS,
  type AttemptDecision,
} from './attempt-limits.js';
import type { ConsoleContext } from './context.js';
import { ALWAYS, parseInput, type FieldError } from './input.js';
import { SESSION_HINT_COOKIE } from './session-hint.js';

/**
 * A new password: any length here, so that one too long gets the policy's words (passwordProblem, its
 * 10–128 characters) like one too short; the request body's limit bounds what the policy reads.
 */
export const NewPassword = z.string('must be a string');

/**
 * The password policy over the sign-up body rather than its field, since it compares the password with
 * the address: run with ALWAYS, a refused password is named in the same 400 as every other bad field.
 * A malformed address is named on its own and not compared with (a password holding "a" is not close
 * to an address "a").
 */
function passwordOfSignUp(body: { email?: unknown; password?: unknown }, ctx: z.RefinementCtx): void {
  if (typeof body.password !== 'string') return;
  const problem = passwordProblem(body.password, { email: Email.safeParse(body.email).data });
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
}

// An address is named when malformed, so a typo is found before anything is looked up.
const SignUpBody = z
  .object({
    email: Email,
    password: NewPassword,
    name: AccountName,
    invite_code: z.string('must be a string').trim().max(64, 'must be at most 64 characters').optional(),
  })
  .superRefine(passwordOfSignUp, ALWAYS);

const SignInBody = z.object({
  email: z.string('must be a string').trim().min(1, 'is required').max(254, 'must be at most 254 characters'),
  // Longer than any password sign-up accepts, so it cannot match; bounded so scrypt is never fed megabytes.
  password: z.string('must be a string').min(1, 'is required').max(1024, 'must be at most 1024 characters'),
});

/** The signed-in person as `me`, sign-up and sign-in show them (docs/api-contract.md § Console API). */
export function userView(account: Account) {
  return {
    id: account.id,
    email: account.email,
    name: account.name,
    plan: account.plan_id,
    created_at: new Date(account.created_at).toISOString(),
    email_verified: account.email_verified_at !== null,
  };
}

/** The field error naming `field` when the password breaks the policy, for the 400 that names it; none when it passes. */
export function newPasswordErrors(password: string, field: string, email: string | undefined): FieldError[] {
  const problem = passwordProblem(password, { email });
  return problem ? [{ param: field, message: problem }] : [];
}

/** 400 naming `field` when the password breaks the policy. */
export function checkNewPassword(password: string, field: string, email: string): void {
  const errors = newPasswordErrors(password, field, email);
  if (errors.length > 0) throw ApiError.invalidInput(errors);
}

/** Runs password hashing through the pool: 503 `busy` with a short Retry-After past its queue. */
export async function pooled<T>(ctx: ConsoleContext, work: () => Promise<T>): Promise<T> {
  try {
    return await ctx.hashing.run(work);
  } catch (error) {
    if (error instanceof PoolBusyError) {
      authThrottledTotal.inc({ reason: 'busy' });
      throw new ApiError('busy', { data: { error: 'busy', retry_after_seconds: 1 }, headers: { 'Retry-After': '1' } });
    }
    throw error;
  }
}

function refuseAttempt(decision: Extract<AttemptDecision, { allowed: false }>, code: 'too_many_sign_ups' | 'too_many_sign_in_attempts'): ApiError {
  authThrottledTotal.inc({ reason: code });
  return new ApiError(code, {
    data: { error: code, retry_after_seconds: decision.retryAfterSeconds },
    headers: { 'Retry-After': String(decision.retryAfterSeconds) },
  });
}

/**
 * Checks a signed-in caller's current password (changing it, deleting the account) under the same
 * throttle as sign-in: a session is no licence to guess the password it was opened with, and each
 * guess costs a hash. A wrong one counts as a failed sign-in of the address; too many, and 429.
 */
export async function checkCurrentPassword(ctx: ConsoleContext, request: FastifyRequest, account: Account, password: string, param: string): Promise<void> {
  const decision = await ctx.throttle.begin(account.email, request.ip);
  if (!decision.ok) throw refuseAttempt({ allowed: false, retryAfterSeconds: decision.retryAfterSeconds }, 'too_many_sign_in_attempts');
  const stored = account.password_hash;
  let ok: boolean;
  try {
    ok = stored !== null && (await pooled(ctx, () => verifyPassword(password, stored)));
  } catch (error) {
    await ctx.throttle.forgive(decision.attempt);
    throw error;
  }
  if (!ok) throw ApiError.invalidInput([{ param, message: 'is not the current password' }]);
  await ctx.throttle.succeed(decision.attempt);
}

/** What became of a verification e-mail: sent, not sent (no SMTP_URL, or mailing failed), or held back by its limits. */
export type VerificationMail = { outcome: 'sent' | 'not_sent' } | { outcome: 'limited'; retryAfterSeconds: number };

/**
 * Mails a fresh verification link when SMTP is configured, within the address's limits
 * (checkVerificationMail); failures are logged, never the user's problem.
 */
export async function sendVerification(ctx: ConsoleContext, request: FastifyRequest, account: Account): Promise<VerificationMail> {
  if (!ctx.mailer) return { outcome: 'not_sent' };
  const decision = await checkVerificationMail(ctx.attempts, account.email);
  if (!decision.allowed) return { outcome: 'limited', retryAfterSeconds: decision.retryAfterSeconds };
  const token = await ctx.tokens.issue(account.id, 'verify');
  try {
    await ctx.mailer.sendLink(account.email, 'verify', token);
    return { outcome: 'sent' };
  } catch (err) {
    request.log.error({ err }, 'sending the verification e-mail failed');
    return { outcome: 'not_sent' };
  }
}

/** "2 API keys", "1 watch": a count and its noun. */
function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The reset's answer when it took something away (README § Operating in public, "A squatted sign-up"):
 * the counts, and a sentence saying plainly what went, for the reset page to show.
 */
export function reclaimView(r: Reclaimed, planName: (id: string) => string) {
  const parts: string[] = [];
  if (r.apiKeys > 0) parts.push(`the ${counted(r.apiKeys, 'API key', 'API keys')} created before ${r.apiKeys === 1 ? 'was' : 'were'} revoked`);
  const setUp = [
    ...(r.webhookEndpoints > 0 ? [counted(r.webhookEndpoints, 'webhook endpoint', 'webhook endpoints')] : []),
    ...(r.watches > 0 ? [counted(r.watches, 'watch', 'watches')] : []),
  ];
  if (setUp.length > 0) {
    const single = setUp.length === 1 && r.webhookEndpoints + r.watches === 1;
    parts.push(`the ${setUp.join(' and ')} set up before ${single ? 'was' : 'were'} deleted`);
  }
  if (r.cancelledPlanRequest !== null) parts.push(`the pending request for the ${planName(r.cancelledPlanRequest)} plan was cancelled`);
  const sentence = parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return {
    revoked: { api_keys: r.apiKeys, webhook_endpoints: r.webhookEndpoints, watches: r.watches, plan_request: r.cancelledPlanRequest },
    message: `This address had not been verified: ${sentence}.`,
  };
}

/** What proving an address grants, once: under SIGNUP_VERIFY=email, the plan's included credits. */
export async function grantVerification(ctx: ConsoleContext, accountId: string): Promise<void> {
  const { services } = ctx;
  if (services.config.SIGNUP_VERIFY !== 'email') return;
  const account = await services.accounts.findById(accountId);
  if (!account) return;
  const plan = services.plans.require(account.plan_id);
  if (plan.included_credits > 0) await services.credits.grant(account.id, plan.included_credits, `verify_${account.id}`);
}

/**
 * Sets the password a reset link was used for (Accounts.resetPassword: every session and reset link ends,
 * and the address counts as verified). When the address had not been verified, what was set up under it
 * was taken away in the same transaction; the revoked keys' cached lookups are dropped here and on every
 * instance (the revocation bus), and the answer says what went. Otherwise the answer is null, as ever.
 */
export async function completeReset(ctx: ConsoleContext, request: FastifyRequest, accountId: string, passwordHash: string) {
  const { services } = ctx;
  const reset = await services.accounts.resetPassword(accountId, passwordHash);
  if (reset.reclaimed) services.keys.forgetHashes(reset.reclaimed.keyHashes);
  // As auth/verify: the first verification (only one reset or link is it) grants what verifying grants.
  if (reset.firstVerification) await grantVerification(ctx, accountId);
  if (!reset.reclaimed || !reclaimedAnything(reset.reclaimed)) return null;
  const view = reclaimView(reset.reclaimed, (id) => services.plans.get(id)?.name ?? id);
  // The operator's record: the keys stay listed as revoked (`keys list`), and the log says why.
  request.log.info({ account_id: accountId, revoked: view.revoked }, 'a password reset proved an unverified address: what was set up under it is revoked');
  return view;
}

/** auth/sign-up, auth/sign-in, auth/sign-out and me. */
export function registerAuthRoutes(app: FastifyInstance, ctx: ConsoleContext): void {
  const { services, auth, sessions, throttle, attempts, tokens } = ctx;
  const { config } = services;

  async function startSession(request: FastifyRequest, reply: FastifyReply, account: Account) {
    const previous = request.cookies[SESSION_COOKIE];
    // A new id on every sign-in: a session id planted before sign-in is worth nothing after it.
    if (previous) await sessions.destroy(previous);
    // Sessions abandoned without sign-out are swept here; sign-ins are rare enough to carry it.
    await sessions.prune();
    const { token, session } = await sessions.create(account.id, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
    auth.cookies.set(request, reply, token, session);
    return { user: userView(account), csrf_token: session.csrf_token };
  }

  app.post('/auth/sign-up', async (request, reply) => {
    auth.checkOriginIfPresent(request);
    const mode = signupMode(config);
    if (mode === 'closed') throw new ApiError('signup_disabled');
    const body = parseInput(SignUpBody, request.body);
    if (mode === 'invite' && !body.invite_code) throw new ApiError('invite_required');
    // Counted before the hash: a refused sign-up costs a counter increment, not 32 MiB of scrypt.
    const decision = await checkAttempts(attempts, 'sign-up', request.ip, {
      perIp: config.SIGNUP_LIMIT_PER_IP,
      global: config.SIGNUP_LIMIT_GLOBAL,
      windowMs: SIGN_UP_WINDOW_MS,
    });
    if (!decision.allowed) throw refuseAttempt(decision, 'too_many_sign_ups');
    const passwordHash = await pooled(ctx, () => hashPassword(body.password));
    const verifyByEmail = config.SIGNUP_VERIFY === 'email';
    let account: Account;
    try {
      account = await services.accounts.create({
        email: body.email,
        name: body.name,
        passwordHash,
        emailVerified: false,
        creditsOnVerify: verifyByEmail,
        ...(mode === 'invite' ? { inviteCode: body.invite_code } : {}),
      });
    } catch (error) {
      if (error instanceof AccountError && error.code === 'email_taken') throw new ApiError('email_taken');
      if (error instanceof AccountError && error.code === 'invite_invalid') throw new ApiError('invite_required');
      throw error;
    }
    // The mail counts against the address's limits; held back by them (the address of a deleted account
    // signing up again), it is not sent, and the overview offers another once they allow.
    await sendVerification(ctx, request, account);
    const data = await startSession(request, reply, account);
    return reply.code(201).send(envelope(201, 'Created', data));
  });

  app.post('/auth/sign-in', async (request, reply) => {
    auth.checkOriginIfPresent(request);
    const body = parseInput(SignInBody, request.body);
    const email = normaliseEmail(body.email);
    const attempt = await checkAttempts(attempts, 'sign-in', request.ip, {
      perIp: SIGN_IN_ATTEMPTS_PER_IP_PER_MINUTE,
      global: SIGN_IN_ATTEMPTS_GLOBAL_PER_MINUTE,
      windowMs: 60_000,
    });
    if (!attempt.allowed) throw refuseAttempt(attempt, 'too_many_sign_in_attempts');
    const decision = await throttle.begin(email, request.ip);
    if (!decision.ok) throw refuseAttempt({ allowed: false, retryAfterSeconds: decision.retryAfterSeconds }, 'too_many_sign_in_attempts');
    const account = await services.accounts.findByEmail(email);
    const storedHash = account?.password_hash;
    let ok: boolean;
    try {
      ok = await pooled(ctx, () => (storedHash ? verifyPassword(body.password, storedHash) : verifyAgainstDecoy(body.password)));
    } catch (error) {
      // The password was never checked (503 busy): no failure to count.
      await throttle.forgive(decision.attempt);
      throw error;
    }
    // A wrong password leaves the attempt counted: it is the failure.
    if (!account || !ok) throw new ApiError('invalid_credentials');
    await throttle.succeed(decision.attempt);
    if (account.status === 'suspended') throw new ApiError('account_suspended');
    // Whoever holds a reset link asked for before this sign-in no longer needs it: it stops working. Not
    // while the address is unproven: the link may be its owner's way to reclaim a squatted sign-up, and
    // the squatter, who knows the password, must not be able to end it by signing in.
    if (account.email_verified_at !== null) await tokens.revoke(account.id, 'reset');
    return envelope(200, 'OK', await startSession(request, reply, account));
  });

  app.post('/auth/sign-out', async (request, reply) => {
    const caller = await auth.signedIn(request, reply);
    await sessions.destroy(caller.token);
    auth.cookies.clear(request, reply);
    return envelope(200, 'OK', null);
  });

  app.get('/me', async (request, reply) => {
    const caller = await auth.signedIn(request, reply);
    // A session older than its hint (or whose hint was deleted) gets one here, since the Console asks `me` on every load.
    if (!request.cookies[SESSION_HINT_COOKIE]) auth.cookies.setHint(request, reply, Math.floor((caller.session.expires_at - services.clock.now()) / 1000));
    // `operator` opens the Console's operator pages; the flag itself stays out of the user view.
    return envelope(200, 'OK', { user: userView(caller.account), csrf_token: caller.session.csrf_token, operator: isOperator(caller.account) });
  });
}
