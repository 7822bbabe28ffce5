/**
 * Where the Playground keeps a pasted key (docs/api-contract.md § Playground): sessionStorage, or localStorage once
 * "Remember on this device" is chosen; never cookies, URLs or the server.
 */
export const KEY_STORAGE_NAME = 'trendlens.playground.key';

export interface KeyStore {
  read(): { key: string; remembered: boolean } | null;
  save(key: string, remember: boolean): void;
  forget(): void;
}

/** A key store over the two Web Storage areas (injected so tests can use in-memory ones). */
export function createKeyStore(session: Storage | null, local: Storage | null): KeyStore {
  const safe = <T>(work: () => T, fallback: T): T => {
    try {
      return work();
    } catch {
      return fallback; // storage can be disabled (private mode, policy): the key then lives only in memory
    }
  };
  return {
    read() {
      const remembered = safe(() => local?.getItem(KEY_STORAGE_NAME) ?? null, null);
      if (remembered) return { key: remembered, remembered: true };
      const forSession = safe(() => session?.getItem(KEY_STORAGE_NAME) ?? null, null);
      return forSession ? { key: forSession, remembered: false } : null;
    },
    save(key, remember) {
      this.forget();
      safe(() => (remember ? local : session)?.setItem(KEY_STORAGE_NAME, key), undefined);
    },
    forget() {
      safe(() => local?.removeItem(KEY_STORAGE_NAME), undefined);
      safe(() => session?.removeItem(KEY_STORAGE_NAME), undefined);
    },
  };
}

/** The browser's key store. */
export function browserKeyStore(): KeyStore {
  const area = (name: 'sessionStorage' | 'localStorage') => {
    try {
      return window[name];
    } catch {
      return null;
    }
  };
  return createKeyStore(area('sessionStorage'), area('localStorage'));
}
