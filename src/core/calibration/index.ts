/**
 * Calibration: BG/NBD and gamma-gamma maximum-likelihood fits on customer summaries, customer-level
 * predictions and fit diagnostics (issue 16). Pure: no clock, seeded randomness only.
 */
export {
  assertCustomerSummaries,
  CalibrationInputError,
  customerSummaries,
  repeatCustomerCount,
  type CustomerSummaries,
  type CustomerSummaryColumns,
} from './customerSummary';
export {
  hessianFromGradient,
  hessianFromValues,
  invertPositiveDefinite,
  minimizeBfgs,
  withNumericalGradient,
  type MinimizeOptions,
  type MinimizeResult,
  type Objective,
  type ValueFunction,
} from './optimize';
export {
  fitWarningMessage,
  MIN_REPEAT_CUSTOMERS,
  MIN_REPEAT_SHARE,
  PARAMETER_LOWER_BOUND,
  PARAMETER_UPPER_BOUND,
  type FitWarning,
  type FitWarningCode,
} from './fitResult';
export {
  bgnbdLogLikelihood,
  bgnbdLogLikelihoodGradient,
  bgnbdParamsInDays,
  fitBgNbd,
  type BgNbdFit,
  type BgNbdFitOptions,
} from './bgnbdFit';
export {
  conditionalExpectedPurchases,
  expectedPurchasesAnyUnit,
  probabilityAlive,
  probabilityOfPurchases,
  purchaseCountDistribution,
} from './bgnbdCustomer';
export {
  fitGammaGamma,
  gammaGammaLogLikelihood,
  gammaGammaLogLikelihoodGradient,
  independenceCheck,
  type GammaGammaFit,
  type GammaGammaFitOptions,
  type IndependenceCheck,
} from './gammaGammaFit';
export { simulateCustomers, type SimulatedCustomers, type SimulationInput } from './simulateTransactions';
export {
  aliveDistribution,
  conditionalExpectationByFrequency,
  frequencyHistogram,
  holdoutError,
  predictHoldoutPurchases,
  trackingExpectedPurchases,
  type AliveBin,
  type ConditionalExpectationGroup,
  type FrequencyBin,
  type HoldoutError,
} from './diagnostics';
export type { BgNbdParams } from '../sim/math/bgnbd';
export type { GammaGammaParams } from '../sim/math/orderValue';
export * from './rfmSummary';
export * from './fitCustomers';
export * from './fitReport';
export * from './fittedCohort';
export * from './betaInterval';
export * from './channelResponses';
export * from './fitImported';
export * from './segmentWarnings';
export * from './population';
export * from './populationFile';
export * from './profileDistributions';
