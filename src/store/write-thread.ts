import { Worker } from 'node:worker_threads';

export interface JobRequest {
  id: number;
  /** URL of the job's module (see write-thread-worker.ts). */
  job: string;
  args: unknown[];
}

export interface JobReply {
  id: number;
  result?: unknown;
  error?: { name: string; message: string; code?: string };
}

/** A job's failure on the write thread, as an Error of this thread with the SQLite error code. */
export class WriteThreadError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly original: string,
  ) {
    super(message);
    this.name = original;
  }
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Starts `<name>.js` beside this module; under tsx or vitest the sources are TypeScript, and a small bootstrap registers tsx in the thread first. */
function startWorker(name: 'write-thread-worker' | 'checkpoint-thread-worker', file: string): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, import.meta.url), { workerData: { file } });
  const entry = new URL(`./${name}.ts`, import.meta.url).href;
  return new Worker(new URL('./thread-tsx.mjs', import.meta.url), { workerData: { file, entry } });
}

/** Ends a thread that holds a connection: it closes the connection first, and the caller waits for it. */
async function closeWorker(worker: Worker): Promise<void> {
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  // Held until it has closed its connection, or an otherwise idle process would exit first.
  worker.ref();
  worker.postMessage('close');
  await exited;
}

/**
 * A thread with its own connection to the SQLite file, for the batched writes of the hot path (charges,
 * usage records): better-sqlite3 is synchronous, so on the request thread every flush stalled every
 * request in flight. A caller awaits its job until the transaction has committed, so a request is still
 * answered only once its charge is durable. A crashed thread fails the jobs it held; the next job starts
 * a new one.
 *
 * With it runs a checkpoint thread (checkpoint-thread-worker.ts), from the first job on: from then
 * on no connection of this process checkpoints in its commits, `onCheckpointThread` being where the
 * caller's own connection is told so.
 */
export class WriteThread {
  private worker: Worker | null = null;
  private checkpointer: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly file: string,
    private readonly onCheckpointThread: () => void = () => {},
  ) {}

  /** Runs `prepare(sqlite)(...args)` of the module at `job` on the write thread, in order of calls. */
  run<T>(job: URL, ...args: unknown[]): Promise<T> {
    const worker = this.worker ?? this.start();
    // Held while jobs are out, so a CLI that awaits its last flush is not left by an empty event loop.
    if (this.pending.size === 0) worker.ref();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, job: job.href, args } satisfies JobRequest);
    });
  }

  async close(): Promise<void> {
    const { worker, checkpointer } = this;
    this.worker = null;
    this.checkpointer = null;
    if (checkpointer) await closeWorker(checkpointer);
    if (worker) await closeWorker(worker);
  }

  private start(): Worker {
    if (!this.checkpointer) this.startCheckpointer();
    const worker = startWorker('write-thread-worker', this.file);
    // An idle write thread does not keep the process alive.
    worker.unref();
    worker.on('message', (reply: JobReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.error) waiting.reject(new WriteThreadError(reply.error.message, reply.error.code, reply.error.name));
      else waiting.resolve(reply.result);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, waiting] of this.pending) {
        this.pending.delete(id);
        waiting.reject(error);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the database write thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  /**
   * Without the checkpoint thread no write fails: the write thread's own checkpoint each second copies
   * the whole WAL, only slower, and the next write thread to start brings a new one.
   */
  private startCheckpointer(): void {
    const checkpointer = startWorker('checkpoint-thread-worker', this.file);
    checkpointer.unref();
    checkpointer.on('error', (error) => console.error('the SQLite checkpoint thread stopped:', error));
    checkpointer.on('exit', () => {
      if (this.checkpointer === checkpointer) this.checkpointer = null;
    });
    this.checkpointer = checkpointer;
    this.onCheckpointThread();
  }
}
