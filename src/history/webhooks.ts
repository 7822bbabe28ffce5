import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import { ulid } from '../ids.js';
import { countWebhookDelivery } from '../metrics/index.js';
import type { Database, WebhookDeliveriesTable, WebhookEndpointsTable } from '../store/index.js';
import { checkWebhookUrl, type UrlVerdict } from './url-guard.js';
import type { DeliveryView, EndpointView } from './views.js';

/** Retries run for a day after the event (then the delivery is given up). */
export const RETRY_WINDOW_MS = 86_400_000;
/** First retry after 30 s, doubling each time. */
const FIRST_RETRY_MS = 30_000;
/** Failed attempts in a row (across deliveries) that disable an endpoint. */
export const DISABLE_AFTER_FAILURES = 15;
const TIMEOUT_MS = 10_000;
const DUE_BATCH = 50;
/** How long a claimed delivery is withheld from other instances while it is being sent. */
const CLAIM_MS = 60_000;
const RESPONSE_EXCERPT = 200;

/** Settled deliveries stay in the log this long. */
export const DELIVERY_LOG_MS = 30 * 86_400_000;

/** The signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const SIGNATURE_HEADER = 'Trendlens-Signature';

/** `v1` of the signature over a timestamp and a body, as receivers recompute it. */
export function signPayload(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}



const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function endpointView(row: WebhookEndpointsTable): EndpointView {
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
  onError?: (error: unknown) => void;
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
  private running: Promise<void> | null = null;

  constructor(private readonly opts: WebhooksOptions) {}

  /** Checks a target URL as creation would. */
  check(url: string): Promise<UrlVerdict> {
    return checkWebhookUrl(url, this.opts.allowPrivate);
  }

  /** Creates an endpoint with a fresh secret, returned here and never again. */
  async create(accountId: string, url: URL): Promise<{ endpoint: EndpointView; secret: string }> {
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const row: WebhookEndpointsTable = {
      id: `whe_${ulid(this.opts.clock.now())}`,
      account_id: accountId,
      url: url.toString(),
      secret,
      status: 'active',
      consecutive_failures: 0,
      disabled_at: null,
      disabled_reason: null,
      created_at: this.opts.clock.now(),
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
    this.running ??= this.deliverDue()
      .catch((error: unknown) => this.opts.onError?.(error))
      .finally(() => {
        this.running = null;
      });
  }

  /** Resolves when the background run (if any) is over. */
  async idle(): Promise<void> {
    await this.running;
  }

  /** Sends every delivery that is due, each claimed first so two instances never send one twice. */
  async deliverDue(): Promise<void> {
    for (;;) {
      const now = this.opts.clock.now();
      const due = await this.opts.db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .limit(DUE_BATCH)
        .execute();
      if (due.length === 0) return;
      for (const delivery of due) await this.claimAndAttempt(delivery, now);
      if (due.length < DUE_BATCH) return;
    }
  }

  /** Sends one pending delivery now ("send test event"), whatever its schedule. */
  async deliverNow(id: string): Promise<void> {
    const delivery = await this.opts.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
    if (delivery) await this.claimAndAttempt(delivery, this.opts.clock.now());
  }

  private async claimAndAttempt(delivery: WebhookDeliveriesTable, now: number): Promise<void> {
    const claim = await this.opts.db
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: now + CLAIM_MS })
      .where('id', '=', delivery.id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '=', delivery.next_attempt_at)
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) === 1) await this.attempt(delivery);
  }

  private async attempt(delivery: WebhookDeliveriesTable): Promise<void> {
    const endpoint = await this.opts.db.selectFrom('webhook_endpoints').selectAll().where('id', '=', delivery.endpoint_id).executeTakeFirst();
    if (!endpoint || endpoint.status !== 'active') {
      await this.settle(delivery, { ok: false, code: null, error: endpoint ? 'endpoint disabled' : 'endpoint deleted', final: true });
      return;
    }
    // Checked again at every attempt: a name may resolve elsewhere than it did at creation.
    const verdict = await checkWebhookUrl(endpoint.url, this.opts.allowPrivate);
    if (!verdict.ok) {
      await this.settle(delivery, { ok: false, code: null, error: `url refused: ${verdict.reason}` }, endpoint);
      return;
    }
    const timestamp = Math.floor(this.opts.clock.now() / 1000);
    let outcome: { ok: boolean; code: number | null; error: string | null };
    try {
      const response = await fetch(verdict.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Trendlens-Webhooks/1',
          'trendlens-event': delivery.event_type,
          'trendlens-delivery': delivery.id,
          [SIGNATURE_HEADER]: `t=${timestamp},v1=${signPayload(endpoint.secret, timestamp, delivery.payload)}`,
        },
        body: delivery.payload,
      });
      const text = await response.text().catch(() => '');
      const ok = response.status >= 200 && response.status < 300;
      outcome = { ok, code: response.status, error: ok ? null : `HTTP ${response.status}${text ? `: ${text.slice(0, RESPONSE_EXCERPT)}` : ''}` };
    } catch (error) {
      outcome = { ok: false, code: null, error: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error) };
    }
    await this.settle(delivery, outcome, endpoint);
  }

  private async settle(
    delivery: WebhookDeliveriesTable,
    outcome: { ok: boolean; code: number | null; error: string | null; final?: boolean },
    endpoint?: WebhookEndpointsTable,
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
