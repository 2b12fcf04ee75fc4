/**
 * Special functions the behaviour models need: the log-gamma and digamma functions and the Gauss
 * hypergeometric function ₂F₁, plus a tanh–sinh quadrature for integrals the closed forms do not cover.
 *
 * Accuracy (checked in test/core/specialFunctions.test.ts against mpmath values and identities):
 * - `logGamma`: Lanczos (g = 7, 9 terms) for x ≥ 0.5, reflection below; error ≲ 1e-13 ·
 *   max(1, |log Γ(x)|) for −20 < x < 1e6 (so Γ itself to ≲ 2e-13 relative below x = 170).
 * - `hyp2f1(a, b, c, z)` for 0 ≤ z < 1 and positive a, b, c up to 100: relative error within a few
 *   times 1e-16 · (1 + |c − a − b|) / (1 − z), which is the function's own sensitivity to rounding z
 *   (so ≲ 1e-13 for z ≤ 0.9, ≲ 1e-11 for 1 − z ≥ 1e-4; measured against 600 random mpmath values).
 *   For z < 0 it is as good unless c − a and c − b are both below about −10, where the series cancel.
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

function isNonPositiveInteger(x: number): boolean {
  return x <= 0 && Number.isInteger(x);
}

/** log|Γ(x)|; +Infinity at the poles x = 0, −1, −2, … */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (isNonPositiveInteger(x)) return Infinity;
  if (x < 0.5) {
    // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const y = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += (LANCZOS[i] as number) / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The sign of Γ(x): 1 or −1; 0 at the poles (where 1/Γ is 0). */
export function gammaSign(x: number): number {
  if (x > 0) return 1;
  if (isNonPositiveInteger(x)) return 0;
  // Γ(x) for x in (−k−1, −k) has sign (−1)^(k+1).
  return Math.floor(x) % 2 === 0 ? 1 : -1;
}

/** Γ(x). Overflows to ±Infinity above x ≈ 171.6. */
export function gamma(x: number): number {
  const sign = gammaSign(x);
  return sign === 0 ? NaN : sign * Math.exp(logGamma(x));
}

/**
 * The digamma function ψ(x) = d/dx log Γ(x): for x below 10 the recurrence ψ(x) = ψ(x + 1) − 1/x
 * moves the argument up to at least 10, where the asymptotic series ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ)
 * (seven terms) is accurate to ≲ 1e-15; negative arguments use the reflection
 * ψ(1 − x) − ψ(x) = π cot(πx). NaN at the poles x = 0, −1, −2, … (Checked against mpmath values and
 * as the derivative of logGamma in test/calibration/bgnbdModel.test.ts.)
 */
export function digamma(x: number): number {
  if (Number.isNaN(x) || isNonPositiveInteger(x)) return NaN;
  if (x === Infinity) return Infinity;
  if (x < 0) return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  // Bernoulli numbers B₂ₖ/(2k) for k = 1…7.
  const series =
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760 - inv2 / 12))))));
  return shift + Math.log(x) - 0.5 / x - series;
}

/** log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b), for a, b > 0. */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** Γ(n1)Γ(n2) / (Γ(d1)Γ(d2)), computed in logs; 0 when a denominator argument is a pole. */
function gammaRatio(n1: number, n2: number, d1: number, d2: number): number {
  const sign = gammaSign(n1) * gammaSign(n2) * gammaSign(d1) * gammaSign(d2);
  if (gammaSign(d1) === 0 || gammaSign(d2) === 0) return 0;
  if (sign === 0) throw new RangeError('gammaRatio: a numerator argument is a pole of Γ');
  return sign * Math.exp(logGamma(n1) + logGamma(n2) - logGamma(d1) - logGamma(d2));
}

const SERIES_MAX_TERMS = 1_000_000;
const EPS = 1e-16;

/**
 * The defining series less its leading 1, Σₙ≥₁ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ, for |z| < 1. It stops when a
 * bound on the whole remaining tail (valid once the term ratio has settled near |z|) falls below
 * 1e-16 of F − 1 (`ofMinusOne`) or of F.
 */
