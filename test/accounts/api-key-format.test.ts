import fc from 'fast-check';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generateApiKey, hashApiKey, isWellFormedApiKey, maskApiKey } from '../../src/accounts/index.js';

describe('API key format (docs/api-contract.md § API keys)', () => {
  it('generates 44-character tl_live_ keys that pass their own checksum', () => {
    for (let i = 0; i < 200; i++) {
      const key = generateApiKey();
      expect(key).toMatch(/^tl_live_[0-9A-Za-z]{36}$/);
      expect(isWellFormedApiKey(key)).toBe(true);
    }
  });

  it('rejects a key with one character changed (checksum)', () => {
    const key = generateApiKey();
    const i = 10;
    const changed = key.slice(0, i) + (key[i] === 'a' ? 'b' : 'a') + key.slice(i + 1);
    expect(isWellFormedApiKey(changed)).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['reserved test prefix', `tl_test_${'a'.repeat(36)}`],
    ['too short', 'tl_live_abc'],
    ['not base62', `tl_live_${'-'.repeat(36)}`],
    ['64 hex (a Crawlora key)', 'a'.repeat(64)],
  ])('rejects %s', (_, key) => {
    expect(isWellFormedApiKey(key)).toBe(false);
  });

  it('accepts exactly the keys whose last 6 characters are base62(CRC32) of the first 38', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Za-z]{30}$/), fc.stringMatching(/^[0-9A-Za-z]{6}$/), (random, tail) => {
        const body = `tl_live_${random}`;
        expect(isWellFormedApiKey(body + independentChecksum(body))).toBe(true);
        expect(isWellFormedApiKey(body + tail)).toBe(tail === independentChecksum(body));
      }),
    );
  });

  it('stores SHA-256 hex and masks as tl_live_<8>…<4>', () => {
    const key = generateApiKey();
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    const masked = maskApiKey(key);
    expect(masked.masked_key).toBe(`tl_live_${key.slice(8, 16)}…${key.slice(-4)}`);
    expect(masked.masked_key).not.toContain(key.slice(16, 40));
  });
});

/** The contract's checksum, written out again here so the test does not trust the module's. */
function independentChecksum(body: string): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let n = crc32(body);
  let out = '';
  while (n > 0) {
    out = alphabet[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(6, '0');
}
