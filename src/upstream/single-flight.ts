/**
 * Collapses concurrent calls with the same key into one (docs/architecture.md § A request's path): the first caller runs
 * the work, everyone arriving before it settles shares its promise.
 */
export class SingleFlight<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  /** Runs `work` unless a call for `key` is already running, in which case joins that one. */
  run(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const promise = (async () => {
      try {
        return await work();
      } finally {
        this.inFlight.delete(key);
      }
    })();
    this.inFlight.set(key, promise);
    return promise;
  }

  /** Number of keys with work in progress. */
  get size(): number {
    return this.inFlight.size;
  }
}
