import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Clock } from '../clock.js';
import { ulid } from '../ids.js';
import { countWebhookDelivery } from '../metrics/index.js';
import type { Database, WebhookDeliveriesTable, WebhookEndpointsTable } from '../store/index.js';
import { checkWebhookTarget, checkWebhookUrl, type HostResolver, type UrlVerdict } from './url-guard.js';
import type { DeliveryView, EndpointView } from './views.js';
import { WebhookTransport, type PostOutcome } from './webhook-transport.js';

/** Retries run for a day after the event (then the delivery is given up). */
export const RETRY_WINDOW_MS = 86_400_000;
/** First retry after 30 s, doubling each time. */
const FIRST_RETRY_MS = 30_000;
/** Failed attempts in a row (across deliveries) that disable an endpoint. */
export const DISABLE_AFTER_FAILURES = 15;
/** A receiver's whole answer, connection included (README § Trend history: "no answer within 10 s"). */
export const TIMEOUT_MS = 10_000;
const DUE_BATCH = 50;
/**
 * How long a claimed delivery is withheld from other instances while it is being sent, and how long
 * its endpoint's lane is held for it (`sending_until`): an instance killed mid-attempt frees both.
 */
const CLAIM_MS = 60_000;
/**
 * Attempts in flight at once in one process, and at most this many for one account: a receiver that
 * never answers holds its own endpoint's lane (one attempt at a time per endpoint, across instances)
 * and at most `PER_ACCOUNT_IN_FLIGHT` of the pool, never everyone's deliveries.
 */
export const DELIVERY_CONCURRENCY = 8;
export const PER_ACCOUNT_IN_FLIGHT = 2;

/** Settled deliveries stay in the log this long. */
export const DELIVERY_LOG_MS = 30 * 86_400_000;

/** The signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const SIGNATURE_HEADER = 'Trendlens-Signature';

/** `v1` of the signature over a timestamp and a body, as receivers recompute it. */
export function signPayload(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}



const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** An endpoint as stored. */
type EndpointRow = Selectable<WebhookEndpointsTable>;

function endpointView(row: EndpointRow): EndpointView {
  return {
    id: row.id,
    url: row.url,
    status: row.status,
    consecutive_failures: row.consecutive_failures,
    disabled_at: iso(row.disabled_at),
    disabled_reason: row.disabled_reason,
    created_at: new Date(row.created_at).toISOString(),
  };
}

function deliveryView(row: WebhookDeliveriesTable): DeliveryView {
  return {
    id: row.id,
    endpoint_id: row.endpoint_id,
    watch_id: row.watch_id,
    event_type: row.event_type,
    status: row.status,
    attempts: row.attempts,
    last_status_code: row.last_status_code,
    last_error: row.last_error,
    next_attempt_at: row.status === 'pending' ? iso(row.next_attempt_at) : null,
    created_at: new Date(row.created_at).toISOString(),
    delivered_at: iso(row.delivered_at),
  };
}

export interface WebhooksOptions {
  db: Kysely<Database>;
  clock: Clock;
  allowPrivate: boolean;
  /** How receivers' host names are resolved, at creation and at each connection (default: the system's). */
  resolve?: HostResolver;
  /** Each attempt's limit (default `TIMEOUT_MS`). */
  timeoutMs?: number;
  onError?: (error: unknown) => void;
}

/** An attempt in flight on its endpoint's lane, counted against its account's share of the pool. */
interface Lane {
  accountId: string;
  done: Promise<void>;
}

/** An event to send: `type` and the fields beside it in the JSON body. */
export interface WebhookEvent {
  type: string;
  watchId: string | null;
  data: Record<string, unknown>;
}

/**
 * Webhook endpoints and their deliveries: signed JSON POSTs, retried with exponential backoff for a
 * day, logged with status and response code, and endpoints disabled after repeated failures.
 */
