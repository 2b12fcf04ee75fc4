import { describe, expect, it } from 'vitest';
import { addCounters, addWideProduct, buildLayout, LIMBS, normalizeWide, wideValue } from '../../src/core/sim/engine/counters';

/**
 * Sums of squares of money in 1/10,000 yuan pass 2^53 over millions of users, so the paired intervals
 * keep them as wide counters: exact integers in limbs of a Float64Array. Held to BigInt arithmetic.
 */

/** A deterministic spread of whole numbers up to `largest` in magnitude, both signs (xorshift). */
function numbers(count: number, largest: number, seed = 7): number[] {
  let state = seed;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => Math.round((next() - 0.5) * 2 * largest * next() ** 3));
}

describe('wide counters', () => {
  it('add products exactly where a float sum of squares would round', () => {
    const values = numbers(20_000, 2 ** 44);
    const counters = new Float64Array(LIMBS);
    let exact = 0n;
    let float = 0;
    for (let index = 1; index < values.length; index++) {
      const a = values[index]!;
      const b = values[index - 1]!;
      addWideProduct(counters, 0, a, b);
      exact += BigInt(a) * BigInt(b);
      float += a * b;
    }
    expect(wideValue(counters, 0)).toBe(exact);
    expect(BigInt(float)).not.toBe(exact);
  });

  it('takes factors past 2^50 through BigInt', () => {
    const counters = new Float64Array(LIMBS);
    const big = 2 ** 52 - 3;
    addWideProduct(counters, 0, big, -big);
    addWideProduct(counters, 0, 12_345, 678);
    expect(wideValue(counters, 0)).toBe(-(BigInt(big) * BigInt(big)) + 12_345n * 678n);
  });

  it('stays exact when the arrays of any split of the users are added together', () => {
    const layout = buildLayout({ nodes: [], days: 1, segments: 1, stages: 1, channels: 1 });
    const values = numbers(9_000, 10 ** 11, 3);
    const slot = layout.wideScalar.treatedRevenue2;
    const run = (from: number, to: number) => {
      const counters = new Float64Array(layout.size);
      for (let index = from; index < to; index++) addWideProduct(counters, slot, values[index]!, values[index]!);
      return normalizeWide(counters, layout);
    };
    const whole = run(0, values.length);
    const parts = [run(0, 1_000), run(1_000, 4_500), run(4_500, values.length)].reduce((sum, part) => addCounters(sum, part), new Float64Array(layout.size));
    expect(wideValue(parts, slot)).toBe(wideValue(whole, slot));
    expect(wideValue(whole, slot)).toBe(values.reduce((sum, value) => sum + BigInt(value) * BigInt(value), 0n));
  });
});
