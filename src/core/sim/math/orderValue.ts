/**
 * Order values by the gamma-gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV: using
 * iso-value curves for customer base analysis", Journal of Marketing Research 42(4); after Colombo &
 * Jiang 1999), in yuan:
 *
 * - each customer has a latent ν ~ Gamma(shape q, rate γ);
 * - each of that customer's orders is worth z ~ Gamma(shape p, rate ν), independently, so the
 *   customer's own mean order value is p/ν;
 * - across customers E[Z] = p·γ/(q − 1) for q > 1, and Var[Z] = p·γ²·(p + q − 1)/((q − 1)²(q − 2))
 *   for q > 2.
 *
 * Order values are independent of the purchase process (BG/NBD), as the model assumes.
 */
import { sampleGamma, type Uniforms } from './distributions';

/** Gamma-gamma parameters; γ is in yuan (scale of the spread of ν, whose unit is 1/yuan). */
export interface GammaGammaParams {
  /** Shape of each order's value around the customer's mean (larger: steadier order values). */
  p: number;
  /** Shape of the spread of ν across customers (must exceed 1 for a finite mean). */
  q: number;
  /** Rate of the spread of ν across customers, in yuan. */
  gamma: number;
}

/** Throws a RangeError naming every gamma-gamma parameter that is not a positive finite number. */
export function assertGammaGammaParams(params: GammaGammaParams): void {
  const bad = (['p', 'q', 'gamma'] as const).filter((key) => !(params[key] > 0 && params[key] < Infinity));
  if (bad.length > 0) {
    throw new RangeError(`gamma-gamma: ${bad.map((key) => `${key}=${params[key]}`).join(', ')} must be positive finite numbers`);
  }
}

/** ν ~ Gamma(shape q, rate γ): one customer's latent spend rate (1/yuan). */
export function orderValueLatent(params: GammaGammaParams, u: Uniforms): number {
  return sampleGamma(params.q, 1 / params.gamma, u);
}

/** One order's value in yuan, z ~ Gamma(shape p, rate ν), for a customer with latent ν. */
export function sampleOrderValue(params: GammaGammaParams, nu: number, u: Uniforms): number {
  return sampleGamma(params.p, 1 / nu, u);
}

/** A customer's own mean order value, E[z | ν] = p/ν, in yuan. */
export function customerMeanOrderValue(params: GammaGammaParams, nu: number): number {
  return params.p / nu;
}

/** E[Z] = p·γ/(q − 1) in yuan across customers; Infinity when q ≤ 1 (the mean does not exist). */
export function expectedOrderValue(params: GammaGammaParams): number {
  assertGammaGammaParams(params);
  const { p, q, gamma } = params;
  return q > 1 ? (p * gamma) / (q - 1) : Infinity;
}

/** Var[Z] = p·γ²·(p + q − 1)/((q − 1)²(q − 2)) in yuan²; Infinity when q ≤ 2. */
export function orderValueVariance(params: GammaGammaParams): number {
  assertGammaGammaParams(params);
  const { p, q, gamma } = params;
  return q > 2 ? (p * gamma * gamma * (p + q - 1)) / ((q - 1) * (q - 1) * (q - 2)) : Infinity;
}

/**
 * The expected value of a customer's next order given `orders` past orders averaging `meanValue`
 * yuan (Fader, Hardie & Lee 2005, eq. 5): a weighted average of the population mean p·γ/(q − 1) and
 * the customer's own average, the weight on the latter being p·x/(p·x + q − 1). Needs q > 1.
 */
export function expectedOrderValueGivenHistory(params: GammaGammaParams, orders: number, meanValue: number): number {
  assertGammaGammaParams(params);
  const { p, q } = params;
  if (!(q > 1)) throw new RangeError(`gamma-gamma: q must exceed 1 for a finite mean, got ${q}`);
  if (!(orders >= 0 && Number.isFinite(orders))) throw new RangeError(`gamma-gamma: orders must be ≥ 0, got ${orders}`);
  if (orders === 0) return expectedOrderValue(params);
  if (!(meanValue > 0 && meanValue < Infinity)) throw new RangeError(`gamma-gamma: meanValue must be positive, got ${meanValue}`);
  const weight = (p * orders) / (p * orders + q - 1);
  return (1 - weight) * expectedOrderValue(params) + weight * meanValue;
}
