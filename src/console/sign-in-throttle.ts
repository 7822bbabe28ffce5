import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../store/index.js';

/** docs/api-contract.md § Console API: 10 failures per email or 30 per IP within 15 minutes → 429. */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const SIGN_IN_MAX_FAILURES_PER_EMAIL = 10;
export const SIGN_IN_MAX_FAILURES_PER_IP = 30;

/** An admitted attempt's rows in `sign_in_failures`: they stay as its failure unless it is forgiven. */
export interface CountedAttempt {
  readonly email: string;
  readonly rowIds: readonly number[];
}

export type ThrottleDecision = { ok: true; attempt: CountedAttempt } | { ok: false; retryAfterSeconds: number };

/**
 * Counts failed sign-ins per email and per IP in the database, so every instance sees the same
 * counts. An attempt is counted as a failure before its password is checked, and forgiven when it
 * succeeds: counted after, parallel attempts would all pass the check before any of them failed. A
 * refused attempt is not a failure (it would extend the lock for ever); success clears the email's failures.
 */
export class SignInThrottle {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /**
   * Counts the attempt, then admits it only if the failures before it, counted or still in flight,
   * leave room: of any number of parallel attempts, at most the limit are admitted.
   */
  async begin(email: string, ip: string): Promise<ThrottleDecision> {
    const now = this.clock.now();
    await this.db.deleteFrom('sign_in_failures').where('created_at', '<=', now - SIGN_IN_WINDOW_MS).execute();
    const rows = await this.db
      .insertInto('sign_in_failures')
      .values([
        { subject: `email:${email}`, created_at: now },
        { subject: `ip:${ip}`, created_at: now },
      ])
      .returning('id')
      .execute();
    const attempt: CountedAttempt = { email, rowIds: rows.map((r) => r.id) };
    const waits = await Promise.all([
      this.waitFor(`email:${email}`, SIGN_IN_MAX_FAILURES_PER_EMAIL, now, attempt),
      this.waitFor(`ip:${ip}`, SIGN_IN_MAX_FAILURES_PER_IP, now, attempt),
    ]);
    const wait = Math.max(...waits);
    if (wait <= 0) return { ok: true, attempt };
    await this.forgive(attempt);
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
  }

  /** Uncounts an attempt whose password was never checked (refused, or the hashing pool was busy). */
  async forgive(attempt: CountedAttempt): Promise<void> {
    await this.db.deleteFrom('sign_in_failures').where('id', 'in', [...attempt.rowIds]).execute();
  }

  /** The password was right: the attempt is no failure, and the email's earlier failures are cleared. */
  async succeed(attempt: CountedAttempt): Promise<void> {
    await this.forgive(attempt);
    await this.db.deleteFrom('sign_in_failures').where('subject', '=', `email:${attempt.email}`).execute();
  }

  /** Milliseconds until the subject is under its limit again, not counting `attempt` itself; 0 when it is now. */
  private async waitFor(subject: string, limit: number, now: number, attempt: CountedAttempt): Promise<number> {
    const rows = await this.db
      .selectFrom('sign_in_failures')
      .select('created_at')
      .where('subject', '=', subject)
      .where('created_at', '>', now - SIGN_IN_WINDOW_MS)
      .where('id', 'not in', [...attempt.rowIds])
      .orderBy('created_at', 'asc')
      .execute();
    // Below the limit once the (n - limit + 1)th oldest failure has left the window.
    const pivot = rows[rows.length - limit];
    return pivot ? pivot.created_at + SIGN_IN_WINDOW_MS - now : 0;
  }
}
