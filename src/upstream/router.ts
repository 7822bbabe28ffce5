import type { AnyEndpoint, Retirement, UpstreamAdapter } from '../catalog/index.js';
import type { Clock } from '../clock.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { sourcesFor, type SourceOrder } from './source-order.js';
import type { Source, UpstreamAccess, UpstreamFailure } from './source.js';

/** Enough of pino's interface for the upstream's few log lines. */
export interface UpstreamLogger {
  warn(obj: object, msg: string): void;
}

/** Which source served an answer, as the response headers say it. */
export interface Provenance {
  /** `X-Upstream-Source`: the source id (`creative-center`, `tiktok-one` or `simulator`). */
  sourceId: string;
  /** `X-Upstream-Adapter`. */
  adapter: UpstreamAdapter;
  /** `X-Upstream-Access`: how TikTok served this answer, where the adapter can tell; else the source's configured access. */
  access: UpstreamAccess;
  /** Further headers the answer carries, e.g. `X-Upstream-Period`. */
  headers: Readonly<Record<string, string>>;
}

/** The router's answer: data with its provenance, or the failure of the last source tried. */
export type RoutedResult =
  | ({ ok: true; data: unknown } & Provenance)
  | { ok: false; failure: UpstreamFailure; sourceId: string; adapter?: UpstreamAdapter };

/** One operation as `GET /api/v1/status` shows it. */
export interface OperationStatus {
  operation_id: string;
  path: string;
  /** The adapters it tries, in order, with the state of each. */
  sources: Array<{
    adapter: UpstreamAdapter;
    source: string;
    access: UpstreamAccess;
    circuit: 'closed' | 'open' | 'half-open';
    /** Set while the adapter is skipped because it said `deprecated` for this operation. */
    skipped_until: string | null;
  }>;
  /** The adapter that served it last, else the first one not skipped; null when none is left. */
  serving: UpstreamAdapter | null;
  retired: Retirement | null;
}

export interface SourceRouterOptions {
  sources: readonly Source[];
  /** The operator's `UPSTREAM_SOURCES`; default: every endpoint's catalog order. */
  order?: SourceOrder;
  clock: Clock;
  logger?: UpstreamLogger;
  /** Consecutive 5xx-class failures that open a circuit (default 5). */
  breakerThreshold?: number;
  /** How long an open circuit refuses calls (default 30 s). */
  breakerOpenMs?: number;
  /** How long a source that said `deprecated` is skipped for that operation (default 15 min). */
  deadSourceMs?: number;
}

/** The adapter a source stands for (sources written before adapters existed are Creative Center). */
export function adapterOf(source: Source): UpstreamAdapter {
  return source.adapter ?? 'creative-center';
}

function isDeprecated(failure: UpstreamFailure): boolean {
  return failure.kind === 'unavailable' && failure.detail === 'deprecated';
}

/** Failures that say "not here": the next source is tried, and retirement is judged on them. */
function isGone(failure: UpstreamFailure): boolean {
  return isDeprecated(failure) || (failure.kind === 'unavailable' && failure.detail === 'not_available');
}

/**
 * Failures that mean the upstream is unwell and count against its circuit. Definite answers
 * (deprecated, login needed, a refused parameter) come from a healthy upstream: counting them would
 * open the circuit and hide their reason behind `circuit_open`.
 */
function countsAgainstCircuit(failure: UpstreamFailure): boolean {
  switch (failure.kind) {
    case 'timeout':
      return true;
    case 'bad_response':
      return failure.detail !== 'invalid_request';
    case 'unavailable':
      return failure.detail === 'connect_failed' || failure.detail === 'blocked';
    default:
      return false;
  }
}

/**
 * Source routing (docs/upstreams.md § Source routing): tries an operation's sources in order, moves
 * on when one fails, remembers for a while which source said `deprecated` so the dead call is not paid
 * every time, keeps a circuit breaker per (adapter, path), and turns "every source is gone" on a
 * retired operation into `retired`.
 */
export class SourceRouter {
  private readonly byAdapter = new Map<UpstreamAdapter, Source>();
  private readonly order?: SourceOrder;
  private readonly clock: Clock;
  private readonly logger?: UpstreamLogger;
  private readonly breaker: CircuitBreaker;
  private readonly deadMs: number;
  /** `<operation id> <adapter>` → clock ms until which the adapter is skipped. */
  private readonly dead = new Map<string, number>();
  private readonly lastServed = new Map<string, UpstreamAdapter>();

  constructor(opts: SourceRouterOptions) {
    for (const source of opts.sources) {
      const adapter = adapterOf(source);
      if (this.byAdapter.has(adapter)) throw new Error(`two sources for the ${adapter} adapter`);
      this.byAdapter.set(adapter, source);
    }
    this.order = opts.order;
    this.clock = opts.clock;
    this.logger = opts.logger;
    this.breaker = new CircuitBreaker({ clock: opts.clock, failureThreshold: opts.breakerThreshold, openMs: opts.breakerOpenMs });
    this.deadMs = opts.deadSourceMs ?? 15 * 60_000;
  }

  /** Every source, once each. */
  get sources(): Source[] {
    return [...this.byAdapter.values()];
  }

