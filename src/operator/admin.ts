import type { Redis } from 'ioredis';
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
 * seen within the lookup cache's 5 seconds. The admin's Redis is connected already: one out of reach
 * has stopped the command in one line naming REDIS_URL.
 */
export async function withOperatorAdmin<T>(config: Config, work: (admin: OperatorAdmin) => Promise<T>): Promise<T> {
  const admin = await createAdmin(config);
  const stopPublishing = admin.redis ? connectRevocationPublisher(admin.keys, admin.redis) : null;
  try {
    return await work({ ...admin, config });
  } finally {
    try {
      await stopPublishing?.();
    } finally {
      await admin.close();
    }
  }
}
