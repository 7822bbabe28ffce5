import type { Redis } from 'ioredis';
import type { ApiKeys } from './api-keys.js';

const CHANNEL = 'trendlens:keys:invalidate';

/**
 * Fans key invalidations out to every instance through Redis pub/sub, so a revoked or rotated key is
 * refused everywhere within a second (contract §6), not only where the Console call landed.
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
