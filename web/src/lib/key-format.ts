/** docs/api-contract.md § API keys: `tl_live_` + 30 base62 + 6 base62 of CRC32 over the first 38 characters. */
export const API_KEY_PATTERN = /^tl_live_[0-9A-Za-z]{36}$/;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CHECKSUM_LENGTH = 6;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE) of an ASCII string, as node:zlib's crc32 computes it on the server. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = (CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function base62(n: number, width: number): string {
  let out = '';
  for (let rest = n; rest > 0; rest = Math.floor(rest / 62)) out = BASE62[rest % 62] + out;
  return out.padStart(width, '0');
}

/** Why a pasted key is refused locally, or null when format and checksum hold (docs/api-contract.md § Playground). */
export function keyProblem(key: string): string | null {
  if (!key.startsWith('tl_live_')) return 'A Trendlens key starts with tl_live_.';
  if (!API_KEY_PATTERN.test(key)) return 'A Trendlens key is tl_live_ followed by 36 letters and digits.';
  const body = key.slice(0, key.length - CHECKSUM_LENGTH);
  if (base62(crc32(body), CHECKSUM_LENGTH) !== key.slice(-CHECKSUM_LENGTH)) return 'This key has a typo: its checksum does not match.';
  return null;
}

/** Whether a value has the shape of an API key (used to keep keys out of share links). */
export function looksLikeApiKey(value: string): boolean {
  return API_KEY_PATTERN.test(value.trim());
}

/** `tl_live_AbCd1234…9xYz`, as the Console lists keys (docs/api-contract.md § API keys). */
export function maskKey(key: string): string {
  return `${key.slice(0, 16)}…${key.slice(-4)}`;
}
