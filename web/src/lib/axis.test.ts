import { describe, expect, it } from 'vitest';
import { DAY_TICK_STEPS, labelIndexes, niceTicks, RANK_TICK_STEPS, rankRange } from './axis.js';

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
  it('keeps a rank axis on whole places from 1, with half a place of room at each end', () => {
    expect(rankRange(1, 1)).toEqual([0.5, 1.5]);
    expect(rankRange(0.4, 23.2)).toEqual([0.5, 24.5]);
    expect(rankRange(4, 9)).toEqual([3.5, 9.5]);
    expect(RANK_TICK_STEPS.every(Number.isInteger)).toBe(true);
  });
  it('steps a date axis by whole days', () => {
    expect(DAY_TICK_STEPS.every((s) => s % 86_400 === 0)).toBe(true);
    expect(DAY_TICK_STEPS[0]).toBe(86_400);
  });
});
