import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, Store } from '../store/index.js';
import { admit, overageAllowed, type CreditSnapshot, type ReserveResult } from './admission.js';
import type { CreditLedger } from './ledger.js';
import { writeCommits, writeHolds, writeReleases, type AccountTotals, type Hold } from './ledger-writes.js';
import { utcDay } from './period.js';
import type { Plan, PlanCatalog } from './plans.js';
import { TransactionalLedger } from './transactional-ledger.js';

/** Balance moves applied in memory and not yet written. */
interface Moves {
  balance: number;
  used: number;
  overage: number;
}

/** What this process knows of an account: the database's position plus its own unwritten moves. */
interface Position {
  snapshot: CreditSnapshot;
  day: string;
  loadedAt: number;
  pending: Moves;
}

type Op =
  | { kind: 'hold'; hold: Hold; resolve: () => void; reject: (error: unknown) => void }
  | { kind: 'commit'; requestId: string }
  | { kind: 'release'; hold: Hold & { refund: boolean } };

/** A quiet account's position is re-read after this long, so changes made elsewhere show up. */
const REFRESH_MS = 1_000;

const noMoves = (): Moves => ({ balance: 0, used: 0, overage: 0 });

/**
 * Group commit (docs/architecture.md § The credit ledger): admission is decided against an
 * in-memory position, the hold is queued, and the request goes on only once the batch holding its
 * hold has committed. A batch is written as soon as the previous one ends, with no timer, so batches
 * grow with load. Each batch's `RETURNING` refreshes positions from the database, so grants and plan
 * changes made elsewhere are seen. Exact for one process; several instances use TransactionalLedger.
 */
export class BatchedLedger implements CreditLedger {
  private readonly db: Kysely<Database>;
  private readonly sql: TransactionalLedger;
  private readonly positions = new Map<string, Position>();
  private readonly loading = new Map<string, Promise<Position>>();
  /** Holds made by this process and not yet settled. */
  private readonly holds = new Map<string, Hold>();
  private queue: Op[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    store: Store,
    private readonly plans: PlanCatalog,
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    this.db = store.db;
    this.sql = new TransactionalLedger(store, plans, clock);
  }

  async reserve(accountId: string, requestId: string, cost: number): Promise<ReserveResult> {
    const position = await this.position(accountId);
    const decision = admit(position.snapshot, cost);
    if (!decision.ok) return { ok: false, reason: decision.reason, snapshot: position.snapshot };

    const now = this.clock.now();
    const hold: Hold = { requestId, accountId, amount: decision.fromIncluded, overage: decision.overage, day: position.day, periodStart: position.snapshot.periodStart, at: now };
    const moves = { balance: -hold.amount, used: cost, overage: hold.overage };
    this.move(position, moves, cost);
    this.holds.set(requestId, hold);
    const snapshot = position.snapshot;
    try {
      await new Promise<void>((resolve, reject) => this.enqueue({ kind: 'hold', hold, resolve, reject }));
    } catch (error) {
      this.holds.delete(requestId);
      this.positions.delete(accountId);
      throw error;
    }
    return { ok: true, remaining: snapshot.balance, overage: hold.overage, snapshot };
  }

  async commit(requestId: string): Promise<void> {
    if (!this.holds.delete(requestId)) return this.sql.commit(requestId);
    // Not awaited: the charge is durable already; a crash before this lands leaves a hold the
    // sweeper gives back, erring on the caller's side.
    this.enqueue({ kind: 'commit', requestId });
  }

  async release(requestId: string): Promise<void> {
    const hold = this.holds.get(requestId);
    const position = hold && this.positions.get(hold.accountId);
    if (!hold || !position) {
      this.holds.delete(requestId);
      await this.drain();
      return this.sql.release(requestId);
    }
    this.holds.delete(requestId);
    const refund = hold.periodStart === position.snapshot.periodStart;
    const total = hold.amount + hold.overage;
    this.move(position, refund ? { balance: hold.amount, used: -total, overage: -hold.overage } : noMoves(), hold.day === position.day ? -total : 0);
    this.enqueue({ kind: 'release', hold: { ...hold, refund } });
  }

  async releaseExpiredHolds(maxAgeMs = 60_000): Promise<number> {
    await this.drain();
    const cutoff = this.clock.now() - maxAgeMs;
    for (const [id, hold] of this.holds) if (hold.at < cutoff) this.holds.delete(id);
    const released = await this.sql.releaseExpiredHolds(maxAgeMs);
    if (released > 0) for (const position of this.positions.values()) position.loadedAt = 0;
    return released;
  }

  async grant(accountId: string, amount: number, reference: string): Promise<CreditSnapshot> {
    await this.drain();
    const snapshot = await this.sql.grant(accountId, amount, reference);
    this.positions.delete(accountId);
    return snapshot;
  }

  async changePlan(accountId: string, plan: Plan): Promise<CreditSnapshot> {
    await this.drain();
    const snapshot = await this.sql.changePlan(accountId, plan);
    this.positions.delete(accountId);
    return snapshot;
  }

