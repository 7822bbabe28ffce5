/**
 * The write thread's entry (docs/architecture.md § Hot path): its own connection to the SQLite file,
 * and the batch jobs the request thread sends. A job is a module exporting `prepare(sqlite)`, which
 * returns the function each message runs; the module is loaded and prepared on its first message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { configureSqlite, leaveCheckpointsToTheThread } from './sqlite-settings.js';
import type { JobReply, JobRequest } from './write-thread.js';

type Job = (...args: unknown[]) => unknown;

const sqlite = new SQLite((workerData as { file: string }).file);
configureSqlite(sqlite);
leaveCheckpointsToTheThread(sqlite);
const jobs = new Map<string, Job>();
// One message at a time, in arrival order, also while a job's module is still loading.
let tail: Promise<void> = Promise.resolve();

async function jobFor(url: string): Promise<Job> {
  let job = jobs.get(url);
  if (!job) {
    const mod = (await import(url)) as { prepare(sqlite: SQLite.Database): Job };
    job = mod.prepare(sqlite);
    jobs.set(url, job);
  }
  return job;
}

parentPort!.on('message', (message: JobRequest | 'close') => {
  tail = tail.then(async () => {
    if (message === 'close') {
      sqlite.close();
      parentPort!.close();
      return;
    }
    let reply: JobReply;
    try {
      reply = { id: message.id, result: (await jobFor(message.job))(...message.args) };
    } catch (error) {
      // better-sqlite3's SqliteError does not survive the copy between threads as an Error: send its parts.
      const { name = 'Error', message: text = String(error), code } = error as { name?: string; message?: string; code?: string };
      reply = { id: message.id, error: { name, message: text, code } };
    }
    parentPort!.postMessage(reply);
    restartWal();
  });
});

/**
 * The checkpoint thread copies the WAL into the database file in the background, but SQLite starts the
 * WAL file over only when a write begins with every frame copied, which a checkpoint running beside
 * constant writes never quite reaches: without this the WAL would grow by megabytes a second under
 * load. So once a second, after a job has been answered, this thread finishes the copy itself between
 * two of its own transactions: a few milliseconds, the checkpoint thread having copied all but the
 * last few.
 */
const WAL_RESTART_INTERVAL_MS = 1_000;
let walRestartedAt = performance.now();

function restartWal(): void {
  const now = performance.now();
  if (now - walRestartedAt < WAL_RESTART_INTERVAL_MS) return;
  try {
    const [result] = sqlite.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number }>;
    // Busy: the checkpoint thread is mid-copy; try again after the next job.
    if (result!.busy !== 0) return;
  } catch (error) {
    console.error('SQLite checkpoint failed (retrying in a second):', error);
  }
  walRestartedAt = now;
}
