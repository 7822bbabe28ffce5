/**
 * The checkpoint thread's entry (docs/architecture.md § Hot path): its own connection to the SQLite
 * file, copying committed WAL pages into the database file in the background, so no commit of the
 * write thread or the request thread has to (see leaveCheckpointsToTheThread).
 */
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { configureSqlite, leaveCheckpointsToTheThread } from './sqlite-settings.js';

/**
 * While the WAL grows: small, frequent checkpoints, so the one the write thread runs to start the WAL
 * over (write-thread-worker.ts) finds little left to copy.
 */
const BUSY_INTERVAL_MS = 20;
/** While nothing is written: an idle server is not woken 50 times a second. */
const IDLE_INTERVAL_MS = 500;

const sqlite = new SQLite((workerData as { file: string }).file);
configureSqlite(sqlite);
leaveCheckpointsToTheThread(sqlite);

let walFrames = -1;
let timer = setTimeout(checkpoint, BUSY_INTERVAL_MS);

function checkpoint(): void {
  let frames = walFrames;
  try {
    // PASSIVE never waits for readers or writers: it copies what it can and leaves the rest for next time.
    const [result] = sqlite.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
    frames = result!.log;
  } catch (error) {
    // The pages stay in the WAL, where every connection reads them: nothing is lost, the WAL only grows.
    console.error('SQLite checkpoint failed (retrying):', error);
  }
  const growing = frames !== walFrames;
  walFrames = frames;
  timer = setTimeout(checkpoint, growing ? BUSY_INTERVAL_MS : IDLE_INTERVAL_MS);
}

parentPort!.on('message', (message: 'close') => {
  if (message !== 'close') return;
  clearTimeout(timer);
  sqlite.close();
  parentPort!.close();
});
