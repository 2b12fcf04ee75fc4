/**
 * Maximum-likelihood fitting of the BG/NBD model (Fader, Hardie & Lee 2005, eq. 6) to customer
 * summaries. Per customer, in logs,
 *
 *   ℓ = ln[Γ(r + x) α^r / Γ(r)] + ln[B(a, b + x) / B(a, b)]
 *       + ln[(α + T)^−(r+x) + 1{x>0} · a/(b + x − 1) · (α + t_x)^−(r+x)],
 *
 * the last term by log-sum-exp. Speed: customers are grouped by x, and the first two terms (and
 * their derivatives) depend on x alone: for whole x, ln Γ(r + x) − ln Γ(r) = Σₖ<ₓ ln(r + k) and
 * ln B(a, b + x) − ln B(a, b) = Σₖ<ₓ ln((b + k)/(a + b + k)), accumulated once per evaluation up to
 * the largest x. What remains per customer is two logarithms, one exponential and one log1p, for the
 * value and the analytic gradient together. The fit runs BFGS on (ln r, ln α, ln a, ln b).
 */
import type { BgNbdParams } from '../sim/math/bgnbd';
import { assertCustomerSummaries, repeatCustomerCount, type CustomerSummaries } from './customerSummary';
import { fitOnLogScale, MIN_REPEAT_SHARE, repeatCustomerWarning, type FitWarning } from './fitResult';

const NAMES = ['r', 'alpha', 'a', 'b'] as const;
/** Log-parameters beyond ±LOG_LIMIT (θ outside about 1e-13…1e13) are refused, so the search turns back. */
const LOG_LIMIT = 30;

export interface BgNbdFitOptions {
  /** Where the search starts (natural scale, the summaries' time unit); a data-based guess by default. */
  start?: BgNbdParams;
  /**
   * The `logParamCovariance` of an earlier fit of similar data (with `start` its estimates): BFGS
   * starts with that curvature and needs a few iterations instead of about twenty.
   */
  startLogCovariance?: ArrayLike<number>;
  /** BFGS iterations at most; 500 by default. */
  maxIterations?: number;
}

export interface BgNbdFit {
  /** The estimates, α per the summaries' time unit (`bgnbdParamsInDays` converts). */
  params: BgNbdParams;
  /** Standard errors of the parameters (delta method); null when the Hessian is not positive definite. */
  standardErrors: BgNbdParams | null;
  /** Standard errors of ln r, ln α, ln a, ln b; a 95 % interval for r is r·exp(±1.96·SE). */
  logParamStandardErrors: BgNbdParams | null;
  /** Covariance of (ln r, ln α, ln a, ln b), 4 × 4 row-major: the inverse Hessian of −ln L; null likewise. */
  logParamCovariance: Float64Array | null;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  warnings: FitWarning[];
  /** Length of the time unit of α, in days. */
  timeUnitDays: number;
  customers: number;
  repeatCustomers: number;
}

/** The same parameters with time in days: α (a rate's Gamma rate) scales with the unit's length. */
export function bgnbdParamsInDays(params: BgNbdParams, timeUnitDays: number): BgNbdParams {
  return { ...params, alpha: params.alpha * timeUnitDays };
}

const asParams = (values: ArrayLike<number>): BgNbdParams => ({ r: values[0]!, alpha: values[1]!, a: values[2]!, b: values[3]! });

/** The summaries regrouped by x for the likelihood: x = 0 customers apart, the rest contiguous per x. */
class GroupedSummaries {
  /** T of the customers with x = 0. */
  readonly ageAtZero: Float64Array;
  /** The distinct x > 0, ascending. */
  readonly groupFrequency: Float64Array;
  /** Customers of group g are groupStart[g] … groupStart[g + 1] − 1 in `age` and `recency`. */
  readonly groupStart: Int32Array;
  readonly age: Float64Array;
  readonly recency: Float64Array;
  readonly customers: number;
  /** Σ over customers of x-only terms' multiplicities: how many customers have each group's x. */
  readonly groupSize: Float64Array;

