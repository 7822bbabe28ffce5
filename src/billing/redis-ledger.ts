import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, Store } from '../store/index.js';
import type { CreditSnapshot, ReserveResult } from './admission.js';
import { ChargeQueue, type FlushListener } from './charge-queue.js';
import { chargeWriter, type Charge, type FlushOutcome } from './charge-writer.js';
import { accountRateKey, AdmissionUnavailable, type Admission, type AdmissionResult } from './gate.js';
import type { CreditLedger } from './ledger.js';
import { utcDay } from './period.js';
import type { Plan, PlanCatalog } from './plans.js';
import { gcra } from './rate-limit.js';
import { readSnapshot, TransactionalLedger } from './transactional-ledger.js';

/**
 * Admission for many instances: one Lua script call admits the requests of one account that arrived
 * in the same turn of an instance's event loop, in order, each as if alone: the rate limit (the same
 * GCRA as the in-memory limiter), the daily cap and the balance, and a hold per admitted request.
 * The account's counters are a copy of its PostgreSQL row plus the holds of running requests; `gen`
 * names the copy, so a request admitted under an older copy never corrects a newer one.
 * ARGV: now, rate interval, rate limit (0: none), today, hold lifetime, then request id and cost per
 * request. One reply per request: {reason, previous TAT} when refused by the rate limit or when the
 * copy is missing or its period has ended; else {reason, previous TAT, hold member, included,
 * overage, balance left, used, overage used, daily used}. Holds of this copy past their lifetime
 * make it change nothing and reply once {'expired', member...}: only PostgreSQL knows whether their
 * charges were written (an instance killed between its commit and its settle), so EXPIRE settles them.
 */
const ADMIT = `
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local today = ARGV[4]
local holdMs = tonumber(ARGV[5])
local tat = nil
if limit > 0 then tat = tonumber(redis.call('GET', KEYS[3])) end
local rateMoved = false
local exists = redis.call('EXISTS', KEYS[1]) == 1
local f, ended = nil, false
if exists then
  f = redis.call('HMGET', KEYS[1], 'gen', 'balance', 'held', 'used', 'overage', 'heldOver', 'day', 'daily', 'periodEnd', 'dailyCap', 'allowOverage', 'hardLimit')
  ended = now >= tonumber(f[9])
end
local open = exists and not ended
local gen, balance, held, used, overage, heldOver, day, daily, cap, hard
if open then
  gen, balance, held, used, overage, heldOver = f[1], tonumber(f[2]), tonumber(f[3]), tonumber(f[4]), tonumber(f[5]), tonumber(f[6])
  day, daily, cap, hard = f[7], tonumber(f[8]), tonumber(f[10]), tonumber(f[12])
  local stale = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)
  local expired = {'expired'}
  for _, m in ipairs(stale) do
    if string.match(m, '|([^|]+)$') == gen then expired[#expired + 1] = m else redis.call('ZREM', KEYS[2], m) end
  end
  if #expired > 1 then return {expired} end
  if day ~= today then
    day = today
    daily = 0
  end
end
local replies = {}
local holds = {}
for i = 6, #ARGV, 2 do
  local cost = tonumber(ARGV[i + 1])
  local prevTat = ''
  local limited = false
  if limit > 0 then
    local base = now
    if tat and tat > now then base = tat end
    prevTat = tostring(tat or now)
    local nextTat = base + interval
    if now < nextTat - limit * interval then
      limited = true
    else
      tat = nextTat
      rateMoved = true
    end
  end
  if limited then
    replies[#replies + 1] = {'rate', prevTat}
  elseif not exists then
    replies[#replies + 1] = {'missing', prevTat}
  elseif ended then
    replies[#replies + 1] = {'period', prevTat}
  else
    local reason = 'ok'
    local inc, over = 0, 0
    if cap >= 0 and daily + cost > cap then
      reason = 'daily_credit_limit'
    else
      inc = math.min(math.max(balance - held, 0), cost)
      over = cost - inc
      if over > 0 and not (f[11] == '1' and (hard < 0 or used + held + heldOver + cost <= hard)) then reason = 'insufficient_credits' end
    end
    local member = ''
    if reason == 'ok' then
      held = held + inc
      heldOver = heldOver + over
      daily = daily + cost
      member = ARGV[i] .. '|' .. inc .. '|' .. over .. '|' .. day .. '|' .. gen
      holds[#holds + 1] = now + holdMs
      holds[#holds + 1] = member
    end
    replies[#replies + 1] = {reason, prevTat, member, inc, over, balance - held, used + held + heldOver, overage + heldOver, daily}
  end
end
if rateMoved then redis.call('SET', KEYS[3], tostring(tat), 'PX', math.ceil(tat - now) + 1000) end
if #holds > 0 then redis.call('ZADD', KEYS[2], unpack(holds)) end
if open then redis.call('HSET', KEYS[1], 'held', held, 'heldOver', heldOver, 'day', day, 'daily', daily) end
return replies
`;

