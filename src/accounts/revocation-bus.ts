import type { Redis } from 'ioredis';
import type { ApiKeys } from './api-keys.js';

const CHANNEL = 'trendlens:keys:invalidate';

/**
 * Fans key invalidations out to every instance through Redis pub/sub, so a revoked or rotated key is
 * refused everywhere within a second (docs/api-contract.md § API keys), not only where the Console call landed.
 */
export async function connectRevocationBus(keys: ApiKeys, publisher: Redis): Promise<() => Promise<void>> {
  const subscriber = publisher.duplicate();
  subscriber.on('error', () => {});
  await subscriber.subscribe(CHANNEL);
  subscriber.on('message', (_channel: string, keyHash: string) => keys.invalidate(keyHash));
  keys.onInvalidate = (keyHash) => {
    void publisher.publish(CHANNEL, keyHash).catch(() => {});
  };
  return async () => {
    keys.onInvalidate = () => {};
    await subscriber.quit();
  };
}

/**
 * For processes that change keys or accounts without serving requests (the operator's CLI): publish
 * each invalidation to the instances' bus. `close` waits for every publish to be sent, so a command
 * that has returned has reached every running instance's cache.
 */
export function connectRevocationPublisher(keys: ApiKeys, publisher: Redis): () => Promise<void> {
  const pending: Array<Promise<unknown>> = [];
  keys.onInvalidate = (keyHash) => {
    pending.push(publisher.publish(CHANNEL, keyHash));
  };
  return async () => {
    keys.onInvalidate = () => {};
    await Promise.all(pending);
  };
}
