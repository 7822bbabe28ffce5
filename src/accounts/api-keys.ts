import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { ApiKeysTable, Database } from '../store/index.js';
import { generateApiKey, hashApiKey, isWellFormedApiKey, maskApiKey, maskedKey } from './api-key-format.js';
import { newKeyId } from './ids.js';

/** A key as the Console API shows it (contract §6): never the key itself. */
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
  accountStatus: 'active' | 'suspended';
  maskedKey: string;
}

export type DeniedReason = 'missing_api_key' | 'invalid_api_key' | 'revoked_api_key' | 'expired_api_key';

/** A denied key is data, not an exception (STYLE, after Unkey's key service). */
export type Identification = { ok: true; key: IdentifiedKey } | { ok: false; reason: DeniedReason };

type CachedLookup = { row: (ApiKeysTable & { plan_id: string; account_status: 'active' | 'suspended' }) | null; until: number };

/** The most keys an account may hold in `active` or `grace` (contract §6). */
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
 * API keys: issue, identify (format → checksum → SHA-256 → cached lookup, contract §2), and the
 * lifecycle of contract §6. Revocation and rotation drop the cached lookup at once; `onInvalidate`
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
    const apiKey = generateApiKey();
    const now = this.clock.now();
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
    await this.db.insertInto('api_keys').values(row).execute();
    return { row, apiKey };
  }

  /** Resolves a presented key to its account, or says why not. */
  async identify(presented: string | undefined, ip?: string): Promise<Identification> {
    if (presented === undefined || presented === '') return { ok: false, reason: 'missing_api_key' };
    if (!isWellFormedApiKey(presented)) return { ok: false, reason: 'invalid_api_key' };
    const hash = hashApiKey(presented);
    const row = await this.lookup(hash);
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

  /** Forgets a cached lookup (revocation, rotation, plan or status change). */
  invalidate(keyHash: string): void {
    this.cache.delete(keyHash);
  }

  /** Forgets every cached lookup of an account, e.g. after a plan change or suspension. */
  async invalidateAccount(accountId: string): Promise<void> {
    const rows = await this.db.selectFrom('api_keys').select('key_hash').where('account_id', '=', accountId).execute();
    for (const { key_hash } of rows) {
      this.invalidate(key_hash);
      this.onInvalidate(key_hash);
    }
  }

  private async lookup(hash: string): Promise<CachedLookup['row']> {
    const now = this.clock.now();
    const cached = this.cache.get(hash);
    if (cached && cached.until > now) return cached.row;
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

  /** `last_used_*` is written at most once a minute per key, off the request's path (contract §6). */
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
