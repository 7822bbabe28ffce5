/** A bounded cache of generated charts: generation is deterministic, so a cached chart is the same chart. */
export class ChartCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly max = 256) {}

  get(key: string, build: () => T): T {
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const value = build();
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    return value;
  }
}