function hyp2f1SeriesTail(a: number, b: number, c: number, z: number, ofMinusOne: boolean): number {
  let term = 1;
  let sum = 0;
  const absZ = Math.abs(z);
  const settled = Math.abs(a) + Math.abs(b) + Math.abs(c) + 2;
  for (let n = 0; n < SERIES_MAX_TERMS; n++) {
    const denominator = (c + n) * (n + 1);
    if (denominator === 0) throw new RangeError('hyp2f1: c is a non-positive integer');
    term *= (((a + n) * (b + n)) / denominator) * z;
    sum += term;
    if (term === 0) return sum; // a or b a non-positive integer: a polynomial
    if (n > settled) {
      const nextRatio = Math.abs(((a + n + 1) * (b + n + 1)) / ((c + n + 1) * (n + 2))) * absZ;
      const bound = Math.max(nextRatio, absZ);
      const scale = ofMinusOne ? Math.abs(sum) : Math.abs(1 + sum);
      if (bound < 1 && (Math.abs(term) * bound) / (1 - bound) <= EPS * scale) return sum;
    }
  }
  throw new RangeError(`hyp2f1: series did not converge for a=${a}, b=${b}, c=${c}, z=${z}`);
}

/** The defining series of ₂F₁ for |z| < 1. */
function hyp2f1Series(a: number, b: number, c: number, z: number): number {
  return 1 + hyp2f1SeriesTail(a, b, c, z, false);
}

/** Where the defining series hands over to analytic continuation along [0.9, z]. */
const SERIES_LIMIT = 0.9;
/** Each Taylor step covers 1/CONTINUATION_STEP of the remaining distance to the singularity at 1. */
const CONTINUATION_STEP = 2;

/**
 * ₂F₁ for SERIES_LIMIT < z < 1 by analytic continuation: start from F and F′ at 0.9 (both by the
 * series; F′ = ab/c · ₂F₁(a + 1, b + 1; c + 1; z)), then step towards z with Taylor expansions
 * whose coefficients follow from the hypergeometric equation
 *   z(1 − z)F″ + [c − (a + b + 1)z]F′ − abF = 0.
 * Each step covers at most half the distance to the singularity at 1, so every Taylor series
 * converges at least like 2⁻ⁿ; reaching 1 − z = 10⁻ᵏ takes about 3.3(k − 1) steps. Unlike the
 * connection formulas in 1 − z, this needs no special case where c − a − b is an integer.
 */
function hyp2f1Continued(a: number, b: number, c: number, z: number): number {
  let z0 = SERIES_LIMIT;
  let f = hyp2f1Series(a, b, c, z0);
  let df = ((a * b) / c) * hyp2f1Series(a + 1, b + 1, c + 1, z0);
  const ab = a * b;
  const q1 = -(a + b + 1);
  while (z0 < z) {
    const last = z - z0 <= (1 - z0) / CONTINUATION_STEP;
    const h = last ? z - z0 : (1 - z0) / CONTINUATION_STEP;
    const p0 = z0 * (1 - z0);
    const p1 = 1 - 2 * z0;
    const q0 = c - (a + b + 1) * z0;
    // Scaled Taylor coefficients d_n = c_n hⁿ, which stay within range however close z0 is to 1.
    let previous = f; // d_n
    let current = df * h; // d_(n+1)
    let value = previous + current;
    let slope = df;
    let quiet = 0;
    for (let n = 0; quiet < 3; n++) {
      if (n > 5000) throw new RangeError(`hyp2f1: continuation did not converge for a=${a}, b=${b}, c=${c}, z=${z}`);
      // The coefficient of hⁿ in the equation, solved for d_(n+2).
      const next =
        -((p1 * n + q0) * (n + 1) * current * h + (-n * (n - 1) + q1 * n - ab) * previous * h * h) / (p0 * (n + 2) * (n + 1));
      const slopeTerm = ((n + 2) * next) / h; // d/dh of c_(n+2) h^(n+2)
      value += next;
      slope += slopeTerm;
      quiet = Math.abs(next) <= EPS * Math.abs(value) && Math.abs(slopeTerm) <= EPS * Math.abs(slope) ? quiet + 1 : 0;
      previous = current;
      current = next;
    }
    f = value;
    df = slope;
    z0 = last ? z : z0 + h;
  }
  return f;
}

