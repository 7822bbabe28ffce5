/** The pool is full: the caller should answer 503 `busy` and let the client retry. */
export class PoolBusyError extends Error {
  constructor() {
    super('password hashing is at capacity');
  }
}

/**
 * Bounds concurrent password hashing. Each scrypt takes 32 MiB for ~30 ms, so a burst of sign-ups
 * or sign-ins could otherwise take memory without limit: `concurrency` run at once, up to `queue`
 * more wait their turn, and past that `run` refuses at once with PoolBusyError.
 */
export class HashPool {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly concurrency: number,
    readonly queue: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) throw new PoolBusyError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next in line, so `running` never dips while others wait.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
