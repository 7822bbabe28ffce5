import { describe, expect, it } from 'vitest';
import { SingleFlight } from '../../src/upstream/single-flight.js';

describe('SingleFlight', () => {
  it('runs concurrent calls with one key once and shares the result', async () => {
    const flights = new SingleFlight<number>();
    let runs = 0;
    let release!: (n: number) => void;
    const work = () => {
      runs++;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const all = Promise.all(Array.from({ length: 1000 }, () => flights.run('k', work)));
    release(42);
    expect(await all).toEqual(Array(1000).fill(42));
    expect(runs).toBe(1);
    expect(flights.size).toBe(0);
  });

  it('runs again once the previous call has settled', async () => {
    const flights = new SingleFlight<number>();
    let runs = 0;
    await flights.run('k', async () => ++runs);
    await flights.run('k', async () => ++runs);
    expect(runs).toBe(2);
  });

  it('shares a rejection and forgets it', async () => {
    const flights = new SingleFlight<number>();
    const a = flights.run('k', async () => {
      throw new Error('boom');
    });
    const b = flights.run('k', async () => 1);
    await expect(a).rejects.toThrow('boom');
    await expect(b).rejects.toThrow('boom');
    expect(await flights.run('k', async () => 2)).toBe(2);
  });

  it('keeps different keys apart', async () => {
    const flights = new SingleFlight<string>();
    const [a, b] = await Promise.all([flights.run('a', async () => 'a'), flights.run('b', async () => 'b')]);
    expect([a, b]).toEqual(['a', 'b']);
  });
});
