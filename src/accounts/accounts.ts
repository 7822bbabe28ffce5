import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import { addMonths, type PlanCatalog } from '../billing/index.js';
import type { AccountsTable, Database } from '../store/index.js';
import { Email } from './fields.js';
import { newAccountId } from './ids.js';
import { spendInvite } from './invites.js';
import { reclaimUnprovenAccount, type Reclaimed } from './reclaim.js';

export type Account = AccountsTable;

/** What a password set through a reset link did besides setting it (Accounts.resetPassword). */
export interface PasswordReset {
  /** True when this reset proved the address for the first time (what verification grants follows). */
  firstVerification: boolean;
  /** What was taken away because the address had not been verified; null when it had been. */
  reclaimed: Reclaimed | null;
}

/** Why an account operation was refused; callers turn these into 4xx or CLI errors. */
export class AccountError extends Error {
  constructor(
    readonly code: 'email_taken' | 'unknown_plan' | 'account_not_found' | 'invalid_email' | 'invite_invalid',
    message: string,
  ) {
    super(message);
  }
}

/** Emails are compared lower-cased and trimmed (docs/api-contract.md § Console API). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Whether the account may use the Console's operator pages: marked, and its address proven. The
 * address counts too because OPERATOR_EMAILS once marked addresses nobody had proven, and a
 * database may still hold such a mark.
 */
export function isOperator(account: Account): boolean {
  return account.is_operator === 1 && account.email_verified_at !== null;
}

/** Accounts: creation with the opening credit grant, lookups, plan, status and operator changes. */
export class Accounts {
  private readonly operatorEmails: ReadonlySet<string>;

  /**
   * `operatorEmails` (OPERATOR_EMAILS) are made operators once their address is proven: verified at
   * creation, at verification, or at start. Naming an address proves nothing: anyone may sign up with it.
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly plans: PlanCatalog,
    private readonly clock: Clock,
    operatorEmails: readonly string[] = [],
  ) {
    this.operatorEmails = new Set(operatorEmails.map(normaliseEmail));
  }

  /**
   * Creates an account on `planId` (default plan when absent) holding the plan's monthly credits, or
   * none yet when `creditsOnVerify` (they come with the e-mail verification). An `inviteCode` is
   * spent in the same transaction, so one code makes one account.
   */
  async create(input: {
    email: string;
    planId?: string;
    name?: string | null;
    passwordHash?: string | null;
    emailVerified?: boolean;
    creditsOnVerify?: boolean;
    inviteCode?: string;
  }): Promise<Account> {
    // The Console's rule for the address, for every way an account is made (the CLI's too).
    const parsed = Email.safeParse(input.email);
    if (!parsed.success) throw new AccountError('invalid_email', `"${input.email}" is not an email address`);
    const email = normaliseEmail(parsed.data);
    const planId = input.planId ?? this.plans.defaultPlanId;
    const plan = this.plans.get(planId);
    if (!plan) throw new AccountError('unknown_plan', `unknown plan "${planId}" (plans: ${this.plans.plans.map((p) => p.id).join(', ')})`);

    const now = this.clock.now();
    const emailVerified = input.emailVerified !== false;
    const account: Account = {
      id: newAccountId(),
      email,
      name: input.name ?? null,
      password_hash: input.passwordHash ?? null,
      plan_id: plan.id,
      status: 'active',
      created_at: now,
      period_start: now,
      period_end: addMonths(now, 1),
      credits_balance: input.creditsOnVerify ? 0 : plan.included_credits,
      credits_used: 0,
      overage_credits: 0,
      allow_overage: null,
      hard_limit_credits: null,
      email_verified_at: emailVerified ? now : null,
      is_operator: emailVerified && this.operatorEmails.has(email) ? 1 : 0,
    };
    return this.db.transaction().execute(async (trx) => {
      const taken = await trx.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirst();
      if (taken) throw new AccountError('email_taken', `an account with email ${email} already exists`);
      await trx.insertInto('accounts').values(account).execute();
      if (input.inviteCode !== undefined && !(await spendInvite(trx, input.inviteCode, account.id, now))) {
        throw new AccountError('invite_invalid', 'the invite code is unknown, used or expired');
      }
      await trx
        .insertInto('credit_ledger')
        .values({ account_id: account.id, reference: `period_${now}`, kind: 'period_reset', amount: account.credits_balance, overage: 0, created_at: now })
        .execute();
      return account;
    });
  }

