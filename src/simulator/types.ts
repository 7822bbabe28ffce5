import type { Clock } from '../clock.js';

/**
 * How the legacy Creative Center API behaves: its signing scheme, and whether its trend lists are
 * retired (src/simulator/README.md § Eras and modes). Each mode belongs to one era.
 */
export type SimulatorMode = 'legacy-2023' | 'signed-2024' | 'deprecated-2026';

/**
 * Which world to imitate. 2024: the legacy API all live. 2026: legacy trend lists retired, Top Ads live.
 * TikTok One is live in both, so the operations only it serves can be explored in either.
 */
export type SimulatorEra = '2024' | '2026';

/** The long hashtag period TikTok One accepts; the other one is answered InvalidRequest. */
export type LongPeriod = 90 | 120;

/** One forced misbehaviour (docs/upstreams.md § Simulator, § Transport and signing). */
export type SimulatorFault =
  | { kind: 'login_wall'; variant: 'redirect' | 'html' | '401' | '403' }
  /** Answers normally after `ms`. */
  | { kind: 'slow'; ms: number }
  /** Never answers, until the client aborts or the simulator closes. */
  | { kind: 'hang' }
  /** Destroys the socket without answering. */
  | { kind: 'drop' }
  | { kind: 'http_error'; status: 500 | 502 | 503 | 504; body: 'text' | 'empty' }
  | { kind: 'malformed'; variant: 'truncated' | 'garbage' | 'content_type' }
  /** HTTP 200 JSON with a non-zero code; 40100 "Too many requests" is the rate-limit stand-in. */
  | { kind: 'error_code'; code: number; msg?: string }
  /** The first signed call of each anonymous-user-id never seen before gets 40101. */
  | { kind: 'drop_first_signed' }
  /** TikTok One's `BaseResp` StatusCode 38001001 "InvalidLogin" (on any path). */
  | { kind: 'invalid_login' }
  /** TikTok One's gateway answer `{"code":"InvalidRequest","message":…}`, HTTP 400 (on any path). */
  | { kind: 'invalid_request'; message?: string };

/** A fault, optionally limited to one upstream path and a number of requests. */
export interface FaultRule {
  fault: SimulatorFault;
  /**
   * Upstream path such as 'popular_trend/hashtag/list' or 'CreativeOne/KnowledgeAPI/GetHashtagList';
   * a TikTok One path matches both hosts, 'us/CreativeOne/…' the US host only; absent = every path.
   */
  path?: string;
  /** How many requests it applies to; absent = until cleared. */
  times?: number;
}

export interface SimulatorOptions {
  /** 0 (default) = a random free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default '2026'; given alone, `mode` decides the era instead. */
  era?: SimulatorEra;
  /** Default: the era's own ('signed-2024' for 2024, 'deprecated-2026' for 2026). */
  mode?: SimulatorMode;
  /** Default 120. */
  longPeriod?: LongPeriod;
  clock?: Clock;
  /** Reject signatures whose timestamp is further than this from the clock; default: no limit. */
  maxSignatureAgeSeconds?: number;
  /** `sessionid` cookie values whose session has expired from the start: served as anonymous callers. */
  expiredSessions?: readonly string[];
}

export interface SimulatorStats {
  calls: number;
  byPath: Record<string, number>;
}

export interface SimulatorHandle {
  /** Origin only, e.g. http://127.0.0.1:43123 */
  url: string;
  /** `${url}/creative_radar_api/v1/`, what the legacy client is pointed at. */
  baseUrl: string;
  /** Bases of the TikTok One client: `${url}/` and `${url}/us/` (the US video host). */
  tiktokOne: { baseUrl: string; usBaseUrl: string };
  /** The current era. */
  readonly era: SimulatorEra;
  /** Switches era; the mode follows (2026 → deprecated-2026, 2024 → signed-2024 unless already a 2024 mode). */
  setEra(era: SimulatorEra): void;
  /** The current legacy mode. */
  readonly mode: SimulatorMode;
  /** Switches the legacy mode; the era follows (deprecated-2026 → 2026, the others → 2024). */
  setMode(mode: SimulatorMode): void;
  readonly longPeriod: LongPeriod;
  setLongPeriod(period: LongPeriod): void;
  /** The `sessionid`s whose session has expired. */
  readonly expiredSessions: readonly string[];
  /**
   * Makes a session lapse, as TikTok One sessions do after about three days: its cookies are answered
   * as an anonymous caller's, without `x-tt-agw-login: 1`. Default: the simulated session (`SIMULATED_SESSION_ID`).
   */
  expireSession(sessionId?: string): void;
  /** Makes every expired session valid again. */
  clearExpiredSessions(): void;
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  /** Counts every request received on an upstream path, TikTok One paths included (US host as 'us/…'). */
  stats(): SimulatorStats;
  resetStats(): void;
  /** Stops listening and ends hanging or slow requests, so it never blocks. */
  close(): Promise<void>;
}
