import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, Store } from '../store/index.js';
import { periodAt, utcDay } from './period.js';
import type { Plan, PlanCatalog } from './plans.js';

type Db = Kysely<Database> | Transaction<Database>;

/** An account's credit position at the moment of a decision, enough to build contract §3.3 bodies. */
export interface CreditSnapshot {
  plan: Plan;
  periodStart: number;
  periodEnd: number;
  balance: number;
  creditsUsed: number;
  overageCredits: number;
  dailyUsed: number;
  allowOverage: boolean;
  hardLimitCredits: number | null;
}

export type ReserveResult =
  | { ok: true; remaining: number; snapshot: CreditSnapshot }
  | { ok: false; reason: 'insufficient_credits' | 'daily_credit_limit'; snapshot: CreditSnapshot };

/** Whether an account may go past its included credits: the plan must offer overage and the account allow it. */
export function overageAllowed(plan: Plan, accountChoice: number | null): boolean {
  return plan.overage_usd_per_1k !== null && (accountChoice === null ? plan.overage_default : accountChoice === 1);
}

/**
 * The credit ledger (DESIGN §5, contract §5.2): credits are reserved atomically before the upstream
 * call, committed on 2xx and released otherwise. The ledger is append-only and an account's
 * `credits_balance` always equals the sum of its ledger amounts.
 */
export class CreditLedger {
  private readonly db: Kysely<Database>;
  /** SQLite runs one transaction at a time on our single connection; PostgreSQL needs row locks. */
  private readonly lockRows: boolean;

  constructor(
    store: Store,
    private readonly plans: PlanCatalog,
    private readonly clock: Clock,
  ) {
    this.db = store.db;
    this.lockRows = store.dialect === 'postgres';
  }

  /**
   * Takes `cost` from the account for `requestId`, never below zero: included credits first, the
   * rest as overage when allowed and under the hard limit; daily caps count holds too.
   */
  async reserve(accountId: string, requestId: string, cost: number): Promise<ReserveResult> {
    return this.db.transaction().execute(async (trx) => {
      const now = this.clock.now();
      const snapshot = await this.lockedSnapshot(trx, accountId, now);
      const { plan } = snapshot;
      if (plan.daily_credit_limit !== null && snapshot.dailyUsed + cost > plan.daily_credit_limit) {
        return { ok: false, reason: 'daily_credit_limit', snapshot };
      }
      const fromIncluded = Math.min(snapshot.balance, cost);
      const overage = cost - fromIncluded;
      const overOk =
        overage === 0 ||
        (snapshot.allowOverage &&
          (snapshot.hardLimitCredits === null || snapshot.creditsUsed + cost <= snapshot.hardLimitCredits));
      if (!overOk) return { ok: false, reason: 'insufficient_credits', snapshot };

      const day = utcDay(now);
      await trx
        .updateTable('accounts')
        .set((eb) => ({
          credits_balance: eb('credits_balance', '-', fromIncluded),
          credits_used: eb('credits_used', '+', cost),
          overage_credits: eb('overage_credits', '+', overage),
        }))
        .where('id', '=', accountId)
        .execute();
      await trx
        .insertInto('daily_credit_usage')
        .values({ account_id: accountId, day, credits: cost })
        .onConflict((oc) => oc.columns(['account_id', 'day']).doUpdateSet((eb) => ({ credits: eb('daily_credit_usage.credits', '+', cost) })))
        .execute();
      await trx
        .insertInto('credit_ledger')
        .values({ account_id: accountId, reference: requestId, kind: 'reserve', amount: -fromIncluded, overage, created_at: now })
        .execute();
      await trx
        .insertInto('credit_reservations')
        .values({
          request_id: requestId,
          account_id: accountId,
          amount: fromIncluded,
          overage,
          day,
          period_start: snapshot.periodStart,
          status: 'held',
          created_at: now,
          settled_at: null,
        })
        .execute();
      const after: CreditSnapshot = {
        ...snapshot,
        balance: snapshot.balance - fromIncluded,
        creditsUsed: snapshot.creditsUsed + cost,
        overageCredits: snapshot.overageCredits + overage,
        dailyUsed: snapshot.dailyUsed + cost,
      };
      return { ok: true, remaining: after.balance, snapshot: after };
    });
  }

  /** Makes a hold final (the request answered 2xx). */
  async commit(requestId: string): Promise<void> {
    await this.db
      .updateTable('credit_reservations')
      .set({ status: 'committed', settled_at: this.clock.now() })
      .where('request_id', '=', requestId)
      .where('status', '=', 'held')
      .execute();
  }

