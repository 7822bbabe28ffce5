import type { Redis } from 'ioredis';
import type { Clock } from '../clock.js';
import { AdmissionUnavailable } from './gate.js';
import { gcra, type RateDecision, type RateLimiter } from './rate-limit.js';

/**
 * The same GCRA as MemoryRateLimiter, with the arrival time kept in Redis and updated by one atomic
 * script per request, so every instance behind a load balancer shares one limit (docs/architecture.md § One machine or many).
 * Returns the stored arrival time; the decision itself is computed by the shared `gcra` function.
 */
const SCRIPT = `
local tat = tonumber(redis.call('GET', KEYS[1]))
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local base = now
if tat and tat > now then base = tat end
local nextTat = base + interval
if now < nextTat - limit * interval then
  return {tostring(tat or now), 0}
end
redis.call('SET', KEYS[1], tostring(nextTat), 'PX', math.ceil(nextTat - now) + 1000)
return {tostring(tat or now), 1}
`;

/** Client states in which Redis was reached and lost: a command would only wait through the client's retries. */
const LOST = new Set(['reconnecting', 'close', 'end']);

/**
 * Shared per-minute limits. Redis unreachable: AdmissionUnavailable, which callers answer as 503
 * `metering_unavailable` (README.md § Metering), at once when the server is known to be gone.
 */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly clock: Clock,
    private readonly prefix = 'trendlens:rate:',
  ) {}

  async hit(key: string, limit: number): Promise<RateDecision> {
    if (LOST.has(this.redis.status)) throw new AdmissionUnavailable(new Error(`redis is ${this.redis.status}`));
    const now = this.clock.now();
    let previous: string;
    try {
      [previous] = (await this.redis.eval(SCRIPT, 1, this.prefix + key, String(now), String(60_000 / limit), String(limit))) as [string, number];
    } catch (error) {
      throw new AdmissionUnavailable(error);
    }
    // Recompute from the arrival time the script saw: the same arithmetic, so the same answer.
    return gcra(Number(previous), now, limit).decision;
  }
}
