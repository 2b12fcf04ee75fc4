import { describe, expect, it } from 'vitest';
import { betaQuantiles, gammaQuantiles, incompleteBeta, incompleteGamma, newBetaTable, newGammaTable, type QuantileTable } from '../../src/core/sim/math/inverseCdf';
import { UniformStream } from '../../src/core/sim/math/distributions';
import { hashString } from '../../src/core/sim/math/random';
import { StampedMap } from '../../src/core/sim/engine/stampedMap';

// The world's trait draws (math/inverseCdf.ts): quantile tables of Gamma and Beta, one uniform each.

const SEED = 20_251_207;
const N = 40_000;
const TWO_32 = 4294967296;

/** Uniforms as the simulation makes them (multiples of 2⁻³²), one per user of a stream. */
function uniforms(purpose: string, n = N): Float64Array {
  const stream = new UniformStream(SEED, 0, hashString(purpose));
  return Float64Array.from({ length: n }, (_, user) => stream.reset(SEED, user, hashString(purpose)).next());
}

/** Mean and variance of the draws within 4 standard errors of the closed forms (κ: excess kurtosis). */
function expectMoments(values: Float64Array, mean: number, variance: number, excessKurtosis: number): void {
  const n = values.length;
  let sum = 0;
  for (const value of values) sum += value;
  const sampleMean = sum / n;
  let squares = 0;
  for (const value of values) squares += (value - sampleMean) ** 2;
  const sampleVariance = squares / (n - 1);
  expect(Math.abs(sampleMean - mean)).toBeLessThan(4 * Math.sqrt(variance / n));
  expect(Math.abs(sampleVariance - variance)).toBeLessThan(4 * variance * Math.sqrt((excessKurtosis + 2) / n));
}

/**
 * Kolmogorov–Smirnov statistic against a CDF. A table inverts the CDF to within 1e-8, so its draws
 * are exactly as far from their distribution as their uniforms are from U(0, 1) (the streams' own
 * quality is tested in test/core/distributions.test.ts): the tests compare the two statistics.
 */
function ks(values: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(values).sort();
  let d = 0;
  sorted.forEach((x, i) => (d = Math.max(d, Math.abs(cdf(x) - i / sorted.length), Math.abs((i + 1) / sorted.length - cdf(x)))));
  return d;
}

/** Uniforms across every octave of both tails, and the middle: 2⁻³², 2⁻³¹ … ½ … 1 − 2⁻³². */
function probes(): number[] {
  const us = [0.5, 0.25, 0.75, 0.1, 0.9, 0.3333, 0.6667];
  for (let k = 1; k < 2 ** 31; k = Math.ceil(k * 1.37) + 1) us.push(k / TWO_32, 1 - k / TWO_32);
  return us;
}

/** |F(Q(u)) − u| relative to the smaller tail, on whichever side of ½ u lies. */
function inversionError(cdf: (x: number) => { lower: number; upper: number }, table: QuantileTable, u: number): number {
  const { lower, upper } = cdf(table.quantile(u));
  return u < 0.5 ? Math.abs(lower - u) / u : Math.abs(upper - (1 - u)) / (1 - u);
}

describe('the incomplete gamma and beta functions', () => {
  it('match their closed forms', () => {
    for (const x of [1e-6, 0.01, 0.5, 1, 2, 7.5, 30]) {
      // P(1, x) = 1 − e^−x; P(2, x) = 1 − (1 + x) e^−x.
      expect(incompleteGamma(1, x).lower).toBeCloseTo(-Math.expm1(-x), 14);
      expect(incompleteGamma(1, x).upper).toBeCloseTo(Math.exp(-x), 14);
      expect(incompleteGamma(2, x).upper / ((1 + x) * Math.exp(-x))).toBeCloseTo(1, 12);
    }
    for (const x of [1e-5, 0.1, 0.37, 0.5, 0.9, 0.999]) {
      // I_x(1, b) = 1 − (1 − x)^b; I_x(a, 1) = x^a; I_x(a, b) = 1 − I_{1−x}(b, a).
      expect(incompleteBeta(1, 3.5, x).upper / (1 - x) ** 3.5).toBeCloseTo(1, 12);
      expect(incompleteBeta(0.3, 1, x).lower / x ** 0.3).toBeCloseTo(1, 12);
      expect(incompleteBeta(0.7, 2.4, x).lower).toBeCloseTo(incompleteBeta(2.4, 0.7, 1 - x).upper, 14);
    }
  });
});

