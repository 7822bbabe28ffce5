import { describe, expect, it } from 'vitest';
import { keyProblem, looksLikeApiKey, maskKey } from './key-format.js';

// Made by the server's generator rule (CRC32 via node:zlib, base62, zero-padded).
const VALID = ['tl_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1Z7z8R', 'tl_live_Zx9Qw3Er5Ty7Ui8Op0As2Df4Gh6JkL27Xnt8'];

describe('keyProblem', () => {
  it.each(VALID)('accepts %s', (key) => {
    expect(keyProblem(key)).toBeNull();
  });
  it('refuses a wrong prefix', () => {
    expect(keyProblem('sk_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1Z7z8R')).toMatch(/starts with tl_live_/);
  });
  it('refuses a wrong length', () => {
    expect(keyProblem('tl_live_abc')).toMatch(/36 letters and digits/);
  });
  it('refuses a typo by its checksum', () => {
    expect(keyProblem('tl_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaab1Z7z8R')).toMatch(/checksum/);
  });
});

describe('looksLikeApiKey', () => {
  it('matches the key shape even without a valid checksum', () => {
    expect(looksLikeApiKey('tl_live_' + 'b'.repeat(36))).toBe(true);
    expect(looksLikeApiKey('summer')).toBe(false);
  });
});

describe('maskKey', () => {
  it('shows the first 8 characters after tl_live_ and the last 4', () => {
    expect(maskKey(VALID[0]!)).toBe('tl_live_aaaaaaaa…7z8R');
  });
});
