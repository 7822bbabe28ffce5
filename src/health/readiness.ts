import { sql } from 'kysely';
import type { Redis } from 'ioredis';
import { newerDatabaseMessage, type Store } from '../store/index.js';
import { migrations } from '../store/migrations.js';
import type { UpstreamGateway } from '../upstream/index.js';

/** One dependency's state as `/readyz` reports it. */
export interface CheckResult {
  ok: boolean;
  /** Why not, in words (absent when ok). */
  error?: string;
  latency_ms: number;
}

/** The upstream circuits in brief: informative only, since cached answers still serve when they are open. */
export interface UpstreamSummary {
  ok: true;
  operations: number;
  open_circuits: number;
  /** Operations with no source left to try. */
  without_source: number;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, CheckResult | { ok: true; skipped: string } | UpstreamSummary>;
}

// A dependency that does not answer in a second is as good as down for a load balancer.
const CHECK_TIMEOUT_MS = 1_000;

async function timed(work: () => Promise<void>): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      work(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { ok: true, latency_ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error), latency_ms: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}

/** Every migration this build knows has been applied to the database, and none it does not know. */
async function migrationsApplied(store: Store): Promise<void> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db);
  const known = migrations(store.dialect);
  const unknown = rows.rows.map((r) => r.name).filter((name) => !Object.hasOwn(known, name));
  if (unknown.length > 0) throw new Error(newerDatabaseMessage(unknown));
  const applied = new Set(rows.rows.map((r) => r.name));
  const missing = Object.keys(known).filter((name) => !applied.has(name));
  if (missing.length > 0) throw new Error(`not applied: ${missing.join(', ')}`);
}

/**
 * What `/readyz` and `trendlens doctor` check: the database answers, its migrations are all applied,
 * and Redis answers when it is configured; with the gateway, a summary of its circuits rides along.
 */
export async function checkReadiness(deps: { store: Store; redis: Redis | null; upstream?: Pick<UpstreamGateway, 'status'> }): Promise<ReadinessReport> {
  const [database, schema, redis] = await Promise.all([
    timed(async () => {
      await sql`select 1`.execute(deps.store.db);
    }),
    timed(() => migrationsApplied(deps.store)),
    deps.redis
      ? timed(async () => {
          const redisClient = deps.redis;
          if (redisClient?.status !== 'ready') throw new Error(`not connected (${redisClient?.status ?? 'absent'})`);
          await redisClient.ping();
        })
      : Promise.resolve({ ok: true as const, skipped: 'REDIS_URL is not set' }),
  ]);
  const checks: ReadinessReport['checks'] = { database, migrations: schema, redis };
  if (deps.upstream) {
    const operations = deps.upstream.status();
    checks.upstream = {
      ok: true,
      operations: operations.length,
      open_circuits: operations.reduce((n, op) => n + op.sources.filter((s) => s.circuit !== 'closed').length, 0),
      without_source: operations.filter((op) => op.serving === null).length,
    };
  }
  return { ready: database.ok && schema.ok && redis.ok, checks };
}