  constructor(summaries: CustomerSummaries) {
    const { count, frequency, recency, age } = summaries;
    this.customers = count;
    const sizes = new Map<number, number>();
    let zeros = 0;
    for (let i = 0; i < count; i++) {
      const x = frequency[i]!;
      if (x === 0) zeros++;
      else sizes.set(x, (sizes.get(x) ?? 0) + 1);
    }
    this.groupFrequency = Float64Array.from([...sizes.keys()].sort((p, q) => p - q));
    const groups = this.groupFrequency.length;
    this.groupStart = new Int32Array(groups + 1);
    this.groupSize = new Float64Array(groups);
    const indexOf = new Map<number, number>();
    this.groupFrequency.forEach((x, g) => {
      indexOf.set(x, g);
      this.groupSize[g] = sizes.get(x)!;
      this.groupStart[g + 1] = this.groupStart[g]! + sizes.get(x)!;
    });
    this.ageAtZero = new Float64Array(zeros);
    this.age = new Float64Array(count - zeros);
    this.recency = new Float64Array(count - zeros);
    const next = this.groupStart.slice(0, groups);
    let zero = 0;
    for (let i = 0; i < count; i++) {
      const x = frequency[i]!;
      if (x === 0) {
        this.ageAtZero[zero++] = age[i]!;
      } else {
        const g = indexOf.get(x)!;
        const slot = next[g]!++;
        this.age[slot] = age[i]!;
        this.recency[slot] = recency[i]!;
      }
    }
  }

  /**
   * ln L and its gradient with respect to (r, α, a, b), written into `gradient`. Returns −Infinity
   * where the parameters are not positive and finite.
   */
  logLikelihood(params: BgNbdParams, gradient: Float64Array): number {
    const { r, alpha, a, b } = params;
    gradient.fill(0);
    if (![r, alpha, a, b].every((v) => v > 0 && v < Infinity)) return -Infinity;
    const logAlpha = Math.log(alpha);
    const logA = Math.log(a);
    let total = this.customers * r * logAlpha;
    let dr = this.customers * logAlpha;
    let dAlpha = (this.customers * r) / alpha;
    let da = 0;
    let db = 0;
    // x = 0: ℓ = r ln α − r ln(α + T).
    const zeros = this.ageAtZero;
    for (let i = 0; i < zeros.length; i++) {
      const shifted = alpha + zeros[i]!;
      const logShifted = Math.log(shifted);
      total -= r * logShifted;
      dr -= logShifted;
      dAlpha -= r / shifted;
    }
    // The x-only terms, accumulated over k = 0 … x − 1 and read off at each group's x.
    let sumLogGamma = 0; // ln Γ(r + k) − ln Γ(r)
    let sumLogBeta = 0; // ln B(a, b + k) − ln B(a, b)
    let drGamma = 0;
    let daBeta = 0;
    let dbBeta = 0;
    let k = 0;
    const { groupFrequency, groupStart, groupSize, age, recency } = this;
    const groups = groupFrequency.length;
    for (let g = 0; g < groups; g++) {
      const x = groupFrequency[g]!;
      for (; k < x; k++) {
        const rk = r + k;
        const bk = b + k;
        const abk = a + bk;
        sumLogGamma += Math.log(rk);
        sumLogBeta += Math.log(bk / abk);
        drGamma += 1 / rk;
        daBeta -= 1 / abk;
        dbBeta += 1 / bk - 1 / abk;
      }
      const size = groupSize[g]!;
      total += size * (sumLogGamma + sumLogBeta);
      dr += size * drGamma;
      da += size * daBeta;
      db += size * dbBeta;
      // The log-sum-exp of the "still alive at T" and "dropped out after t_x" terms.
      const s = r + x;
      const invB = 1 / (b + x - 1);
      const logWeight = logA + Math.log(invB);
      let groupWeight = 0;
      const end = groupStart[g + 1]!;
      for (let i = groupStart[g]!; i < end; i++) {
        const atAge = alpha + age[i]!;
        const atRecency = alpha + recency[i]!;
        const logAge = Math.log(atAge);
        const logRecency = Math.log(atRecency);
        const alive = -s * logAge;
        const dropped = logWeight - s * logRecency;
        let w: number; // the share of the "dropped out" term
        if (alive >= dropped) {
          const e = Math.exp(dropped - alive);
          total += alive + Math.log1p(e);
          w = e / (1 + e);
        } else {
          const e = Math.exp(alive - dropped);
          total += dropped + Math.log1p(e);
          w = 1 / (1 + e);
        }
        dr -= logAge + w * (logRecency - logAge);
        dAlpha -= s * ((1 - w) / atAge + w / atRecency);
        groupWeight += w;
      }
      da += groupWeight / a;
      db -= groupWeight * invB;
    }
    gradient[0] = dr;
    gradient[1] = dAlpha;
    gradient[2] = da;
    gradient[3] = db;
    return total;
  }
}

