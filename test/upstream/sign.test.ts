import { describe, expect, it } from 'vitest';
import { userSign } from '../../src/upstream/creative-center/sign.js';

describe('userSign (docs/upstreams.md § Transport and signing)', () => {
  it.each([
    ['00000000-0000-0000-0000-000000000000', '1700000000', 'de1390578b22f902'],
    ['123e4567-e89b-42d3-a456-426614174000', '1754179200', '50f1c77ef794b398'],
  ])('signs %s at %s as %s', (uuid, timestamp, expected) => {
    expect(userSign(uuid, timestamp)).toBe(expected);
  });

  it('changes with the timestamp', () => {
    const uuid = '123e4567-e89b-42d3-a456-426614174000';
    expect(userSign(uuid, '1754179200')).not.toBe(userSign(uuid, '1754179201'));
  });
});
