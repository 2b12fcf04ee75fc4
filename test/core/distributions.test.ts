import {
  UniformStream,
  uniformStream,
  sampleBernoulli,
  sampleBeta,
  sampleExponential,
  sampleGamma,
  sampleLogNormal,
  sampleLogStandardGamma,
  sampleNormal,
  samplePoisson,
  sampleStandardGamma,
  type Uniforms,
} from '../../src/core/sim/math/distributions';
import { hashAfter, hashAfter2, hashKey, hashString, keyPrefix, keyPrefix2 } from '../../src/core/sim/math/random';

const SEED = 20_250_601;
const N = 50_000;

/** Sample mean and (unbiased) variance. */
function moments(values: Float64Array): { mean: number; variance: number } {
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i] as number;
  mean /= values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += ((values[i] as number) - mean) ** 2;
  return { mean, variance: squares / (values.length - 1) };
}

/**
 * Mean within 4 standard errors, variance within 4 standard errors of the sample variance
 * (σ²·√((κ + 2)/n), κ the excess kurtosis); the streams are fixed, so these never flake.
 */
function expectMoments(values: Float64Array, mean: number, variance: number, excessKurtosis: number): void {
  const n = values.length;
  const sample = moments(values);
  expect(Math.abs(sample.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / n));
  expect(Math.abs(sample.variance - variance)).toBeLessThan(4 * variance * Math.sqrt((excessKurtosis + 2) / n));
}

/** n draws of `sample`, each from its own user's stream (as the simulation will use them). */
function collect(purpose: string, sample: (u: Uniforms) => number, n = N): Float64Array {
  const out = new Float64Array(n);
  const stream = new UniformStream(SEED, 0, hashString(purpose));
  for (let user = 0; user < n; user++) out[user] = sample(stream.reset(SEED, user, hashString(purpose)).next);
  return out;
}

/** Kolmogorov–Smirnov statistic against a continuous CDF. */
function ksStatistic(values: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(values).sort();
  let d = 0;
  for (let i = 0; i < sorted.length; i++) {
    const f = cdf(sorted[i] as number);
    d = Math.max(d, Math.abs(f - i / sorted.length), Math.abs((i + 1) / sorted.length - f));
  }
  return d;
}

/** The 0.1% critical value of the KS statistic for n samples. */
const ksCritical = (n: number): number => 1.95 / Math.sqrt(n);

describe('uniform streams', () => {
  it('are the hashed counter sequence of (seed, user, purpose, salt)', () => {
    const purpose = hashString('test.stream');
    const u = uniformStream(SEED, 7, purpose);
    for (let k = 0; k < 5; k++) expect(u()).toBe(hashKey(SEED, 7, purpose, k, 0) / 4294967296);
    const salted = uniformStream(SEED, 7, purpose, 3, 99);
    expect(salted()).toBe(hashKey(SEED, 7, purpose, 3, 99) / 4294967296);
  });

  it('hash a key in two halves to the same value as in one (the prefix mixed once per user)', () => {
    // Words across the whole 32-bit range, negative and past 2³¹ included (hashString gives up to 2³² − 1).
    const word = (i: number, salt: number) => Math.imul(i + 1, 0x9e3779b1 ^ salt) >>> (i % 3 === 0 ? 0 : 1);
    for (let i = 0; i < 5000; i++) {
      const [seed, user, node, visit, purpose] = [word(i, 1) - (i % 2 ? 2 ** 31 : 0), word(i, 2), word(i, 3), i % 7 === 0 ? 0 : word(i, 4), word(i, 5)];
      const whole = hashKey(seed, user, node, visit, purpose);
      expect(hashAfter(keyPrefix(seed, user), node, visit, purpose)).toBe(whole);
      expect(hashAfter2(keyPrefix2(seed, user, node), visit, purpose)).toBe(whole);
    }
  });

  it('are deterministic, resettable and skip ahead with start', () => {
    const purpose = hashString('test.stream');
    const take = (u: Uniforms, n: number): number[] => Array.from({ length: n }, () => u());
    const first = take(uniformStream(SEED, 3, purpose), 20);
    expect(take(uniformStream(SEED, 3, purpose), 20)).toEqual(first);
    const stream = new UniformStream(1, 2, 3);
    take(stream.next, 7);
    expect(stream.counter).toBe(7);
    expect(take(stream.reset(SEED, 3, purpose).next, 20)).toEqual(first);
    expect(take(uniformStream(SEED, 3, purpose, 12), 8)).toEqual(first.slice(12));
    expect(take(uniformStream(SEED, 4, purpose), 20)).not.toEqual(first);
    expect(take(uniformStream(SEED, 3, hashString('other')), 20)).not.toEqual(first);
    expect(take(uniformStream(SEED + 1, 3, purpose), 20)).not.toEqual(first);
  });

  it('are uniform on [0, 1) across users and along a stream', () => {
    const acrossUsers = collect('test.uniform', (u) => u());
    const along = new Float64Array(N);
    const u = uniformStream(SEED, 1, hashString('test.along'));
    for (let i = 0; i < N; i++) along[i] = u();
    for (const values of [acrossUsers, along]) {
      expect(values.every((x) => x >= 0 && x < 1)).toBe(true);
      expect(ksStatistic(values, (x) => x)).toBeLessThan(ksCritical(N));
      expectMoments(values, 0.5, 1 / 12, -1.2);
    }
  });
});

