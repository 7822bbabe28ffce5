import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, SessionsTable } from '../store/index.js';

/** The Console session cookie (docs/api-contract.md § Console API). */
export const SESSION_COOKIE = 'tl_session';
/** A session unused for 7 days ends (docs/api-contract.md § Console API). */
export const SESSION_IDLE_MS = 7 * 86_400_000;
/** A session ends 30 days after sign-in however busy it is (docs/api-contract.md § Console API). */
export const SESSION_ABSOLUTE_MS = 30 * 86_400_000;
// Refreshing `last_seen_at` on every request would write on every Console read; a minute is plenty.
const TOUCH_INTERVAL_MS = 60_000;

export type Session = SessionsTable;

function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** Server-side Console sessions: a 256-bit random id in the cookie, its SHA-256 in the database. */
export class Sessions {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /** Starts a session; `token` goes into the cookie and exists nowhere else. */
  async create(accountId: string, meta: { ip?: string | null; userAgent?: string | null } = {}): Promise<{ token: string; session: Session }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const session: Session = {
      id_hash: hashSessionId(token),
      account_id: accountId,
      csrf_token: randomBytes(32).toString('base64url'),
      created_at: now,
      last_seen_at: now,
      expires_at: now + SESSION_ABSOLUTE_MS,
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 512) ?? null,
    };
    await this.db.insertInto('sessions').values(session).execute();
    return { token, session };
  }

  /** The live session behind a cookie value, refreshing its idle timer; expired sessions are deleted. */
  async resolve(token: string | undefined): Promise<Session | null> {
    if (!token) return null;
    const idHash = hashSessionId(token);
    const session = await this.db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
    if (!session) return null;
    const now = this.clock.now();
    if (now >= session.expires_at || now - session.last_seen_at >= SESSION_IDLE_MS) {
      await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
      return null;
    }
    if (now - session.last_seen_at >= TOUCH_INTERVAL_MS) {
      await this.db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
      session.last_seen_at = now;
    }
    return session;
  }

  /** Ends the session behind a cookie value (sign-out). */
  async destroy(token: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', hashSessionId(token)).execute();
  }

  /** Ends every session of an account, e.g. after a password change or suspension. */
  async destroyAll(accountId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('account_id', '=', accountId).execute();
  }

  /** Ends every session of an account but the one behind `keepToken` (a password change). */
  async destroyOthers(accountId: string, keepToken: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('account_id', '=', accountId).where('id_hash', '!=', hashSessionId(keepToken)).execute();
  }

  /** Deletes sessions past either expiry; returns how many. */
  async prune(): Promise<number> {
    const now = this.clock.now();
    const result = await this.db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', now - SESSION_IDLE_MS)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
