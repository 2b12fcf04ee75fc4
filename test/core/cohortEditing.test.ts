import { describe, expect, it } from 'vitest';
import { allFinite, lapseChance, meanOrderValue, normaliseShares, purchasesPerMonth, shareTotal } from '../../src/core/cohort/editing';

describe('cohort editing helpers', () => {
  it('computes the plain-words figures of the model parameters', () => {
    expect(purchasesPerMonth(0.243, 30.898)).toBeCloseTo(0.2359, 3);
    expect(lapseChance(0.793, 2.426)).toBeCloseTo(0.2464, 3);
    expect(meanOrderValue(6.25, 3.74, 52.608)).toBeCloseTo(120, 0);
    expect(meanOrderValue(1, 1, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(allFinite(1, 2)).toBe(true);
    expect(allFinite(1, '2')).toBe(false);
  });

  it('normalises shares to exactly 100, keeping proportions', () => {
    expect(normaliseShares([30, 30, 20, 20])).toEqual([30, 30, 20, 20]);
    expect(normaliseShares([50, 30, 20, 20])).toEqual([41.6, 25, 16.7, 16.7]);
    const third = normaliseShares([1, 1, 1]);
    expect(shareTotal(third)).toBe(100);
    expect(normaliseShares([0, 0])).toEqual([50, 50]);
    expect(normaliseShares(['x', 10])).toEqual([0, 100]);
    expect(normaliseShares([])).toEqual([]);
  });

  it('adds shares, ignoring what is not a number', () => {
    expect(shareTotal([40, 30, 'a', 20])).toBe(90);
    expect(shareTotal([0.1, 0.2])).toBe(0.3);
  });
});
