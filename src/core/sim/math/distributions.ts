/**
 * Random variates driven by a stream of counter-based uniforms.
 *
 * A sampler that rejects (Marsaglia–Tsang's gamma, the Poisson's PTRS) uses a variable number of
 * uniforms, so it cannot be keyed by a fixed (seed, user, node, visit, purpose) draw. Instead it reads
 * a *stream*: the k-th uniform of the stream for (seed, user, purpose, salt) is
 * `hashKey(seed, user, purpose, k, salt) / 2³²` — a pure function of its key, so any engine that
 * visits users in any order reads the same numbers, and `start` skips straight to any position.
 *
 * Uniforms are multiples of 2⁻³² in [0, 1). Samplers that take logarithms use 1 − u, in (0, 1], so
 * nothing is ever log(0); in exchange the tails are truncated where a 2⁻³² resolution puts them
 * (a normal never beyond ±6.66σ, an exponential never beyond 22.2 means). All samplers take the
 * stream as a plain `() => number` (`Uniforms`), so a closure, `UniformStream.next` or a scripted
 * list in a test all work; a hot loop should reuse one `UniformStream` and `reset` it per user.
 */
import { hashAfter2, keyPrefix2 } from './random';
import { logGamma } from './specialFunctions';

/** A source of uniforms in [0, 1); every call returns the next one. */
export type Uniforms = () => number;

const INV_2_32 = 1 / 4294967296;

/**
 * A resettable stream of counter-based uniforms. `next` is a bound function (one closure per stream,
 * not per draw) that can be handed to any sampler; `reset` re-keys the same object for another user,
 * so a loop over a million users allocates nothing.
 */
export class UniformStream {
  /** The key's fixed words (seed, user, purpose) mixed once per reset (random.ts, keyPrefix2). */
  private prefix = 0;
  private salt = 0;
  /** The counter of the next uniform; after n draws from start s it is s + n. */
  counter = 0;
  /** The next uniform of the stream: hashKey(seed, user, purpose, counter, salt) / 2³². */
  readonly next: Uniforms = () => hashAfter2(this.prefix, this.counter++, this.salt) * INV_2_32;

  constructor(seed: number, user: number, purpose: number, start = 0, salt = 0) {
    this.reset(seed, user, purpose, start, salt);
  }

  /** Re-keys the stream; the next uniform is the `start`-th of (seed, user, purpose, salt). */
  reset(seed: number, user: number, purpose: number, start = 0, salt = 0): this {
    this.prefix = keyPrefix2(seed, user, purpose);
    this.salt = salt;
    this.counter = start;
    return this;
  }
}

/**
 * The stream of uniforms for (seed, user, purpose): the k-th call returns
 * `hashKey(seed, user, purposeHash, start + k, salt) / 2³²`. `purposeHash` is typically
 * `hashString('bgnbd.latent')`; `salt` (default 0) separates further streams, e.g. per node or visit.
 */
export function uniformStream(seed: number, user: number, purposeHash: number, start = 0, salt = 0): Uniforms {
  return new UniformStream(seed, user, purposeHash, start, salt).next;
}

function assertPositiveFinite(value: number, name: string, sampler: string): void {
  if (!(value > 0 && value < Infinity)) throw new RangeError(`${sampler}: ${name} must be a positive finite number, got ${value}`);
}

/** A standard normal variate (Box–Muller, the cosine half; two uniforms). */
export function sampleNormal(u: Uniforms): number {
  const radius = Math.sqrt(-2 * Math.log(1 - u()));
  return radius * Math.cos(2 * Math.PI * u());
}

/** exp(N(mu, sigma²)): a log-normal variate whose logarithm has mean mu and deviation sigma. */
export function sampleLogNormal(mu: number, sigma: number, u: Uniforms): number {
  if (!(sigma >= 0 && sigma < Infinity) || !Number.isFinite(mu)) {
    throw new RangeError(`sampleLogNormal: need finite mu and sigma ≥ 0, got mu=${mu}, sigma=${sigma}`);
  }
  return Math.exp(mu + sigma * sampleNormal(u));
}

