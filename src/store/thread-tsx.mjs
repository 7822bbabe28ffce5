// Starts a store thread (the write thread, the checkpoint thread) from the TypeScript sources (vitest,
// tsx): registers tsx in the new thread, which does not inherit the loader of the thread that started
// it. The built server (dist/) starts the threads' .js entries directly and never loads this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