describe('quantile tables', () => {
  const gammaShapes = [0.2, 0.243, 1, 1.2, 3.74, 6.25, 50];
  const betaShapes: [number, number][] = [
    [0.3, 6],
    [0.793, 2.426],
    [1.2, 1.8],
    [30, 40],
  ];

  it('invert the CDF to within 1e-8 of the tail probability, in every octave of both tails', () => {
    for (const shape of gammaShapes) {
      const table = gammaQuantiles(shape);
      for (const u of probes()) expect(inversionError((x) => incompleteGamma(shape, x), table, u)).toBeLessThan(1e-8);
    }
    for (const [a, b] of betaShapes) {
      const table = betaQuantiles(a, b);
      for (const u of probes()) expect(inversionError((x) => incompleteBeta(a, b, x), table, u)).toBeLessThan(1e-8);
    }
  });

  it('are increasing, start at 0 and stay inside the support', () => {
    for (const table of [gammaQuantiles(0.243), betaQuantiles(0.3, 6)]) {
      expect(table.quantile(0)).toBe(0);
      const grid = Array.from({ length: 20_001 }, (_, i) => table.quantile(Math.floor((i / 20_001) * TWO_32) / TWO_32));
      for (let i = 1; i < grid.length; i++) expect(grid[i]!).toBeGreaterThanOrEqual(grid[i - 1]!);
    }
    expect(betaQuantiles(0.3, 6).quantile(1 - 1 / TWO_32)).toBeLessThanOrEqual(1);
  });

  it.each(gammaShapes)('draw Gamma(%s) with mean k, variance k, and as far from the CDF as their uniforms are from U(0, 1)', (shape) => {
    const table = gammaQuantiles(shape);
    const us = uniforms(`gamma.${shape}`);
    const values = us.map((u) => table.quantile(u));
    expectMoments(values, shape, shape, 6 / shape);
    expect(Math.abs(ks(values, (x) => incompleteGamma(shape, x).lower) - ks(us, (u) => u))).toBeLessThan(1e-7);
  });

  it.each(betaShapes)('draw Beta(%s, %s) with its mean and variance, and as far from the CDF as their uniforms are from U(0, 1)', (a, b) => {
    const table = betaQuantiles(a, b);
    const us = uniforms(`beta.${a}.${b}`);
    const values = us.map((u) => table.quantile(u));
    const mean = a / (a + b);
    const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    const kurtosis = (6 * ((a - b) ** 2 * (a + b + 1) - a * b * (a + b + 2))) / (a * b * (a + b + 2) * (a + b + 3));
    expectMoments(values, mean, variance, kurtosis);
    expect(Math.abs(ks(values, (x) => incompleteBeta(a, b, x).lower) - ks(us, (u) => u))).toBeLessThan(1e-7);
  });

  it('give the same variate whatever order the draws come in (an octave is built from its own ends)', () => {
    const us = probes();
    const forward = newGammaTable(0.37);
    const backward = newGammaTable(0.37);
    const first = us.map((u) => forward.quantile(u));
    const second = [...us].reverse().map((u) => backward.quantile(u)).reverse();
    expect(second).toEqual(first);
    const beta = newBetaTable(0.8, 2.2);
    const again = newBetaTable(0.8, 2.2);
    expect([...us].reverse().map((u) => again.quantile(u)).reverse()).toEqual(us.map((u) => beta.quantile(u)));
  });

  it('refuse shapes that are not positive finite numbers', () => {
    expect(() => gammaQuantiles(0)).toThrow(/shape must be a positive finite number/);
    expect(() => betaQuantiles(1, Infinity)).toThrow(/b must be a positive finite number/);
  });
});

describe('StampedMap', () => {
  it('behaves like a Map under any mix of set, delete and clear, iteration order included', () => {
    const stamped = new StampedMap<string, number>();
    const map = new Map<string, number>();
    const stream = new UniformStream(SEED, 1, hashString('stamped'));
    for (let step = 0; step < 5_000; step++) {
      const key = `k${Math.floor(stream.next() * 12)}`;
      const action = stream.next();
      if (action < 0.55) {
        stamped.set(key, step);
        map.set(key, step);
      } else if (action < 0.85) expect(stamped.delete(key)).toBe(map.delete(key));
      else {
        stamped.clear();
        map.clear();
      }
      expect(stamped.size).toBe(map.size);
      expect(stamped.get(key)).toBe(map.get(key));
      expect(stamped.has(key)).toBe(map.has(key));
      if (step % 50 === 0) expect([...stamped]).toEqual([...map]);
    }
    const seen: string[] = [];
    stamped.forEach((value, key) => seen.push(`${key}=${value}`));
    expect(seen).toEqual([...map].map(([key, value]) => `${key}=${value}`));
    expect([...stamped.keys()]).toEqual([...map.keys()]);
    expect([...stamped.values()]).toEqual([...map.values()]);
  });
});
