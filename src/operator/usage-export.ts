import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';

/** One row of `trendlens usage export`: an account × key × operation over the range. */
export interface UsageExportRow {
  account_id: string;
  email: string | null;
  key_id: string;
  operation_id: string;
  requests: number;
  successes: number;
  errors: number;
  credits: number;
  overage_credits: number;
}

/** Usage from the daily totals, `from` and `to` inclusive UTC days (`YYYY-MM-DD`), biggest spenders first. */
export async function exportUsage(db: Kysely<Database>, range: { from: string; to: string; accountId?: string }): Promise<UsageExportRow[]> {
  let query = db
    .selectFrom('usage_daily')
    .leftJoin('accounts', 'accounts.id', 'usage_daily.account_id')
    .select((eb) => [
      'usage_daily.account_id as account_id',
      'accounts.email as email',
      'usage_daily.key_id as key_id',
      'usage_daily.operation_id as operation_id',
      eb.fn.sum<number>('usage_daily.requests').as('requests'),
      eb.fn.sum<number>('usage_daily.successes').as('successes'),
      eb.fn.sum<number>('usage_daily.errors').as('errors'),
      eb.fn.sum<number>('usage_daily.credits').as('credits'),
      eb.fn.sum<number>('usage_daily.overage_credits').as('overage_credits'),
    ])
    .where('usage_daily.day', '>=', range.from)
    .where('usage_daily.day', '<=', range.to);
  if (range.accountId) query = query.where('usage_daily.account_id', '=', range.accountId);
  const rows = await query
    .groupBy(['usage_daily.account_id', 'accounts.email', 'usage_daily.key_id', 'usage_daily.operation_id'])
    .orderBy('credits', 'desc')
    .orderBy('usage_daily.account_id')
    .orderBy('usage_daily.key_id')
    .orderBy('usage_daily.operation_id')
    .execute();
  // PostgreSQL returns SUM(bigint) as a numeric string; both dialects end as numbers here.
  return rows.map((r) => ({
    account_id: r.account_id,
    // Erased accounts keep their opaque id and no address.
    email: r.email?.startsWith('deleted:') ? null : (r.email ?? null),
    key_id: r.key_id,
    operation_id: r.operation_id,
    requests: Number(r.requests),
    successes: Number(r.successes),
    errors: Number(r.errors),
    credits: Number(r.credits),
    overage_credits: Number(r.overage_credits),
  }));
}

const COLUMNS: Array<keyof UsageExportRow> = ['account_id', 'email', 'key_id', 'operation_id', 'requests', 'successes', 'errors', 'credits', 'overage_credits'];

function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  // Quoted when needed, and a leading = + - @ defused so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with a header line. */
export function usageCsv(rows: readonly UsageExportRow[]): string {
  return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\n');
}
