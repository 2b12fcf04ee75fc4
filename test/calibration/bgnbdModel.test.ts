/**
 * The pieces under the fits: digamma, the analytic gradients of both likelihoods, and the
 * customer-level BG/NBD formulas, checked against identities and finite differences.
 */
import {
  bgnbdLogLikelihood,
  bgnbdLogLikelihoodGradient,
  conditionalExpectedPurchases,
  expectedPurchasesAnyUnit,
  gammaGammaLogLikelihood,
  gammaGammaLogLikelihoodGradient,
  probabilityAlive,
  probabilityOfPurchases,
  purchaseCountDistribution,
  simulateCustomers,
  type BgNbdParams,
  type GammaGammaParams,
} from '../../src/core/calibration';
import { digamma, logGamma } from '../../src/core/sim/math/specialFunctions';
import { readCdnow } from './cdnow';

const EULER = 0.5772156649015329;
const CDNOW_WEEKS: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const FREQUENT: BgNbdParams = { r: 2, alpha: 20, a: 1.2, b: 8 };

describe('digamma', () => {
  it.each([
    [1, -EULER],
    [0.5, -EULER - 2 * Math.LN2],
    [2, 1 - EULER],
    [10, 2.251752589066721],
    [1e-3, -1000.5755719318103],
    [123.45, 4.811780524963341],
    [-0.5, 0.03648997397857652],
  ])('ψ(%d) = %d', (x, expected) => {
    expect(Math.abs(digamma(x) - expected)).toBeLessThan(1e-13 * Math.max(1, Math.abs(expected)));
  });

  it('is the derivative of log Γ', () => {
    for (const x of [0.03, 0.7, 3.3, 9.99, 10.01, 57]) {
      const h = 1e-5 * x;
      expect(digamma(x)).toBeCloseTo((logGamma(x + h) - logGamma(x - h)) / (2 * h), 6);
    }
  });

  it('is NaN at the poles', () => {
    expect(digamma(0)).toBeNaN();
    expect(digamma(-3)).toBeNaN();
  });
});

/** Relative agreement of an analytic derivative with a central difference of the value in one parameter. */
function expectGradientMatches<P extends object>(value: (params: P) => number, gradient: P, params: P): void {
  for (const key of Object.keys(params) as (keyof P & string)[]) {
    const centre = params[key] as number;
    const h = 1e-6 * centre;
    const numeric = (value({ ...params, [key]: centre + h }) - value({ ...params, [key]: centre - h })) / (2 * h);
    const analytic = gradient[key] as number;
    // The difference quotient carries the rounding of a sum over thousands of customers (~1e-5 here).
    expect(Math.abs(analytic - numeric), key).toBeLessThan(1e-4 * Math.max(1, Math.abs(numeric)));
  }
}

describe('the analytic gradients', () => {
  const cdnow = readCdnow().weeks;
  const frequent = simulateCustomers({
    params: FREQUENT,
    firstPurchase: Float64Array.from({ length: 2000 }, (_, i) => (84 * i) / 2000),
    calibrationEnd: 273,
    seed: 5,
    spend: { p: 3, q: 4, gamma: 50 },
  }).summaries;

  it.each([
    ['CDNOW at the published estimates', CDNOW_WEEKS, cdnow],
    ['CDNOW away from the optimum', { r: 0.6, alpha: 2, a: 2.5, b: 0.7 }, cdnow],
    ['frequent buyers (x up to ~70)', FREQUENT, frequent],
  ] as const)('of BG/NBD match finite differences: %s', (_, params, summaries) => {
    expectGradientMatches((p: BgNbdParams) => bgnbdLogLikelihood(p, summaries), bgnbdLogLikelihoodGradient(params, summaries), params);
  });

  it.each([
    ['CDNOW', { p: 6.25, q: 3.74, gamma: 15.44 }, cdnow],
    ['simulated, away from the optimum', { p: 1.2, q: 9, gamma: 300 }, frequent],
  ] as const)('of gamma-gamma match finite differences: %s', (_, params, summaries) => {
    expectGradientMatches((p: GammaGammaParams) => gammaGammaLogLikelihood(p, summaries), gammaGammaLogLikelihoodGradient(params, summaries), params);
  });
});

