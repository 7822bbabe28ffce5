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
  sessions: SessionsTable;
  sign_in_failures: SignInFailuresTable;
  usage_events: UsageEventsTable;
  usage_daily: UsageDailyTable;
  idempotency_records: IdempotencyRecordsTable;
  invites: InvitesTable;
  account_tokens: AccountTokensTable;
  plan_requests: PlanRequestsTable;
  history_charts: HistoryChartsTable;
  history_days: HistoryDaysTable;
  history_entries: HistoryEntriesTable;
  collect_targets: CollectTargetsTable;
  collect_runs: CollectRunsTable;
  webhook_endpoints: WebhookEndpointsTable;
  watches: WatchesTable;
  watch_matches: WatchMatchesTable;
  webhook_deliveries: WebhookDeliveriesTable;
}

export interface AccountsTable {
  id: string;
  email: string;
  name: string | null;
  password_hash: string | null;
  plan_id: string;
  /** `deleted`: personal data erased, the row kept so the ledger still sums under the opaque id. */
  status: 'active' | 'suspended' | 'deleted';
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
  /** When the address was proven by a verification link; null = not yet. */
  email_verified_at: number | null;
  /** 1 for an operator (`trendlens operators add`, OPERATOR_EMAILS): may manage collection in the Console. */
  is_operator: number;
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
  kind: 'grant' | 'period_reset' | 'plan_change' | 'reserve' | 'release' | 'charge';
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

/** Console sessions (docs/api-contract.md § Console API); the cookie's id is stored only as its SHA-256. */
export interface SessionsTable {
  id_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: number;
  /** Idle expiry runs from here; refreshed at most once a minute. */
  last_seen_at: number;
  /** Absolute expiry: creation + 30 days. */
  expires_at: number;
  ip: string | null;
  user_agent: string | null;
}

/** One failed Console sign-in, counted per email and per IP for the throttle (docs/api-contract.md § Console API). */
export interface SignInFailuresTable {
  id: Generated<number>;
  /** `email:<lower-cased address>` or `ip:<address>`. */
  subject: string;
  created_at: number;
}

/** One row per routed API request (docs/api-contract.md § Usage records), kept 30 days. */
export interface UsageEventsTable {
  request_id: string;
  time: number;
  account_id: string | null;
  key_id: string | null;
  operation_id: string;
  canonical_query: string;
  status: number;
  latency_ms: number;
  credits: number;
  overage_credits: number;
  cache: 'HIT' | 'MISS' | 'STALE' | null;
  upstream_source: string | null;
  ip: string;
  user_agent: string | null;
  source: 'api' | 'playground' | 'console' | 'mcp';
}

/** Daily usage per account × key × operation × UTC day, kept 13 months. */
export interface UsageDailyTable {
  account_id: string;
  /** '' for requests without a key. */
  key_id: string;
  operation_id: string;
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  requests: number;
  /** 2xx answers. */
  successes: number;
  /** 4xx and 5xx answers. */
  errors: number;
  credits: number;
  overage_credits: number;
  latency_ms_sum: number;
  /** 2xx answers served with `X-Cache: HIT`. */
  cache_hits: number;
}

/** A stored first 2xx for an `Idempotency-Key` (docs/api-contract.md § Idempotency), kept 24 h. */
export interface IdempotencyRecordsTable {
  account_id: string;
  idem_key: string;
  /** The canonical form of the first request. */
  fingerprint: string;
  status: number;
  /** JSON object of the response headers to replay. */
  headers: string;
  body: string;
  created_at: number;
  expires_at: number;
}

/** A sign-up invite for SIGNUP_MODE=invite; only the code's SHA-256 is stored. */
export interface InvitesTable {
  code_hash: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  used_by: string | null;
  note: string | null;
}

/** A one-time password-reset or e-mail-verification link, stored as its token's SHA-256. */
export interface AccountTokensTable {
  token_hash: string;
  account_id: string;
  purpose: 'reset' | 'verify';
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** A user's request to move to another plan, decided by the operator. */
export interface PlanRequestsTable {
  id: string;
  account_id: string;
  plan_id: string;
  status: 'pending' | 'approved' | 'rejected' | 'cancelled';
  created_at: number;
  decided_at: number | null;
}

/** A chart history has seen: operation plus every param but paging (src/history/charts.ts). */
export interface HistoryChartsTable {
  chart_key: string;
  operation_id: string;
  kind: string;
  country_code: string | null;
  period: number | null;
  created_at: number;
}

/** One UTC day of one chart that history holds entries for. */
export interface HistoryDaysTable {
  chart_key: string;
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  /** The chart's size as the upstream said; null where it did not. */
  total: number | null;
  /** Entries stored for the day. */
  entries: number;
  captured_at: number;
}

/** One entry of a chart on a day: the latest answer of that day wins. */
export interface HistoryEntriesTable {
  chart_key: string;
  day: string;
  entry_id: string;
  name: string;
  /** `name` case-folded in JavaScript (src/history/snapshots.ts `nameKey`), what lookups by name compare. */
  name_key: string;
  rank: number;
  /** JSON object of numeric fields. */
  metrics: string;
}

/** A chart the operator collects daily beside the `COLLECT` setting. */
export interface CollectTargetsTable {
  chart_key: string;
  chart: string;
  country_code: string | null;
  period: number | null;
  created_at: number;
}

/** A chart's collection on one UTC day: done, or failed with a time to try again. */
export interface CollectRunsTable {
  chart_key: string;
  day: string;
  status: 'done' | 'failed';
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
  updated_at: number;
}

export interface WebhookEndpointsTable {
  id: string;
  account_id: string;
  url: string;
  secret: string;
  status: 'active' | 'disabled';
  consecutive_failures: number;
  disabled_at: number | null;
  disabled_reason: string | null;
  created_at: number;
  /**
   * Until when (ms) an instance is attempting one of the endpoint's deliveries: its lane, held across
   * instances (src/history/webhooks.ts). NULL when none is; left out on insert.
   */
  sending_until: Generated<number | null>;
}

/** A user's watch on a chart: a named entry, any newcomer to the top N, or a rank change ≥ k. */
export interface WatchesTable {
  id: string;
  account_id: string;
  endpoint_id: string;
  kind: 'entry' | 'new_entry' | 'rank_change';
  chart: string;
  chart_key: string;
  country_code: string | null;
  period: number | null;
  name: string | null;
  top_n: number | null;
  min_change: number | null;
  created_at: number;
}

/** A match a watch has fired for; the primary key makes firing happen once. */
export interface WatchMatchesTable {
  watch_id: string;
  match_key: string;
  created_at: number;
}

/** One webhook event for one endpoint, with its delivery state. */
export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  account_id: string;
  watch_id: string | null;
  event_type: string;
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: number | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  delivered_at: number | null;
}