/** An exponential variate with the given rate (mean 1/rate; one uniform); rate 0 gives Infinity. */
export function sampleExponential(rate: number, u: Uniforms): number {
  if (!(rate >= 0 && rate < Infinity)) throw new RangeError(`sampleExponential: rate must be finite and ≥ 0, got ${rate}`);
  const standard = -Math.log(1 - u()) + 0; // + 0 turns −0 into 0
  return rate === 0 ? Infinity : standard / rate;
}

/** true with probability p (one uniform). */
export function sampleBernoulli(p: number, u: Uniforms): boolean {
  return u() < p;
}

/** Marsaglia–Tsang (2000) for shape ≥ 1, unit scale. */
function marsagliaTsang(shape: number, u: Uniforms): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = u();
    const x2 = x * x;
    if (w < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(w) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A Gamma(shape, 1) variate. For shape < 1 it boosts: G(shape + 1) · U^(1/shape); values below the
 * smallest double (shape ≲ 0.01 makes them common) come back as 0, which is the correctly rounded
 * answer, never NaN.
 */
export function sampleStandardGamma(shape: number, u: Uniforms): number {
  assertPositiveFinite(shape, 'shape', 'sampleGamma');
  if (shape >= 1) return marsagliaTsang(shape, u);
  const boosted = marsagliaTsang(shape + 1, u);
  return boosted * Math.exp(Math.log(1 - u()) / shape);
}

/**
 * log of a Gamma(shape, 1) variate, finite even where the variate itself underflows (tiny shapes);
 * it reads the same uniforms as `sampleStandardGamma`.
 */
export function sampleLogStandardGamma(shape: number, u: Uniforms): number {
  assertPositiveFinite(shape, 'shape', 'sampleLogGamma');
  if (shape >= 1) return Math.log(marsagliaTsang(shape, u));
  const boosted = marsagliaTsang(shape + 1, u);
  return Math.max(Math.log(boosted) + Math.log(1 - u()) / shape, -Number.MAX_VALUE);
}

/** A Gamma variate with the given shape and scale (mean shape·scale); for a rate β pass 1/β. */
export function sampleGamma(shape: number, scale: number, u: Uniforms): number {
  assertPositiveFinite(scale, 'scale', 'sampleGamma');
  return sampleStandardGamma(shape, u) * scale;
}

/**
 * A Beta(a, b) variate as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b) (X drawn first). When a shape
 * is below 1 the ratio is taken in logs, 1 / (1 + exp(log Y − log X)), so tiny shapes give 0 or 1
 * rather than 0/0.
 */
export function sampleBeta(a: number, b: number, u: Uniforms): number {
  assertPositiveFinite(a, 'a', 'sampleBeta');
  assertPositiveFinite(b, 'b', 'sampleBeta');
  if (a >= 1 && b >= 1) {
    const x = marsagliaTsang(a, u);
    const y = marsagliaTsang(b, u);
    return x / (x + y);
  }
  const logX = sampleLogStandardGamma(a, u);
  const logY = sampleLogStandardGamma(b, u);
  return 1 / (1 + Math.exp(logY - logX));
}

/**
 * A Poisson variate with the given mean: Knuth's product of uniforms below mean 10 (mean + 1
 * uniforms on average), Hörmann's PTRS transformed rejection (1993) from 10 up (about 2.3 uniforms).
 */
export function samplePoisson(mean: number, u: Uniforms): number {
  if (!(mean >= 0 && mean < Infinity)) throw new RangeError(`samplePoisson: mean must be finite and ≥ 0, got ${mean}`);
  if (mean === 0) return 0;
  if (mean < 10) {
    const limit = Math.exp(-mean);
    let k = 0;
    let product = u();
    while (product > limit) {
      k++;
      product *= u();
    }
    return k;
  }
  const sqrtMean = Math.sqrt(mean);
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * sqrtMean;
  const a = -0.059 + 0.02483 * b;
  const logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const U = u() - 0.5;
    const V = 1 - u();
    const us = 0.5 - Math.abs(U);
    const k = Math.floor(((2 * a) / us + b) * U + mean + 0.43);
    if (us >= 0.07 && V <= vr) return k;
    if (k < 0 || (us < 0.013 && V > us)) continue;
    if (Math.log(V) + logInvAlpha - Math.log(a / (us * us) + b) <= -mean + k * logMean - logGamma(k + 1)) return k;
  }
}
