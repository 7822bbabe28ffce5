import type { Clock } from '../clock.js';

/** Which era of the upstream to imitate (docs/upstreams.md § Simulator). */
export type SimulatorMode = 'legacy-2023' | 'signed-2024' | 'deprecated-2026';

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
  | { kind: 'drop_first_signed' };

/** A fault, optionally limited to one upstream path and a number of requests. */
export interface FaultRule {
  fault: SimulatorFault;
  /** Upstream path such as 'popular_trend/hashtag/list'; absent = every path. */
  path?: string;
  /** How many requests it applies to; absent = until cleared. */
  times?: number;
}

export interface SimulatorOptions {
  /** 0 (default) = a random free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 'signed-2024'. */
  mode?: SimulatorMode;
  clock?: Clock;
  /** Reject signatures whose timestamp is further than this from the clock; default: no limit. */
  maxSignatureAgeSeconds?: number;
}

export interface SimulatorStats {
  calls: number;
  byPath: Record<string, number>;
}

export interface SimulatorHandle {
  /** Origin only, e.g. http://127.0.0.1:43123 */
  url: string;
  /** `${url}/creative_radar_api/v1/`, what the client is pointed at. */
  baseUrl: string;
  setMode(mode: SimulatorMode): void;
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  /** Counts every request received on an upstream path. */
  stats(): SimulatorStats;
  resetStats(): void;
  /** Stops listening and ends hanging or slow requests, so it never blocks. */
  close(): Promise<void>;
}
