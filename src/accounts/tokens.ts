import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { AccountTokensTable, Database } from '../store/index.js';

export type TokenPurpose = AccountTokensTable['purpose'];

/** A reset link works for an hour; a verification link for three days. */
export const TOKEN_TTL_MS: Record<TokenPurpose, number> = { reset: 3_600_000, verify: 3 * 86_400_000 };

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** One-time links for password reset and e-mail verification: 256-bit tokens stored as SHA-256. */
export class AccountTokens {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /** A new token; earlier unused tokens of the same purpose stop working, so only the latest link does. */
  async issue(accountId: string, purpose: TokenPurpose): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('account_tokens').where('account_id', '=', accountId).where('purpose', '=', purpose).execute();
      await trx
        .insertInto('account_tokens')
        .values({ token_hash: hashToken(token), account_id: accountId, purpose, created_at: now, expires_at: now + TOKEN_TTL_MS[purpose], used_at: null })
        .execute();
    });
    return token;
  }

  /** Ends every token of `purpose` the account holds: a reset link once the password changed or the account signed in. */
  async revoke(accountId: string, purpose: TokenPurpose): Promise<void> {
    await this.db.deleteFrom('account_tokens').where('account_id', '=', accountId).where('purpose', '=', purpose).execute();
  }

  /** The account a live token belongs to, without spending it (to check a new password first). */
  async peek(token: string, purpose: TokenPurpose): Promise<string | null> {
    const row = await this.db
      .selectFrom('account_tokens')
      .select('account_id')
      .where('token_hash', '=', hashToken(token))
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', this.clock.now())
      .executeTakeFirst();
    return row?.account_id ?? null;
  }

  /** The account a live token belongs to, spending it; null for an unknown, used or expired token. */
  async consume(token: string, purpose: TokenPurpose): Promise<string | null> {
    const now = this.clock.now();
    const hash = hashToken(token);
    const result = await this.db
      .updateTable('account_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', hash)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return null;
    const row = await this.db.selectFrom('account_tokens').select('account_id').where('token_hash', '=', hash).executeTakeFirst();
    return row?.account_id ?? null;
  }
}