/**
 * After a flush: the account's written charges leave its holds and enter its balance. Each charge is
 * sent as its hold's member alone, which carries its amounts, day and generation
 * (`request|included|overage|day|gen`, as ADMIT writes it). A hold EXPIRE or a rebuild already settled
 * as charged (KEYS[3]) is not counted twice. Charges PostgreSQL refused only lose their holds: the
 * instance then rebuilds the copy, whose balance was more than PostgreSQL's.
 */
const SETTLE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if ARGV[1] == 'refused' then
  for i = 2, #ARGV do redis.call('ZREM', KEYS[2], ARGV[i]) end
  return 0
end
local f = redis.call('HMGET', KEYS[1], 'gen', 'balance', 'held', 'used', 'overage', 'heldOver', 'day', 'daily')
local gen, balance, held, used, overage, heldOver = f[1], tonumber(f[2]), tonumber(f[3]), tonumber(f[4]), tonumber(f[5]), tonumber(f[6])
local day, daily = f[7], tonumber(f[8])
for i = 2, #ARGV do
  local member = ARGV[i]
  local a, o, d, g = string.match(member, '|(%d+)|(%d+)|([^|]+)|([^|]+)$')
  if g == gen then
    a, o = tonumber(a), tonumber(o)
    if redis.call('ZREM', KEYS[2], member) == 1 then
      held = held - a
      heldOver = heldOver - o
      balance = balance - a
      used = used + a + o
      overage = overage + o
    elseif redis.call('ZREM', KEYS[3], member) == 0 then
      if d == day then daily = daily + a + o end
      balance = balance - a
      used = used + a + o
      overage = overage + o
    end
  end
end
redis.call('HSET', KEYS[1], 'balance', balance, 'held', held, 'used', used, 'overage', overage, 'heldOver', heldOver, 'daily', daily)
return 1
`;

/**
 * Settles holds past their lifetime as PostgreSQL has them: ARGV is now, then member and 1 (its charge
 * was written: it enters the balance, as SETTLE would) or 0 (it was not: the hold is given back).
 * Only the caller whose ZREM removes a hold applies it, so instances expiring together count it once.
 * A charged one is remembered in KEYS[3] for a day, so its instance's SETTLE arriving late skips it;
 * an uncharged one needs no mark: a late SETTLE finds no hold and charges it, daily counter included.
 */
const EXPIRE = `
local gen = redis.call('HGET', KEYS[1], 'gen')
if not gen then return 0 end
local now = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - 86400000)
local f = redis.call('HMGET', KEYS[1], 'balance', 'held', 'used', 'overage', 'heldOver', 'day', 'daily')
local balance, held, used, overage, heldOver, day, daily = tonumber(f[1]), tonumber(f[2]), tonumber(f[3]), tonumber(f[4]), tonumber(f[5]), f[6], tonumber(f[7])
for i = 2, #ARGV, 2 do
  local member = ARGV[i]
  local a, o, d, g = string.match(member, '|(%d+)|(%d+)|([^|]+)|([^|]+)$')
  if g == gen and redis.call('ZREM', KEYS[2], member) == 1 then
    a, o = tonumber(a), tonumber(o)
    held = held - a
    heldOver = heldOver - o
    if ARGV[i + 1] == '1' then
      balance = balance - a
      used = used + a + o
      overage = overage + o
      redis.call('ZADD', KEYS[3], now, member)
    elseif d == day then
      daily = daily - a - o
    end
  end