/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for real a, b, c (c not a non-positive integer)
 * and real z ≤ 1 (z = 1 only when c − a − b > 0, by Gauss's theorem).
 *
 * Method:
 * - z < 0: Pfaff's transformation ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z / (z − 1)) (or
 *   the same with a and b swapped, whichever leaves the smaller negative parameter), which maps z
 *   onto [0, 1).
 * - 0 ≤ z ≤ 0.9 (and any z when a or b is a non-positive integer, a polynomial): the defining
 *   series, summed until a rigorous tail bound is below 1e-16 of the sum (at most a few thousand
 *   terms for parameters up to 100).
 * - 0.9 < z < 1: analytic continuation from 0.9 by Taylor steps of the hypergeometric differential
 *   equation (`hyp2f1Continued`); no special case where c − a − b is an integer.
 * - z = 1: Gauss's theorem Γ(c)Γ(c − a − b) / (Γ(c − a)Γ(c − b)).
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (![a, b, c, z].every(Number.isFinite)) throw new RangeError('hyp2f1: arguments must be finite');
  if (isNonPositiveInteger(c)) throw new RangeError('hyp2f1: c must not be a non-positive integer');
  if (z > 1) throw new RangeError('hyp2f1: z must be at most 1 (the function is complex beyond)');
  if (z === 0) return 1;
  if (z < 0) {
    // Of the two Pfaff forms, take the one whose new numerator parameter is least negative, which
    // keeps the series' terms from alternating in sign (and cancelling).
    const w = z / (z - 1);
    return c - b >= Math.min(0, c - a) ? Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, w) : Math.pow(1 - z, -b) * hyp2f1(c - a, b, c, w);
  }
  if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) return hyp2f1Series(a, b, c, z);
  if (z === 1) {
    const m = c - a - b;
    if (m <= 0) throw new RangeError('hyp2f1: diverges at z = 1 unless c − a − b > 0');
    return gammaRatio(c, m, c - a, c - b);
  }
  return z <= SERIES_LIMIT ? hyp2f1Series(a, b, c, z) : hyp2f1Continued(a, b, c, z);
}

/**
 * ₂F₁(a, b; c; z) − 1, to full relative accuracy also where z is small and F is close to 1 (there it
 * sums the series without its leading 1); elsewhere simply `hyp2f1(a, b, c, z) − 1`.
 */
export function hyp2f1Minus1(a: number, b: number, c: number, z: number): number {
  if (z >= 0 && z <= SERIES_LIMIT && Number.isFinite(a) && Number.isFinite(b) && !isNonPositiveInteger(c)) {
    return hyp2f1SeriesTail(a, b, c, z, true);
  }
  return hyp2f1(a, b, c, z) - 1;
}

/**
 * ∫ f over [lo, hi] by tanh–sinh (double-exponential) quadrature, halving the step until two
 * successive estimates agree to `relTol` (at most 9 levels, about 2,000 evaluations). Meant for
 * bounded integrands, smooth inside the interval; endpoint singularities of the derivatives are
 * fine. f is never evaluated at the endpoints themselves.
 */
export function integrateTanhSinh(f: (x: number) => number, lo: number, hi: number, relTol = 1e-12): number {
  if (!(hi > lo)) return 0;
  const half = (hi - lo) / 2;
  const mid = lo + half;
  const tMax = 4; // the weights beyond are below 1e-35
  const halfPi = Math.PI / 2;
  const pairAt = (t: number): number => {
    const s = halfPi * Math.sinh(t);
    const cosh = Math.cosh(s);
    const weight = (halfPi * Math.cosh(t)) / (cosh * cosh);
    const gap = half * (2 / (1 + Math.exp(2 * s))); // distance from either endpoint, without cancellation
    let total = 0;
    if (lo + gap > lo) total += f(lo + gap);
    if (hi - gap < hi) total += f(hi - gap);
    return weight * total;
  };
  let h = 0.5;
  let sum = halfPi * f(mid);
  for (let j = 1; j * h <= tMax; j++) sum += pairAt(j * h);
  let estimate = half * h * sum;
  for (let level = 1; level <= 9; level++) {
    h /= 2;
    for (let j = 1; j * h <= tMax; j += 2) sum += pairAt(j * h);
    const next = half * h * sum;
    if (level >= 3 && Math.abs(next - estimate) <= relTol * Math.abs(next)) return next;
    estimate = next;
  }
  return estimate;
}
