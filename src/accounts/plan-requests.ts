import type { Kysely } from 'kysely';
import { ulid } from '../ids.js';
import type { Clock } from '../clock.js';
import type { Database, PlanRequestsTable } from '../store/index.js';

export type PlanRequest = PlanRequestsTable;

/** Users' requests to change plan, decided by the operator (or a payment provider's webhook). */
export class PlanRequests {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /** Opens a request; an earlier pending one of the account is cancelled, so at most one is pending. */
  async open(accountId: string, planId: string): Promise<PlanRequest> {
    const now = this.clock.now();
    const request: PlanRequest = { id: `preq_${ulid()}`, account_id: accountId, plan_id: planId, status: 'pending', created_at: now, decided_at: null };
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('plan_requests').set({ status: 'cancelled', decided_at: now }).where('account_id', '=', accountId).where('status', '=', 'pending').execute();
      await trx.insertInto('plan_requests').values(request).execute();
    });
    return request;
  }

  async pendingOf(accountId: string): Promise<PlanRequest | undefined> {
    return this.db.selectFrom('plan_requests').selectAll().where('account_id', '=', accountId).where('status', '=', 'pending').executeTakeFirst();
  }

  async cancel(accountId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('plan_requests')
      .set({ status: 'cancelled', decided_at: this.clock.now() })
      .where('account_id', '=', accountId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Pending requests, oldest first, with the account's e-mail and current plan. */
  async listPending(): Promise<Array<PlanRequest & { email: string; current_plan: string }>> {
    return this.db
      .selectFrom('plan_requests')
      .innerJoin('accounts', 'accounts.id', 'plan_requests.account_id')
      .selectAll('plan_requests')
      .select(['accounts.email as email', 'accounts.plan_id as current_plan'])
      .where('plan_requests.status', '=', 'pending')
      .orderBy('plan_requests.created_at', 'asc')
      .execute();
  }

  /** Settles a pending request; the pending row it was, or undefined when there is none by that id. */
  async decide(id: string, status: 'approved' | 'rejected'): Promise<PlanRequest | undefined> {
    const result = await this.db
      .updateTable('plan_requests')
      .set({ status, decided_at: this.clock.now() })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return undefined;
    return this.db.selectFrom('plan_requests').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
