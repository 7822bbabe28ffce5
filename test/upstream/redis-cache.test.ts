import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { RedisResponseCache } from '../../src/upstream/index.js';

const REDIS_SERVER = '/usr/bin/redis-server';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

/** Resolves once something accepts connections on the port (redis-server takes a moment to start). */
async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not start on ${port}`);
}

describe.skipIf(!existsSync(REDIS_SERVER))('RedisResponseCache (real redis-server)', () => {
  let child: ChildProcess;
  let redis: Redis;

  beforeAll(async () => {
    const port = await freePort();
    child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitForPort(port);
    redis = new Redis({ port, host: '127.0.0.1', lazyConnect: true });
    await redis.connect();
  });

  afterAll(async () => {
    await redis?.quit();
    child?.kill();
  });

  it('round-trips the exact body bytes with storedAt and ttl', async () => {
    const clock = new ManualClock();
    const prefix = `t1:${Date.now()}:`;
    const writer = new RedisResponseCache({ redis, clock, keyPrefix: prefix });
    // Another instance: nothing in its memory, so the entry comes from Redis.
    const reader = new RedisResponseCache({ redis, clock, keyPrefix: prefix });
    const body = Buffer.from('{"code":200,"msg":"OK","data":{"id":"7562659435622010123","é":1}}');
    await writer.set('k', { body, storedAt: clock.now(), ttlSeconds: 3600 });
    const got = await reader.get('k');
    expect(got?.body.equals(body)).toBe(true);
    expect(got?.storedAt).toBe(clock.now());
    expect(got?.ttlSeconds).toBe(3600);
  });

  it('sets the Redis expiry to TTL plus the 24 h stale window', async () => {
    const clock = new ManualClock();
    const prefix = `t2:${Date.now()}:`;
    const cache = new RedisResponseCache({ redis, clock, keyPrefix: prefix });
    await cache.set('k', { body: Buffer.from('x'), storedAt: clock.now(), ttlSeconds: 60 });
    const pttl = await redis.pttl(`${prefix}k`);
    expect(pttl).toBeGreaterThan((60 + 86_400) * 1000 - 5000);
    expect(pttl).toBeLessThanOrEqual((60 + 86_400) * 1000);
  });

  it('hides an entry past its stale window on the injected clock', async () => {
    const clock = new ManualClock();
    const cache = new RedisResponseCache({ redis, clock, keyPrefix: `t3:${Date.now()}:` });
    await cache.set('k', { body: Buffer.from('x'), storedAt: clock.now(), ttlSeconds: 60 });
    clock.advance((60 + 86_400) * 1000);
    expect(await cache.get('k')).toBeUndefined();
  });

  it('answers a fresh entry from memory, and asks Redis again once its TTL has passed', async () => {
    const clock = new ManualClock();
    const prefix = `t5:${Date.now()}:`;
    const first = new RedisResponseCache({ redis, clock, keyPrefix: prefix });
    const second = new RedisResponseCache({ redis, clock, keyPrefix: prefix });
    await first.set('k', { body: Buffer.from('one'), storedAt: clock.now(), ttlSeconds: 60 });
    expect((await second.get('k'))?.body.toString()).toBe('one');
    // Gone from Redis, still fresh in each instance's memory.
    await redis.del(`${prefix}k`);
    expect((await first.get('k'))?.body.toString()).toBe('one');
    expect((await second.get('k'))?.body.toString()).toBe('one');
    // Expired: the first instance refreshes it, and the second reads the refresh from Redis.
    clock.advance(60_000);
    await first.set('k', { body: Buffer.from('two'), storedAt: clock.now(), ttlSeconds: 60 });
    expect((await second.get('k'))?.body.toString()).toBe('two');
  });

  it('misses an unknown key', async () => {
    const cache = new RedisResponseCache({ redis, keyPrefix: `t4:${Date.now()}:` });
    expect(await cache.get('nope')).toBeUndefined();
  });
});
