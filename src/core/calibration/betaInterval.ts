/**
 * The Beta distribution's CDF (the regularised incomplete beta function, shared with the simulation's
 * quantile tables: src/core/sim/math/inverseCdf.ts) and its quantiles, for posterior intervals of
 * response rates; the quantile is found by bisection on the CDF, which is monotone, to 1e-12.
 */
import { incompleteBeta } from '../sim/math/inverseCdf';

/** P(X ≤ x) for X ~ Beta(a, b), a, b > 0. */
export function betaCdf(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError(`betaCdf: shapes must be positive, got ${a} and ${b}`);
  return incompleteBeta(a, b, x).lower;
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
