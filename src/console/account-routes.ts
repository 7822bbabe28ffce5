import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Email, hashPassword, normaliseEmail } from '../accounts/index.js';
import { ApiError, envelope } from '../http/index.js';
import { checkAttempts, SIGN_UP_WINDOW_MS, VERIFY_MAILS_PER_DAY, VERIFY_MAILS_PER_MINUTE } from './attempt-limits.js';
import { checkCurrentPassword, checkNewPassword, completeReset, grantVerification, NewPassword, newPasswordErrors, pooled, sendVerification, userView } from './auth-routes.js';
import type { ConsoleContext } from './context.js';
import { parseInput } from './input.js';

const Token = z.string('must be a string').trim().min(1, 'is required').max(200, 'must be at most 200 characters');
const Password = z.string('must be a string').min(1, 'is required').max(1024, 'must be at most 1024 characters');
const ChangeBody = z.object({ current_password: Password, new_password: NewPassword });
// A malformed address is named (it cannot have an account, so saying so reveals nothing).
const ResetRequestBody = z.object({ email: Email });
const ResetBody = z.object({ token: Token, password: NewPassword });
const VerifyBody = z.object({ token: Token });
const DeleteBody = z.object({ password: Password });

// Reset e-mails per IP per hour: enough for a forgetful person, too few to mail-bomb anyone.
const RESET_REQUESTS_PER_IP = 5;
const RESET_REQUESTS_GLOBAL = 500;

