import { describe, expect, it } from 'vitest';
import { createKeyStore, KEY_STORAGE_NAME } from './key-store.js';

class MemoryStorage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
}

describe('key store', () => {
  it('keeps the key for the session by default', () => {
    const session = new MemoryStorage();
    const local = new MemoryStorage();
    const store = createKeyStore(session, local);
    store.save('k1', false);
    expect(session.getItem(KEY_STORAGE_NAME)).toBe('k1');
    expect(local.length).toBe(0);
    expect(store.read()).toEqual({ key: 'k1', remembered: false });
  });
  it('uses localStorage only after opting in, and moves the key there', () => {
    const session = new MemoryStorage();
    const local = new MemoryStorage();
    const store = createKeyStore(session, local);
    store.save('k1', false);
    store.save('k1', true);
    expect(session.length).toBe(0);
    expect(store.read()).toEqual({ key: 'k1', remembered: true });
  });
  it('forgets from both', () => {
    const store = createKeyStore(new MemoryStorage(), new MemoryStorage());
    store.save('k1', true);
    store.forget();
    expect(store.read()).toBeNull();
  });
  it('works without storage', () => {
    const store = createKeyStore(null, null);
    store.save('k', true);
    expect(store.read()).toBeNull();
  });
});
