import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { WriteThreadError } from '../../src/store/write-thread.js';

const job = new URL('./fixtures/thread-job.ts', import.meta.url);

describe('the SQLite write thread', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('runs batch jobs on a thread of its own, in order, committed before they resolve', async () => {
    store = await openStore(join(mkdtempSync(join(tmpdir(), 'trendlens-thread-')), 'db.sqlite'));
    const thread = store.writeThread!;
    const results = await Promise.all(['a', 'b', 'c'].map((v) => thread.run<{ threadId: number; count: number }>(job, 'write', v)));
    expect(results.map((r) => r.count)).toEqual([1, 2, 3]);
    expect(results[0]!.threadId).not.toBe(threadId);
    // Visible to the request thread's own connection once the job has resolved.
    expect(store.sqlite!.prepare('SELECT count(*) AS n FROM thread_test').get()).toEqual({ n: 3 });
  });

  it('fails a job with the SQLite error code, and goes on with the next', async () => {
    store = await openStore(join(mkdtempSync(join(tmpdir(), 'trendlens-thread-')), 'db.sqlite'));
    const thread = store.writeThread!;
    await thread.run(job, 'write', 'once');
    const failure = await thread.run(job, 'write', 'once').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WriteThreadError);
    expect((failure as WriteThreadError).code).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(await thread.run(job, 'write', 'twice')).toMatchObject({ count: 2 });
  });

  it('fails the jobs of a thread that stopped, and starts a new thread for the next job', async () => {
    store = await openStore(join(mkdtempSync(join(tmpdir(), 'trendlens-thread-')), 'db.sqlite'));
    const thread = store.writeThread!;
    const first = await thread.run<{ threadId: number }>(job, 'write', 'before');
    await expect(thread.run(job, 'exit', '')).rejects.toThrow(/write thread stopped \(exit code 3\)/);
    const after = await thread.run<{ threadId: number; count: number }>(job, 'write', 'after');
    expect(after.threadId).not.toBe(first.threadId);
    expect(after.count).toBe(2);
  });

  it('keeps an in-memory database on the request thread', async () => {
    store = await openStore(':memory:');
    expect(store.writeThread).toBeUndefined();
  });
});
