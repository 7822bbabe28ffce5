import type { Clock } from '../clock.js';
import type { Store } from '../store/index.js';
import { admit, overageAllowed, type CreditSnapshot, type ReserveResult } from './admission.js';
import { ChargeQueue, type FlushListener } from './charge-queue.js';
import { chargeWriter, type Charge, type FlushOutcome } from './charge-writer.js';
import type { CreditLedger } from './ledger.js';
import { utcDay } from './period.js';
import type { Plan, PlanCatalog } from './plans.js';
import { TransactionalLedger } from './transactional-ledger.js';

/** Credits this process has admitted and not yet written: held by running requests or queued. */
interface InFlight {
  amount: number;
  overage: number;
  /** The part of the above that counts against `Position.day`. */
  daily: number;
}

/**
 * What this process knows of an account: the database's numbers as last read or written, kept apart
 * from its own in-flight credits, so re-reading the database never forgets (or double-counts) them.
 */
interface Position {
  stored: CreditSnapshot;
  day: string;
  loadedAt: number;
  inFlight: InFlight;
}

/** A request's credits between admission and its answer. */
interface Hold {
  accountId: string;
  amount: number;
  overage: number;
  day: string;
}

/** A quiet account's position is re-read after this long, so changes made elsewhere show up. */
const REFRESH_MS = 1_000;

export interface BatchedLedgerOptions {
  /** A flush failed as a whole; its requests are answered with an error. */
  onError?: (error: unknown) => void;
  onFlush?: FlushListener;
}

/**
 * Group commit for one process (README.md § Metering): admission is decided in memory, nothing is written
 * while the request runs, and a 2xx's charge is queued and written with the others of its flush, the
 * request answered only once that flush has committed. A crash before the flush loses nothing that was
 * owed: no 2xx was sent. Exact for one process; instances sharing a database use the Redis ledger.
 */
export class BatchedLedger implements CreditLedger {
  private readonly sql: TransactionalLedger;
  private readonly queue: ChargeQueue;
  private readonly positions = new Map<string, Position>();
  private readonly loading = new Map<string, Promise<Position>>();
  private readonly holds = new Map<string, Hold>();

  constructor(
    store: Store,
    private readonly plans: PlanCatalog,
    private readonly clock: Clock,
    opts: BatchedLedgerOptions = {},
  ) {
    this.sql = new TransactionalLedger(store, plans, clock);
    this.queue = new ChargeQueue(chargeWriter(store), { ...opts, onSettled: (charges, outcome) => this.settle(charges, outcome) });
  }

  async reserve(accountId: string, requestId: string, cost: number): Promise<ReserveResult> {
    const known = this.position(accountId);
    const position = known instanceof Promise ? await known : known;
    const view = this.view(position);
    const decision = admit(view, cost);
    if (!decision.ok) return { ok: false, reason: decision.reason, snapshot: view };
    this.holds.set(requestId, { accountId, amount: decision.fromIncluded, overage: decision.overage, day: position.day });
    position.inFlight.amount += decision.fromIncluded;
    position.inFlight.overage += decision.overage;
    position.inFlight.daily += cost;
    const after = this.view(position);
    return { ok: true, remaining: after.balance, overage: decision.overage, snapshot: after };
  }

  async commit(requestId: string): Promise<void> {
    const hold = this.holds.get(requestId);
    if (!hold) return this.sql.commit(requestId);
    this.holds.delete(requestId);
    const charge: Charge = { requestId, accountId: hold.accountId, amount: hold.amount, overage: hold.overage, day: hold.day, at: this.clock.now() };
    await this.queue.charge(charge);
  }

  async release(requestId: string): Promise<void> {
    const hold = this.holds.get(requestId);
    if (!hold) return this.sql.release(requestId);
    this.holds.delete(requestId);
    this.unhold(hold.accountId, hold);
  }

  /** In-memory holds need no sweeping; this gives back holds written by an earlier version or by the transactional ledger. */
  async releaseExpiredHolds(maxAgeMs = 60_000): Promise<number> {
    const released = await this.sql.releaseExpiredHolds(maxAgeMs);
    if (released > 0) for (const position of this.positions.values()) position.loadedAt = Number.NEGATIVE_INFINITY;
    return released;
  }

  async grant(accountId: string, amount: number, reference: string): Promise<CreditSnapshot> {
    await this.sql.grant(accountId, amount, reference);
    return this.snapshot(accountId);
  }

