import type { ReserveResult } from './admission.js';
import type { CreditLedger } from './ledger.js';
import { type RateDecision, type RateLimiter } from './rate-limit.js';

/** The rate-limit decision, and the credit reservation when the rate limit let the request through. */
export interface AdmissionResult {
  rate: RateDecision;
  credits: ReserveResult | null;
}

/**
 * Admission of a metered request: the per-minute rate limit (429), then the daily cap and credits
 * (402). One step, so that across instances it can be one Redis script.
 */
export interface Admission {
  admit(accountId: string, requestId: string, cost: number, ratePerMinute: number): Promise<AdmissionResult>;
}

/** Thrown when admission cannot be decided (the shared counters are unreachable); nothing was taken. */
export class AdmissionUnavailable extends Error {
  constructor(cause: unknown) {
    super('credit and rate-limit counters are unreachable', { cause });
  }
}

/** The rate-limit key of an account, shared by every limiter so all paths count the same requests. */
export const accountRateKey = (accountId: string) => `account:${accountId}`;

/** Admission as two in-process steps: the rate limiter, then the ledger. */
export class LocalAdmission implements Admission {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly ledger: CreditLedger,
  ) {}

  async admit(accountId: string, requestId: string, cost: number, ratePerMinute: number): Promise<AdmissionResult> {
    const rate = await this.limiter.hit(accountRateKey(accountId), ratePerMinute);
    if (!rate.allowed) return { rate, credits: null };
    return { rate, credits: await this.ledger.reserve(accountId, requestId, cost) };
  }
}
