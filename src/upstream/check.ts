import { parseParams, type AnyEndpoint, type RawQuery } from '../catalog/index.js';
import { adapterOf, type SourceRouter } from './router.js';
import type { Source, UpstreamFailure } from './source.js';

/** What one source said to one sample call, in the operator's words. */
export type CheckOutcome =
  | 'ok'
  | 'deprecated'
  | 'login needed'
  | 'session expired'
  | 'blocked'
  | 'unreachable'
  | 'not available'
  | 'refused'
  | 'bad response';

export interface CheckAttempt {
  adapter: string;
  source: string;
  outcome: CheckOutcome;
  /** The failure's own words, for the operator. */
  detail?: string;
  /** What to do about it, in words. */
  fix?: string;
}

/** One operation: the sources tried in order until one worked. */
export interface CheckRow {
  operation_id: string;
  attempts: CheckAttempt[];
  /** A source served it (or answered definitely that the sample id is unknown). */
  working: boolean;
  /** TikTok retired it and no source serves it: expected, not a fault of this installation. */
  retired: boolean;
}

export interface CheckReport {
  operations: CheckRow[];
  /** False when an operation that is not retired has no working source. */
  ok: boolean;
}

/** Names of the variables that point an adapter at its hosts, for the "unreachable" fix. */
const BASE_URL_VARIABLES: Readonly<Record<string, string>> = {
  'creative-center': 'UPSTREAM_BASE_URL',
  'tiktok-one': 'TIKTOK_ONE_BASE_URL and TIKTOK_ONE_US_BASE_URL',
};

function judge(failure: UpstreamFailure, adapter: string): Omit<CheckAttempt, 'adapter' | 'source'> {
  switch (failure.kind) {
    case 'timeout':
      return { outcome: 'unreachable', detail: 'timed out', fix: `check that this machine reaches TikTok (${BASE_URL_VARIABLES[adapter] ?? 'the base URL'})` };
    case 'not_found':
      return { outcome: 'ok', detail: 'answered: the sample id is unknown there' };
    case 'retired':
      return { outcome: 'deprecated', detail: failure.reason };
    case 'bad_response':
      return failure.detail === 'invalid_request'
        ? { outcome: 'refused', detail: failure.message, fix: 'TikTok refused the parameters: update Trendlens' }
        : { outcome: 'bad response', detail: failure.message ?? failure.detail, fix: 'TikTok changed its answer: update Trendlens' };
    case 'unavailable':
      switch (failure.detail) {
        case 'deprecated':
          return { outcome: 'deprecated', detail: 'TikTok no longer serves it here' };
        case 'login_required':
          return { outcome: 'login needed', fix: 'set UPSTREAM_COOKIES to the cookies of a logged-in TikTok One session (sessionid, sid_tt, csrftoken)' };
        case 'blocked':
          return {
            outcome: 'blocked',
            detail: failure.message,
            fix: 'TikTok refused this machine as a bot: run from another network, or set UPSTREAM_COOKIES from a browser session',
          };
        case 'not_available':
          return { outcome: 'not available', detail: failure.hint };
        case 'connect_failed':
        case 'circuit_open':
          return { outcome: 'unreachable', detail: failure.detail, fix: `check that this machine reaches TikTok (${BASE_URL_VARIABLES[adapter] ?? 'the base URL'})` };
      }
  }
}

/** A sample request: required params and `country_code` from the catalog's examples. */
function sampleQuery(endpoint: AnyEndpoint): RawQuery {
  const query: RawQuery = {};
  for (const [name, def] of Object.entries(endpoint.params)) {
    if ((def.required || name === 'country_code') && def.example !== undefined) query[name] = def.example;
  }
  return query;
}

/**
 * One sample call. TikTok answering a source that sends session cookies as an anonymous caller means
 * the session has expired: whatever followed (top 3 hashtags, a sample name not among them, a login
 * demanded) is that, not "ok" nor "login needed".
 */
async function attempt(source: Source, endpoint: AnyEndpoint, params: Record<string, unknown>): Promise<CheckAttempt> {
  const adapter = adapterOf(source);
  try {
    const result = await source.fetch(endpoint, params);
    if (source.access === 'logged-in' && result.access === 'anonymous') {
      return {
        adapter,
        source: source.id,
        outcome: 'session expired',
        detail: 'TikTok answered the session cookies as an anonymous caller (no x-tt-agw-login: 1)',
        fix: 'set UPSTREAM_COOKIES to fresh cookies of a logged-in TikTok One session (sessionid, sid_tt, csrftoken)',
      };
    }
    if (result.ok) return { adapter, source: source.id, outcome: 'ok' };
    return { adapter, source: source.id, ...judge(result.failure, adapter) };
  } catch (error) {
    return { adapter, source: source.id, outcome: 'bad response', detail: (error as Error).message };
  }
}

/**
 * `trendlens upstream check` (docs/upstreams.md § Source routing): one sample call per operation
 * through its sources in order, straight to the sources (no cache, no key, no charge), stopping at
 * the first that works.
 */
export async function checkUpstream(router: SourceRouter, endpoints: readonly AnyEndpoint[]): Promise<CheckReport> {
  const operations: CheckRow[] = [];
  // History answers come from our own store: there is no upstream to check for them.
  for (const endpoint of endpoints.filter((e) => e.servedFrom !== 'history')) {
    const parsed = parseParams(endpoint, sampleQuery(endpoint));
    if (!parsed.ok) throw new Error(`${endpoint.operationId}: the catalog examples do not make a valid request`);
    const attempts: CheckAttempt[] = [];
    for (const source of router.candidates(endpoint)) {
      const result = await attempt(source, endpoint, parsed.params);
      attempts.push(result);
      if (result.outcome === 'ok') break;
    }
    const working = attempts.some((a) => a.outcome === 'ok');
    const gone = attempts.every((a) => a.outcome === 'deprecated' || a.outcome === 'not available');
    operations.push({ operation_id: endpoint.operationId, attempts, working, retired: !working && endpoint.retired !== undefined && gone });
  }
  return { operations, ok: operations.every((row) => row.working || row.retired) };
}

/** The report as a table: one line per source tried, then a summary. */
export function formatCheckReport(report: CheckReport): string {
  const width = Math.max(...report.operations.map((r) => r.operation_id.length), 'operation'.length);
  const lines = [`${'operation'.padEnd(width)}  ${'adapter'.padEnd(15)}  ${'result'.padEnd(15)}  fix`];
  for (const row of report.operations) {
    row.attempts.forEach((a, i) => {
      const name = i === 0 ? row.operation_id : '';
      const result = row.retired && i === row.attempts.length - 1 ? `${a.outcome} (retired)` : a.outcome;
      const note = a.fix ?? a.detail ?? '';
      lines.push(`${name.padEnd(width)}  ${a.adapter.padEnd(15)}  ${result.padEnd(15)}  ${note}`.trimEnd());
    });
    if (row.attempts.length === 0) lines.push(`${row.operation_id.padEnd(width)}  ${'-'.padEnd(15)}  no source configured`);
  }
  const working = report.operations.filter((r) => r.working).length;
  const retired = report.operations.filter((r) => r.retired).length;
  const broken = report.operations.length - working - retired;
  lines.push('');
  lines.push(
    `${working} of ${report.operations.length} operations have a working source` +
      (retired > 0 ? `, ${retired} retired by TikTok` : '') +
      (broken > 0 ? `, ${broken} without a working source` : '') +
      '.',
  );
  return lines.join('\n');
}