export class Webhooks {
  private readonly transport: WebhookTransport;
  /** The background run, shared by every caller of `deliverDue` until nothing is due. */
  private pumping: Promise<void> | null = null;
  /** Set when `deliverDue` is asked for while a run goes: the run looks once more before it ends. */
  private wanted = false;
  /**
   * Attempts in flight in this process, by endpoint (one each). Other instances see the lane as the
   * endpoint's `sending_until`, taken before each attempt; this map spares the queries within one.
   */
  private readonly lanes = new Map<string, Lane>();
  /** Background attempts in flight (test events run beside the pool, limited per account by the Console). */
  private pooled = 0;
  /** Lanes freed so far: a run that looked for due deliveries while one was freed looks again. */
  private freed = 0;

  constructor(private readonly opts: WebhooksOptions) {
    this.transport = new WebhookTransport({ allowPrivate: opts.allowPrivate, resolve: opts.resolve, timeoutMs: opts.timeoutMs ?? TIMEOUT_MS });
  }

  /** Checks a target URL as creation would. */
  check(url: string): Promise<UrlVerdict> {
    return checkWebhookUrl(url, this.opts.allowPrivate, this.opts.resolve);
  }

  /** Creates an endpoint with a fresh secret, returned here and never again. */
  async create(accountId: string, url: URL): Promise<{ endpoint: EndpointView; secret: string }> {
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const row: EndpointRow = {
      id: `whe_${ulid(this.opts.clock.now())}`,
      account_id: accountId,
      url: url.toString(),
      secret,
      status: 'active',
      consecutive_failures: 0,
      disabled_at: null,
      disabled_reason: null,
      created_at: this.opts.clock.now(),
      sending_until: null,
    };
    await this.opts.db.insertInto('webhook_endpoints').values(row).execute();
    return { endpoint: endpointView(row), secret };
  }

  async count(accountId: string): Promise<number> {
    const { n } = await this.opts.db
      .selectFrom('webhook_endpoints')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  async list(accountId: string): Promise<EndpointView[]> {
    const rows = await this.opts.db.selectFrom('webhook_endpoints').selectAll().where('account_id', '=', accountId).orderBy('created_at').execute();
    return rows.map(endpointView);
  }

  /** The account's endpoint, or undefined (another account's id looks the same as none). */
  async find(accountId: string, id: string): Promise<EndpointView | undefined> {
    const row = await this.opts.db.selectFrom('webhook_endpoints').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
    return row ? endpointView(row) : undefined;
  }

  /** Deletes an endpoint, its pending deliveries stop with it; watches pointing at it go too. */
  async remove(accountId: string, id: string): Promise<boolean> {
    return this.opts.db.transaction().execute(async (tx) => {
      const result = await tx.deleteFrom('webhook_endpoints').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) return false;
      await tx.updateTable('webhook_deliveries').set({ status: 'failed', last_error: 'endpoint deleted', next_attempt_at: null }).where('endpoint_id', '=', id).where('status', '=', 'pending').execute();
      await tx.deleteFrom('watches').where('endpoint_id', '=', id).execute();
      return true;
    });
  }

  /** Turns a disabled endpoint back on, clearing its failure count and notice. */
  async enable(accountId: string, id: string): Promise<EndpointView | undefined> {
    await this.opts.db
      .updateTable('webhook_endpoints')
      .set({ status: 'active', consecutive_failures: 0, disabled_at: null, disabled_reason: null })
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .execute();
    return this.find(accountId, id);
  }