  async changePlan(accountId: string, plan: Plan): Promise<CreditSnapshot> {
    await this.sql.changePlan(accountId, plan);
    return this.snapshot(accountId);
  }

  async snapshot(accountId: string): Promise<CreditSnapshot> {
    this.forget(accountId);
    return this.view(await this.position(accountId));
  }

  forget(accountId: string): void {
    const position = this.positions.get(accountId);
    if (position) position.loadedAt = Number.NEGATIVE_INFINITY;
  }

  async ledgerSum(accountId: string): Promise<number> {
    await this.queue.drain();
    return this.sql.ledgerSum(accountId);
  }

  async close(): Promise<void> {
    await this.queue.drain();
  }

  /** The position as admission sees it: the stored numbers less what is in flight. */
  private view(p: Position): CreditSnapshot {
    const f = p.inFlight;
    return {
      ...p.stored,
      balance: p.stored.balance - f.amount,
      creditsUsed: p.stored.creditsUsed + f.amount + f.overage,
      overageCredits: p.stored.overageCredits + f.overage,
      dailyUsed: p.stored.dailyUsed + f.daily,
    };
  }

  private unhold(accountId: string, hold: Hold): void {
    const p = this.positions.get(accountId);
    if (!p) return;
    p.inFlight.amount -= hold.amount;
    p.inFlight.overage -= hold.overage;
    if (hold.day === p.day) p.inFlight.daily -= hold.amount + hold.overage;
  }

  /** After a flush: written charges leave the in-flight sums and enter the stored numbers. */
  private settle(charges: readonly Charge[], outcome: FlushOutcome): void {
    for (const c of charges) {
      this.unhold(c.accountId, c);
      const p = this.positions.get(c.accountId);
      if (p && c.day === p.day && outcome.get(c.accountId)) p.stored = { ...p.stored, dailyUsed: p.stored.dailyUsed + c.amount + c.overage };
    }
    for (const [id, row] of outcome) {
      const p = this.positions.get(id);
      if (!p) continue;
      if (!row) {
        // Refused or failed: what the database holds is no longer what we thought; read it afresh.
        p.loadedAt = Number.NEGATIVE_INFINITY;
        continue;
      }
      const plan = this.plans.get(row.plan_id) ?? p.stored.plan;
      if (p.loadedAt !== Number.NEGATIVE_INFINITY) p.loadedAt = this.clock.now();
      p.stored = {
        ...p.stored,
        plan,
        balance: row.credits_balance,
        creditsUsed: row.credits_used,
        overageCredits: row.overage_credits,
        allowOverage: overageAllowed(plan, row.allow_overage),
        hardLimitCredits: row.hard_limit_credits,
      };
    }
  }

  /**
   * The account's position. Re-read first when forgotten or when a day or period has ended; re-read in
   * the background when merely quiet (a busy account is refreshed by every flush's `RETURNING`), so
   * requests never wait for a routine refresh. A known position comes without a promise: it is every
   * request's path but an account's first.
   */
  private position(accountId: string): Position | Promise<Position> {
    const known = this.positions.get(accountId);
    const now = this.clock.now();
    if (known && known.loadedAt !== Number.NEGATIVE_INFINITY && known.day === utcDay(now) && now < known.stored.periodEnd) {
      if (now - known.loadedAt > REFRESH_MS && !this.loading.has(accountId)) this.reload(accountId).catch(() => {});
      return known;
    }
    return this.reload(accountId);
  }

  private reload(accountId: string): Promise<Position> {
    let load = this.loading.get(accountId);
    if (!load) {
      load = this.load(accountId).finally(() => this.loading.delete(accountId));
      this.loading.set(accountId, load);
    }
    return load;
  }

  private load(accountId: string): Promise<Position> {
    return this.queue.exclusive(async () => {
      const stored = await this.sql.snapshot(accountId);
      const day = utcDay(this.clock.now());
      const known = this.positions.get(accountId);
      if (!known) {
        const position: Position = { stored, day, loadedAt: this.clock.now(), inFlight: { amount: 0, overage: 0, daily: 0 } };
        this.positions.set(accountId, position);
        return position;
      }
      // Holds of an earlier day still settle against this position; they count no more against today.
      if (known.day !== day) known.inFlight.daily = 0;
      known.stored = stored;
      known.day = day;
      known.loadedAt = this.clock.now();
      return known;
    });
  }
}
