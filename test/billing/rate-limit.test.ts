import { describe, expect, it } from 'vitest';
import { gcra } from '../../src/billing/index.js';

describe('GCRA (docs/api-contract.md § Rate limits)', () => {
  it.each([5, 15, 45, 120, 300, 1_000, 100_000])('leaves %i − 1 after the first request of a minute', (limit) => {
    expect(gcra(undefined, 1_000_000, limit).decision).toMatchObject({ allowed: true, remaining: limit - 1 });
  });

  it('admits a burst of the whole rate, then one request per interval', () => {
    let tat: number | undefined;
    const now = 5_000_000;
    for (let i = 0; i < 5; i++) {
      const step = gcra(tat, now, 5);
      expect(step.decision.allowed).toBe(true);
      tat = step.tat;
    }
    const refused = gcra(tat, now, 5).decision;
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 12, resetSeconds: 60 });
    expect(gcra(tat, now + 12_000, 5).decision.allowed).toBe(true);
  });
});
