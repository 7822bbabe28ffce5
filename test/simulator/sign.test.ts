import { describe, expect, it } from 'vitest';
import { userSign } from '../../src/simulator/sign.js';

describe('user-sign (docs/upstreams.md § Transport and signing)', () => {
  it.each([
    ['00000000-0000-0000-0000-000000000000', '1700000000', 'de1390578b22f902'],
    ['123e4567-e89b-42d3-a456-426614174000', '1754179200', '50f1c77ef794b398'],
  ])('signs %s at %s as %s', (id, timestamp, expected) => {
    expect(userSign(id, timestamp)).toBe(expected);
  });

  it('gives 16 lower-case hex digits', () => {
    expect(userSign('abc', '1')).toMatch(/^[0-9a-f]{16}$/);
  });
});
