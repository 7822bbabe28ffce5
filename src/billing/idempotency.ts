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

/**
 * `Idempotency-Key` per account: the first 2xx is kept 24 h with its fingerprint (the canonical form);
 * a retry with the same key and fingerprint gets it back without a charge, another fingerprint is a
 * conflict, and a duplicate arriving while the first runs waits for it. Non-2xx answers are not kept,
 * so the duplicate then runs itself.
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

    let stored;
    try {
      stored = await this.db
        .selectFrom('idempotency_records')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('idem_key', '=', key)
        .where('expires_at', '>', this.clock.now())
        .executeTakeFirst();
    } catch (error) {
      free();
      throw error;
    }
    if (stored) {
      free();
      if (stored.fingerprint !== fingerprint) return { kind: 'conflict' };
      return { kind: 'replay', response: { status: stored.status, headers: JSON.parse(stored.headers) as Record<string, string>, body: stored.body } };
    }
    return {
      kind: 'proceed',
      finish: async (response) => {
        try {
          if (response && response.status >= 200 && response.status < 300) await this.save(accountId, key, fingerprint, response);
        } finally {
          free();
        }
      },
    };
  }

  private async save(accountId: string, key: string, fingerprint: string, response: StoredResponse): Promise<void> {
    const now = this.clock.now();
    const row = {
      account_id: accountId,
      idem_key: key,
      fingerprint,
      status: response.status,
      headers: JSON.stringify(response.headers),
      body: response.body,
      created_at: now,
      expires_at: now + RETENTION_MS,
    };
    // An expired record under the same key is replaced; a live one never is.
    await this.db
      .insertInto('idempotency_records')
      .values(row)
      .onConflict((oc) => oc.columns(['account_id', 'idem_key']).doUpdateSet(row).where('idempotency_records.expires_at', '<=', now))
      .execute();
  }

  /** Drops records past their 24 h. */
  async prune(): Promise<number> {
    const result = await this.db.deleteFrom('idempotency_records').where('expires_at', '<=', this.clock.now()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
