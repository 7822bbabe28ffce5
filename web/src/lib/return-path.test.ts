import { describe, expect, it } from 'vitest';
import { isPlaygroundPath, keyOffer, keyStepHref, returnPathOf, safeReturnPath, signUpHref } from './return-path.js';

const queryOf = (href: string) => href.slice(href.indexOf('?'));

describe('sign-in and sign-up return path', () => {
  it('round-trips a Playground path with its params', () => {
    const href = signUpHref('/playground/tiktok-popular-trend-song?period=30&limit=5');
    expect(returnPathOf(queryOf(href))).toBe('/playground/tiktok-popular-trend-song?period=30&limit=5');
  });
  it('returns to a Console page with its query and fragment', () => {
    expect(safeReturnPath('/console/billing#change-plan')).toBe('/console/billing#change-plan');
    expect(safeReturnPath('/console/usage?from=2026-04-01')).toBe('/console/usage?from=2026-04-01');
    expect(returnPathOf(`?return=${encodeURIComponent('/console/billing#change-plan')}`)).toBe('/console/billing#change-plan');
  });
  it('never returns to another site or outside the Playground and the Console', () => {
    expect(safeReturnPath('//evil.example/playground')).toBeNull();
    expect(safeReturnPath('https://evil.example/playground')).toBeNull();
    expect(safeReturnPath('/playground\\@evil')).toBeNull();
    expect(safeReturnPath('/console/\\evil.example')).toBeNull();
    expect(safeReturnPath('/console\t/evil')).toBeNull();
    expect(safeReturnPath('/consoleevil')).toBeNull();
    expect(safeReturnPath('/docs')).toBeNull();
    expect(safeReturnPath('javascript:alert(1)//console')).toBeNull();
    expect(safeReturnPath(null)).toBeNull();
  });
  it('tells Playground paths from Console ones', () => {
    expect(isPlaygroundPath('/playground')).toBe(true);
    expect(isPlaygroundPath('/playground/tiktok-top-ads-list?period=30')).toBe(true);
    expect(isPlaygroundPath('/console/billing#change-plan')).toBe(false);
  });
});

describe('keyOffer', () => {
  const back = '/playground/tiktok-top-ads-detail?material_id=1';
  it('offers a free account to someone signed out, coming back to the same request', () => {
    const offer = keyOffer(false, back);
    expect(offer.label).toBe('Create a free account');
    expect(offer.href.startsWith('/console/sign-up?')).toBe(true);
    expect(returnPathOf(queryOf(offer.href))).toBe(back);
  });
  it('offers a new key of their account to someone signed in', () => {
    const offer = keyOffer(true, back);
    expect(offer).toEqual({ label: 'Create a key for the Playground', href: keyStepHref(back) });
    expect(returnPathOf(queryOf(offer.href))).toBe(back);
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
