import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { AccountsTable, ApiKeysTable, Database } from '../store/index.js';
import { generateApiKey, hashApiKey, isWellFormedApiKey, maskApiKey, maskedKey } from './api-key-format.js';
import { newKeyId } from './ids.js';

/** A key as the Console API shows it (docs/api-contract.md § API keys): never the key itself. */
export interface KeyView {
  id: string;
  name: string;
  key_prefix: string;
  key_suffix: string;
  masked_key: string;
  status: ApiKeysTable['status'];
  source: ApiKeysTable['source'];
  created_at: string;
  updated_at: string;
  rotated_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  last_used_ip: string | null;
}

/** The caller behind a valid key, as the gateway needs it on every request. */
export interface IdentifiedKey {
  keyId: string;
  accountId: string;
  planId: string;
  accountStatus: AccountsTable['status'];
  maskedKey: string;
}

export type DeniedReason = 'missing_api_key' | 'invalid_api_key' | 'revoked_api_key' | 'expired_api_key';

/** A denied key is data, not an exception (CONTRIBUTING.md § Conventions, after Unkey's key service). */
export type Identification = { ok: true; key: IdentifiedKey } | { ok: false; reason: DeniedReason };

type CachedLookup = { row: (ApiKeysTable & { plan_id: string; account_status: AccountsTable['status'] }) | null; until: number };

/** The most keys an account may hold in `active` or `grace` (docs/api-contract.md § API keys). */
export const MAX_LIVE_KEYS = 20;
const CACHE_TTL_MS = 5_000;
const CACHE_MAX_ENTRIES = 50_000;
const LAST_USED_WRITE_INTERVAL_MS = 60_000;

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** Status as of `now`: a key in grace whose time is up is expired, whatever the row still says. */
export function effectiveStatus(row: Pick<ApiKeysTable, 'status' | 'expires_at'>, now: number): ApiKeysTable['status'] {
  if (row.status === 'grace' && row.expires_at !== null && row.expires_at <= now) return 'expired';
  return row.status;
}

/** The outcome of a key change asked for by an account; refusals are data (CONTRIBUTING.md § Conventions). */
export type KeyChange<T> = ({ ok: true } & T) | { ok: false; reason: 'not_found' | 'key_not_active' | 'key_limit_reached' };

function newKeyRow(accountId: string, name: string, source: ApiKeysTable['source'], now: number): { row: ApiKeysTable; apiKey: string } {
  const apiKey = generateApiKey();
  const { key_prefix, key_suffix } = maskApiKey(apiKey);
  const row: ApiKeysTable = {
    id: newKeyId(),
    account_id: accountId,
    name,
    key_hash: hashApiKey(apiKey),
    key_prefix,
    key_suffix,
    status: 'active',
    source,
    created_at: now,
    updated_at: now,
    rotated_at: null,
    expires_at: null,
    revoked_at: null,
    last_used_at: null,
    last_used_ip: null,
  };
  return { row, apiKey };
}

/**
 * Serialises key changes of one account: a no-op update takes the row lock on PostgreSQL (SQLite runs
 * one write transaction at a time anyway), so two concurrent creates cannot both pass the limit.
 */
async function lockAccount(trx: Transaction<Database>, accountId: string): Promise<void> {
  await trx.updateTable('accounts').set((eb) => ({ status: eb.ref('status') })).where('id', '=', accountId).execute();
}

