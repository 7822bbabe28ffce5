import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type MigrationProvider,
  type SqliteDatabase,
  type SqliteDialectConfig,
  type SqliteStatement,
} from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { migrations } from './migrations.js';
import { configureSqlite, leaveCheckpointsToTheThread } from './sqlite-settings.js';
import { WriteThread } from './write-thread.js';

export type StoreDialect = 'sqlite' | 'postgres';

/** An open database with its migrations applied. */
export interface Store {
  db: Kysely<Database>;
  dialect: StoreDialect;
  /**
   * The better-sqlite3 handle under `db` (SQLite only), for batch writers that run prepared
   * statements directly. Use it only inside `db.connection().execute(…)`, which holds Kysely's one
   * connection, so no Kysely transaction is open around it.
   */
  sqlite?: SQLite.Database;
  /**
   * SQLite files only: the thread with its own connection that runs the hot path's batched writes
   * (charges, usage records), so a flush never stalls this thread's requests.
   */
  writeThread?: WriteThread;
  /** The PostgreSQL pool under `db` (PostgreSQL only). */
  pool?: pg.Pool;
  close(): Promise<void>;
}

// BIGINT columns hold millisecond timestamps and credit counts, all far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; on the request path that costs as much as running it. The hot
 * statements repeat their SQL text, so prepared statements are kept by text (better-sqlite3
 * statements are reusable, and Kysely never runs two at once on this one connection).
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/**
 * Transactions take the write lock when they begin (BEGIN IMMEDIATE). The write thread commits between
 * this connection's reads, and a deferred transaction that read before such a commit could not write
 * after it (SQLITE_BUSY at once, no waiting); an immediate one waits its turn under busy_timeout.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

/** `postgres://…` selects PostgreSQL; anything else is an SQLite file path (or `:memory:`). */
export function dialectOf(databaseUrl: string): StoreDialect {
  return /^postgres(ql)?:\/\//.test(databaseUrl) ? 'postgres' : 'sqlite';
}

function sqliteFile(databaseUrl: string): string {
  return databaseUrl.replace(/^(sqlite|file):(\/\/)?/, '');
}

/** Opens the database named by `databaseUrl` and brings its schema up to date. */
export async function openStore(databaseUrl: string, opts: { poolSize?: number; migrate?: boolean } = {}): Promise<Store> {
  const dialect = dialectOf(databaseUrl);
  let db: Kysely<Database>;
  let sqlite: SQLite.Database | undefined;
  let pool: pg.Pool | undefined;
  let writeThread: WriteThread | undefined;
  if (dialect === 'postgres') {
    pool = new pg.Pool({ connectionString: databaseUrl, max: opts.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover) is replaced on next use; without a
    // listener the pool's 'error' event would crash the process.
    pool.on('error', () => {});
    // The pool listens only to idle clients; a client checked out and idle between queries (a held
    // advisory lock, a batch writer's connection) would crash the process when the server goes away.
    // Its query fails with the error anyway, and the pool replaces the broken client.
    pool.on('connect', (client) => client.on('error', () => {}));
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  } else {
    const file = sqliteFile(databaseUrl);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    sqlite = new SQLite(file);
    configureSqlite(sqlite);
    db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
    // A second connection needs a file; `:memory:` (tests, tools) writes its batches on this thread.
    const connection = sqlite;
    if (file !== ':memory:') writeThread = new WriteThread(file, () => leaveCheckpointsToTheThread(connection));
  }
  // `trendlens doctor` opens without migrating, to report what is pending rather than apply it.
  if (opts.migrate !== false) await migrate(db, dialect);
  return {
    db,
    dialect,
    sqlite,
    pool,
    writeThread,
    async close() {
      await writeThread?.close();
      await db.destroy();
    },
  };
}

async function migrate(db: Kysely<Database>, dialect: StoreDialect): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  // No migration ran: the database itself was out of reach, and its own error says best why.
  if (error && !failed) throw error;
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}
