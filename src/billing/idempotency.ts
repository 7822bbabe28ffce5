import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../store/index.js';

/** A stored first answer, replayed for retries with the same key (docs/api-contract.md § Idempotency). */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type IdempotencyStart =
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'conflict' }
  | { kind: 'proceed'; finish(response: StoredResponse | null): Promise<void> };

/** 1–255 visible ASCII characters (docs/api-contract.md § Idempotency). */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const RETENTION_MS = 24 * 60 * 60 * 1000;
/** A claim whose request never finished (its instance died) is taken over after this long. */
const CLAIM_MS = 60_000;
/** How often a duplicate checks whether the first request, running on another instance, has finished. */
const POLL_MS = 20;
/** `status` of a row that claims the key for a request still running. */
const RUNNING = 0;

/**
 * `Idempotency-Key` per account: the first 2xx is kept 24 h with its fingerprint (the canonical form);
 * a retry with the same key and fingerprint gets it back without a charge, another fingerprint is a
 * conflict, and a duplicate arriving while the first runs waits for it. The first request claims the
 * key with a row in the database before it is charged, so duplicates on other instances wait too.
 * Non-2xx answers are not kept, so the duplicate then runs itself.
 */
export class IdempotencyStore {
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async begin(accountId: string, key: string, fingerprint: string): Promise<IdempotencyStart> {
    const slot = `${accountId}\n${key}`;
    for (let inFlight = this.running.get(slot); inFlight; inFlight = this.running.get(slot)) await inFlight;
    // Claim the slot before the first await, so a duplicate arriving meanwhile waits for this one.
    let release!: () => void;
    this.running.set(slot, new Promise<void>((resolve) => (release = resolve)));
    const free = () => {
      this.running.delete(slot);
      release();
    };
    try {
      for (;;) {
        if (await this.claim(accountId, key, fingerprint)) {
          return { kind: 'proceed', finish: (response) => this.finish(accountId, key, response).finally(free) };
        }
        const stored = await this.db
          .selectFrom('idempotency_records')
          .selectAll()
          .where('account_id', '=', accountId)
          .where('idem_key', '=', key)
          .where('expires_at', '>', this.clock.now())
          .executeTakeFirst();
        if (!stored) continue;
        if (stored.fingerprint !== fingerprint) {
          free();
          return { kind: 'conflict' };
        }
        if (stored.status !== RUNNING) {
          free();
          return { kind: 'replay', response: { status: stored.status, headers: JSON.parse(stored.headers) as Record<string, string>, body: stored.body } };
        }
        // The first request runs on another instance: wait for its answer (or for its claim to lapse).
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    } catch (error) {
      free();
      throw error;
    }
  }

  /** Takes the key for this request unless a live record (finished or running) holds it. */
  private async claim(accountId: string, key: string, fingerprint: string): Promise<boolean> {
    const now = this.clock.now();
    const row = { account_id: accountId, idem_key: key, fingerprint, status: RUNNING, headers: '{}', body: '', created_at: now, expires_at: now + CLAIM_MS };
    // An expired record under the same key is replaced; a live one never is.
    const claimed = await this.db
      .insertInto('idempotency_records')
      .values(row)
      .onConflict((oc) => oc.columns(['account_id', 'idem_key']).doUpdateSet(row).where('idempotency_records.expires_at', '<=', now))
      .returning('account_id')
      .executeTakeFirst();
    return claimed !== undefined;
  }

  /** Keeps a 2xx for replays; anything else gives the key up, so a retry runs afresh. */
  private async finish(accountId: string, key: string, response: StoredResponse | null): Promise<void> {
    const mine = this.db.updateTable('idempotency_records').where('account_id', '=', accountId).where('idem_key', '=', key).where('status', '=', RUNNING);
    if (response && response.status >= 200 && response.status < 300) {
      const now = this.clock.now();
      await mine.set({ status: response.status, headers: JSON.stringify(response.headers), body: response.body, created_at: now, expires_at: now + RETENTION_MS }).execute();
    } else {
      await this.db.deleteFrom('idempotency_records').where('account_id', '=', accountId).where('idem_key', '=', key).where('status', '=', RUNNING).execute();
    }
  }

  /** Drops records past their 24 h. */
  async prune(): Promise<number> {
    const result = await this.db.deleteFrom('idempotency_records').where('expires_at', '<=', this.clock.now()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
