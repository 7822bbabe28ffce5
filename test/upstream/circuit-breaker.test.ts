import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { CircuitBreaker } from '../../src/upstream/circuit-breaker.js';

function failTimes(breaker: CircuitBreaker, key: string, n: number): void {
  for (let i = 0; i < n; i++) {
    expect(breaker.admit(key)).toEqual({ allowed: true });
    breaker.fail(key);
  }
}

describe('CircuitBreaker (docs/api-contract.md § Upstream outcomes and caching)', () => {
  it('stays closed after 4 consecutive failures', () => {
    const breaker = new CircuitBreaker({ clock: new ManualClock() });
    failTimes(breaker, 'k', 4);
    expect(breaker.state('k')).toBe('closed');
    expect(breaker.admit('k')).toEqual({ allowed: true });
  });

  it('opens after 5 consecutive failures for 30 s, with retry-after counting down', () => {
    const clock = new ManualClock();
    const breaker = new CircuitBreaker({ clock });
    failTimes(breaker, 'k', 5);
    expect(breaker.state('k')).toBe('open');
    expect(breaker.admit('k')).toEqual({ allowed: false, retryAfterSeconds: 30 });
    clock.advance(29_500);
    expect(breaker.admit('k')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('a success resets the consecutive count', () => {
    const breaker = new CircuitBreaker({ clock: new ManualClock() });
    failTimes(breaker, 'k', 4);
    breaker.succeed('k');
    failTimes(breaker, 'k', 4);
    expect(breaker.state('k')).toBe('closed');
  });

  it('lets exactly one probe through after 30 s; its success closes the circuit', () => {
    const clock = new ManualClock();
    const breaker = new CircuitBreaker({ clock });
    failTimes(breaker, 'k', 5);
    clock.advance(30_000);
    expect(breaker.state('k')).toBe('half-open');
    expect(breaker.admit('k')).toEqual({ allowed: true });
    expect(breaker.admit('k')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    breaker.succeed('k');
    expect(breaker.state('k')).toBe('closed');
    expect(breaker.admit('k')).toEqual({ allowed: true });
  });

  it('a failed probe opens the circuit for another 30 s', () => {
    const clock = new ManualClock();
    const breaker = new CircuitBreaker({ clock });
    failTimes(breaker, 'k', 5);
    clock.advance(30_000);
    expect(breaker.admit('k')).toEqual({ allowed: true });
    breaker.fail('k');
    expect(breaker.admit('k')).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });

  it('keeps circuits apart per key', () => {
    const breaker = new CircuitBreaker({ clock: new ManualClock() });
    failTimes(breaker, 'simulator /a', 5);
    expect(breaker.state('simulator /a')).toBe('open');
    expect(breaker.admit('simulator /b')).toEqual({ allowed: true });
  });
});
