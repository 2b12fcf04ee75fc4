/**
 * Gamma-gamma recovery: order values simulated from known (p, q, γ), spend independent of frequency
 * as the model assumes, fitted back; each estimate within 3 standard errors of the truth, and the
 * frequency–spend correlation within 3 of its standard errors (1/√n) of 0.
 */
import { fitGammaGamma, independenceCheck, simulateCustomers, type GammaGammaParams } from '../../src/core/calibration';

const CUSTOMERS = 8000;
const FIRST_PURCHASE = Float64Array.from({ length: CUSTOMERS }, (_, i) => (84 * i) / CUSTOMERS);

describe.each([
  ['CDNOW-like spend', { p: 6.25, q: 3.74, gamma: 15.44 }],
  ['widely spread spend', { p: 1.5, q: 2.5, gamma: 200 }],
] as [string, GammaGammaParams][])('gamma-gamma recovery: %s', (_, truth) => {
  it.each([1, 2, 3])('seed %d: estimates within 3 standard errors of the truth', (seed) => {
    const { summaries } = simulateCustomers({
      params: { r: 1, alpha: 40, a: 1, b: 4 },
      firstPurchase: FIRST_PURCHASE,
      calibrationEnd: 273,
      seed,
      spend: truth,
    });
    const fit = fitGammaGamma(summaries);
    expect(fit.converged).toBe(true);
    expect(fit.warnings).toEqual([]);
    expect(fit.customers).toBeGreaterThan(2000);
    for (const key of ['p', 'q', 'gamma'] as const) {
      const z = (Math.log(fit.params[key]) - Math.log(truth[key])) / fit.logParamStandardErrors![key];
      expect(Math.abs(z), key).toBeLessThanOrEqual(3);
    }
    const { correlation, customers } = independenceCheck(summaries);
    expect(customers).toBe(fit.customers);
    expect(Math.abs(correlation)).toBeLessThanOrEqual(3 / Math.sqrt(customers));
  });
});
