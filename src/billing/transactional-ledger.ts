import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, Store } from '../store/index.js';
import { admit, applySplit, overageAllowed, type CreditSnapshot, type ReserveResult } from './admission.js';
import { ChargeRefused } from './charge-queue.js';
import type { CreditLedger } from './ledger.js';
import { writeCommits, writeHolds, writeReleases, type Hold } from './ledger-writes.js';
import { periodAt, utcDay } from './period.js';
import type { Plan, PlanCatalog } from './plans.js';

type Trx = Transaction<Database>;

/**
 * One database transaction per reservation, with the account row locked on PostgreSQL: exact however
 * many instances share the database, at the cost of a round trip per request.
 */
export class TransactionalLedger implements CreditLedger {
  private readonly db: Kysely<Database>;
  /** SQLite runs one transaction at a time on our single connection; PostgreSQL needs row locks. */
  private readonly lockRows: boolean;

  constructor(
    store: Store,
    private readonly plans: PlanCatalog,
    private readonly clock: Clock,
    private readonly onSweepError: (error: unknown) => void = (error) => console.error('releasing an expired credit hold failed:', error),
  ) {
    this.db = store.db;
    this.lockRows = store.dialect === 'postgres';
  }

  async reserve(accountId: string, requestId: string, cost: number): Promise<ReserveResult> {
    return this.db.transaction().execute(async (trx) => {
      const now = this.clock.now();
      const snapshot = await this.lockedSnapshot(trx, accountId, now);
      const decision = admit(snapshot, cost);
      if (!decision.ok) return { ok: false, reason: decision.reason, snapshot };
      const hold: Hold = { requestId, accountId, amount: decision.fromIncluded, overage: decision.overage, day: utcDay(now), periodStart: snapshot.periodStart, at: now };
      await writeHolds(trx, [hold]);
      const after = applySplit(snapshot, decision, 1);
      return { ok: true, remaining: after.balance, overage: decision.overage, snapshot: after };
    });
  }

  /** Throws ChargeRefused when the hold is gone (the sweeper gave it back): the 2xx must not go out uncharged. */
  async commit(requestId: string): Promise<void> {
    const committed = await this.db.transaction().execute((trx) => writeCommits(trx, [requestId], this.clock.now()));
    if (committed === 0) throw new ChargeRefused(`request ${requestId}`, 'lost its hold to the sweeper');
  }

  async release(requestId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      // Locked, so a commit racing this release waits and then finds the hold gone, instead of both
      // landing and a delivered answer being refunded.
      let query = trx.selectFrom('credit_reservations').selectAll().where('request_id', '=', requestId).where('status', '=', 'held');
      if (this.lockRows) query = query.forUpdate();
      const row = await query.executeTakeFirst();
      if (!row) return;
      const now = this.clock.now();
      const account = await this.lockedSnapshot(trx, row.account_id, now);
      await writeReleases(
        trx,
        [{ requestId, accountId: row.account_id, amount: row.amount, overage: row.overage, day: row.day, periodStart: row.period_start, at: row.created_at, refund: row.period_start === account.periodStart }],
        now,
      );
    });
  }

  async releaseExpiredHolds(maxAgeMs = 60_000): Promise<number> {
    const stale = await this.db
      .selectFrom('credit_reservations')
      .select('request_id')
      .where('status', '=', 'held')
      .where('created_at', '<', this.clock.now() - maxAgeMs)
      .execute();
    let released = 0;
    // One hold that fails (a conflict with a commit on another instance) must not stop the sweep.
    for (const { request_id } of stale) {
      try {
        await this.release(request_id);
        released += 1;
      } catch (error) {
        this.onSweepError(error);
      }
    }
    return released;
  }

  async grant(accountId: string, amount: number, reference: string): Promise<CreditSnapshot> {
    return this.db.transaction().execute(async (trx) => {
      const now = this.clock.now();
      await this.lockedSnapshot(trx, accountId, now);
      await trx.updateTable('accounts').set((eb) => ({ credits_balance: eb('credits_balance', '+', amount) })).where('id', '=', accountId).execute();
      await trx.insertInto('credit_ledger').values({ account_id: accountId, reference, kind: 'grant', amount, overage: 0, created_at: now }).execute();
      return this.lockedSnapshot(trx, accountId, now);
    });
  }

  async changePlan(accountId: string, plan: Plan): Promise<CreditSnapshot> {
    return this.db.transaction().execute(async (trx) => {
      const now = this.clock.now();
      const before = await this.lockedSnapshot(trx, accountId, now);
      const balance = Math.max(0, before.balance + plan.included_credits - before.plan.included_credits);
      await trx.updateTable('accounts').set({ plan_id: plan.id, credits_balance: balance }).where('id', '=', accountId).execute();
      if (balance !== before.balance) {
        await trx
          .insertInto('credit_ledger')
          .values({ account_id: accountId, reference: `plan_${plan.id}_${now}`, kind: 'plan_change', amount: balance - before.balance, overage: 0, created_at: now })
          .execute();
      }
      return this.lockedSnapshot(trx, accountId, now);
    });
  }

  async snapshot(accountId: string): Promise<CreditSnapshot> {
    return this.db.transaction().execute((trx) => this.lockedSnapshot(trx, accountId, this.clock.now()));
  }

  forget(): void {}

  async ledgerSum(accountId: string): Promise<number> {
    const row = await this.db
      .selectFrom('credit_ledger')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('sum'))
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    return Number(row.sum);
  }

  async close(): Promise<void> {}

  /** Reads (and on PostgreSQL locks) the account row; starts a new period when the old one has ended. */
  private async lockedSnapshot(trx: Trx, accountId: string, now: number): Promise<CreditSnapshot> {
    return readSnapshot(trx, this.plans, accountId, now, this.lockRows);
  }
}

/**
 * An account's position inside a transaction. A period that has ended is closed here: its unused
 * credits expire and the plan's amount is granted anew, each as a ledger row (docs/api-contract.md § Credits).
 */
export async function readSnapshot(trx: Trx, plans: PlanCatalog, accountId: string, now: number, lockRow: boolean): Promise<CreditSnapshot> {
  let query = trx.selectFrom('accounts').selectAll().where('id', '=', accountId);
  if (lockRow) query = query.forUpdate();
  const account = await query.executeTakeFirst();
  if (!account) throw new Error(`account ${accountId} not found`);
  const plan = plans.require(account.plan_id);

  let { period_start: periodStart, period_end: periodEnd, credits_balance: balance, credits_used: creditsUsed, overage_credits: overageCredits } = account;
  if (now >= periodEnd) {
    ({ start: periodStart, end: periodEnd } = periodAt(account.created_at, now));
    await trx
      .insertInto('credit_ledger')
      .values({ account_id: accountId, reference: `period_${periodStart}`, kind: 'period_reset', amount: plan.included_credits - balance, overage: 0, created_at: now })
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
