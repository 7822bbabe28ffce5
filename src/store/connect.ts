import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  DEFAULT_MIGRATION_TABLE,
  Kysely,
  sql,
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
import { UnusableSettingError } from '../unusable-setting.js';

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

/** The SQLite file a `DATABASE_URL` that is not PostgreSQL names (`sqlite:` and `file:` prefixes dropped). */
export function sqliteFile(databaseUrl: string): string {
  return databaseUrl.replace(/^(sqlite|file):(\/\/)?/, '');
}

/** Which database `databaseUrl` names, for the start log: the SQLite file, or PostgreSQL's host and database without credentials. */
export function describeDatabase(databaseUrl: string): string {
  if (dialectOf(databaseUrl) === 'postgres') {
    const url = new URL(databaseUrl);
    return `PostgreSQL ${url.host || 'over its local socket'}${url.pathname}`;
  }
  const file = sqliteFile(databaseUrl);
  return file === ':memory:' ? 'SQLite in memory' : `SQLite file ${resolve(file)}`;
}

/** Seconds a new connection to PostgreSQL or Redis may take to be answered, unless its URL's `connect_timeout` says otherwise. */
export const DEFAULT_CONNECT_TIMEOUT_S = 10;

const MAX_CONNECT_TIMEOUT_S = 3600;

/**
 * How long to wait for the server a PostgreSQL or Redis URL names to answer a new connection: the URL's
 * `connect_timeout`, in whole seconds as libpq reads it (0 waits for ever), else 10 s. Unbounded, a
 * server that accepts connections and never answers (a hung host, a port another program holds, a
 * firewall that drops packets) holds a start for ever, and a process that never listens and never
 * exits is not restarted by its supervisor. Throws on any other value, which config.ts refuses first.
 */
export function connectTimeoutMs(url: string): number {
  const value = new URL(url).searchParams.get('connect_timeout');
  if (value === null) return DEFAULT_CONNECT_TIMEOUT_S * 1000;
  if (!/^[0-9]{1,4}$/.test(value) || Number(value) > MAX_CONNECT_TIMEOUT_S) {
    throw new Error(`connect_timeout must be a whole number of seconds from 0 to ${MAX_CONNECT_TIMEOUT_S} (0 waits for ever), got "${value}"`);
  }
  return Number(value) * 1000;
}

/**
 * pg's Client with a bound on connecting. Not the pool's own `connectionTimeoutMillis`: pg-pool applies
 * that to waiting for a free client as well, and a request queued behind a busy pool at peak is not a
 * server out of reach.
 */
function clientWithConnectTimeout(connectionTimeoutMillis: number) {
  return class extends pg.Client {
    constructor(config?: pg.ClientConfig) {
      super({ ...config, connectionTimeoutMillis });
    }
  };
}

/**
 * What an operator can fix when PostgreSQL refuses the first connection, in words naming DATABASE_URL:
 * whatever fails there (a server out of reach or silent, TLS it does not offer, a parameter pg refuses)
 * is the URL's or the server's to fix, not a bug to show a stack for.
 */