/** The BG/NBD log-likelihood of the summaries (eq. 6 of FHL 2005 summed over customers), α in their unit. */
export function bgnbdLogLikelihood(params: BgNbdParams, summaries: CustomerSummaries): number {
  assertCustomerSummaries(summaries);
  return new GroupedSummaries(summaries).logLikelihood(params, new Float64Array(4));
}

/** ∂ ln L / ∂θ for θ = r, α, a, b: the analytic gradient the fit uses. */
export function bgnbdLogLikelihoodGradient(params: BgNbdParams, summaries: CustomerSummaries): BgNbdParams {
  assertCustomerSummaries(summaries);
  const gradient = new Float64Array(4);
  new GroupedSummaries(summaries).logLikelihood(params, gradient);
  return asParams(gradient);
}

/**
 * A start for the search: a = 1, b = 3 (a mean dropout of 1/4 per purchase) and r = 1 with α set so
 * that, ignoring dropout, the expected repeat purchases r·T/α add up to the observed ones.
 */
function startingPoint(summaries: CustomerSummaries): BgNbdParams {
  let purchases = 0;
  let exposure = 0;
  for (let i = 0; i < summaries.count; i++) {
    purchases += summaries.frequency[i]!;
    exposure += summaries.age[i]!;
  }
  const alpha = exposure > 0 ? exposure / Math.max(purchases, 1) : 1;
  return { r: 1, alpha, a: 1, b: 3 };
}

/**
 * Fits BG/NBD by maximum likelihood. Standard errors come from the Hessian of −ln L with respect to
 * the log-parameters (central differences of the analytic gradient), mapped to the natural scale by
 * the delta method. Warnings (data, not text): `too-few-repeat-customers` below 30 repeat customers or
 * 1 % of all, `parameter-at-bound` when a parameter reaches ≤ 1e-4 or ≥ 1e4 or the Hessian is not
 * positive definite, `no-convergence` when BFGS stops short of a gradient of 1e-9 · |ln L|.
 */
export function fitBgNbd(summaries: CustomerSummaries, options: BgNbdFitOptions = {}): BgNbdFit {
  assertCustomerSummaries(summaries);
  const grouped = new GroupedSummaries(summaries);
  const naturalGradient = new Float64Array(4);
  const negativeLogLikelihood = (logParams: Float64Array, gradient: Float64Array): number => {
    if (logParams.some((v) => !(Math.abs(v) <= LOG_LIMIT))) {
      gradient.fill(0);
      return Infinity;
    }
    const params = asParams(logParams.map(Math.exp));
    const value = grouped.logLikelihood(params, naturalGradient);
    // d/d ln θ = θ · d/dθ, and the sign for −ln L.
    gradient[0] = -params.r * naturalGradient[0]!;
    gradient[1] = -params.alpha * naturalGradient[1]!;
    gradient[2] = -params.a * naturalGradient[2]!;
    gradient[3] = -params.b * naturalGradient[3]!;
    return -value;
  };
  const start = options.start ?? startingPoint(summaries);
  const logStart = [start.r, start.alpha, start.a, start.b].map(Math.log);
  const fit = fitOnLogScale(negativeLogLikelihood, logStart, NAMES, options);
  const repeatCustomers = repeatCustomerCount(summaries);
  return {
    params: asParams(fit.estimates),
    standardErrors: fit.standardErrors && asParams(fit.standardErrors),
    logParamStandardErrors: fit.logStandardErrors && asParams(fit.logStandardErrors),
    logParamCovariance: fit.logCovariance,
    logLikelihood: fit.logLikelihood,
    iterations: fit.optimisation.iterations,
    converged: fit.optimisation.converged,
    warnings: [...repeatCustomerWarning(repeatCustomers, summaries.count, MIN_REPEAT_SHARE), ...fit.warnings],
    timeUnitDays: summaries.timeUnitDays,
    customers: summaries.count,
    repeatCustomers,
  };
}
