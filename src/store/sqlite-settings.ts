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
  // The WAL file keeps its largest size when it starts over; a burst of writes leaves at most this behind.
  sqlite.pragma('journal_size_limit = 67108864');
}

/**
 * Once the checkpoint thread runs (checkpoint-thread-worker.ts), a commit no longer copies the WAL into
 * the database file itself: SQLite's automatic checkpoint runs inside the commit that crosses 1,000
 * WAL pages, with two fsyncs, and stalled whatever waited on that commit for ≈ 10 ms, ten times a
 * second under load.
 */
export function leaveCheckpointsToTheThread(sqlite: SQLite.Database): void {
  sqlite.pragma('wal_autocheckpoint = 0');
}
