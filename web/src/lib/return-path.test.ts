import { describe, expect, it } from 'vitest';
import { returnPathOf, safeReturnPath, signUpHref } from './return-path.js';

describe('sign-up return path', () => {
  it('round-trips a Playground path with its params', () => {
    const href = signUpHref('/playground/tiktok-popular-trend-song?period=30&limit=5');
    expect(returnPathOf(href.slice(href.indexOf('?')))).toBe('/playground/tiktok-popular-trend-song?period=30&limit=5');
  });
  it('never returns to another site or outside the Playground', () => {
    expect(safeReturnPath('//evil.example/playground')).toBeNull();
    expect(safeReturnPath('https://evil.example/playground')).toBeNull();
    expect(safeReturnPath('/console/keys')).toBeNull();
    expect(safeReturnPath('/playground\\@evil')).toBeNull();
    expect(safeReturnPath(null)).toBeNull();
  });
});

describe('last Playground address', () => {
  const memory = (): Storage => {
    const m = new Map<string, string>();
    return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k), clear: () => m.clear(), key: () => null, length: 0 };
  };
  it('returns to the endpoint last shown, and to the start when none was', async () => {
    const { lastPlaygroundPath, rememberPlaygroundPath } = await import('./return-path.js');
    const s = memory();
    expect(lastPlaygroundPath(s)).toBe('/playground');
    rememberPlaygroundPath(s, '/playground/tiktok-top-ads-list?period=30');
    expect(lastPlaygroundPath(s)).toBe('/playground/tiktok-top-ads-list?period=30');
    rememberPlaygroundPath(s, '/console');
    expect(lastPlaygroundPath(s)).toBe('/playground/tiktok-top-ads-list?period=30');
  });
});
