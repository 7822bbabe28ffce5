import type { Transaction } from 'kysely';
import type { Database } from '../store/index.js';
import { revokeAllKeysOf } from './api-keys.js';

/**
 * What a password reset took away from an account whose address had not been verified
 * (README § Operating in public, "A squatted sign-up"). Counts are what still worked: a grace key past
 * its time is not counted.
 */
export interface Reclaimed {
  apiKeys: number;
  webhookEndpoints: number;
  watches: number;
  /** The plan a pending plan request asked for, cancelled with it; null when none was pending. */
  cancelledPlanRequest: string | null;
  /** The revoked keys' hashes, for `ApiKeys.forgetHashes` once the transaction has committed. */
  keyHashes: string[];
}

/** Whether the reclaim took anything away (a reset only says so when it did). */
export function reclaimedAnything(r: Reclaimed): boolean {
  return r.apiKeys > 0 || r.webhookEndpoints > 0 || r.watches > 0 || r.cancelledPlanRequest !== null;
}

/**
 * Anyone can sign up with an address they do not own; until the address is verified, whatever was set up
 * under it may be a squatter's. A reset link is mailed to the address, so completing one proves it for the
 * first time: inside the reset's transaction, everything that could keep acting for the squatter once the
 * password and sessions are theirs no more goes too.
 *
 * - API keys: revoked (not deleted: they stay listed, `revoked`, for the owner and the operator's
 *   `keys list` / `accounts show`, which is where a revocation is recorded; there is no separate audit log).
 * - Webhook endpoints: deleted as `Webhooks.remove` deletes one, their pending deliveries marked failed
 *   ("endpoint deleted"), so nothing more is sent to the squatter's URL; the watches go with them
 *   (every watch needs an endpoint of its account) and their matches with the watches.
 * - A pending plan request: cancelled, so the operator (or their payment glue, told by PLAN_WEBHOOK_URL)
 *   does not act on a change the owner never asked for.
 *
 * Nothing is done about plan or credits beyond that: Trendlens takes no payment (docs/api-contract.md §
 * Plans), a plan changes only when the operator approves a request, and credits the squatter's keys spent
 * are spent (their usage records keep the key id, so an operator can see them and grant credits back).
 * Billing settings (overage, hard limit) are kept: on the default plan there is no overage to switch on, and
 * another plan came from the operator. The caller marks the address verified in the same transaction.
 */
export async function reclaimUnprovenAccount(trx: Transaction<Database>, accountId: string, now: number): Promise<Reclaimed> {
  const keys = await revokeAllKeysOf(trx, accountId, now);

  const endpoints = await trx.selectFrom('webhook_endpoints').select('id').where('account_id', '=', accountId).execute();
  const endpointIds = endpoints.map((e) => e.id);
  if (endpointIds.length > 0) {
    await trx
      .updateTable('webhook_deliveries')
      .set({ status: 'failed', last_error: 'endpoint deleted', next_attempt_at: null })
      .where('endpoint_id', 'in', endpointIds)
      .where('status', '=', 'pending')
      .execute();
  }
  const watches = trx.selectFrom('watches').select('id').where('account_id', '=', accountId);
  await trx.deleteFrom('watch_matches').where('watch_id', 'in', watches).execute();
  const deletedWatches = await trx.deleteFrom('watches').where('account_id', '=', accountId).executeTakeFirst();
  await trx.deleteFrom('webhook_endpoints').where('account_id', '=', accountId).execute();

  const pending = await trx.selectFrom('plan_requests').select('plan_id').where('account_id', '=', accountId).where('status', '=', 'pending').executeTakeFirst();
  if (pending) {
    await trx.updateTable('plan_requests').set({ status: 'cancelled', decided_at: now }).where('account_id', '=', accountId).where('status', '=', 'pending').execute();
  }

  return {
    apiKeys: keys.live,
    webhookEndpoints: endpointIds.length,
    watches: Number(deletedWatches.numDeletedRows),
    cancelledPlanRequest: pending?.plan_id ?? null,
    keyHashes: keys.keyHashes,
  };
}
