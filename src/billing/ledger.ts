import type { CreditSnapshot, ReserveResult } from './admission.js';
import type { Plan } from './plans.js';

/**
 * The credit ledger (docs/architecture.md § The credit ledger, docs/api-contract.md § Credits): the
 * cost is held before the upstream call, charged on 2xx and given back otherwise. The ledger is
 * append-only and an account's balance always equals the sum of its ledger rows. Three
 * implementations: in memory with group commit (one process), a Redis script with group commit
 * (instances sharing PostgreSQL and Redis), and one row-locked transaction per call (PostgreSQL alone).
 */
export interface CreditLedger {
  /** Holds `cost` for `requestId` if the account may spend it (a row only for the transactional ledger). */
  reserve(accountId: string, requestId: string, cost: number): Promise<ReserveResult>;
  /**
   * Charges the hold (the request answered 2xx); resolves once the charge is durable, so the 2xx may go
   * out. Rejects with ChargeRefused when the credits are no longer there.
   */
  commit(requestId: string): Promise<void>;
  /** Gives a hold back (anything but 2xx). Idempotent. */
  release(requestId: string): Promise<void>;
  /** Releases holds left unsettled longer than `maxAgeMs` (docs/api-contract.md § Credits: 60 s) by a crashed request. */
  releaseExpiredHolds(maxAgeMs?: number): Promise<number>;
  /**
   * Moves the account to another plan at once, keeping its period (docs/api-contract.md § Credits): the included
   * credits left move by the difference between the plans' monthly amounts, never below zero.
   */
  changePlan(accountId: string, plan: Plan): Promise<CreditSnapshot>;
  /** Adds credits to the current period's included balance (operator grant). */
  grant(accountId: string, amount: number, reference: string): Promise<CreditSnapshot>;
  /** The account's position now, starting a new period first if the old one has ended. */
  snapshot(accountId: string): Promise<CreditSnapshot>;
  /** Forgets anything cached about the account (plan, settings or status changed elsewhere). */
  forget(accountId: string): void;
  /** Sum of the account's ledger rows: equals its balance (audits and tests). */
  ledgerSum(accountId: string): Promise<number>;
  /** Writes whatever is pending. */
  close(): Promise<void>;
}