async function liveKeyCount(db: Kysely<Database>, accountId: string, now: number): Promise<number> {
  const row = await db
    .selectFrom('api_keys')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where((eb) => eb.or([eb('status', '=', 'active'), eb.and([eb('status', '=', 'grace'), eb('expires_at', '>', now)])]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The name of a key created without one: "Default key", then "Key 2", "Key 3", … the first that none of
 * the account's keys has (revoked and expired ones too, since they stay listed), as the Console's key page
 * names it.
 */
async function defaultKeyName(db: Kysely<Database>, accountId: string): Promise<string> {
  const taken = new Set((await db.selectFrom('api_keys').select('name').where('account_id', '=', accountId).execute()).map((k) => k.name));
  if (!taken.has('Default key')) return 'Default key';
  for (let n = 2; ; n++) if (!taken.has(`Key ${n}`)) return `Key ${n}`;
}

/**
 * Revokes every key of the account still in `active` or `grace` inside the caller's transaction, as
 * `ApiKeys.revoke` does one. Returns how many of them still worked at `now` (a grace key past its time
 * did not) and every revoked key's hash: the caller passes them to `ApiKeys.forgetHashes` once the
 * transaction has committed, so the cached lookups drop here and, through the revocation bus, everywhere.
 */
export async function revokeAllKeysOf(trx: Transaction<Database>, accountId: string, now: number): Promise<{ live: number; keyHashes: string[] }> {
  const rows = await trx
    .selectFrom('api_keys')
    .select(['key_hash', 'status', 'expires_at'])
    .where('account_id', '=', accountId)
    .where('status', 'in', ['active', 'grace'])
    .execute();
  if (rows.length === 0) return { live: 0, keyHashes: [] };
  await trx
    .updateTable('api_keys')
    .set({ status: 'revoked', revoked_at: now, updated_at: now })
    .where('account_id', '=', accountId)
    .where('status', 'in', ['active', 'grace'])
    .execute();
  return { live: rows.filter((row) => effectiveStatus(row, now) !== 'expired').length, keyHashes: rows.map((row) => row.key_hash) };
}

/** Renders a stored key for the Console API. */
export function toKeyView(row: ApiKeysTable, now: number): KeyView {
  return {
    id: row.id,
    name: row.name,
    key_prefix: row.key_prefix,
    key_suffix: row.key_suffix,
    masked_key: maskedKey(row.key_prefix, row.key_suffix),
    status: effectiveStatus(row, now),
    source: row.source,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
    rotated_at: iso(row.rotated_at),
    expires_at: iso(row.expires_at),
    revoked_at: iso(row.revoked_at),
    last_used_at: iso(row.last_used_at),
    last_used_ip: row.last_used_ip,
  };
}

/**
 * API keys: issue, identify (format → checksum → SHA-256 → cached lookup, docs/api-contract.md § Credentials and request order), and the
 * lifecycle of docs/api-contract.md § API keys. Revocation and rotation drop the cached lookup at once; `onInvalidate`
 * lets a shared bus tell other instances.
 */
export class ApiKeys {
  private readonly cache = new Map<string, CachedLookup>();
  private readonly lastUsedWrites = new Map<string, number>();
  onInvalidate: (keyHash: string) => void = () => {};

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /** Issues a new key; the only time the full key exists outside the caller's hands. */
  async create(accountId: string, name: string, source: ApiKeysTable['source'] = 'created'): Promise<{ row: ApiKeysTable; apiKey: string }> {
    const issued = newKeyRow(accountId, name, source, this.clock.now());
    await this.db.insertInto('api_keys').values(issued.row).execute();
    return issued;
  }

  /** An account's keys, newest first, every status included (revoked and expired keys stay listed). */
  async list(accountId: string): Promise<ApiKeysTable[]> {
    return this.db
      .selectFrom('api_keys')
      .selectAll()
      .where('account_id', '=', accountId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  /** A key inside its account; another account's key is as absent as an unknown one (docs/api-contract.md § Console API). */
  async find(accountId: string, keyId: string, db: Kysely<Database> = this.db): Promise<ApiKeysTable | undefined> {
    return db.selectFrom('api_keys').selectAll().where('id', '=', keyId).where('account_id', '=', accountId).executeTakeFirst();
  }

  /**
   * Like `create`, refused when the account already holds MAX_LIVE_KEYS keys in `active` or `grace`.
   * Without a name, the key gets the first default name free (the Console's and the CLI's alike), chosen
   * under the account's lock so two keys created at once do not both take it.
   */
  async issue(accountId: string, name?: string): Promise<KeyChange<{ row: ApiKeysTable; apiKey: string }>> {
    return this.db.transaction().execute(async (trx) => {
      const now = this.clock.now();
      await lockAccount(trx, accountId);
      if ((await liveKeyCount(trx, accountId, now)) >= MAX_LIVE_KEYS) return { ok: false, reason: 'key_limit_reached' };
      const issued = newKeyRow(accountId, name ?? (await defaultKeyName(trx, accountId)), 'created', now);
      await trx.insertInto('api_keys').values(issued.row).execute();
      return { ok: true, ...issued };
    });
  }

  /** Renames a key of the account. */
  async rename(accountId: string, keyId: string, name: string): Promise<KeyChange<{ row: ApiKeysTable }>> {
    const now = this.clock.now();
    const result = await this.db
      .updateTable('api_keys')
      .set({ name, updated_at: now })
      .where('id', '=', keyId)
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return { ok: false, reason: 'not_found' };
    const row = await this.find(accountId, keyId);
    return row ? { ok: true, row } : { ok: false, reason: 'not_found' };
  }

  /**
   * Rotation (docs/api-contract.md § API keys): a new key with the same name; the old one turns `grace` until
   * now + `graceMs`, or `expired` at once when `graceMs` is 0. Only an active key rotates, and a grace
   * period needs room for one more live key.
   */
  async rotate(
    accountId: string,
    keyId: string,
    graceMs: number,
  ): Promise<KeyChange<{ row: ApiKeysTable; apiKey: string; previous: ApiKeysTable }>> {
    const result = await this.db.transaction().execute(async (trx): Promise<KeyChange<{ row: ApiKeysTable; apiKey: string; previous: ApiKeysTable }>> => {
      const now = this.clock.now();
      await lockAccount(trx, accountId);
      const old = await this.find(accountId, keyId, trx);
      if (!old) return { ok: false, reason: 'not_found' };
      if (effectiveStatus(old, now) !== 'active') return { ok: false, reason: 'key_not_active' };
      if (graceMs > 0 && (await liveKeyCount(trx, accountId, now)) >= MAX_LIVE_KEYS) return { ok: false, reason: 'key_limit_reached' };
      const issued = newKeyRow(accountId, old.name, 'rotated', now);
      await trx.insertInto('api_keys').values(issued.row).execute();
      const previous: ApiKeysTable = {
        ...old,
        status: graceMs > 0 ? 'grace' : 'expired',
        expires_at: now + graceMs,
        rotated_at: now,
        updated_at: now,
      };
      await trx
        .updateTable('api_keys')
        .set({ status: previous.status, expires_at: previous.expires_at, rotated_at: now, updated_at: now })
        .where('id', '=', keyId)
        .execute();
      return { ok: true, ...issued, previous };
    });
    if (result.ok) this.forget(result.previous.key_hash);
    return result;
  }

  /** Revokes a key at once (docs/api-contract.md § API keys); revoking a revoked key changes nothing. */
  async revoke(accountId: string, keyId: string): Promise<KeyChange<{ row: ApiKeysTable }>> {
    const now = this.clock.now();
    await this.db
      .updateTable('api_keys')
      .set({ status: 'revoked', revoked_at: now, updated_at: now })
      .where('id', '=', keyId)
      .where('account_id', '=', accountId)
      .where('status', '!=', 'revoked')
      .execute();
    const row = await this.find(accountId, keyId);
    if (!row) return { ok: false, reason: 'not_found' };
    this.forget(row.key_hash);
    return { ok: true, row };
  }

  /** Resolves a presented key to its account, or says why not. */
  async identify(presented: string | undefined, ip?: string): Promise<Identification> {
    if (presented === undefined || presented === '') return { ok: false, reason: 'missing_api_key' };
    if (!isWellFormedApiKey(presented)) return { ok: false, reason: 'invalid_api_key' };
    const hash = hashApiKey(presented);
    // A cached lookup is read without a promise: it is every request's path but the first.
    const cached = this.cached(hash);
    const row = cached ? cached.row : await this.lookup(hash);
    if (!row) return { ok: false, reason: 'invalid_api_key' };
    const now = this.clock.now();
    const status = effectiveStatus(row, now);
    if (status === 'revoked') return { ok: false, reason: 'revoked_api_key' };
    if (status === 'expired') return { ok: false, reason: 'expired_api_key' };
    this.noteUse(row.id, ip, now);
    return {
      ok: true,
      key: {
        keyId: row.id,
        accountId: row.account_id,
        planId: row.plan_id,
        accountStatus: row.account_status,
        maskedKey: maskedKey(row.key_prefix, row.key_suffix),
      },
    };
  }

  /**
   * The caller behind a well-formed key when its lookup is already cached, without touching the
   * database; undefined when it is not cached (or not well-formed).
   */
  cachedCaller(presented: string): IdentifiedKey | null | undefined {
    if (!isWellFormedApiKey(presented)) return undefined;
    const cached = this.cached(hashApiKey(presented));
    if (!cached) return undefined;
    const row = cached.row;
    const status = row ? effectiveStatus(row, this.clock.now()) : 'revoked';
    if (!row || status === 'revoked' || status === 'expired') return null;
    return { keyId: row.id, accountId: row.account_id, planId: row.plan_id, accountStatus: row.account_status, maskedKey: maskedKey(row.key_prefix, row.key_suffix) };
  }

  /** Forgets a cached lookup (revocation, rotation, plan or status change). */
  invalidate(keyHash: string): void {
    this.cache.delete(keyHash);
  }

  /** Drops the cached lookup here and tells other instances (revocation is effective everywhere within 1 s). */
  private forget(keyHash: string): void {
    this.invalidate(keyHash);
    this.onInvalidate(keyHash);
  }

  /** Forgets cached lookups by hash here and on every instance (keys erased with their account). */
  forgetHashes(keyHashes: readonly string[]): void {
    for (const hash of keyHashes) this.forget(hash);
  }

  /** Forgets every cached lookup of an account, e.g. after a plan change or suspension. */
  async invalidateAccount(accountId: string): Promise<void> {
    const rows = await this.db.selectFrom('api_keys').select('key_hash').where('account_id', '=', accountId).execute();
    for (const { key_hash } of rows) {
      this.invalidate(key_hash);
      this.onInvalidate(key_hash);
    }
  }

  /** The cached lookup of a key hash while it is fresh (its row is null for a key that does not exist). */
  private cached(hash: string): CachedLookup | undefined {
    const cached = this.cache.get(hash);
    return cached && cached.until > this.clock.now() ? cached : undefined;
  }

  /** Reads a key hash's row from the database and caches it, absent keys too. */
  private async lookup(hash: string): Promise<CachedLookup['row']> {
    const now = this.clock.now();
    const row =
      (await this.db
        .selectFrom('api_keys')
        .innerJoin('accounts', 'accounts.id', 'api_keys.account_id')
        .selectAll('api_keys')
        .select(['accounts.plan_id as plan_id', 'accounts.status as account_status'])
        .where('api_keys.key_hash', '=', hash)
        .executeTakeFirst()) ?? null;
    if (this.cache.size >= CACHE_MAX_ENTRIES) this.cache.clear();
    this.cache.set(hash, { row, until: now + CACHE_TTL_MS });
    return row;
  }

  /** `last_used_*` is written at most once a minute per key, off the request's path (docs/api-contract.md § API keys). */
  private noteUse(keyId: string, ip: string | undefined, now: number): void {
    const last = this.lastUsedWrites.get(keyId) ?? 0;
    if (now - last < LAST_USED_WRITE_INTERVAL_MS) return;
    this.lastUsedWrites.set(keyId, now);
    void this.db
      .updateTable('api_keys')
      .set({ last_used_at: now, last_used_ip: ip ?? null })
      .where('id', '=', keyId)
      .execute()
      .catch(() => this.lastUsedWrites.delete(keyId));
  }
}
