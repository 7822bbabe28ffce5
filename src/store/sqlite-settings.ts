import type SQLite from 'better-sqlite3';

/** The settings every connection to a Trendlens SQLite file runs with, on any thread. */
export function configureSqlite(sqlite: SQLite.Database): void {
  // WAL lets readers proceed during writes; NORMAL sync is durable across process crashes in WAL mode.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Two connections write (the request thread's and the write thread's): each waits for the other's
  // short transactions instead of failing.
  sqlite.pragma('busy_timeout = 5000');
}
