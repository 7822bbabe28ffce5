import type { Redis } from 'ioredis';
import type { Clock } from '../clock.js';

export type AttemptDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Fixed-window attempt counters: `limit` attempts per `windowMs` per key. */
export interface AttemptCounter {
  hit(key: string, limit: number, windowMs: number): Promise<AttemptDecision>;
}

function decide(count: number, limit: number, msLeft: number): AttemptDecision {
  return count <= limit ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) };
}

/** One process's counters, for a single instance. */
export class MemoryAttemptCounter implements AttemptCounter {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  constructor(private readonly clock: Clock) {}

  async hit(key: string, limit: number, windowMs: number): Promise<AttemptDecision> {
    const now = this.clock.now();
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      // Expired windows are dropped when the map grows, so many one-off IPs cost nothing lasting.
      if (this.windows.size > 100_000) for (const [k, w] of this.windows) if (w.endsAt <= now) this.windows.delete(k);
      window = { count: 0, endsAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count++;
    return decide(window.count, limit, window.endsAt - now);
  }
}

/**
 * Counters in Redis (a key created with its expiry, then INCR), shared by every instance. While Redis
 * is unreachable each instance counts in memory instead (README.md § Operating in public): sign-in and sign-up
 * stay open and limited, to at most the limit per instance, rather than failing or going unlimited.
 */
export class RedisAttemptCounter implements AttemptCounter {
  constructor(
    private readonly redis: Redis,
    /** Counts while Redis is unreachable. */
    private readonly fallback: AttemptCounter,
    private readonly prefix = 'trendlens:attempts:',
  ) {}

  async hit(key: string, limit: number, windowMs: number): Promise<AttemptDecision> {
    // Not connected: counted here at once, not after the client's retries (about 1.5 s).
    if (this.redis.status !== 'ready') return this.fallback.hit(key, limit, windowMs);
    const name = this.prefix + key;
    let result: Awaited<ReturnType<ReturnType<Redis['multi']>['exec']>>;
    try {
      result = await this.redis.multi().set(name, 0, 'PX', windowMs, 'NX').incr(name).pttl(name).exec();
    } catch {
      return this.fallback.hit(key, limit, windowMs);
    }
    const count = Number(result?.[1]?.[1] ?? 0);
    const msLeft = Number(result?.[2]?.[1] ?? windowMs);
    return decide(count, limit, msLeft > 0 ? msLeft : windowMs);
  }
}

/** How often sign-in may be attempted at all (failures have their own, tighter throttle). */
export const SIGN_IN_ATTEMPTS_PER_IP_PER_MINUTE = 60;
export const SIGN_IN_ATTEMPTS_GLOBAL_PER_MINUTE = 1_200;
/** Sign-up limits count per hour (their sizes come from the configuration). */
export const SIGN_UP_WINDOW_MS = 3_600_000;

/** The first refusal among per-IP and global counters; the global one counts only admitted IPs. */
export async function checkAttempts(
  counter: AttemptCounter,
  kind: 'sign-up' | 'sign-in' | 'reset',
  ip: string,
  limits: { perIp: number; global: number; windowMs: number },
): Promise<AttemptDecision> {
  const perIp = await counter.hit(`${kind}:ip:${ip}`, limits.perIp, limits.windowMs);
  if (!perIp.allowed) return perIp;
  return counter.hit(`${kind}:all`, limits.global, limits.windowMs);
}

/** Verification e-mails to one address: one a minute and five a day, sign-up's own included (docs/api-contract.md § Console API). */
export const VERIFY_MAILS_PER_MINUTE = 1;
export const VERIFY_MAILS_PER_DAY = 5;

/**
 * Counts a verification e-mail to `email`, refused past either limit: without them anyone could have the
 * server mail any address from the operator's sender at will. Keyed by the address, not the account, so
 * deleting the account and signing up again with it starts no new allowance.
 */
export async function checkVerificationMail(counter: AttemptCounter, email: string): Promise<AttemptDecision> {
  const minute = await counter.hit(`verify-mail:minute:${email}`, VERIFY_MAILS_PER_MINUTE, 60_000);
  if (!minute.allowed) return minute;
  return counter.hit(`verify-mail:day:${email}`, VERIFY_MAILS_PER_DAY, 86_400_000);
}
