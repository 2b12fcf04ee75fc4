/**
 * Maximum-likelihood fitting of the gamma-gamma model of spend per transaction (Fader & Hardie 2013,
 * "The Gamma-Gamma Model of Monetary Value") on the customers with at least one repeat purchase and a
 * known mean repeat value m_x. With z̄ = m_x the mean of x transactions, each Gamma(p, ν), and
 * ν ~ Gamma(q, γ), the density of m_x is
 *
 *   Γ(px + q)/(Γ(px) Γ(q)) · γ^q · m_x^(px−1) · x^(px) / (γ + x·m_x)^(px+q).
 *
 * Customers are grouped by x (the Γ and ψ terms depend on x alone), so each evaluation costs one
 * logarithm per customer; the gradient is analytic (digamma).
 */
import type { GammaGammaParams } from '../sim/math/orderValue';
import { digamma, logGamma } from '../sim/math/specialFunctions';
import { assertCustomerSummaries, type CustomerSummaries } from './customerSummary';
import { fitOnLogScale, repeatCustomerWarning, type FitWarning } from './fitResult';

const NAMES = ['p', 'q', 'gamma'] as const;
const LOG_LIMIT = 30;

export interface GammaGammaFitOptions {
  /** Where the search starts; p = 1, q = 2 and γ matching the mean spend by default. */
  start?: GammaGammaParams;
  /** The `logParamCovariance` of an earlier fit of similar data, as for BG/NBD. */
  startLogCovariance?: ArrayLike<number>;
  maxIterations?: number;
}

/** The model assumes spend independent of frequency; this is the check Fader & Hardie suggest. */
export interface IndependenceCheck {
  /** Pearson correlation between x and m_x over the customers used; NaN when it is undefined. */
  correlation: number;
  /** How many customers it is over. */
  customers: number;
}

export interface GammaGammaFit {
  /** γ is in the currency of the values. */
  params: GammaGammaParams;
  standardErrors: GammaGammaParams | null;
  /** Standard errors of ln p, ln q, ln γ. */
  logParamStandardErrors: GammaGammaParams | null;
  /** Covariance of (ln p, ln q, ln γ), 3 × 3 row-major; null when the Hessian is not positive definite. */
  logParamCovariance: Float64Array | null;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  warnings: FitWarning[];
  /** Customers fitted: x > 0 with a known mean repeat value. */
  customers: number;
  independenceCheck: IndependenceCheck;
}

const asParams = (values: ArrayLike<number>): GammaGammaParams => ({ p: values[0]!, q: values[1]!, gamma: values[2]! });

/** The repeat customers with a known mean value, grouped by x. */
class SpendData {
  readonly groupFrequency: Float64Array;
  readonly groupStart: Int32Array;
  /** m_x of each customer, grouped. */
  readonly meanValue: Float64Array;
  readonly customers: number;
  /** Σ ln m_x and Σ x ln m_x + x ln x over the customers: the parts of the likelihood without parameters but p. */
  readonly sumLogMean: number;
  readonly sumFrequencyLogs: number;

  constructor(summaries: CustomerSummaries) {
    const byFrequency = new Map<number, number[]>();
    for (let i = 0; i < summaries.count; i++) {
      const x = summaries.frequency[i]!;
      const m = summaries.meanRepeatValue[i]!;
      if (!(x > 0 && m > 0)) continue;
      const group = byFrequency.get(x);
      if (group) group.push(m);
      else byFrequency.set(x, [m]);
    }
    const frequencies = [...byFrequency.keys()].sort((u, v) => u - v);
    this.groupFrequency = Float64Array.from(frequencies);
    this.groupStart = new Int32Array(frequencies.length + 1);
    const values: number[] = [];
    let sumLogMean = 0;
    let sumFrequencyLogs = 0;
    frequencies.forEach((x, g) => {
      for (const m of byFrequency.get(x)!) {
        values.push(m);
        sumLogMean += Math.log(m);
        sumFrequencyLogs += x * (Math.log(m) + Math.log(x));
      }
      this.groupStart[g + 1] = values.length;
    });
    this.meanValue = Float64Array.from(values);
    this.customers = values.length;
    this.sumLogMean = sumLogMean;
    this.sumFrequencyLogs = sumFrequencyLogs;
  }