function postgresFailure(error: unknown, databaseUrl: string, timeoutMs: number): UnusableSettingError {
  const url = new URL(databaseUrl);
  const server = url.host || 'the local socket';
  const database = decodeURIComponent(url.pathname.slice(1)) || decodeURIComponent(url.username);
  const fail = (code: string, message: string) => new UnusableSettingError('DATABASE_URL', code, message, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException).code;
  // pg's Client ends a connection its timeout expired on with this message, and no code.
  if (message === 'timeout expired') {
    return fail(
      'database_unreachable',
      `the PostgreSQL server named by DATABASE_URL (${server}) did not answer within ${timeoutMs / 1000} s; is it running, and is that its address? (connect_timeout in DATABASE_URL sets the wait, in seconds)`,
    );
  }
  switch (code) {
    case 'ECONNREFUSED':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return fail('database_unreachable', `cannot reach the PostgreSQL server named by DATABASE_URL (${server}: ${code}); is it running and accepting connections?`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return fail('database_unreachable', `cannot reach the PostgreSQL server named by DATABASE_URL: no host "${url.hostname}" is known; correct the host name`);
    // SQLSTATE invalid_catalog_name
    case '3D000':
      return fail('database_missing', `database "${database}" named by DATABASE_URL does not exist on ${server}; create it (createdb ${database}) or correct the name`);
    // SQLSTATE invalid_password, invalid_authorization_specification
    case '28P01':
    case '28000':
      return fail('database_refused', `PostgreSQL at ${server} refused the user named by DATABASE_URL (${message}); correct the user name or password`);
  }
  return fail('database_unusable', `cannot connect to the PostgreSQL server named by DATABASE_URL (${server}): ${message.replace(/\s+/g, ' ')}`);
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/**
 * What an operator can fix when the SQLite file named by DATABASE_URL cannot be created, opened or
 * written, in words naming DATABASE_URL; null for anything else, which keeps its own message. The serve
 * lock, a file beside the database, meets the same paths first (src/server.ts).
 */
export function sqliteFailure(error: unknown, databaseUrl: string): UnusableSettingError | null {
  const { code, syscall, path, message } = (error ?? {}) as NodeJS.ErrnoException;
  if (typeof code !== 'string') return null;
  const file = resolve(sqliteFile(databaseUrl));
  const fail = (kind: string, text: string) => new UnusableSettingError('DATABASE_URL', kind, text, { cause: error });
  if (syscall === 'mkdir') {
    const why =
      code === 'EEXIST'
        ? `${path} is a file, not a directory`
        : code === 'ENOTDIR'
          ? `a part of ${path} is a file, not a directory`
          : code === 'EACCES' || code === 'EPERM'
            ? `this user may not create ${path}`
            : `${code} on ${path}`;
    return fail('database_unusable', `cannot create the directory of ${file}, the SQLite file named by DATABASE_URL: ${why}; correct the path or create the directory`);
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    if (isDirectory(file)) return fail('database_unusable', `${file}, named by DATABASE_URL, is a directory; name a file in it instead, e.g. ${join(file, 'trendlens.db')}`);
    return fail('database_unusable', `cannot open or create ${file}, the SQLite file named by DATABASE_URL; this user must be able to read and write it and to create files in ${dirname(file)}`);
  }
  if (syscall === 'access') {
    return fail('database_unusable', `this user may not write ${file}, the SQLite file named by DATABASE_URL; give it write access, or name another file`);
  }
  if (code.startsWith('SQLITE_READONLY')) {
    // WAL mode writes two files beside the database, so its directory must be writable too.
    return fail('database_unusable', `cannot write ${file}, the SQLite file named by DATABASE_URL (${message}); this user must be able to write it and to create files in ${dirname(file)}`);
  }
  if (code === 'SQLITE_NOTADB') return fail('database_not_sqlite', `${file}, named by DATABASE_URL, is not an SQLite database; correct the path (a file that does not exist is created)`);
  if (code.startsWith('SQLITE_CORRUPT')) return fail('database_damaged', `${file}, named by DATABASE_URL, is damaged (${message}); restore a backup`);
  return null;
}

/** Opens the database named by `databaseUrl` and brings its schema up to date. */
export async function openStore(databaseUrl: string, opts: { poolSize?: number; migrate?: boolean } = {}): Promise<Store> {
  const dialect = dialectOf(databaseUrl);
  let db: Kysely<Database>;
  let sqlite: SQLite.Database | undefined;
  let pool: pg.Pool | undefined;
  let writeThread: WriteThread | undefined;
  if (dialect === 'postgres') {
    const connectTimeout = connectTimeoutMs(databaseUrl);
    pool = new pg.Pool({ connectionString: databaseUrl, max: opts.poolSize ?? 10, Client: clientWithConnectTimeout(connectTimeout) });
    // An idle connection dropped by the server (restart, failover) is replaced on next use; without a
    // listener the pool's 'error' event would crash the process.
    pool.on('error', () => {});
    // The pool listens only to idle clients; a client checked out and idle between queries (a held
    // advisory lock, a batch writer's connection) would crash the process when the server goes away.
    // Its query fails with the error anyway, and the pool replaces the broken client.
    pool.on('connect', (client) => client.on('error', () => {}));
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      await pool.query('select 1');
    } catch (error) {
      await db.destroy();
      throw postgresFailure(error, databaseUrl, connectTimeout);
    }
  } else {
    const file = sqliteFile(databaseUrl);
    try {
      if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
      sqlite = new SQLite(file);
      // SQLite opens a file it may not write read-only, without a word, and a server would then fail
      // every charge; an up-to-date database gives the migrations nothing to write that would say so.
      if (file !== ':memory:') accessSync(file, constants.W_OK);
      configureSqlite(sqlite);
    } catch (error) {
      sqlite?.close();
      throw sqliteFailure(error, databaseUrl) ?? error;
    }
    db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
    // A second connection needs a file; `:memory:` (tests, tools) writes its batches on this thread.
    const connection = sqlite;
    if (file !== ':memory:') writeThread = new WriteThread(file, () => leaveCheckpointsToTheThread(connection));
  }
  // `trendlens doctor` opens without migrating, to report what is pending rather than apply it.
  if (opts.migrate !== false) {
    try {
      await migrate(db, dialect);
    } catch (error) {
      await writeThread?.close();
      await db.destroy();
      throw error;
    }
  }
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

/**
 * Migrations the database has applied that this build does not know: a newer Trendlens migrated it
 * (a rollback). This build cannot tell what they changed, so it must not serve the database.
 */
export async function unknownMigrations(db: Kysely<Database>, dialect: StoreDialect): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === DEFAULT_MIGRATION_TABLE)) return [];
  const known = migrations(dialect);
  const applied = await sql<{ name: string }>`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)} order by name`.execute(db);
  return applied.rows.map((r) => r.name).filter((name) => !Object.hasOwn(known, name));
}

/** What to say about a database that `unknownMigrations` found newer than this build. */
export function newerDatabaseMessage(unknown: readonly string[]): string {
  return (
    `the database named by DATABASE_URL was migrated by a newer Trendlens (migration${unknown.length === 1 ? '' : 's'} this release does not know: ${unknown.join(', ')}); ` +
    'run that release or a later one, or restore a backup taken before the upgrade'
  );
}

async function migrate(db: Kysely<Database>, dialect: StoreDialect): Promise<void> {
  // Kysely would refuse too, with "corrupted migrations", which reads like damage rather than a rollback.
  const unknown = await unknownMigrations(db, dialect);
  if (unknown.length > 0) throw new UnusableSettingError('DATABASE_URL', 'database_newer', newerDatabaseMessage(unknown));
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  // No migration ran: the database itself was out of reach, and its own error says best why.
  if (error && !failed) throw error;
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}