/** A wait in words a person reads: seconds under a minute, else whole minutes rounded up. */
function waitInWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** 429 `too_many_reset_requests`: its own code, so nobody asking for a link is told about failed sign-ins. */
function tooManyResetRequests(retryAfterSeconds: number): ApiError {
  return new ApiError('too_many_reset_requests', {
    data: {
      error: 'too_many_reset_requests',
      retry_after_seconds: retryAfterSeconds,
      message: `Password reset requests are limited to ${RESET_REQUESTS_PER_IP} an hour from one IP address and ${RESET_REQUESTS_GLOBAL} an hour in all, and the limit is reached. Try again in ${waitInWords(retryAfterSeconds)}.`,
    },
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

/** 429 `rate_limited` for a verification e-mail past its address's limits, saying them and when to try again. */
function tooManyVerificationMails(retryAfterSeconds: number): ApiError {
  return new ApiError('rate_limited', {
    data: {
      error: 'rate_limited',
      retry_after_seconds: retryAfterSeconds,
      message: `Verification e-mails to one address are limited to ${VERIFY_MAILS_PER_MINUTE} a minute and ${VERIFY_MAILS_PER_DAY} a day, and the limit is reached. Try again in ${waitInWords(retryAfterSeconds)}.`,
    },
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

/** Password change, reset, e-mail verification and account deletion. */
export function registerAccountRoutes(app: FastifyInstance, ctx: ConsoleContext): void {
  const { services, auth, sessions, tokens, mailer } = ctx;

  app.post('/account/password', async (request, reply) => {
    const caller = await auth.signedIn(request, reply);
    const body = parseInput(ChangeBody, request.body);
    await checkCurrentPassword(ctx, request, caller.account, body.current_password, 'current_password');
    checkNewPassword(body.new_password, 'new_password', caller.account.email);
    await services.accounts.setPasswordHash(caller.account.id, await pooled(ctx, () => hashPassword(body.new_password)));
    // Whoever else was signed in with the old password is signed out, and a reset link asked for before
    // stops working. Not while the address is unproven, as at sign-in: the link may be its owner's way to
    // reclaim a squatted sign-up, which the squatter, who knows the password, must not be able to end.
    await sessions.destroyOthers(caller.account.id, caller.token);
    if (caller.account.email_verified_at !== null) await tokens.revoke(caller.account.id, 'reset');
    return envelope(200, 'OK', null);
  });

  app.post('/auth/reset/request', async (request) => {
    auth.checkOriginIfPresent(request);
    const { email } = parseInput(ResetRequestBody, request.body);
    const decision = await checkAttempts(ctx.attempts, 'reset', request.ip, { perIp: RESET_REQUESTS_PER_IP, global: RESET_REQUESTS_GLOBAL, windowMs: SIGN_UP_WINDOW_MS });
    if (!decision.allowed) throw tooManyResetRequests(decision.retryAfterSeconds);
    const account = await services.accounts.findByEmail(normaliseEmail(email));
    if (mailer && account?.status === 'active') {
      // Issued and mailed after the answer: awaited, the time it takes would tell that the address has an account.
      mailer.inBackground(
        async () => mailer.sendLink(account.email, 'reset', await tokens.issue(account.id, 'reset')),
        (err) => request.log.error({ err }, 'sending the reset e-mail failed'),
      );
    }
    // The same answer, as soon, whether or not the address has an account, so it reveals none.
    return envelope(200, 'OK', { email_sent_if_account_exists: mailer !== null });
  });

  app.post('/auth/reset', async (request) => {
    auth.checkOriginIfPresent(request);
    const body = parseInput(ResetBody, request.body);
    const accountId = await tokens.peek(body.token, 'reset');
    const found = accountId ? await services.accounts.findById(accountId) : undefined;
    const account = found?.status === 'deleted' ? undefined : found;
    // A dead link and a refused password are named together, since a new link would refuse that password
    // too; a refused password leaves a live link usable for a better one.
    const errors = [...(account ? [] : [{ param: 'token', message: 'is unknown, used or expired: ask for a new link' }]), ...newPasswordErrors(body.password, 'password', account?.email)];
    if (!account || errors.length > 0) throw ApiError.invalidInput(errors);
    const passwordHash = await pooled(ctx, () => hashPassword(body.password));
    if ((await tokens.consume(body.token, 'reset')) !== account.id) {
      throw ApiError.invalidInput([{ param: 'token', message: 'is unknown, used or expired: ask for a new link' }]);
    }
    // Receiving the link proves the address too: the first time, what was set up under it before goes (completeReset).
    return envelope(200, 'OK', await completeReset(ctx, request, account.id, passwordHash));
  });

  /** Marks the address verified; the first time, under SIGNUP_VERIFY=email, the plan's credits follow. */
  async function verified(accountId: string): Promise<void> {
    if (await services.accounts.markVerified(accountId)) await grantVerification(ctx, accountId);
  }

  /**
   * Verifying needs the account's own session, not only the link. The link reaches whoever holds the
   * address, and that may not be who signed up: opening it signed out would prove the address for a
   * stranger's account, which a later reset would then leave whole (README § Operating in public, "A
   * squatted sign-up"). Signed in, the person who signed up shows it was them. The link stays usable
   * until it is opened by its own account.
   */
  app.post('/auth/verify', async (request, reply) => {
    const body = parseInput(VerifyBody, request.body);
    const unknown = () => ApiError.invalidInput([{ param: 'token', message: 'is unknown, used or expired: ask for a new link' }]);
    const accountId = await tokens.peek(body.token, 'verify');
    const account = accountId ? await services.accounts.findById(accountId) : undefined;
    if (!account || account.status === 'deleted') throw unknown();
    const caller = await auth.signedIn(request, reply);
    if (caller.account.id !== account.id) throw new ApiError('link_for_another_account');
    if ((await tokens.consume(body.token, 'verify')) !== account.id) throw unknown();
    await verified(account.id);
    const fresh = await services.accounts.findById(account.id);
    return envelope(200, 'OK', { user: fresh ? userView(fresh) : userView(account) });
  });

  app.post('/account/verify/resend', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    if (account.email_verified_at !== null) return envelope(200, 'OK', { sent: false, email_verified: true });
    const mail = await sendVerification(ctx, request, account);
    if (mail.outcome === 'limited') throw tooManyVerificationMails(mail.retryAfterSeconds);
    return envelope(200, 'OK', { sent: mail.outcome === 'sent', email_verified: false });
  });

  app.post('/account/delete', async (request, reply) => {
    const caller = await auth.signedIn(request, reply);
    const body = parseInput(DeleteBody, request.body);
    await checkCurrentPassword(ctx, request, caller.account, body.password, 'password');
    services.keys.forgetHashes(await services.accounts.erase(caller.account.id));
    services.credits.forget(caller.account.id);
    auth.cookies.clear(request, reply);
    return envelope(200, 'OK', null);
  });
}