  /** ln L and its gradient in (p, q, γ). */
  logLikelihood(params: GammaGammaParams, gradient: Float64Array): number {
    const { p, q, gamma } = params;
    gradient.fill(0);
    if (![p, q, gamma].every((v) => v > 0 && v < Infinity)) return -Infinity;
    const n = this.customers;
    const logGammaRate = Math.log(gamma);
    let total = n * (q * logGammaRate - logGamma(q)) + p * this.sumFrequencyLogs - this.sumLogMean;
    let dp = this.sumFrequencyLogs;
    let dq = n * (logGammaRate - digamma(q));
    let dGamma = (n * q) / gamma;
    for (let g = 0; g < this.groupFrequency.length; g++) {
      const x = this.groupFrequency[g]!;
      const px = p * x;
      const size = this.groupStart[g + 1]! - this.groupStart[g]!;
      const psiSum = digamma(px + q);
      total += size * (logGamma(px + q) - logGamma(px));
      dp += size * x * (psiSum - digamma(px));
      dq += size * psiSum;
      const shape = px + q;
      for (let i = this.groupStart[g]!; i < this.groupStart[g + 1]!; i++) {
        const scale = gamma + x * this.meanValue[i]!;
        const logScale = Math.log(scale);
        total -= shape * logScale;
        dp -= x * logScale;
        dq -= logScale;
        dGamma -= shape / scale;
      }
    }
    gradient[0] = dp;
    gradient[1] = dq;
    gradient[2] = dGamma;
    return total;
  }
}

/** Gamma-gamma log-likelihood of the summaries' repeat customers with a known mean value. */
export function gammaGammaLogLikelihood(params: GammaGammaParams, summaries: CustomerSummaries): number {
  assertCustomerSummaries(summaries);
  return new SpendData(summaries).logLikelihood(params, new Float64Array(3));
}

/** ∂ ln L / ∂θ for θ = p, q, γ: the analytic gradient the fit uses. */
export function gammaGammaLogLikelihoodGradient(params: GammaGammaParams, summaries: CustomerSummaries): GammaGammaParams {
  assertCustomerSummaries(summaries);
  const gradient = new Float64Array(3);
  new SpendData(summaries).logLikelihood(params, gradient);
  return asParams(gradient);
}

/** Pearson correlation between frequency and mean repeat value over the customers with both. */
export function independenceCheck(summaries: CustomerSummaries): IndependenceCheck {
  let n = 0;
  let sx = 0;
  let sm = 0;
  for (let i = 0; i < summaries.count; i++) {
    const x = summaries.frequency[i]!;
    const m = summaries.meanRepeatValue[i]!;
    if (x > 0 && m > 0) {
      n++;
      sx += x;
      sm += m;
    }
  }
  const meanX = sx / n;
  const meanM = sm / n;
  let sxx = 0;
  let smm = 0;
  let sxm = 0;
  for (let i = 0; i < summaries.count; i++) {
    const x = summaries.frequency[i]!;
    const m = summaries.meanRepeatValue[i]!;
    if (x > 0 && m > 0) {
      sxx += (x - meanX) ** 2;
      smm += (m - meanM) ** 2;
      sxm += (x - meanX) * (m - meanM);
    }
  }
  const denominator = Math.sqrt(sxx * smm);
  return { correlation: n > 1 && denominator > 0 ? sxm / denominator : NaN, customers: n };
}

/**
 * Fits the gamma-gamma model by maximum likelihood on log-parameters, standard errors as for BG/NBD.
 * Warnings: `too-few-repeat-customers` below 30 customers fitted, `parameter-at-bound`,
 * `no-convergence` (see fitResult.ts).
 */
export function fitGammaGamma(summaries: CustomerSummaries, options: GammaGammaFitOptions = {}): GammaGammaFit {
  assertCustomerSummaries(summaries);
  const data = new SpendData(summaries);
  const naturalGradient = new Float64Array(3);
  const negativeLogLikelihood = (logParams: Float64Array, gradient: Float64Array): number => {
    if (logParams.some((v) => !(Math.abs(v) <= LOG_LIMIT))) {
      gradient.fill(0);
      return Infinity;
    }
    const params = asParams(logParams.map(Math.exp));
    const value = data.logLikelihood(params, naturalGradient);
    gradient[0] = -params.p * naturalGradient[0]!;
    gradient[1] = -params.q * naturalGradient[1]!;
    gradient[2] = -params.gamma * naturalGradient[2]!;
    return -value;
  };
  let sumValue = 0;
  for (const m of data.meanValue) sumValue += m;
  // Population mean spend p·γ/(q − 1) equal to the observed mean at p = 1, q = 2.
  const start = options.start ?? { p: 1, q: 2, gamma: data.customers > 0 ? sumValue / data.customers : 1 };
  const fit = fitOnLogScale(negativeLogLikelihood, [start.p, start.q, start.gamma].map(Math.log), NAMES, options);
  return {
    params: asParams(fit.estimates),
    standardErrors: fit.standardErrors && asParams(fit.standardErrors),
    logParamStandardErrors: fit.logStandardErrors && asParams(fit.logStandardErrors),
    logParamCovariance: fit.logCovariance,
    logLikelihood: fit.logLikelihood,
    iterations: fit.optimisation.iterations,
    converged: fit.optimisation.converged,
    warnings: [...repeatCustomerWarning(data.customers, data.customers, 0), ...fit.warnings],
    customers: data.customers,
    independenceCheck: independenceCheck(summaries),
  };
}
