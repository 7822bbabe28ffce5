import { describe, expect, it } from 'vitest';
import { curlCommand } from './curl.js';

describe('curlCommand', () => {
  it('uses the placeholder without a key', () => {
    expect(curlCommand('http://h/api/v1/x?a=1', null)).toBe('curl "http://h/api/v1/x?a=1" -H "x-api-key: <api-key>"');
  });
  it('includes the configured key', () => {
    expect(curlCommand('http://h/x', 'tl_live_k')).toBe('curl "http://h/x" -H "x-api-key: tl_live_k"');
  });
  it('escapes shell specials inside the quotes', () => {
    expect(curlCommand('http://h/x?q=$HOME"`', null)).toContain('"http://h/x?q=\\$HOME\\"\\`"');
  });
});
