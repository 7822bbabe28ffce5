import type { AnyEndpoint, UpstreamAdapter } from '../catalog/index.js';

export type { UpstreamAdapter } from '../catalog/index.js';

/**
 * Whether TikTok served a call as to the operator's logged-in session or as to an anonymous caller
 * (`X-Upstream-Access`).
 */
export type UpstreamAccess = 'anonymous' | 'logged-in';

/** The `detail` of a 502 `upstream_bad_response` (docs/api-contract.md § Errors). */
export const BAD_RESPONSE_DETAILS = ['non_json', 'no_permission', 'schema_mismatch', 'upstream_error', 'invalid_request'] as const;

/** The `detail` of a 503 `upstream_unavailable` (docs/api-contract.md § Errors). */
export const UNAVAILABLE_DETAILS = ['deprecated', 'circuit_open', 'connect_failed', 'login_required', 'blocked', 'not_available'] as const;

export type UnavailableDetail = (typeof UNAVAILABLE_DETAILS)[number];

/**
 * Unavailable for good, not for now: a retry gets the same answer until TikTok or the operator changes
 * something, so these answers carry no `Retry-After`.
 */
export const FINAL_UNAVAILABLE_DETAILS: ReadonlySet<UnavailableDetail> = new Set(['deprecated', 'login_required', 'not_available']);

/**
 * Why an upstream call produced no usable payload. Each kind maps to one outer status (docs/api-contract.md § Errors):
 * `bad_response` 502, `unavailable` 503, `timeout` 504, `not_found` 404, `retired` 503
 * `upstream_retired`. `hint` is a sentence in our own words a caller may read; `message` is for logs.
 */
export type UpstreamFailure =
  | {
      kind: 'bad_response';
      detail: (typeof BAD_RESPONSE_DETAILS)[number];
      message?: string;
    }
  | {
      kind: 'unavailable';
      detail: UnavailableDetail;
      retryAfterSeconds?: number;
      message?: string;
      hint?: string;
    }
  | { kind: 'timeout' }
  | { kind: 'not_found'; message?: string }
  | { kind: 'retired'; since: string; reason: string };

/** What a source may say of any result beside its data or failure. */
interface ResultNotes {
  /**
   * The access TikTok answered with, where the adapter reads it from TikTok's answers (else the
   * source's own `access` stands). A failure may carry one too: it can follow answers, as when a
   * hashtag is looked up in a chart served anonymously.
   */
  access?: UpstreamAccess;
  /** For the operator's log: something the operator must fix, said once by the source however many answers show it. */
  warnings?: readonly string[];
}

/** A successful answer's data plus the headers it must be sent with (e.g. `X-Upstream-Period`), or a failure. */
export type UpstreamResult =
  | ({ ok: true; data: unknown; headers?: Readonly<Record<string, string>> } & ResultNotes)
  | ({ ok: false; failure: UpstreamFailure } & ResultNotes);

/**
 * A data source behind the gateway (docs/architecture.md § Sources and honest modes: one interface, several sources): the Creative Center
 * adapter and the TikTok One adapter implement it; pointed at the simulator they report the id
 * `simulator`.
 */
export interface Source {
  /** Source id, sent as `X-Upstream-Source`: the adapter name, or `simulator`. */
  readonly id: string;
  /** Which adapter this is, sent as `X-Upstream-Adapter` (default: `creative-center`). */
  readonly adapter?: UpstreamAdapter;
  /**
   * Whether it calls with session cookies (default: `anonymous`): what routing plans with. An answer
   * may still say otherwise (`UpstreamResult.access`), e.g. when the session has expired.
   */
  readonly access?: UpstreamAccess;
  /** Whether it has a mapping for the operation at all (default: yes). */
  serves?(operationId: string): boolean;
  /** Whether the operation needs a logged-in session on this source (tried last when anonymous). */
  needsLogin?(operationId: string): boolean;
  /** Serves one catalog endpoint for already-canonical params (windowing included). */
  fetch(endpoint: AnyEndpoint, params: Record<string, unknown>, signal?: AbortSignal): Promise<UpstreamResult>;
  close(): Promise<void>;
}