  /**
   * The sources an operation tries, in order: the configured order, without sources that have no
   * mapping for it; an operation that needs a login goes to an anonymous source last.
   */
  candidates(endpoint: AnyEndpoint): Source[] {
    const list = sourcesFor(endpoint, this.order).flatMap((adapter) => {
      const source = this.byAdapter.get(adapter);
      return source && (source.serves?.(endpoint.operationId) ?? true) ? [source] : [];
    });
    const loginLast = (s: Source) => s.access !== 'logged-in' && (s.needsLogin?.(endpoint.operationId) ?? false);
    return [...list.filter((s) => !loginLast(s)), ...list.filter(loginLast)];
  }

  async fetch(endpoint: AnyEndpoint, params: Record<string, unknown>): Promise<RoutedResult> {
    const candidates = this.candidates(endpoint);
    let last: { failure: UpstreamFailure; source: Source } | undefined;
    let skipped: Source | undefined;
    let allGone = true;
    for (const source of candidates) {
      const adapter = adapterOf(source);
      if (this.isDead(endpoint, adapter)) {
        skipped ??= source;
        continue;
      }
      const circuit = `${adapter} ${endpoint.path}`;
      const admission = this.breaker.admit(circuit);
      if (!admission.allowed) {
        allGone = false;
        last = { failure: { kind: 'unavailable', detail: 'circuit_open', retryAfterSeconds: admission.retryAfterSeconds }, source };
        continue;
      }
      let result;
      try {
        result = await source.fetch(endpoint, params);
      } catch (error) {
        this.breaker.fail(circuit);
        throw error;
      }
      for (const warning of result.warnings ?? []) this.logger?.warn({ operationId: endpoint.operationId, source: source.id, adapter }, warning);
      if (result.ok) {
        this.breaker.succeed(circuit);
        this.lastServed.set(endpoint.operationId, adapter);
        return { ok: true, data: result.data, ...this.provenance(source, result.access), headers: result.headers ?? {} };
      }
      const failure = result.failure;
      if (countsAgainstCircuit(failure)) this.breaker.fail(circuit);
      else this.breaker.succeed(circuit);
      // A definite "no such item" is the answer, not a reason to ask elsewhere.
      if (failure.kind === 'not_found') return { ok: false, failure, sourceId: source.id, adapter };
      this.logger?.warn({ operationId: endpoint.operationId, source: source.id, adapter, failure }, 'upstream failure');
      if (isDeprecated(failure)) {
        this.dead.set(`${endpoint.operationId} ${adapter}`, this.clock.now() + this.deadMs);
      }
      if (!isGone(failure)) allGone = false;
      // "Deprecated" says only that this source is gone; what another source said is the better answer.
      if (!last || !isDeprecated(failure)) last = { failure, source };
    }
    if (endpoint.retired && allGone) {
      const source = last?.source ?? skipped ?? candidates[0];
      return { ok: false, failure: { kind: 'retired', ...endpoint.retired }, sourceId: source?.id ?? 'none', ...(source ? { adapter: adapterOf(source) } : {}) };
    }
    if (last) return { ok: false, failure: last.failure, sourceId: last.source.id, adapter: adapterOf(last.source) };
    if (skipped) return { ok: false, failure: { kind: 'unavailable', detail: 'deprecated' }, sourceId: skipped.id, adapter: adapterOf(skipped) };
    return {
      ok: false,
      failure: { kind: 'unavailable', detail: 'not_available', hint: 'No configured upstream source can serve this operation.' },
      sourceId: 'none',
    };
  }

  /** Each operation's sources and their state, for `GET /api/v1/status`. */
  status(endpoints: readonly AnyEndpoint[]): OperationStatus[] {
    return endpoints.map((endpoint) => {
      const sources = this.candidates(endpoint).map((source) => {
        const adapter = adapterOf(source);
        const until = this.dead.get(`${endpoint.operationId} ${adapter}`);
        return {
          adapter,
          source: source.id,
          access: source.access ?? 'anonymous',
          circuit: this.breaker.state(`${adapter} ${endpoint.path}`),
          skipped_until: until !== undefined && until > this.clock.now() ? new Date(until).toISOString() : null,
        };
      });
      const live = sources.filter((s) => s.skipped_until === null);
      const last = this.lastServed.get(endpoint.operationId);
      const serving = live.find((s) => s.adapter === last)?.adapter ?? live[0]?.adapter ?? null;
      return { operation_id: endpoint.operationId, path: endpoint.path, sources, serving, retired: endpoint.retired ?? null };
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.sources.map((s) => s.close()));
  }

  /** Where an answer came from; its own access when the source read one from it. */
  private provenance(source: Source, answered: UpstreamAccess | undefined): Omit<Provenance, 'headers'> {
    return { sourceId: source.id, adapter: adapterOf(source), access: answered ?? source.access ?? 'anonymous' };
  }

  private isDead(endpoint: AnyEndpoint, adapter: UpstreamAdapter): boolean {
    const key = `${endpoint.operationId} ${adapter}`;
    const until = this.dead.get(key);
    if (until === undefined) return false;
    if (until > this.clock.now()) return true;
    this.dead.delete(key);
    return false;
  }
}
