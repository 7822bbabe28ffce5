import { Redis } from 'ioredis';
import { connectRevocationPublisher } from '../accounts/index.js';
import { createAdmin, type Admin } from '../compose.js';
import type { Config } from '../config.js';

/** The database services plus, with REDIS_URL, the revocation bus to running instances. */
export interface OperatorAdmin extends Admin {
  config: Config;
  redis: Redis | null;
}

/**
 * Runs `work` over the admin services. Key and account changes made here reach every running
 * instance's cached key lookups through Redis before the command returns; without REDIS_URL they are
 * seen within the lookup cache's 5 seconds.
 */
export async function withOperatorAdmin<T>(config: Config, work: (admin: OperatorAdmin) => Promise<T>): Promise<T> {
  const admin = await createAdmin(config);
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: true }) : null;
  let stopPublishing: (() => Promise<void>) | null = null;
  try {
    if (redis) {
      await redis.connect();
      stopPublishing = connectRevocationPublisher(admin.keys, redis);
    }
    return await work({ ...admin, config, redis });
  } finally {
    await stopPublishing?.();
    redis?.disconnect();
    await admin.close();
  }
}
