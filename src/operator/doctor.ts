import type { Redis } from 'ioredis';
import { endpoints } from '../catalog/index.js';
import { systemClock } from '../clock.js';
import { connectRedis, planCatalog, requirePlansInUse, upstreamSources, type BackgroundLog } from '../compose.js';
import type { PlanCatalog } from '../billing/index.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { checkReadiness, type ReadinessReport } from '../health/index.js';
import { openStore, type Store } from '../store/index.js';
import { checkUpstream, SourceRouter } from '../upstream/index.js';

/** The report says what is wrong; a Redis outage while it runs needs no log line of its own. */
const QUIET_LOG: BackgroundLog = { error: () => {}, warn: () => {}, info: () => {} };

export interface DoctorReport {
  ok: boolean;
  checks: Record<string, { ok: boolean; detail: string }>;
  /** The report as text, one check a line. */
  lines: string[];
}

function detailOf(result: ReadinessReport['checks'][string]): string {
  if ('skipped' in result) return `skipped: ${result.skipped}`;
  if ('open_circuits' in result) return `${result.open_circuits} open circuits`;
  return result.ok ? `ok (${result.latency_ms} ms)` : result.error ?? 'failed';
}

/** `trendlens upstream check` in one line: each operation once through its sources, no key, no charge. */
async function upstreamWorks(config: Config): Promise<{ ok: boolean; detail: string }> {
  const router = new SourceRouter({ sources: upstreamSources(config, systemClock, { retries: 0 }), order: config.UPSTREAM_SOURCES, clock: systemClock });
  try {
    const report = await checkUpstream(router, endpoints);
    const working = report.operations.filter((r) => r.working).length;
    const broken = report.operations.filter((r) => !r.working && !r.retired).map((r) => r.operation_id);
    const summary = `${working} of ${report.operations.length} operations have a working source`;
    return { ok: report.ok, detail: broken.length === 0 ? summary : `${summary}; not working: ${broken.join(', ')} (details: trendlens upstream check)` };
  } finally {
    await router.close();
  }
}

/** Whether every account's plan is configured: `serve` refuses to start otherwise. */
async function plansInUse(store: Store, plans: PlanCatalog, config: Config): Promise<{ ok: boolean; detail: string }> {
  try {
    await requirePlansInUse(store, plans, config);
    return { ok: true, detail: "ok: every account's plan is configured" };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { ok: false, detail: error.message };
  }
}

/**
 * `trendlens doctor`: configuration, database, migrations, Redis and the upstream check in one report. It
 * opens the database without migrating, so pending migrations are reported rather than applied.
 */
export async function runDoctor(env: Record<string, string | undefined>): Promise<DoctorReport> {
  const checks: DoctorReport['checks'] = {};
  let config: Config | null = null;
  let plans: PlanCatalog | null = null;
  try {
    config = loadConfig(env);
    plans = planCatalog(config);
    checks.configuration = { ok: true, detail: `ok: ${plans.plans.length} plans, default ${plans.defaultPlanId}` };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    checks.configuration = { ok: false, detail: error.message };
  }
  if (config) {
    let store: Store | null = null;
    let redis: Redis | null = null;
    try {
      store = await openStore(config.DATABASE_URL, { migrate: false, poolSize: 2 });
      // Out of reach or silent past connect_timeout: reported as the Redis check, in the words serve would stop with.
      let redisRefused: string | null = null;
      if (config.REDIS_URL) redis = await connectRedis(config.REDIS_URL, QUIET_LOG).catch((error: Error) => ((redisRefused = error.message), null));
      const readiness = await checkReadiness({ store, redis });
      for (const [name, result] of Object.entries(readiness.checks)) checks[name] = { ok: result.ok, detail: detailOf(result) };
      if (redisRefused) checks.redis = { ok: false, detail: redisRefused };
      // Pending ones apply at start; those of a newer release never do, and their detail says what to do.
      if (checks.migrations && !checks.migrations.ok && checks.migrations.detail.startsWith('not applied')) {
        checks.migrations.detail += ' (they apply when `trendlens serve` starts)';
      }
      // The accounts table is there once the migrations are (a fresh database has none yet).
      if (plans && checks.migrations?.ok) checks.plans = await plansInUse(store, plans, config);
    } catch (error) {
      checks.database = { ok: false, detail: (error as Error).message };
    } finally {
      await store?.close().catch(() => {});
      redis?.disconnect();
    }
    checks.upstream = await upstreamWorks(config);
  }
  const ok = Object.values(checks).every((c) => c.ok);
  const lines = Object.entries(checks).map(([name, c]) => `${c.ok ? 'ok  ' : 'FAIL'}  ${name.padEnd(14)} ${c.detail}`);
  return { ok, checks, lines };
}
