import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../store/index.js';

/** How long an invite code works unless the operator says otherwise. */
export const DEFAULT_INVITE_TTL_MS = 14 * 86_400_000;

function hashCode(code: string): string {
  return createHash('sha256').update(code.trim().toLowerCase()).digest('hex');
}

/** `inv_` + 20 base32 characters: easy to paste, 100 bits of chance. */
function newCode(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  return `inv_${[...bytes].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

/** Makes `count` invite codes for SIGNUP_MODE=invite; the codes are returned once, only hashes stored. */
export async function createInvites(db: Kysely<Database>, clock: Clock, opts: { count: number; ttlMs?: number; note?: string | null }): Promise<{ codes: string[]; expiresAt: number }> {
  const now = clock.now();
  const expiresAt = now + (opts.ttlMs ?? DEFAULT_INVITE_TTL_MS);
  const codes = Array.from({ length: opts.count }, newCode);
  await db
    .insertInto('invites')
    .values(codes.map((code) => ({ code_hash: hashCode(code), created_at: now, expires_at: expiresAt, used_at: null, used_by: null, note: opts.note ?? null })))
    .execute();
  return { codes, expiresAt };
}

/** Spends an unused, unexpired code for `accountId` inside the sign-up's transaction; false if it cannot. */
export async function spendInvite(trx: Transaction<Database>, code: string, accountId: string, now: number): Promise<boolean> {
  const result = await trx
    .updateTable('invites')
    .set({ used_at: now, used_by: accountId })
    .where('code_hash', '=', hashCode(code))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