describe('P(X(t) = x)', () => {
  it.each([
    ['CDNOW', CDNOW_WEEKS, 39],
    ['frequent', FREQUENT, 120],
    ['a = 1 exactly', { r: 0.5, alpha: 3, a: 1, b: 2 }, 52],
  ] as const)('adds up to 1 and has mean E[X(t)] (%s)', (_, params, t) => {
    const distribution = purchaseCountDistribution(params, t, 400);
    let total = 0;
    let mean = 0;
    for (let x = 0; x < 400; x++) {
      total += distribution[x]!;
      mean += x * distribution[x]!;
    }
    expect(distribution[400]).toBeLessThan(1e-12); // nothing left beyond 400 purchases
    expect(total).toBeCloseTo(1, 12);
    expect(mean).toBeCloseTo(expectedPurchasesAnyUnit(params, t), 8);
  });

  it('by eq. (8) directly agrees with the recurrences', () => {
    const distribution = purchaseCountDistribution(CDNOW_WEEKS, 38.86, 10);
    for (let x = 0; x < 10; x++) expect(probabilityOfPurchases(CDNOW_WEEKS, x, 38.86)).toBeCloseTo(distribution[x]!, 13);
  });

  it('is a point mass at 0 for t = 0', () => {
    expect(probabilityOfPurchases(CDNOW_WEEKS, 0, 0)).toBeCloseTo(1, 14);
    expect(probabilityOfPurchases(CDNOW_WEEKS, 2, 0)).toBe(0);
  });
});

describe('P(alive) and E[Y(t) | x, t_x, T]', () => {
  it('a customer with no repeat purchase is alive for sure, and then E[Y(t)] is E[X(t)] with α + T', () => {
    expect(probabilityAlive(CDNOW_WEEKS, 0, 0, 30)).toBe(1);
    const shifted = { ...CDNOW_WEEKS, alpha: CDNOW_WEEKS.alpha + 30 };
    expect(conditionalExpectedPurchases(CDNOW_WEEKS, 39, 0, 0, 30)).toBeCloseTo(expectedPurchasesAnyUnit(shifted, 39), 12);
  });

  it('falls the longer a customer has been silent, and a purchase just now makes them alive for sure', () => {
    const alive = [31, 40, 60, 100].map((T) => probabilityAlive(CDNOW_WEEKS, 2, 30.43, T));
    alive.slice(1).forEach((value, k) => expect(value).toBeLessThan(alive[k]!));
    expect(probabilityAlive(CDNOW_WEEKS, 5, 40, 40)).toBeCloseTo(1 / (1 + 0.793 / (2.426 + 4)), 14);
  });

  it('is continuous across a = 1, where eq. (10) gives way to quadrature', () => {
    const at = (a: number): number => conditionalExpectedPurchases({ r: 0.5, alpha: 5, a, b: 2 }, 39, 3, 20, 35);
    // The cubic through four closed-form values on either side predicts those in between to ~1e-8.
    const nodes = [0.97, 0.98, 1.02, 1.03];
    const values = nodes.map(at);
    const cubic = (a: number): number =>
      nodes.reduce((sum, node, i) => sum + values[i]! * nodes.reduce((product, other) => (other === node ? product : (product * (a - other)) / (node - other)), 1), 0);
    for (const a of [0.995, 1, 1.005]) expect(Math.abs(at(a) - cubic(a))).toBeLessThan(1e-6);
  });

  it('refuses a history that cannot happen', () => {
    expect(() => probabilityAlive(CDNOW_WEEKS, 1.5, 1, 2)).toThrow(RangeError);
    expect(() => probabilityAlive(CDNOW_WEEKS, 1, 3, 2)).toThrow(/t_x/);
  });
});
