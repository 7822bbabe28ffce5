import type { Generated } from 'kysely';

/**
 * The database's shape, one typed file next to the migrations (Kysely's `Database` interface).
 * Times are Unix milliseconds (BIGINT on PostgreSQL); flags are 0/1 integers so both dialects agree.
 */
export interface Database {
  accounts: AccountsTable;
  api_keys: ApiKeysTable;
  credit_ledger: CreditLedgerTable;
  credit_reservations: CreditReservationsTable;
  daily_credit_usage: DailyCreditUsageTable;
}

export interface AccountsTable {
  id: string;
  email: string;
  name: string | null;
  password_hash: string | null;
  plan_id: string;
  status: 'active' | 'suspended';
  created_at: number;
  /** Start of the current billing period; periods run from the creation instant, month by month. */
  period_start: number;
  period_end: number;
  /** Included credits left this period; never below zero. Always equals the ledger's sum. */
  credits_balance: number;
  /** Credits charged this period, overage included. */
  credits_used: number;
  /** Credits charged this period beyond the included amount. */
  overage_credits: number;
  /** null = the plan's default. */
  allow_overage: number | null;
  hard_limit_credits: number | null;
}

export interface ApiKeysTable {
  id: string;
  account_id: string;
  name: string;
  key_hash: string;
  key_prefix: string;
  key_suffix: string;
  status: 'active' | 'grace' | 'revoked' | 'expired';
  source: 'created' | 'rotated';
  created_at: number;
  updated_at: number;
  rotated_at: number | null;
  expires_at: number | null;
  revoked_at: number | null;
  last_used_at: number | null;
  last_used_ip: string | null;
}

/** Append-only: every change of a balance is one row; `amount` is signed. */
export interface CreditLedgerTable {
  id: Generated<number>;
  account_id: string;
  /** The request id for charges and releases; an operation id (`grant_…`, `period_…`) otherwise. */
  reference: string;
  kind: 'grant' | 'period_reset' | 'reserve' | 'release';
  amount: number;
  overage: number;
  created_at: number;
}

export interface CreditReservationsTable {
  request_id: string;
  account_id: string;
  amount: number;
  overage: number;
  /** UTC day the hold counts against, `YYYY-MM-DD`. */
  day: string;
  period_start: number;
  status: 'held' | 'committed' | 'released';
  created_at: number;
  settled_at: number | null;
}

export interface DailyCreditUsageTable {
  account_id: string;
  day: string;
  credits: number;
}