describe('samplers', () => {
  it('draw normals with mean 0 and variance 1, consuming two uniforms each', () => {
    expectMoments(collect('test.normal', sampleNormal), 0, 1, 0);
    const stream = new UniformStream(SEED, 0, 1);
    sampleNormal(stream.next);
    expect(stream.counter).toBe(2);
  });

  it('draw log-normals with mean exp(μ + σ²/2)', () => {
    const mu = Math.log(80);
    const sigma = 0.5;
    const mean = Math.exp(mu + (sigma * sigma) / 2);
    const variance = (Math.exp(sigma * sigma) - 1) * mean * mean;
    const w = Math.exp(sigma * sigma);
    expectMoments(
      collect('test.lognormal', (u) => sampleLogNormal(mu, sigma, u)),
      mean,
      variance,
      w ** 4 + 2 * w ** 3 + 3 * w ** 2 - 6,
    );
  });

  it('draw exponentials with the right distribution', () => {
    const rate = 3;
    const values = collect('test.exponential', (u) => sampleExponential(rate, u));
    expectMoments(values, 1 / rate, 1 / rate ** 2, 6);
    expect(ksStatistic(values, (x) => 1 - Math.exp(-rate * x))).toBeLessThan(ksCritical(N));
    expect(sampleExponential(0, () => 0.5)).toBe(Infinity);
    expect(sampleExponential(2, () => 0)).toBe(0);
  });

  it('draw Bernoulli trials with probability p', () => {
    const p = 0.3;
    const values = collect('test.bernoulli', (u) => (sampleBernoulli(p, u) ? 1 : 0));
    expectMoments(values, p, p * (1 - p), (1 - 6 * p * (1 - p)) / (p * (1 - p)));
    expect(sampleBernoulli(0, () => 0)).toBe(false);
    expect(sampleBernoulli(1, () => 0.9999)).toBe(true);
  });

  it.each([0.05, 0.3, 1, 2.5, 30, 1e4])('draws Gamma(%s) with mean k·θ and variance k·θ²', (shape) => {
    const scale = 2;
    const values = collect(`test.gamma.${shape}`, (u) => sampleGamma(shape, scale, u));
    expect(values.every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
    expectMoments(values, shape * scale, shape * scale * scale, 6 / shape);
  });

  it('draws Gamma(1) as an exponential', () => {
    const values = collect('test.gamma.ks', (u) => sampleStandardGamma(1, u));
    expect(ksStatistic(values, (x) => 1 - Math.exp(-x))).toBeLessThan(ksCritical(N));
  });

  it.each([
    [0.5, 0.5],
    [2, 5],
    [0.1, 3],
    [0.793, 2.426],
    [50, 20],
  ])('draws Beta(%s, %s) with the right mean and variance', (a, b) => {
    const values = collect(`test.beta.${a}.${b}`, (u) => sampleBeta(a, b, u));
    expect(values.every((x) => x >= 0 && x <= 1)).toBe(true);
    const s = a + b;
    const kurtosis = (6 * ((a - b) ** 2 * (s + 1) - a * b * (s + 2))) / (a * b * (s + 2) * (s + 3));
    expectMoments(values, a / s, (a * b) / (s * s * (s + 1)), kurtosis);
  });

  it('draws Beta(1, 1) uniformly', () => {
    const values = collect('test.beta.ks', (u) => sampleBeta(1, 1, u));
    expect(ksStatistic(values, (x) => x)).toBeLessThan(ksCritical(N));
  });

  it.each([0.5, 4, 9.99, 10, 37, 1000])('draws Poisson(%s) with mean and variance λ', (mean) => {
    const values = collect(`test.poisson.${mean}`, (u) => samplePoisson(mean, u));
    expect(values.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    expectMoments(values, mean, mean, 1 / mean);
    expect(samplePoisson(0, () => 0.5)).toBe(0);
  });

  it('reads the same uniforms for the same stream, however many a rejection takes', () => {
    for (const shape of [0.2, 1, 3.5]) {
      const a = collect('test.determinism', (u) => sampleGamma(shape, 1, u), 2_000);
      const b = collect('test.determinism', (u) => sampleGamma(shape, 1, u), 2_000);
      expect(b).toEqual(a);
    }
    const counts = new Set<number>();
    const stream = new UniformStream(SEED, 0, hashString('test.count'));
    for (let user = 0; user < 200; user++) {
      stream.reset(SEED, user, hashString('test.count'));
      sampleGamma(2.5, 1, stream.next);
      counts.add(stream.counter);
    }
    expect(counts.size).toBeGreaterThan(1); // rejections do happen, and stay deterministic
  });

  it('stays finite at extreme shapes', () => {
    const stream = new UniformStream(SEED, 0, hashString('test.extreme'));
    for (let user = 0; user < 2_000; user++) {
      const u = stream.reset(SEED, user, hashString('test.extreme')).next;
      for (const shape of [1e-8, 1e-3, 0.01, 1e6, 1e9]) {
        const x = sampleGamma(shape, 1, u);
        expect(x >= 0 && Number.isFinite(x)).toBe(true);
        expect(Number.isFinite(sampleLogStandardGamma(shape, u))).toBe(true);
      }
      for (const [a, b] of [
        [1e-8, 1e-8],
        [1e-3, 1e4],
        [1e6, 1e6],
        [1e-300, 0.5],
      ] as const) {
        const x = sampleBeta(a, b, u);
        expect(x >= 0 && x <= 1).toBe(true);
      }
    }
    // Huge shapes concentrate where they should.
    const big = sampleGamma(1e9, 1, uniformStream(SEED, 1, 2));
    expect(Math.abs(big / 1e9 - 1)).toBeLessThan(1e-3);
  });

  it('refuses parameters outside their domains', () => {
    const u = uniformStream(SEED, 0, 0);
    expect(() => sampleGamma(0, 1, u)).toThrow(RangeError);
    expect(() => sampleGamma(-1, 1, u)).toThrow(RangeError);
    expect(() => sampleGamma(NaN, 1, u)).toThrow(RangeError);
    expect(() => sampleGamma(1, 0, u)).toThrow(RangeError);
    expect(() => sampleGamma(Infinity, 1, u)).toThrow(RangeError);
    expect(() => sampleBeta(0, 1, u)).toThrow(RangeError);
    expect(() => sampleExponential(-1, u)).toThrow(RangeError);
    expect(() => samplePoisson(-1, u)).toThrow(RangeError);
    expect(() => samplePoisson(Infinity, u)).toThrow(RangeError);
    expect(() => sampleLogNormal(0, -1, u)).toThrow(RangeError);
  });
});