end
redis.call('HSET', KEYS[1], 'balance', balance, 'held', held, 'used', used, 'overage', overage, 'heldOver', heldOver, 'daily', daily)
return 1
`;

/** The holds among `members` whose charges are in the ledger (a member's request id is its charge's reference). */
async function chargedHolds(db: Kysely<Database>, accountId: string, members: readonly string[]): Promise<string[]> {
  if (members.length === 0) return [];
  const requestOf = (member: string) => member.replace(/(\|[^|]*){4}$/, '');
  const rows = await db
    .selectFrom('credit_ledger')
    .select('reference')
    .where('account_id', '=', accountId)
    .where('kind', '=', 'charge')
    .where('reference', 'in', members.map(requestOf))
    .execute();
  const charged = new Set(rows.map((r) => r.reference));
  return members.filter((m) => charged.has(requestOf(m)));
}

/** A request that will not be charged gives its hold back. */
const RELEASE = `
if redis.call('ZREM', KEYS[2], ARGV[1]) == 0 then return 0 end
local f = redis.call('HMGET', KEYS[1], 'held', 'heldOver', 'day', 'daily')
local a, o = tonumber(ARGV[2]), tonumber(ARGV[3])
local daily = tonumber(f[4])
if ARGV[4] == f[3] then daily = daily - a - o end
redis.call('HSET', KEYS[1], 'held', tonumber(f[1]) - a, 'heldOver', tonumber(f[2]) - o, 'daily', daily)
return 1
`;

/**
 * Copies the account's PostgreSQL position into Redis: only when missing, unless forced (ARGV[11]).
 * A forced copy over an existing one keeps its generation and the holds of requests still running on
 * any instance: ARGV from the 13th are the holds whose charges PostgreSQL's position already counts,
 * which leave (marked in KEYS[3] at ARGV[12], so their late SETTLE skips them); the others stay held,
 * counted again from their members. A new copy starts a generation with no holds: whatever an older
 * one held was lost with it.
 */
const SEED = `
if ARGV[11] ~= '1' and redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local gen = redis.call('HGET', KEYS[1], 'gen')
local held, heldOver, daily = 0, 0, tonumber(ARGV[6])
if gen then
  for i = 13, #ARGV do
    if redis.call('ZREM', KEYS[2], ARGV[i]) == 1 then redis.call('ZADD', KEYS[3], ARGV[12], ARGV[i]) end
  end
  for _, m in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
    local a, o, d, g = string.match(m, '|(%d+)|(%d+)|([^|]+)|([^|]+)$')
    if g == gen then
      held = held + tonumber(a)
      heldOver = heldOver + tonumber(o)
      if d == ARGV[5] then daily = daily + tonumber(a) + tonumber(o) end
    else
      redis.call('ZREM', KEYS[2], m)
    end
  end
else
  gen = ARGV[1]
  redis.call('DEL', KEYS[2], KEYS[3])
end
redis.call('HSET', KEYS[1], 'gen', gen, 'balance', ARGV[2], 'held', held, 'used', ARGV[3], 'overage', ARGV[4], 'heldOver', heldOver,
  'day', ARGV[5], 'daily', daily, 'periodEnd', ARGV[7], 'dailyCap', ARGV[8], 'allowOverage', ARGV[9], 'hardLimit', ARGV[10])
return 1
`;

/** Plan settings changed in PostgreSQL (plan, overage choice, hard limit): the counters stay. */
const SETTINGS = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'periodEnd', ARGV[1], 'dailyCap', ARGV[2], 'allowOverage', ARGV[3], 'hardLimit', ARGV[4])
return 1
`;

