import { hash, randomInt } from 'node:crypto';
import { crc32 } from 'node:zlib';

/** docs/api-contract.md § API keys: `tl_live_` + 30 random base62 + 6 base62 of CRC32 over the first 38 characters. */
export const API_KEY_PREFIX = 'tl_live_';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KEY_PATTERN = /^tl_live_[0-9A-Za-z]{36}$/;
const RANDOM_LENGTH = 30;
const CHECKSUM_LENGTH = 6;

function base62(n: number, width: number): string {
  let out = '';
  for (let rest = n; rest > 0; rest = Math.floor(rest / 62)) out = BASE62[rest % 62] + out;
  return out.padStart(width, '0');
}

function checksum(body: string): string {
  return base62(crc32(body), CHECKSUM_LENGTH);
}

/** A new key from the CSPRNG (≈178 bits of entropy). */
export function generateApiKey(): string {
  let random = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) random += BASE62[randomInt(62)];
  const body = API_KEY_PREFIX + random;
  return body + checksum(body);
}

/**
 * Format and checksum, checked without any database access so that typos and random strings are
 * turned away cheaply (docs/api-contract.md § Credentials and request order).
 */
export function isWellFormedApiKey(key: string): boolean {
  if (!KEY_PATTERN.test(key)) return false;
  const body = key.slice(0, key.length - CHECKSUM_LENGTH);
  return checksum(body) === key.slice(-CHECKSUM_LENGTH);
}

/** What is stored: SHA-256 hex, never the key (one-shot `hash`: a third of a Hash object's cost, per request). */
export function hashApiKey(key: string): string {
  return hash('sha256', key, 'hex');
}

/** The parts a listing shows (docs/api-contract.md § API keys: the masked form). */
export function maskApiKey(key: string): { key_prefix: string; key_suffix: string; masked_key: string } {
  const keyPrefix = key.slice(API_KEY_PREFIX.length, API_KEY_PREFIX.length + 8);
  const keySuffix = key.slice(-4);
  return { key_prefix: keyPrefix, key_suffix: keySuffix, masked_key: maskedKey(keyPrefix, keySuffix) };
}

/** `tl_live_AbCd1234…9xYz`. */
export function maskedKey(keyPrefix: string, keySuffix: string): string {
  return `${API_KEY_PREFIX}${keyPrefix}…${keySuffix}`;
}
