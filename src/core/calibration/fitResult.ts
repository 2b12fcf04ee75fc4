/**
 * What the BG/NBD and gamma-gamma fits share: maximum likelihood over log-parameters, standard errors
 * from the Hessian, and warnings as data (a code and its values; `fitWarningMessage` turns one into a
 * catalog message for the shells).
 */
import { message, type Message } from '../i18n';
import { hessianFromGradient, invertPositiveDefinite, minimizeBfgs, type MinimizeResult, type Objective } from './optimize';

/** A natural-scale parameter at or beyond these is "at a bound": the data do not pin it down. */
export const PARAMETER_LOWER_BOUND = 1e-4;
export const PARAMETER_UPPER_BOUND = 1e4;
/**
 * A fit warns `too-few-repeat-customers` below this many customers with a repeat purchase (or, for
 * BG/NBD, below MIN_REPEAT_SHARE of the customers): dropout is learned only from repeat buyers, and
 * with fewer the standard errors are large and the asymptotic intervals unreliable.
 */
export const MIN_REPEAT_CUSTOMERS = 30;
export const MIN_REPEAT_SHARE = 0.01;

export type FitWarning =
  | {
      code: 'too-few-repeat-customers';
      values: { repeatCustomers: number; customers: number; minimumCustomers: number; minimumShare: number };
    }
  /** `bound`: one parameter went to ≤ 1e-4 or ≥ 1e4; `flat-likelihood`: the Hessian is not positive definite. */
  | { code: 'parameter-at-bound'; values: { reason: 'bound'; parameter: string; value: number } | { reason: 'flat-likelihood' } }
  | { code: 'no-convergence'; values: { iterations: number; gradientNorm: number } };

export type FitWarningCode = FitWarning['code'];

/** How a parameter is written in a message: the papers' symbols, the same in every language. */
const SYMBOLS: Readonly<Record<string, string>> = { alpha: 'α', gamma: 'γ' };

/** The warning as a catalog message (keys core.calibration.warning.*), for the app and CLI to show. */
export function fitWarningMessage(warning: FitWarning): Message {
  switch (warning.code) {
    case 'too-few-repeat-customers':
      return message('core.calibration.warning.tooFewRepeatCustomers', { ...warning.values, minimumPercent: warning.values.minimumShare * 100 });
    case 'parameter-at-bound':
      return warning.values.reason === 'bound'
        ? message('core.calibration.warning.parameterAtBound', { parameter: SYMBOLS[warning.values.parameter] ?? warning.values.parameter, value: warning.values.value.toPrecision(3) })
        : message('core.calibration.warning.flatLikelihood');
    case 'no-convergence':
      return message('core.calibration.warning.noConvergence', {
        iterations: warning.values.iterations,
        gradientNorm: warning.values.gradientNorm.toPrecision(2),
      });
  }
}

/** The outcome of maximising a log-likelihood over log-parameters. */
export interface LogScaleFit {
  /** The estimates on the natural scale, in the order of the names. */
  estimates: Float64Array;
  /** Standard errors of the log-parameters (√ of the diagonal of the inverse Hessian of −LL); null when not positive definite. */
  logStandardErrors: Float64Array | null;
  /** Standard errors on the natural scale by the delta method, θ · SE(log θ); null likewise. */
  standardErrors: Float64Array | null;
  /** Covariance of the log-parameters (n × n, row-major), the inverse Hessian of −LL; null likewise. */
  logCovariance: Float64Array | null;
  logLikelihood: number;
  optimisation: MinimizeResult;
  warnings: FitWarning[];
}

/**
 * Minimises `negativeLogLikelihood` (a function of the log-parameters) from `logStart`, then computes
 * the Hessian at the optimum and the standard errors, and collects the bound, Hessian and
 * convergence warnings.
 */
export function fitOnLogScale(
  negativeLogLikelihood: Objective,
  logStart: ArrayLike<number>,
  names: readonly string[],
  options: { maxIterations?: number; startLogCovariance?: ArrayLike<number> } = {},
): LogScaleFit {
  const optimisation = minimizeBfgs(negativeLogLikelihood, logStart, {
    maxIterations: options.maxIterations ?? 500,
    ...(options.startLogCovariance ? { initialInverseHessian: options.startLogCovariance } : {}),
  });
  const estimates = optimisation.x.map(Math.exp);
  const warnings: FitWarning[] = [];
  if (!optimisation.converged) {
    warnings.push({ code: 'no-convergence', values: { iterations: optimisation.iterations, gradientNorm: optimisation.gradientNorm } });
  }
  estimates.forEach((value, index) => {
    if (!(value > PARAMETER_LOWER_BOUND && value < PARAMETER_UPPER_BOUND)) {
      warnings.push({ code: 'parameter-at-bound', values: { reason: 'bound', parameter: names[index]!, value } });
    }
  });
  const n = names.length;
  const covariance = Number.isFinite(optimisation.value) ? invertPositiveDefinite(hessianFromGradient(negativeLogLikelihood, optimisation.x), n) : null;
  let logStandardErrors: Float64Array | null = null;
  let standardErrors: Float64Array | null = null;
  const usable = covariance !== null && Array.from({ length: n }, (_, i) => covariance[i * n + i]!).every((v) => v > 0 && v < Infinity);
  if (usable) {
    logStandardErrors = Float64Array.from({ length: n }, (_, i) => Math.sqrt(covariance[i * n + i]!));
    standardErrors = logStandardErrors.map((se, i) => se * estimates[i]!);
  } else {
    warnings.push({ code: 'parameter-at-bound', values: { reason: 'flat-likelihood' } });
  }
  const logCovariance = usable ? covariance : null;
  return { estimates, logStandardErrors, standardErrors, logCovariance, logLikelihood: -optimisation.value, optimisation, warnings };
}

/** `too-few-repeat-customers` when fewer than MIN_REPEAT_CUSTOMERS (or, given a share, MIN_REPEAT_SHARE) bought again. */
export function repeatCustomerWarning(repeatCustomers: number, customers: number, minimumShare: number): FitWarning[] {
  const tooFew = repeatCustomers < MIN_REPEAT_CUSTOMERS || repeatCustomers < minimumShare * customers;
  return tooFew
    ? [{ code: 'too-few-repeat-customers', values: { repeatCustomers, customers, minimumCustomers: MIN_REPEAT_CUSTOMERS, minimumShare } }]
    : [];
}