  async snapshot(accountId: string): Promise<CreditSnapshot> {
    await this.drain();
    this.positions.delete(accountId);
    return (await this.position(accountId)).snapshot;
  }

  forget(accountId: string): void {
    const position = this.positions.get(accountId);
    if (position) position.loadedAt = 0;
  }

  async ledgerSum(accountId: string): Promise<number> {
    await this.drain();
    return this.sql.ledgerSum(accountId);
  }

  async close(): Promise<void> {
    await this.drain();
  }

  /** The account's position, re-read when quiet and stale, or when a day or period has ended. */
  private async position(accountId: string): Promise<Position> {
    const now = this.clock.now();
    const known = this.positions.get(accountId);
    if (known) {
      const boundary = known.day !== utcDay(now) || now >= known.snapshot.periodEnd;
      const quiet = known.pending.balance === 0 && known.pending.used === 0;
      if (!boundary && !(quiet && now - known.loadedAt > REFRESH_MS)) return known;
      if (boundary) await this.drain();
      if (this.positions.get(accountId) === known) this.positions.delete(accountId);
    }
    const current = this.positions.get(accountId);
    if (current) return current;
    let load = this.loading.get(accountId);
    if (!load) {
      load = this.sql.snapshot(accountId).then(
        (snapshot) => {
          const position: Position = { snapshot, day: utcDay(this.clock.now()), loadedAt: this.clock.now(), pending: noMoves() };
          this.positions.set(accountId, position);
          this.loading.delete(accountId);
          return position;
        },
        (error: unknown) => {
          this.loading.delete(accountId);
          throw error;
        },
      );
      this.loading.set(accountId, load);
    }
    return load;
  }

  private move(position: Position, moves: Moves, daily: number): void {
    position.snapshot = {
      ...position.snapshot,
      balance: position.snapshot.balance + moves.balance,
      creditsUsed: position.snapshot.creditsUsed + moves.used,
      overageCredits: position.snapshot.overageCredits + moves.overage,
      dailyUsed: position.snapshot.dailyUsed + daily,
    };
    position.pending.balance += moves.balance;
    position.pending.used += moves.used;
    position.pending.overage += moves.overage;
  }

  private enqueue(op: Op): void {
    this.queue.push(op);
    this.flushing ??= this.flushLoop();
  }

  private async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flushLoop(): Promise<void> {
    while (this.queue.length > 0) {
      // Yield to I/O first: requests already read from their sockets in this turn of the event loop
      // join the batch. A microtask would run after the first one alone, and SQLite's synchronous
      // writes never yield, so batches would stay at one hold each.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const batch = this.queue;
      this.queue = [];
      await this.write(batch);
    }
    this.flushing = null;
  }

  private async write(batch: Op[]): Promise<void> {
    const holds: Hold[] = [];
    const commits: string[] = [];
    const releases: Array<Hold & { refund: boolean }> = [];
    for (const op of batch) {
      if (op.kind === 'hold') holds.push(op.hold);
      else if (op.kind === 'commit') commits.push(op.requestId);
      else releases.push(op.hold);
    }
    const now = this.clock.now();
    try {
      const rows = await this.db.transaction().execute(async (trx) => {
        const afterHolds = await writeHolds(trx, holds);
        await writeCommits(trx, commits, now);
        const afterReleases = await writeReleases(trx, releases, now);
        return [...afterHolds, ...afterReleases];
      });
      this.settle(holds, releases, rows);
      for (const op of batch) if (op.kind === 'hold') op.resolve();
    } catch (error) {
      this.onError(error);
      for (const hold of [...holds, ...releases]) this.positions.delete(hold.accountId);
      for (const op of batch) if (op.kind === 'hold') op.reject(error);
    }
  }

  /** Positions become the database's numbers plus the moves still unwritten. */
  private settle(holds: readonly Hold[], releases: ReadonlyArray<Hold & { refund: boolean }>, rows: readonly AccountTotals[]): void {
    for (const h of holds) {
      const p = this.positions.get(h.accountId);
      if (p) this.unpend(p, { balance: -h.amount, used: h.amount + h.overage, overage: h.overage });
    }
    for (const h of releases) {
      const p = this.positions.get(h.accountId);
      if (p && h.refund) this.unpend(p, { balance: h.amount, used: -(h.amount + h.overage), overage: -h.overage });
    }
    const latest = new Map(rows.map((row) => [row.id, row]));
    for (const [id, row] of latest) {
      const p = this.positions.get(id);
      if (!p) continue;
      const plan = this.plans.get(row.plan_id) ?? p.snapshot.plan;
      p.snapshot = {
        ...p.snapshot,
        plan,
        balance: row.credits_balance + p.pending.balance,
        creditsUsed: row.credits_used + p.pending.used,
        overageCredits: row.overage_credits + p.pending.overage,
        allowOverage: overageAllowed(plan, row.allow_overage),
        hardLimitCredits: row.hard_limit_credits,
      };
    }
  }

  private unpend(p: Position, moves: Moves): void {
    p.pending.balance -= moves.balance;
    p.pending.used -= moves.used;
    p.pending.overage -= moves.overage;
  }
}
