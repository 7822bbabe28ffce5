import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { UnusableSettingError } from '../unusable-setting.js';
import { dialectOf, sqliteFile } from './connect.js';

/** Held while a server serves an SQLite file; `release` lets the next one start. */
export interface ServeLock {
  release(): void;
}

/**
 * One serving process per SQLite file: SQLite is one process's database, so admission and rate limits
 * are kept in that process's memory (README.md § Metering), and a second server on the file would
 * double every limit. The lock is an open exclusive transaction on a sidecar SQLite file beside the
 * database: SQLite locks files through the OS (fcntl), which drops the lock when the process ends
 * however it ends, so a kill -9 leaves no stale lock behind. It is not taken on the database itself
 * (`locking_mode=EXCLUSIVE`), whose other connections must keep working: the write thread's, and CLI
 * commands run beside the server. PostgreSQL (shared by design) and `:memory:` take none.
 */
export function holdServeLock(databaseUrl: string): ServeLock | null {
  if (dialectOf(databaseUrl) === 'postgres') return null;
  const file = sqliteFile(databaseUrl);
  if (file === ':memory:') return null;
  mkdirSync(dirname(file), { recursive: true });
  // No waiting: the lock is held for the other server's whole life.
  const lock = new SQLite(`${file}.serve-lock`, { timeout: 0 });
  try {
    // Nothing is written: the journal stays in memory rather than become a second file beside the lock.
    lock.pragma('journal_mode = MEMORY');
    lock.exec('begin exclusive');
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    throw new UnusableSettingError(
      'DATABASE_URL',
      'database_in_use',
      `another Trendlens process serves ${resolve(file)} (DATABASE_URL); stop it first, or give this server its own database (several instances share PostgreSQL and Redis)`,
      { cause: error },
    );
  }
  return { release: () => lock.close() };
}