  /** Gives a hold back (anything but 2xx). Idempotent: a settled hold is left alone. */
  async release(requestId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const hold = await trx
        .selectFrom('credit_reservations')
        .selectAll()
        .where('request_id', '=', requestId)
        .where('status', '=', 'held')
        .executeTakeFirst();
      if (!hold) return;
      await this.releaseHold(trx, hold);
    });
  }

  /** Releases holds older than `maxAgeMs` left by a crashed or stuck request (contract §5.2: 60 s). */
  async releaseExpiredHolds(maxAgeMs = 60_000): Promise<number> {
    const cutoff = this.clock.now() - maxAgeMs;
    const stale = await this.db
      .selectFrom('credit_reservations')
      .select('request_id')
      .where('status', '=', 'held')
      .where('created_at', '<', cutoff)
      .execute();
    for (const { request_id } of stale) await this.release(request_id);
    return stale.length;
  }

  /** Adds credits to the current period's included balance (operator grant). */
  async grant(accountId: string, amount: number, reference: string): Promise<CreditSnapshot> {
    return this.db.transaction().execute(async (trx) => {
      const now = this.clock.now();
      await this.lockedSnapshot(trx, accountId, now);
      await trx
        .updateTable('accounts')
        .set((eb) => ({ credits_balance: eb('credits_balance', '+', amount) }))
        .where('id', '=', accountId)
        .execute();
      await trx
        .insertInto('credit_ledger')
        .values({ account_id: accountId, reference, kind: 'grant', amount, overage: 0, created_at: now })
        .execute();
      return this.lockedSnapshot(trx, accountId, now);
    });
  }

  /** The account's position now, rolling its period over first if it has ended. */
  async snapshot(accountId: string): Promise<CreditSnapshot> {
    return this.db.transaction().execute((trx) => this.lockedSnapshot(trx, accountId, this.clock.now()));
  }

  /** Sum of the ledger, for audits and tests: must equal `credits_balance`. */
  async ledgerSum(accountId: string, db: Db = this.db): Promise<number> {
    const row = await db
      .selectFrom('credit_ledger')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('sum'))
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    return Number(row.sum);
  }

  /** Reads (and on PostgreSQL locks) the account row; starts a new period when the old one has ended. */
  private async lockedSnapshot(trx: Transaction<Database>, accountId: string, now: number): Promise<CreditSnapshot> {
    let query = trx.selectFrom('accounts').selectAll().where('id', '=', accountId);
    if (this.lockRows) query = query.forUpdate();
    const account = await query.executeTakeFirst();
    if (!account) throw new Error(`account ${accountId} not found`);
    const plan = this.plans.require(account.plan_id);

    let { period_start: periodStart, period_end: periodEnd, credits_balance: balance } = account;
    let creditsUsed = account.credits_used;
    let overageCredits = account.overage_credits;
    if (now >= periodEnd) {
      ({ start: periodStart, end: periodEnd } = periodAt(account.created_at, now));
      const reset = plan.included_credits - balance;
      await trx
        .insertInto('credit_ledger')
        .values({ account_id: accountId, reference: `period_${periodStart}`, kind: 'period_reset', amount: reset, overage: 0, created_at: now })
        .execute();
      await trx
        .updateTable('accounts')
        .set({ period_start: periodStart, period_end: periodEnd, credits_balance: plan.included_credits, credits_used: 0, overage_credits: 0 })
        .where('id', '=', accountId)
        .execute();
      balance = plan.included_credits;
      creditsUsed = 0;
      overageCredits = 0;
    }

    const daily = await trx
      .selectFrom('daily_credit_usage')
      .select('credits')
      .where('account_id', '=', accountId)
      .where('day', '=', utcDay(now))
      .executeTakeFirst();

    return {
      plan,
      periodStart,
      periodEnd,
      balance,
      creditsUsed,
      overageCredits,
      dailyUsed: daily?.credits ?? 0,
      allowOverage: overageAllowed(plan, account.allow_overage),
      hardLimitCredits: account.hard_limit_credits,
    };
  }

  private async releaseHold(
    trx: Transaction<Database>,
    hold: { request_id: string; account_id: string; amount: number; overage: number; day: string; period_start: number },
  ): Promise<void> {
    const now = this.clock.now();
    const account = await this.lockedSnapshot(trx, hold.account_id, now);
    await trx
      .updateTable('credit_reservations')
      .set({ status: 'released', settled_at: now })
      .where('request_id', '=', hold.request_id)
      .execute();
    await trx
      .updateTable('daily_credit_usage')
      .set((eb) => ({ credits: eb('credits', '-', hold.amount + hold.overage) }))
      .where('account_id', '=', hold.account_id)
      .where('day', '=', hold.day)
      .execute();
    // A hold from an earlier period was wiped by the period reset already: nothing to give back.
    if (hold.period_start !== account.periodStart) return;
    await trx
      .updateTable('accounts')
      .set((eb) => ({
        credits_balance: eb('credits_balance', '+', hold.amount),
        credits_used: eb('credits_used', '-', hold.amount + hold.overage),
        overage_credits: eb('overage_credits', '-', hold.overage),
      }))
      .where('id', '=', hold.account_id)
      .execute();
    await trx
      .insertInto('credit_ledger')
      .values({ account_id: hold.account_id, reference: hold.request_id, kind: 'release', amount: hold.amount, overage: -hold.overage, created_at: now })
      .execute();
  }
}
