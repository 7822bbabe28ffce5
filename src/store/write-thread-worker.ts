/**
 * The write thread's entry (docs/architecture.md § Hot path): its own connection to the SQLite file,
 * and the batch jobs the request thread sends. A job is a module exporting `prepare(sqlite)`, which
 * returns the function each message runs; the module is loaded and prepared on its first message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { configureSqlite } from './sqlite-settings.js';
import type { JobReply, JobRequest } from './write-thread.js';

type Job = (...args: unknown[]) => unknown;

const sqlite = new SQLite((workerData as { file: string }).file);
configureSqlite(sqlite);
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
  });
});