  /** The endpoint's deliveries, newest first. */
  async deliveries(accountId: string, endpointId: string, limit = 50): Promise<DeliveryView[]> {
    const rows = await this.opts.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('endpoint_id', '=', endpointId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(deliveryView);
  }

  /** Queues an event for an endpoint; `deliverDue` sends it. */
  async enqueue(accountId: string, endpointId: string, event: WebhookEvent, db: Kysely<Database> = this.opts.db): Promise<string> {
    const now = this.opts.clock.now();
    const id = `evt_${ulid(now)}`;
    const payload = JSON.stringify({ id, type: event.type, created_at: new Date(now).toISOString(), ...event.data });
    await db
      .insertInto('webhook_deliveries')
      .values({
        id,
        endpoint_id: endpointId,
        account_id: accountId,
        watch_id: event.watchId,
        event_type: event.type,
        payload,
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        last_status_code: null,
        last_error: null,
        created_at: now,
        updated_at: now,
        delivered_at: null,
      })
      .execute();
    return id;
  }

  /** Drops settled deliveries older than the log keeps, and the match records no watch can repeat. */
  async prune(): Promise<void> {
    const before = this.opts.clock.now() - DELIVERY_LOG_MS;
    await this.opts.db.deleteFrom('webhook_deliveries').where('status', '!=', 'pending').where('created_at', '<', before).execute();
    await this.opts.db.deleteFrom('watch_matches').where('created_at', '<', before).execute();
  }

  /** Starts a delivery run in the background unless one is going. */
  kick(): void {
    this.deliverDue().catch((error: unknown) => this.opts.onError?.(error));
  }

  /** Resolves when the background run (if any) and every attempt in flight are over. */
  async idle(): Promise<void> {
    while (this.pumping || this.lanes.size > 0) {
      await this.pumping?.catch(() => undefined);
      await Promise.all([...this.lanes.values()].map((lane) => lane.done));
    }
  }

  /**
   * Sends every delivery that is due, each claimed first so two instances never send one twice. A
   * small pool sends them side by side: one attempt at a time per endpoint across instances (the
   * oldest due first), at most `PER_ACCOUNT_IN_FLIGHT` per account and `DELIVERY_CONCURRENCY` in all,
   * so a slow or silent receiver delays only its own deliveries. Callers share one run, which ends when
   * nothing due is left that no other instance's lane holds.
   */
  deliverDue(): Promise<void> {
    this.wanted = true;
    this.pumping ??= this.pump().finally(() => {
      this.pumping = null;
    });
    return this.pumping;
  }

  private async pump(): Promise<void> {
    let failure: { error: unknown } | null = null;
    const attempts = new Set<Promise<void>>();
    for (;;) {
      this.wanted = false;
      // A lane freed during the query below was still excluded from it: its deliveries need another look.
      const freed = this.freed;
      const started = this.pooled < DELIVERY_CONCURRENCY ? await this.startDue() : [];
      for (const attempt of started) {
        const tracked = attempt.catch((error: unknown) => {
          failure ??= { error };
        });
        attempts.add(tracked);
        void tracked.finally(() => attempts.delete(tracked));
      }
      if (started.length > 0 || this.freed !== freed) continue;
      // Nothing could start: wait for any attempt here (a lane or a slot frees), or end when none is left.
      const inFlight = [...attempts, ...[...this.lanes.values()].map((lane) => lane.done)];
      if (inFlight.length === 0) {
        if (this.wanted) continue;
        break;
      }
      await Promise.race(inFlight);
    }
    if (failure) throw (failure as { error: unknown }).error;
  }

  /** Starts the due deliveries free lanes and slots allow; the started attempts. */
  private async startDue(): Promise<Array<Promise<void>>> {
    const now = this.opts.clock.now();
    const perAccount = new Map<string, number>();
    for (const lane of this.lanes.values()) perAccount.set(lane.accountId, (perAccount.get(lane.accountId) ?? 0) + 1);
    const busyEndpoints = [...this.lanes.keys()];
    const fullAccounts = [...perAccount].filter(([, n]) => n >= PER_ACCOUNT_IN_FLIGHT).map(([id]) => id);
    let query = this.opts.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      // An endpoint whose lane another instance holds waits, still due, without this run coming back to
      // it: the holder's run looks again when its attempt is over, and every instance's scheduler does.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('webhook_endpoints')
              .select('webhook_endpoints.id')
              .whereRef('webhook_endpoints.id', '=', 'webhook_deliveries.endpoint_id')
              .where('webhook_endpoints.sending_until', '>', now),
          ),
        ),
      );
    if (busyEndpoints.length > 0) query = query.where('endpoint_id', 'not in', busyEndpoints);
    if (fullAccounts.length > 0) query = query.where('account_id', 'not in', fullAccounts);
    const due = await query.orderBy('next_attempt_at').orderBy('id').limit(DUE_BATCH).execute();
    const started: Array<Promise<void>> = [];
    for (const delivery of due) {
      if (this.pooled >= DELIVERY_CONCURRENCY) break;
      // Lanes may have changed while the query ran (a test event, another run's attempt).
      if (this.lanes.has(delivery.endpoint_id)) continue;
      let accountLanes = 0;
      for (const lane of this.lanes.values()) if (lane.accountId === delivery.account_id) accountLanes++;
      if (accountLanes >= PER_ACCOUNT_IN_FLIGHT) continue;
      this.pooled++;
      started.push(
        this.inLane(delivery, () => this.claimAndAttempt(delivery, now)).finally(() => {
          this.pooled--;
        }),
      );
    }
    return started;
  }

  /** Runs `work` holding the delivery's endpoint lane in this process, which must be free. */
  private inLane(delivery: WebhookDeliveriesTable, work: () => Promise<void>): Promise<void> {
    const lane: Lane = { accountId: delivery.account_id, done: Promise.resolve() };
    const work$ = work().finally(() => {
      if (this.lanes.get(delivery.endpoint_id) === lane) this.lanes.delete(delivery.endpoint_id);
      this.freed++;
    });
    lane.done = work$.catch(() => undefined);
    this.lanes.set(delivery.endpoint_id, lane);
    return work$;
  }

  /**
   * Sends one pending delivery now ("send test event"), whatever its schedule, once its endpoint's
   * lane in this process is free; nothing when another run attempted it meanwhile. While another
   * instance holds the lane the delivery is left pending and due rather than waited for: that attempt
   * may last the receiver's whole timeout and be followed by older deliveries (oldest first), so
   * waiting would hold the Console's request for as long without promising a send. The holder's run
   * sends it when its attempt is over, or any instance's scheduler within a minute, as the Console
   * says of a queued test event.
   */
  async deliverNow(id: string): Promise<void> {
    const load = () => this.opts.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
    const first = await load();
    if (!first) return;
    for (;;) {
      const delivery = await load();
      if (!delivery || delivery.attempts !== first.attempts) return;
      const lane = this.lanes.get(delivery.endpoint_id);
      if (lane) {
        await lane.done;
        continue;
      }
      await this.inLane(delivery, () => this.claimAndAttempt(delivery, this.opts.clock.now()));
      return;
    }
  }

  /**
   * Takes the endpoint's lane across instances, then claims the delivery and attempts it; does nothing
   * while another instance holds the lane (the delivery stays pending and due). The lane is held as
   * long as the claim and given back when the attempt is over, however it ends.
   */
  private async claimAndAttempt(delivery: WebhookDeliveriesTable, now: number): Promise<void> {
    const until = now + CLAIM_MS;
    const lane = await this.takeLane(delivery.endpoint_id, now, until);
    if (lane === 'held') return;
    try {
      const claim = await this.opts.db
        .updateTable('webhook_deliveries')
        .set({ next_attempt_at: until })
        .where('id', '=', delivery.id)
        .where('status', '=', 'pending')
        .where('next_attempt_at', '=', delivery.next_attempt_at)
        .executeTakeFirst();
      if (Number(claim.numUpdatedRows) === 1) await this.attempt(delivery);
    } finally {
      if (lane === 'taken') await this.releaseLane(delivery.endpoint_id, until);
    }
  }

  /**
   * Takes an endpoint's lane until `until` unless another instance holds it: `held`. An endpoint that
   * is gone has no lane to take (`gone`): its delivery is attempted, and fails saying so.
   */
  private async takeLane(endpointId: string, now: number, until: number): Promise<'taken' | 'held' | 'gone'> {
    const taken = await this.opts.db
      .updateTable('webhook_endpoints')
      .set({ sending_until: until })
      .where('id', '=', endpointId)
      .where((eb) => eb.or([eb('sending_until', 'is', null), eb('sending_until', '<=', now)]))
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 1) return 'taken';
    const endpoint = await this.opts.db.selectFrom('webhook_endpoints').select('id').where('id', '=', endpointId).executeTakeFirst();
    return endpoint ? 'held' : 'gone';
  }

  /**
   * Gives the lane back if it is still the one taken until `until`: a lease that expired and was taken
   * by another instance is left to it. Each lease ends later than the one before it (a lane is taken
   * only once the previous lease is over), so `until` tells this lease from any other.
   */
  private async releaseLane(endpointId: string, until: number): Promise<void> {
    await this.opts.db.updateTable('webhook_endpoints').set({ sending_until: null }).where('id', '=', endpointId).where('sending_until', '=', until).execute();
  }

  private async attempt(delivery: WebhookDeliveriesTable): Promise<void> {
    const endpoint = await this.opts.db
      .selectFrom('webhook_endpoints')
      .leftJoin('accounts', 'accounts.id', 'webhook_endpoints.account_id')
      .selectAll('webhook_endpoints')
      .select('accounts.status as account_status')
      .where('webhook_endpoints.id', '=', delivery.endpoint_id)
      .executeTakeFirst();
    if (!endpoint || endpoint.status !== 'active') {
      await this.settle(delivery, { ok: false, code: null, error: endpoint ? 'endpoint disabled' : 'endpoint deleted', final: true });
      return;
    }
    // A suspended or deleted account's events are dropped, not held: nothing leaves for an account that may not act.
    if (endpoint.account_status !== 'active') {
      await this.settle(delivery, { ok: false, code: null, error: `account ${endpoint.account_status ?? 'deleted'}`, final: true });
      return;
    }
    // The URL's form and a host written as an address; a name's addresses are checked as it is connected to.
    const verdict = checkWebhookTarget(endpoint.url, this.opts.allowPrivate);
    if (!verdict.ok) {
      await this.settle(delivery, { ok: false, code: null, error: `url refused: ${verdict.reason}` }, endpoint);
      return;
    }
    const timestamp = Math.floor(this.opts.clock.now() / 1000);
    const outcome: PostOutcome = await this.transport.post(
      verdict.url,
      {
        'content-type': 'application/json',
        'user-agent': 'Trendlens-Webhooks/1',
        'trendlens-event': delivery.event_type,
        'trendlens-delivery': delivery.id,
        [SIGNATURE_HEADER]: `t=${timestamp},v1=${signPayload(endpoint.secret, timestamp, delivery.payload)}`,
      },
      delivery.payload,
    );
    await this.settle(delivery, outcome, endpoint);
  }

  private async settle(
    delivery: WebhookDeliveriesTable,
    outcome: { ok: boolean; code: number | null; error: string | null; final?: boolean },
    endpoint?: EndpointRow,
  ): Promise<void> {
    const now = this.opts.clock.now();
    const attempts = delivery.attempts + 1;
    const nextAt = now + FIRST_RETRY_MS * 2 ** (attempts - 1);
    const givingUp = outcome.final === true || nextAt > delivery.created_at + RETRY_WINDOW_MS;
    await this.opts.db
      .updateTable('webhook_deliveries')
      .set({
        status: outcome.ok ? 'delivered' : givingUp ? 'failed' : 'pending',
        attempts,
        next_attempt_at: outcome.ok || givingUp ? null : nextAt,
        last_status_code: outcome.code,
        last_error: outcome.error,
        updated_at: now,
        delivered_at: outcome.ok ? now : null,
      })
      .where('id', '=', delivery.id)
      .execute();
    countWebhookDelivery(outcome.ok ? 'delivered' : givingUp ? 'gave_up' : 'failed');
    if (!endpoint) return;
    if (outcome.ok) {
      await this.opts.db.updateTable('webhook_endpoints').set({ consecutive_failures: 0 }).where('id', '=', endpoint.id).execute();
      return;
    }
    const failures = endpoint.consecutive_failures + 1;
    const disable = failures >= DISABLE_AFTER_FAILURES;
    await this.opts.db
      .updateTable('webhook_endpoints')
      .set({
        consecutive_failures: failures,
        ...(disable
          ? {
              status: 'disabled' as const,
              disabled_at: now,
              disabled_reason: `Disabled after ${failures} failed deliveries in a row (last: ${outcome.error ?? 'no answer'}). Fix the receiver, then enable the endpoint again.`,
            }
          : {}),
      })
      .where('id', '=', endpoint.id)
      .execute();
    if (disable) {
      await this.opts.db
        .updateTable('webhook_deliveries')
        .set({ status: 'failed', next_attempt_at: null, last_error: 'endpoint disabled', updated_at: now })
        .where('endpoint_id', '=', endpoint.id)
        .where('status', '=', 'pending')
        .execute();
    }
  }
}