const GRANT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HINCRBY', KEYS[1], 'balance', ARGV[1])
return 1
`;

interface LedgerScripts {
  tlAdmit(hash: string, holds: string, rate: string, ...args: Array<string | number>): Promise<AdmitReply[]>;
  tlSettle(hash: string, holds: string, settled: string, ...args: Array<string | number>): Promise<number>;
  tlExpire(hash: string, holds: string, settled: string, ...args: Array<string | number>): Promise<number>;
  tlRelease(hash: string, holds: string, ...args: Array<string | number>): Promise<number>;
  tlSeed(hash: string, holds: string, settled: string, ...args: Array<string | number>): Promise<number>;
  tlGrant(hash: string, holds: string, amount: number): Promise<number>;
  tlSettings(hash: string, holds: string, ...args: Array<string | number>): Promise<number>;
}

function defineScripts(redis: Redis): LedgerScripts {
  const scripts = { tlAdmit: [ADMIT, 3], tlSettle: [SETTLE, 3], tlExpire: [EXPIRE, 3], tlRelease: [RELEASE, 2], tlSeed: [SEED, 3], tlGrant: [GRANT, 2], tlSettings: [SETTINGS, 2] } as const;
  for (const [name, [lua, numberOfKeys]] of Object.entries(scripts)) {
    if (!(name in redis)) redis.defineCommand(name, { lua, numberOfKeys });
  }
  return redis as unknown as LedgerScripts;
}

/** One request's answer from ADMIT. */
type AdmitReply = Array<string | number>;

/** Admissions of one account waiting for the end of this turn of the event loop, to go to Redis as one script call. */
interface AdmissionBatch {
  accountId: string;
  ratePerMinute: number;
  /** Request id and cost, alternating, as ADMIT takes them. */
  requests: Array<string | number>;
  waiting: Array<{ resolve(admitted: { now: number; reply: AdmitReply }): void; reject(error: unknown): void }>;
}

/** A hold as Redis knows it: the zset member names it, amounts included. */
interface Hold {
  accountId: string;
  member: string;
  amount: number;
  overage: number;
  day: string;
}

/**
 * A hold not settled after this long belongs to a crashed instance: the next admission settles it as
 * PostgreSQL has it, charged when its charge was written there, else given back.
 */
const HOLD_MS = 120_000;
const RATE_WINDOW_MS = 60_000;
const STARTUP_WAIT_MS = 2_000;
/** Most requests one admission script call takes (ZADD gets two arguments per admitted request). */
const MAX_ADMISSION_BATCH = 500;

export interface RedisLedgerOptions {
  keyPrefix?: string;
  rateKeyPrefix?: string;
  onError?: (error: unknown) => void;
  onFlush?: FlushListener;
}

/**
 * The ledger for instances sharing PostgreSQL and Redis (README.md § Metering): admission is one Redis
 * script call per account and turn of the event loop, no lock is held across a round trip, and the
 * charges of 2xx answers are written to PostgreSQL by group commit, each request answered after its
 * flush commits. PostgreSQL stays the truth: a flush takes credits only where the row still has
 * them, so a stale Redis copy can cost a 402, never an over-spend. Counters missing from Redis (start,
 * restart, eviction) are rebuilt from PostgreSQL; while Redis is unreachable admission refuses with
 * AdmissionUnavailable.
 */
export class RedisLedger implements CreditLedger, Admission {
  private readonly sql: TransactionalLedger;
  private readonly store: Store;
  private readonly queue: ChargeQueue;
  private readonly scripts: LedgerScripts;
  private readonly holds = new Map<string, Hold>();
  /** Zset members of holds whose charges are queued, for the settle script. */
  private readonly members = new Map<string, string>();
  /** Plan, period and limits per account as last read from PostgreSQL. */
  private readonly basics = new Map<string, CreditSnapshot>();
  /** Accounts whose Redis copy missed an update (Redis failed after PostgreSQL committed): rebuilt before next use. */
  private readonly dirty = new Set<string>();
  /** Rebuilds under way: admissions of the account wait, so no hold is taken under a copy about to be replaced. */
  private readonly reseeding = new Map<string, Promise<void>>();
  private readonly prefix: string;
  private readonly ratePrefix: string;
  private readonly onError: (error: unknown) => void;
  /** One wait for a client still starting, shared by the requests that arrive meanwhile. */
  private ready: Promise<void> | null = null;
  /** Settings refreshes started by `forget`, which `close` waits for before the caller closes Redis. */
  private readonly refreshes = new Set<Promise<unknown>>();
  /** Admissions gathering for this turn of the event loop, by account and rate. */
  private readonly batches = new Map<string, AdmissionBatch>();

  constructor(
    store: Store,
    private readonly redis: Redis,
    private readonly plans: PlanCatalog,
    private readonly clock: Clock,
    opts: RedisLedgerOptions = {},
  ) {
    this.store = store;
    this.sql = new TransactionalLedger(store, plans, clock);
    this.scripts = defineScripts(redis);
    this.prefix = opts.keyPrefix ?? 'trendlens:credit:';
    this.ratePrefix = opts.rateKeyPrefix ?? 'trendlens:rate:';
    this.onError = opts.onError ?? ((error) => console.error('credit ledger:', error));
    this.queue = new ChargeQueue(chargeWriter(store), { onError: this.onError, onFlush: opts.onFlush, onSettled: (charges, outcome) => this.settle(charges, outcome) });
  }

  async admit(accountId: string, requestId: string, cost: number, ratePerMinute: number): Promise<AdmissionResult> {
    const { now, reply } = await this.run(accountId, requestId, cost, ratePerMinute);
    const rate = ratePerMinute > 0 ? gcra(reply[1] === '' ? undefined : Number(reply[1]), now, ratePerMinute).decision : null;
    if (reply[0] === 'rate') return { rate: rate!, credits: null };
    return { rate: rate!, credits: await this.decide(accountId, requestId, cost, reply) };
  }

  async reserve(accountId: string, requestId: string, cost: number): Promise<ReserveResult> {
    const { reply } = await this.run(accountId, requestId, cost, 0);
    return this.decide(accountId, requestId, cost, reply);
  }

  async commit(requestId: string): Promise<void> {
    const hold = this.holds.get(requestId);
    if (!hold) return this.sql.commit(requestId);
    this.holds.delete(requestId);
    this.members.set(requestId, hold.member);
    await this.queue.charge({ requestId, accountId: hold.accountId, amount: hold.amount, overage: hold.overage, day: hold.day, at: this.clock.now() });
  }

  async release(requestId: string): Promise<void> {
    const hold = this.holds.get(requestId);
    if (!hold) return this.sql.release(requestId);
    this.holds.delete(requestId);
    // Not awaited: until it lands the hold keeps counting, which errs on the account's side, not ours.
    this.scripts.tlRelease(...this.keys(hold.accountId), hold.member, hold.amount, hold.overage, hold.day).catch((error: unknown) => this.lost(hold.accountId, error));
  }

  async releaseExpiredHolds(maxAgeMs = 60_000): Promise<number> {
    return this.sql.releaseExpiredHolds(maxAgeMs);
  }

  async grant(accountId: string, amount: number, reference: string): Promise<CreditSnapshot> {
    const snapshot = await this.sql.grant(accountId, amount, reference);
    await this.scripts.tlGrant(...this.keys(accountId), amount).catch((error: unknown) => this.lost(accountId, error));
    return snapshot;
  }

  async changePlan(accountId: string, plan: Plan): Promise<CreditSnapshot> {
    const snapshot = await this.sql.changePlan(accountId, plan);
    await this.rebuild(accountId).catch((error: unknown) => this.lost(accountId, error));
    return snapshot;
  }

  /** The account as PostgreSQL has it: charges written, running requests not counted. */
  snapshot(accountId: string): Promise<CreditSnapshot> {
    return this.sql.snapshot(accountId);
  }

  forget(accountId: string): void {
    this.basics.delete(accountId);
    const refresh = this.sql.snapshot(accountId).then((s) => {
      this.basics.set(accountId, s);
      return this.scripts.tlSettings(...this.keys(accountId), s.periodEnd, s.plan.daily_credit_limit ?? -1, s.allowOverage ? 1 : 0, s.hardLimitCredits ?? -1);
    });
    const settled = refresh.catch((error: unknown) => this.lost(accountId, error)).finally(() => this.refreshes.delete(settled));
    this.refreshes.add(settled);
  }

  async ledgerSum(accountId: string): Promise<number> {
    await this.queue.drain();
    return this.sql.ledgerSum(accountId);
  }

  async close(): Promise<void> {
    await this.queue.drain();
    // A one-shot command (accounts suspend, set-plan) closes Redis right after: the refresh lands first.
    await Promise.all(this.refreshes);
  }

  private keys(accountId: string): [string, string] {
    const hash = this.prefix + accountId;
    return [hash, `${hash}:holds`];
  }

  /** The keys plus the set of expired holds settled as charged, for the scripts that settle or rebuild. */
  private settleKeys(accountId: string): [string, string, string] {
    const [hash, holds] = this.keys(accountId);
    return [hash, holds, `${hash}:settled`];
  }

  /** Admits one request, rebuilding the account's counters first when they are missing or stale. */
  private async run(accountId: string, requestId: string, cost: number, ratePerMinute: number): Promise<{ now: number; reply: AdmitReply }> {
    if (this.redis.status !== 'ready') await this.untilReady();
    try {
      await this.reseeding.get(accountId);
      if (this.dirty.has(accountId)) {
        this.dirty.delete(accountId);
        await this.rebuild(accountId);
      }
      const admitted = await this.inNextBatch(accountId, requestId, cost, ratePerMinute);
      const { now } = admitted;
      let { reply } = admitted;
      for (let attempt = 0; reply[0] === 'missing' || reply[0] === 'period'; attempt++) {
        if (attempt === 3) throw new Error(`the counters of account ${accountId} could not be rebuilt`);
        // The rate limit has counted this request already; the retry checks credits only.
        await this.seed(accountId, reply[0] === 'period');
        const [retried] = await this.admitNow(accountId, 0, now, [requestId, cost]);
        reply = [retried![0]!, reply[1]!, ...retried!.slice(2)];
      }
      return { now, reply };
    } catch (error) {
      if (error instanceof AdmissionUnavailable) throw error;
      this.dirty.add(accountId);
      throw new AdmissionUnavailable(error);
    }
  }

  /**
   * Joins the account's admissions of this turn of the event loop: the requests read from the sockets
   * together go to Redis as one script call, which costs Redis and this process far less than one
   * call each (the Redis client already sent them in one write, but ran and parsed each alone).
   */
  private inNextBatch(accountId: string, requestId: string, cost: number, ratePerMinute: number): Promise<{ now: number; reply: AdmitReply }> {
    const key = `${ratePerMinute}:${accountId}`;
    let batch = this.batches.get(key);
    if (!batch || batch.waiting.length >= MAX_ADMISSION_BATCH) {
      const opened: AdmissionBatch = { accountId, ratePerMinute, requests: [], waiting: [] };
      this.batches.set(key, opened);
      setImmediate(() => this.sendBatch(key, opened));
      batch = opened;
    }
    batch.requests.push(requestId, cost);
    return new Promise((resolve, reject) => batch.waiting.push({ resolve, reject }));
  }

  private async sendBatch(key: string, batch: AdmissionBatch): Promise<void> {
    if (this.batches.get(key) === batch) this.batches.delete(key);
    const now = this.clock.now();
    try {
      const replies = await this.admitNow(batch.accountId, batch.ratePerMinute, now, batch.requests);
      batch.waiting.forEach((w, i) => w.resolve({ now, reply: replies[i]! }));
    } catch (error) {
      for (const w of batch.waiting) w.reject(error);
    }
  }

  /** One ADMIT call for `requests` (request id and cost, alternating), after settling the account's expired holds. */
  private async admitNow(accountId: string, ratePerMinute: number, now: number, requests: Array<string | number>): Promise<AdmitReply[]> {
    const rateKey = this.ratePrefix + accountRateKey(accountId);
    const interval = ratePerMinute > 0 ? RATE_WINDOW_MS / ratePerMinute : 0;
    for (let attempt = 0; ; attempt++) {
      const replies = await this.scripts.tlAdmit(...this.keys(accountId), rateKey, now, interval, ratePerMinute, utcDay(now), HOLD_MS, ...requests);
      const [first] = replies;
      if (first?.[0] !== 'expired') return replies;
      // Other instances' holds keep expiring meanwhile; a few rounds always catch up.
      if (attempt === 3) throw new Error(`the expired holds of account ${accountId} could not be settled`);
      await this.expire(accountId, now, first.slice(1).map(String));
    }
  }

  /**
   * Settles holds past their lifetime by what PostgreSQL wrote: an instance killed after its flush
   * committed and before its settle reached Redis leaves a hold whose charge is in the ledger, and
   * giving it back would make the copy show credits PostgreSQL no longer has.
   */
  private async expire(accountId: string, now: number, members: string[]): Promise<void> {
    const charged = new Set(await chargedHolds(this.store.db, accountId, members));
    await this.scripts.tlExpire(...this.settleKeys(accountId), now, ...members.flatMap((m) => [m, charged.has(m) ? 1 : 0]));
  }

  /** Waits briefly for a client still starting up; one that lost its server fails at once (a 503, not a queue of stalled requests). */
  private async untilReady(): Promise<void> {
    const starting = this.redis.status === 'wait' || this.redis.status === 'connecting' || this.redis.status === 'connect';
    if (starting) {
      this.ready ??= new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, STARTUP_WAIT_MS);
        this.redis.once('ready', () => {
          clearTimeout(timer);
          resolve();
        });
      }).finally(() => (this.ready = null));
      await this.ready;
    }
    if (this.redis.status !== 'ready') throw new AdmissionUnavailable(new Error(`redis is ${this.redis.status}`));
  }

  private async decide(accountId: string, requestId: string, cost: number, reply: AdmitReply): Promise<ReserveResult> {
    const [reason, , member, inc, over, balance, used, overage, daily] = reply as [string, string, string, number, number, number, number, number, number];
    const base = await this.plansOf(accountId);
    const snapshot: CreditSnapshot = { ...base, balance, creditsUsed: used, overageCredits: overage, dailyUsed: daily };
    if (reason !== 'ok') return { ok: false, reason: reason as 'insufficient_credits' | 'daily_credit_limit', snapshot };
    this.holds.set(requestId, { accountId, member, amount: inc, overage: over, day: utcDay(this.clock.now()) });
    return { ok: true, remaining: balance, overage: over, snapshot };
  }

  /** Plan and period of an account for 402 bodies and headers, read from PostgreSQL once and on every rebuild. */
  private async plansOf(accountId: string): Promise<CreditSnapshot> {
    const known = this.basics.get(accountId);
    if (known) return known;
    const read = await this.sql.snapshot(accountId);
    this.basics.set(accountId, read);
    return read;
  }

  /**
   * Copies the account's PostgreSQL position into Redis (closing an ended period there first): only
   * when the copy is missing, unless forced. A forced copy keeps the holds of requests still running
   * (SEED): the account row stays locked until the copy is written, so no flush can charge one of
   * them meanwhile, and each hold is either counted in the balance read here or still to be settled.
   */
  private async seed(accountId: string, force: boolean): Promise<void> {
    const [hash, holds] = this.keys(accountId);
    const s = await this.store.db.transaction().execute(async (trx) => {
      const now = this.clock.now();
      const position = await readSnapshot(trx, this.plans, accountId, now, true);
      const charged = force ? await chargedHolds(trx, accountId, await this.redis.zrange(holds, 0, -1)) : [];
      await this.scripts.tlSeed(
        hash,
        holds,
        `${hash}:settled`,
        randomUUID(),
        position.balance,
        position.creditsUsed,
        position.overageCredits,
        utcDay(now),
        position.dailyUsed,
        position.periodEnd,
        position.plan.daily_credit_limit ?? -1,
        position.allowOverage ? 1 : 0,
        position.hardLimitCredits ?? -1,
        force ? 1 : 0,
        now,
        ...charged,
      );
      return position;
    });
    this.basics.set(accountId, s);
  }

  /** A forced copy after any already under way; the account's admissions on this instance wait for it. */
  private rebuild(accountId: string): Promise<void> {
    const before = this.reseeding.get(accountId)?.catch(() => {}) ?? Promise.resolve();
    const rebuilt: Promise<void> = before.then(() => this.seed(accountId, true)).finally(() => {
      if (this.reseeding.get(accountId) === rebuilt) this.reseeding.delete(accountId);
    });
    this.reseeding.set(accountId, rebuilt);
    return rebuilt;
  }

  /** After a flush, each account's Redis copy learns what PostgreSQL took; a refused account is rebuilt. */
  private settle(charges: readonly Charge[], outcome: FlushOutcome): void {
    const byAccount = new Map<string, string[]>();
    for (const c of charges) {
      const hold = this.memberOf(c);
      let args = byAccount.get(c.accountId);
      if (!args) byAccount.set(c.accountId, (args = [outcome.get(c.accountId) ? 'ok' : 'refused']));
      args.push(hold);
    }
    for (const [accountId, args] of byAccount) {
      const basics = this.basics.get(accountId);
      const row = outcome.get(accountId);
      if (basics && row) this.basics.set(accountId, { ...basics, hardLimitCredits: row.hard_limit_credits });
      const settled = this.scripts.tlSettle(...this.settleKeys(accountId), ...args);
      (row ? settled : settled.then(() => this.rebuild(accountId))).catch((error: unknown) => this.lost(accountId, error));
    }
  }

  private memberOf(c: Charge): string {
    const member = this.members.get(c.requestId) ?? '';
    this.members.delete(c.requestId);
    return member;
  }

  /** Redis missed an update: the account's copy is rebuilt from PostgreSQL before its next admission. */
  private lost(accountId: string, error: unknown): void {
    this.dirty.add(accountId);
    this.onError(error);
  }
}
