import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../store/index.js';

/** docs/api-contract.md § Console API: 10 failures per email or 30 per IP within 15 minutes → 429. */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const SIGN_IN_MAX_FAILURES_PER_EMAIL = 10;
export const SIGN_IN_MAX_FAILURES_PER_IP = 30;

export type ThrottleDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counts failed sign-ins per email and per IP in the database, so every instance sees the same
 * counts. A refused attempt is not a failure (it would extend the lock for ever); success clears the
 * email's failures.
 */
export class SignInThrottle {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async check(email: string, ip: string): Promise<ThrottleDecision> {
    const now = this.clock.now();
    const waits = await Promise.all([
      this.waitFor(`email:${email}`, SIGN_IN_MAX_FAILURES_PER_EMAIL, now),
      this.waitFor(`ip:${ip}`, SIGN_IN_MAX_FAILURES_PER_IP, now),
    ]);
    const wait = Math.max(...waits);
    return wait > 0 ? { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) } : { ok: true };
  }

  async fail(email: string, ip: string): Promise<void> {
    const now = this.clock.now();
    await this.db.deleteFrom('sign_in_failures').where('created_at', '<=', now - SIGN_IN_WINDOW_MS).execute();
    await this.db
      .insertInto('sign_in_failures')
      .values([
        { subject: `email:${email}`, created_at: now },
        { subject: `ip:${ip}`, created_at: now },
      ])
      .execute();
  }

  async succeed(email: string): Promise<void> {
    await this.db.deleteFrom('sign_in_failures').where('subject', '=', `email:${email}`).execute();
  }

  /** Milliseconds until the subject is under its limit again; 0 when it is now. */
  private async waitFor(subject: string, limit: number, now: number): Promise<number> {
    const rows = await this.db
      .selectFrom('sign_in_failures')
      .select('created_at')
      .where('subject', '=', subject)
      .where('created_at', '>', now - SIGN_IN_WINDOW_MS)
      .orderBy('created_at', 'asc')
      .execute();
    // Below the limit once the (n - limit + 1)th oldest failure has left the window.
    const pivot = rows[rows.length - limit];
    return pivot ? pivot.created_at + SIGN_IN_WINDOW_MS - now : 0;
  }
}
