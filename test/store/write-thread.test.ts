import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { WriteThreadError } from '../../src/store/write-thread.js';

const job = new URL('./fixtures/thread-job.ts', import.meta.url);

describe('the SQLite write thread', () => {
  let store: Store | undefined;
  const folders: string[] = [];
  afterEach(async () => {
    await store?.close();
    store = undefined;
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  /** A database file in a folder of its own, removed after the test. */
  function freshFile(): string {
    const folder = mkdtempSync(join(tmpdir(), 'trendlens-thread-'));
    folders.push(folder);
    return join(folder, 'db.sqlite');
  }

  it('runs batch jobs on a thread of its own, in order, committed before they resolve', async () => {
    store = await openStore(freshFile());
    const thread = store.writeThread!;
    const results = await Promise.all(['a', 'b', 'c'].map((v) => thread.run<{ threadId: number; count: number }>(job, 'write', v)));
    expect(results.map((r) => r.count)).toEqual([1, 2, 3]);
    expect(results[0]!.threadId).not.toBe(threadId);
    // Visible to the request thread's own connection once the job has resolved.
    expect(store.sqlite!.prepare('SELECT count(*) AS n FROM thread_test').get()).toEqual({ n: 3 });
  });

  it('fails a job with the SQLite error code, and goes on with the next', async () => {
    store = await openStore(freshFile());
    const thread = store.writeThread!;
    await thread.run(job, 'write', 'once');
    const failure = await thread.run(job, 'write', 'once').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WriteThreadError);
    expect((failure as WriteThreadError).code).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(await thread.run(job, 'write', 'twice')).toMatchObject({ count: 2 });
  });

  it('fails the jobs of a thread that stopped, and starts a new thread for the next job', async () => {
    store = await openStore(freshFile());
    const thread = store.writeThread!;
    const first = await thread.run<{ threadId: number }>(job, 'write', 'before');
    await expect(thread.run(job, 'exit', '')).rejects.toThrow(/write thread stopped \(exit code 3\)/);
    const after = await thread.run<{ threadId: number; count: number }>(job, 'write', 'after');
    expect(after.threadId).not.toBe(first.threadId);
    expect(after.count).toBe(2);
  });

  it('leaves checkpoints to a thread of their own: commits never copy the WAL, yet the database file catches up', async () => {
    const file = freshFile();
    store = await openStore(file);
    const thread = store.writeThread!;
    expect(store.sqlite!.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    const before = statSync(file).size;
    // 2 MiB: below SQLite's own automatic checkpoint (1,000 pages), so only the checkpoint thread copies it.
    await thread.run(job, 'fill', '2000');
    expect(await thread.run(job, 'settings', '')).toEqual({ autocheckpoint: 0 });
    expect(store.sqlite!.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await expect.poll(() => statSync(file).size - before, { timeout: 2_000, interval: 20 }).toBeGreaterThan(2 * 1024 * 1024);
  });

  it('starts the WAL over under constant writes, so it does not grow with what was written', async () => {
    const file = freshFile();
    store = await openStore(file);
    const thread = store.writeThread!;
    await thread.run(job, 'fill', '1');
    // The WAL header's checkpoint sequence number (bytes 12–15) counts the times the WAL started over.
    const restarts = () => readFileSync(`${file}-wal`).readUInt32BE(12);
    const before = restarts();
    // Small commits queued eight deep for 2.5 s, like charge flushes under load: the write thread is never idle.
    const until = Date.now() + 2_500;
    const writer = async () => {
      while (Date.now() < until) await thread.run(job, 'rewrite', '');
    };
    await Promise.all(Array.from({ length: 8 }, writer));
    expect(restarts() - before).toBeGreaterThanOrEqual(1);
  });

  it('keeps an in-memory database on the request thread', async () => {
    store = await openStore(':memory:');
    expect(store.writeThread).toBeUndefined();
  });
});