  async findByEmail(email: string): Promise<Account | undefined> {
    return this.db.selectFrom('accounts').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
  }

  async findById(id: string): Promise<Account | undefined> {
    return this.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Like findByEmail, for commands that need the account to exist. */
  async requireByEmail(email: string): Promise<Account> {
    const account = await this.findByEmail(email);
    if (!account) throw new AccountError('account_not_found', `no account with email ${normaliseEmail(email)}`);
    return account;
  }

  async setStatus(accountId: string, status: Exclude<Account['status'], 'deleted'>): Promise<void> {
    await this.db.updateTable('accounts').set({ status }).where('id', '=', accountId).where('status', '!=', 'deleted').execute();
  }

  /** Marks or unmarks an account as an operator; false when no live account has that e-mail. */
  async setOperator(email: string, operator: boolean): Promise<boolean> {
    const result = await this.db
      .updateTable('accounts')
      .set({ is_operator: operator ? 1 : 0 })
      .where('email', '=', normaliseEmail(email))
      .where('status', '!=', 'deleted')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** At start: marks the verified accounts of OPERATOR_EMAILS (the others are marked when created or verified). */
  async markConfiguredOperators(): Promise<void> {
    if (this.operatorEmails.size === 0) return;
    await this.db
      .updateTable('accounts')
      .set({ is_operator: 1 })
      .where('email', 'in', [...this.operatorEmails])
      .where('email_verified_at', 'is not', null)
      .where('status', '!=', 'deleted')
      .execute();
  }

  /** Whether OPERATOR_EMAILS names this address (so it is marked again at every start). */
  isConfiguredOperator(email: string): boolean {
    return this.operatorEmails.has(normaliseEmail(email));
  }

  /** Live operator accounts, by e-mail. */
  async listOperators(): Promise<Account[]> {
    return this.db.selectFrom('accounts').selectAll().where('is_operator', '=', 1).where('status', '!=', 'deleted').orderBy('email').execute();
  }

  async setPasswordHash(accountId: string, passwordHash: string): Promise<void> {
    await this.db.updateTable('accounts').set({ password_hash: passwordHash }).where('id', '=', accountId).execute();
  }

  /**
   * A password set through a reset link, in one transaction with what it ends: every session and reset
   * link of the account. The link was mailed to the address, so the reset proves it: when it had not been
   * verified, what was set up under the unproven address is taken away first (reclaimUnprovenAccount: keys
   * revoked, webhook endpoints and watches deleted, a pending plan request cancelled), then the address
   * is marked verified. A verified account keeps all of it. The caller passes `reclaimed.keyHashes` to
   * `ApiKeys.forgetHashes` once this has returned.
   */
  async resetPassword(accountId: string, passwordHash: string): Promise<PasswordReset> {
    return this.db.transaction().execute(async (trx) => {
      const now = this.clock.now();
      // The update comes first: on PostgreSQL it takes the row lock key creation takes (api-keys.ts lockAccount),
      // so a key created meanwhile is seen here and revoked, or waits for this to commit. (A request whose
      // session was checked before this began can still create one then: the window is that request's own.)
      await trx.updateTable('accounts').set({ password_hash: passwordHash }).where('id', '=', accountId).execute();
      const account = await trx.selectFrom('accounts').select('email_verified_at').where('id', '=', accountId).executeTakeFirst();
      if (!account) throw new AccountError('account_not_found', `no account with id ${accountId}`);
      await trx.deleteFrom('sessions').where('account_id', '=', accountId).execute();
      await trx.deleteFrom('account_tokens').where('account_id', '=', accountId).where('purpose', '=', 'reset').execute();
      if (account.email_verified_at !== null) return { firstVerification: false, reclaimed: null };
      const reclaimed = await reclaimUnprovenAccount(trx, accountId, now);
      return { firstVerification: await this.markVerified(accountId, trx), reclaimed };
    });
  }

  /**
   * Marks the address proven; true only the first time, so what verification grants is granted once.
   * An address OPERATOR_EMAILS names becomes an operator then, not at the next start. `db` is the
   * caller's transaction when the mark belongs to one (a reset).
   */
  async markVerified(accountId: string, db: Kysely<Database> = this.db): Promise<boolean> {
    const result = await db
      .updateTable('accounts')
      .set({ email_verified_at: this.clock.now() })
      .where('id', '=', accountId)
      .where('email_verified_at', 'is', null)
      .executeTakeFirst();
    const first = Number(result.numUpdatedRows) > 0;
    if (first && this.operatorEmails.size > 0) {
      await db.updateTable('accounts').set({ is_operator: 1 }).where('id', '=', accountId).where('email', 'in', [...this.operatorEmails]).execute();
    }
    return first;
  }

  /** Accounts, newest first, with an optional status filter (the operator's list). */
  async list(opts: { status?: Account['status']; limit?: number } = {}): Promise<Account[]> {
    let query = this.db.selectFrom('accounts').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc');
    if (opts.status) query = query.where('status', '=', opts.status);
    else query = query.where('status', '!=', 'deleted');
    return query.limit(opts.limit ?? 1000).execute();
  }

  /**
   * Erases an account's personal data: e-mail, name and password hash, its keys (hashes included),
   * sessions, one-time links, the IP addresses and user agents of its usage records and its sign-in
   * failures; and its watches, webhook endpoints (URLs and secrets), their matches and deliveries,
   * so nothing is sent on its behalf any more. The row stays as `deleted` under its opaque id so the
   * credit ledger and usage totals still sum. Returns the erased keys' hashes so cached lookups can be
   * dropped everywhere.
   */
  async erase(accountId: string): Promise<string[]> {
    return this.db.transaction().execute(async (trx) => {
      const account = await trx.selectFrom('accounts').select(['email']).where('id', '=', accountId).executeTakeFirst();
      if (!account) throw new AccountError('account_not_found', `no account with id ${accountId}`);
      const keys = await trx.selectFrom('api_keys').select('key_hash').where('account_id', '=', accountId).execute();
      await trx.deleteFrom('api_keys').where('account_id', '=', accountId).execute();
      await trx.deleteFrom('sessions').where('account_id', '=', accountId).execute();
      await trx.deleteFrom('account_tokens').where('account_id', '=', accountId).execute();
      await trx
        .deleteFrom('watch_matches')
        .where('watch_id', 'in', trx.selectFrom('watches').select('id').where('account_id', '=', accountId))
        .execute();
      // Settled ones too: their payloads hold the watches, and nobody is left to read the log.
      await trx.deleteFrom('webhook_deliveries').where('account_id', '=', accountId).execute();
      await trx.deleteFrom('watches').where('account_id', '=', accountId).execute();
      await trx.deleteFrom('webhook_endpoints').where('account_id', '=', accountId).execute();
      await trx.deleteFrom('plan_requests').where('account_id', '=', accountId).where('status', '=', 'pending').execute();
      await trx.deleteFrom('sign_in_failures').where('subject', '=', `email:${account.email}`).execute();
      await trx.updateTable('usage_events').set({ ip: '', user_agent: null }).where('account_id', '=', accountId).execute();
      await trx.updateTable('invites').set({ used_by: null }).where('used_by', '=', accountId).execute();
      await trx
        .updateTable('accounts')
        .set({ email: `deleted:${accountId}`, name: null, password_hash: null, status: 'deleted', email_verified_at: null, is_operator: 0 })
        .where('id', '=', accountId)
        .execute();
      return keys.map((k) => k.key_hash);
    });
  }
}
