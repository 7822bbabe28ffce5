import type { AnyEndpoint } from '../catalog/index.js';

/**
 * Why an upstream call produced no usable payload. Each kind maps to one outer status (docs/api-contract.md § Errors):
 * `bad_response` 502, `unavailable` 503, `timeout` 504, `not_found` 404.
 */
export type UpstreamFailure =
  | { kind: 'bad_response'; detail: 'non_json' | 'no_permission' | 'schema_mismatch' | 'upstream_error'; message?: string }
  | { kind: 'unavailable'; detail: 'deprecated' | 'circuit_open' | 'connect_failed'; retryAfterSeconds?: number }
  | { kind: 'timeout' }
  | { kind: 'not_found'; message?: string };

/** A source's answer: the outer envelope's `data` exactly as the caller will receive it, or a failure. */
export type UpstreamResult = { ok: true; data: unknown } | { ok: false; failure: UpstreamFailure };

/**
 * A data source behind the gateway (docs/architecture.md § Sources and honest modes: one interface, several sources). The Creative Center
 * adapter implements it; pointed at the simulator it reports the id `simulator`.
 */
export interface Source {
  /** Adapter id, sent as `X-Upstream-Source` and part of the cache key. */
  readonly id: string;
  /** Serves one catalog endpoint for already-canonical params (windowing included). */
  fetch(endpoint: AnyEndpoint, params: Record<string, unknown>, signal?: AbortSignal): Promise<UpstreamResult>;
  close(): Promise<void>;
}
