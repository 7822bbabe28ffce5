import { describe, expect, it } from 'vitest';
import { labelIndexes, niceTicks } from './axis.js';

describe('axis', () => {
  it('makes round ticks that cover the maximum', () => {
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(100)).toEqual([0, 50, 100]);
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
  it('spreads date labels, keeping the first and the last', () => {
    expect(labelIndexes(3, 7)).toEqual([0, 1, 2]);
    expect(labelIndexes(30, 7)).toEqual([0, 5, 10, 15, 20, 25, 29]);
  });
});
