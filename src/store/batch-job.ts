import type SQLite from 'better-sqlite3';
import type { Store } from './connect.js';

/** A write-thread job module: its URL (`new URL(import.meta.url)`) and the `prepare` it exports. */
export interface BatchJob<A extends unknown[], R> {
  url: URL;
  prepare(sqlite: SQLite.Database): (...args: A) => R;
}

/**
 * Runs a batch job of the hot path against an SQLite store: on its write thread when it has one (a
 * file), else on this thread (`:memory:`) inside Kysely's one connection, so no Kysely transaction is
 * open around it. The same prepared transaction either way.
 */
export function sqliteBatch<A extends unknown[], R>(store: Store, job: BatchJob<A, R>): (...args: A) => Promise<R> {
  const thread = store.writeThread;
  if (thread) return (...args) => thread.run<R>(job.url, ...args);
  if (!store.sqlite) throw new Error('an SQLite batch job needs an SQLite store');
  const run = job.prepare(store.sqlite);
  return (...args) => store.db.connection().execute(async () => run(...args));
}
