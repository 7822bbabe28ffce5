import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import { addMonths, type PlanCatalog } from '../billing/index.js';
import type { AccountsTable, Database } from '../store/index.js';
import { newAccountId } from './ids.js';

export type Account = AccountsTable;

/** Why an account operation was refused; callers turn these into 4xx or CLI errors. */
export class AccountError extends Error {
  constructor(
    readonly code: 'email_taken' | 'unknown_plan' | 'account_not_found' | 'invalid_email',
    message: string,
  ) {
    super(message);
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Emails are compared lower-cased and trimmed (docs/api-contract.md § Console API). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Accounts: creation with the opening credit grant, lookups, plan and status changes. */
export class Accounts {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly plans: PlanCatalog,
    private readonly clock: Clock,
  ) {}

  /** Creates an account on `planId` (default plan when absent) holding the plan's monthly credits. */
  async create(input: { email: string; planId?: string; name?: string | null; passwordHash?: string | null }): Promise<Account> {
    const email = normaliseEmail(input.email);
    if (!EMAIL.test(email) || email.length > 254) throw new AccountError('invalid_email', `"${input.email}" is not an email address`);
    const planId = input.planId ?? this.plans.defaultPlanId;
    const plan = this.plans.get(planId);
    if (!plan) throw new AccountError('unknown_plan', `unknown plan "${planId}" (plans: ${this.plans.plans.map((p) => p.id).join(', ')})`);

    const now = this.clock.now();
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
      credits_balance: plan.included_credits,
      credits_used: 0,
      overage_credits: 0,
      allow_overage: null,
      hard_limit_credits: null,
    };
    return this.db.transaction().execute(async (trx) => {
      const taken = await trx.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirst();
      if (taken) throw new AccountError('email_taken', `an account with email ${email} already exists`);
      await trx.insertInto('accounts').values(account).execute();
      await trx
        .insertInto('credit_ledger')
        .values({ account_id: account.id, reference: `period_${now}`, kind: 'period_reset', amount: plan.included_credits, overage: 0, created_at: now })
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

  async setStatus(accountId: string, status: Account['status']): Promise<void> {
    await this.db.updateTable('accounts').set({ status }).where('id', '=', accountId).execute();
  }
}
