/**
 * What the Console API shows of watches, webhooks and collection (README § Trend history): types only,
 * with no imports, so the web app's Console client uses these same types.
 */

/** A watch as its owner sees it. */
export interface WatchView {
  id: string;
  kind: 'entry' | 'new_entry' | 'rank_change';
  chart: string;
  country_code: string | null;
  period: number | null;
  name: string | null;
  top_n: number | null;
  min_change: number | null;
  endpoint_id: string;
  created_at: string;
}

/** An endpoint as its owner sees it: never the secret, which is shown once at creation. */
export interface EndpointView {
  id: string;
  url: string;
  status: 'active' | 'disabled';
  consecutive_failures: number;
  disabled_at: string | null;
  /** Why Trendlens disabled it, in words: the notice the Console shows. */
  disabled_reason: string | null;
  created_at: string;
}

/** One delivery in the log. */
export interface DeliveryView {
  id: string;
  endpoint_id: string;
  watch_id: string | null;
  event_type: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  delivered_at: string | null;
}

/** The latest collection started on this instance, as the Console's operator page shows it. */
export interface RunView {
  running: boolean;
  started_at: string | null;
  finished_at: string | null;
  /** Targets collected or failed so far, of `total`. */
  done: number;
  total: number;
  failed: number;
}

/** A collected chart as the operator page lists it: where it comes from and how its latest attempt went. */
export interface TargetView {
  /** `chart:country:period`, e.g. `hashtag:US:7`; the id in the DELETE path. */
  label: string;
  chart: string;
  country_code: string | null;
  period: number | null;
  /** `setting` targets come from `COLLECT` and are removed there. */
  origin: 'setting' | 'stored';
  last_day: string | null;
  last_status: 'ok' | 'failed' | null;
  last_error: string | null;
}
