import type { Clock } from '../clock.js';

export interface CircuitBreakerOptions {
  clock: Clock;
  /** Consecutive 5xx-class failures that open the circuit (docs/api-contract.md § Upstream outcomes and caching: 5). */
  failureThreshold?: number;
  /** How long the circuit stays open before one probe is let through (docs/api-contract.md § Upstream outcomes and caching: 30 s). */
  openMs?: number;
}

/** Whether a call may go upstream; when not, how long until it is worth asking again. */
export type Admission = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Circuit {
  failures: number;
  openUntil?: number;
  probing: boolean;
}

/**
 * Per-key circuit breaker (docs/api-contract.md § Upstream outcomes and caching: per adapter and path). Closed: counts consecutive failures.
 * Open: refuses until `openMs` has passed. Half-open: lets exactly one probe through; its success
 * closes the circuit, its failure opens it again.
 */
export class CircuitBreaker {
  private readonly circuits = new Map<string, Circuit>();
  private readonly clock: Clock;
  private readonly threshold: number;
  private readonly openMs: number;

  constructor(opts: CircuitBreakerOptions) {
    this.clock = opts.clock;
    this.threshold = opts.failureThreshold ?? 5;
    this.openMs = opts.openMs ?? 30_000;
  }

  /** Asks to call upstream; a granted half-open admission is the probe and must be settled. */
  admit(key: string): Admission {
    const circuit = this.circuits.get(key);
    if (circuit?.openUntil === undefined) return { allowed: true };
    const remaining = circuit.openUntil - this.clock.now();
    if (remaining > 0) return { allowed: false, retryAfterSeconds: Math.ceil(remaining / 1000) };
    if (circuit.probing) return { allowed: false, retryAfterSeconds: 1 };
    circuit.probing = true;
    return { allowed: true };
  }

  /** The upstream answered usefully (a 2xx or a definite answer such as not found): close. */
  succeed(key: string): void {
    this.circuits.delete(key);
  }

  /** A 5xx-class failure: count it, or re-open after a failed probe. */
  fail(key: string): void {
    const circuit = this.circuits.get(key) ?? { failures: 0, probing: false };
    this.circuits.set(key, circuit);
    if (circuit.probing) {
      circuit.probing = false;
      circuit.openUntil = this.clock.now() + this.openMs;
      return;
    }
    if (circuit.openUntil !== undefined) return;
    circuit.failures += 1;
    if (circuit.failures >= this.threshold) circuit.openUntil = this.clock.now() + this.openMs;
  }

  /** `closed`, `open` or `half-open`, for logs and tests. */
  state(key: string): 'closed' | 'open' | 'half-open' {
    const circuit = this.circuits.get(key);
    if (circuit?.openUntil === undefined) return 'closed';
    return circuit.openUntil > this.clock.now() ? 'open' : 'half-open';
  }
}
