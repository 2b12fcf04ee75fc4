/**
 * The Beta distribution's CDF (the regularised incomplete beta function) and its quantiles, for
 * posterior intervals of response rates. The continued fraction is Lentz's method as in Numerical
 * Recipes (§6.4); the quantile is found by bisection on the CDF, which is monotone, to 1e-12.
 */
import { logBeta } from '../sim/math/specialFunctions';

const EPSILON = 1e-15;
const TINY = 1e-300;

/** Continued fraction of I_x(a, b), converging fast for x < (a + 1) / (a + b + 2). */
function continuedFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let step = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + step * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + step / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    step = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + step * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + step / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}

/** P(X ≤ x) for X ~ Beta(a, b), a, b > 0. */
export function betaCdf(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError(`betaCdf: shapes must be positive, got ${a} and ${b}`);
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b));
  return x < (a + 1) / (a + b + 2) ? (front * continuedFraction(x, a, b)) / a : 1 - (front * continuedFraction(1 - x, b, a)) / b;
}

/** The q-quantile of Beta(a, b). */
export function betaQuantile(q: number, a: number, b: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`betaQuantile: q must be in [0, 1], got ${q}`);
  let low = 0;
  let high = 1;
  for (let step = 0; step < 60 && high - low > 1e-12; step++) {
    const middle = (low + high) / 2;
    if (betaCdf(middle, a, b) < q) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** A rate's posterior under the Jeffreys prior Beta(½, ½): its mean and central 95 % interval. */
export interface RateEstimate {
  successes: number;
  trials: number;
  mean: number;
  low: number;
  high: number;
}

/** With Brown, Cai & DasGupta's (2001) ends: the interval reaches 0 when nothing succeeded and 1 when everything did. */
export function jeffreysEstimate(successes: number, trials: number): RateEstimate {
  const a = successes + 0.5;
  const b = trials - successes + 0.5;
  return {
    successes,
    trials,
    mean: a / (a + b),
    low: successes === 0 ? 0 : betaQuantile(0.025, a, b),
    high: successes === trials ? 1 : betaQuantile(0.975, a, b),
  };
}
