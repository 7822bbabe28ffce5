import { sql, type Kysely } from 'kysely';
import type { Database, StoreDialect } from '../store/index.js';

/** Runs a piece of work on one instance at a time; the others skip it instead of waiting. */
export interface RunLock {
  /** `ran: false` when another holder has the lock. */
  tryRun<T>(work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
}

/**
 * On PostgreSQL, a session advisory lock held on one dedicated connection: instances sharing the
 * database exclude each other, and a crashed holder's lock ends with its connection. On SQLite the
 * database belongs to one process, so excluding concurrent runs within it is enough.
 */
export function createRunLock(db: Kysely<Database>, dialect: StoreDialect, name: string): RunLock {
  if (dialect === 'postgres') {
    return {
      tryRun: (work) =>
        db.connection().execute(async (conn) => {
          const { rows } = await sql<{ got: boolean }>`select pg_try_advisory_lock(hashtext(${name})) as got`.execute(conn);
          if (!rows[0]?.got) return { ran: false as const };
          try {
            return { ran: true as const, value: await work() };
          } finally {
            await sql`select pg_advisory_unlock(hashtext(${name}))`.execute(conn);
          }
        }),
    };
  }
  let held = false;
  return {
    async tryRun(work) {
      if (held) return { ran: false };
      held = true;
      try {
        return { ran: true, value: await work() };
      } finally {
        held = false;
      }
    },
  };
}
