/**
 * The published CDNOW numbers (../shared/data/README.md): Fader, Hardie & Lee (2005) for BG/NBD and
 * Fader & Hardie (2013) for gamma-gamma, reproduced from the raw sample.
 */
import {
  bgnbdLogLikelihood,
  bgnbdParamsInDays,
  conditionalExpectedPurchases,
  expectedPurchasesAnyUnit,
  fitBgNbd,
  fitGammaGamma,
  probabilityAlive,
  type BgNbdParams,
} from '../../src/core/calibration';
import { logBeta, logGamma } from '../../src/core/sim/math/specialFunctions';
import { readCdnow } from './cdnow';

const data = readCdnow();
const PUBLISHED: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const threeFigures = (value: number): number => Number(value.toPrecision(3));

/** FHL eq. (6) customer by customer with Γ and B, no grouping: the reference for the fast version. */
function naiveLogLikelihood(params: BgNbdParams, frequency: Float64Array, recency: Float64Array, age: Float64Array): number {
  const { r, alpha, a, b } = params;
  let total = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i]!;
    const common = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
    const alive = Math.exp(logBeta(a, b + x) - logBeta(a, b) - (r + x) * Math.log(alpha + age[i]!));
    const dropped = x > 0 ? Math.exp(logBeta(a + 1, b + x - 1) - logBeta(a, b) - (r + x) * Math.log(alpha + recency[i]!)) : 0;
    total += common + Math.log(alive + dropped);
  }
  return total;
}

describe('the CDNOW sample', () => {
  it('summarises to 2,357 customers, 946 repeat buyers and 2,457 repeat purchases in calibration', () => {
    const { weeks } = data;
    expect(weeks.count).toBe(2357);
    expect(weeks.frequency.filter((x) => x > 0).length).toBe(946);
    expect(weeks.frequency.reduce((sum, x) => sum + x, 0)).toBe(2457);
  });
});

describe('BG/NBD on CDNOW (Fader, Hardie & Lee 2005)', () => {
  const fit = fitBgNbd(data.weeks);

  it('reproduces r = 0.243, α = 4.414 weeks, a = 0.793, b = 2.426 and LL = −9,582.4', () => {
    expect(fit.converged).toBe(true);
    expect(fit.warnings).toEqual([]);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(threeFigures(fit.params[key])).toBe(threeFigures(PUBLISHED[key]));
    // The README's −9,582.43 for the inclusive calibration end, to the 0.01 it is given to.
    expect(fit.logLikelihood).toBeCloseTo(-9582.43, 2);
  });

  it('gives finite standard errors, the delta method’s θ · SE(ln θ)', () => {
    const { standardErrors, logParamStandardErrors } = fit;
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(standardErrors![key]).toBeGreaterThan(0);
      expect(standardErrors![key]).toBeCloseTo(fit.params[key] * logParamStandardErrors![key], 12);
    }
    // The sample has 2,357 customers: r is pinned down to about 5 %, the dropout shapes much less so.
    expect(logParamStandardErrors!.r).toBeLessThan(0.1);
    expect(logParamStandardErrors!.b).toBeGreaterThan(logParamStandardErrors!.r);
  });

  it('computes the likelihood as eq. (6) does customer by customer', () => {
    const { frequency, recency, age } = data.weeks;
    const reference = naiveLogLikelihood(PUBLISHED, frequency, recency, age);
    expect(bgnbdLogLikelihood(PUBLISHED, data.weeks)).toBeCloseTo(reference, 8);
    expect(bgnbdLogLikelihood(fit.params, data.weeks)).toBeCloseTo(fit.logLikelihood, 8);
  });

  it('fits the same model in days: α = 30.898 and the log-likelihood shifted by Σx · ln 7', () => {
    const days = fitBgNbd(data.days);
    expect(days.converged).toBe(true);
    expect(threeFigures(days.params.alpha)).toBe(threeFigures(30.898));
    expect(days.params.alpha).toBeCloseTo(bgnbdParamsInDays(fit.params, 7).alpha, 4);
    for (const key of ['r', 'a', 'b'] as const) expect(days.params[key]).toBeCloseTo(fit.params[key], 6);
    // A repeat purchase's density in days is a seventh of that in weeks: 2,457 of them.
    expect(days.logLikelihood).toBeCloseTo(fit.logLikelihood - 2457 * Math.log(7), 4);
  });

  it('expects 0.5344, 1.1967 and 1.4461 repeat purchases of a new customer by weeks 13, 39 and 52', () => {
    expect(expectedPurchasesAnyUnit(PUBLISHED, 13)).toBeCloseTo(0.5344, 4);
    expect(expectedPurchasesAnyUnit(PUBLISHED, 39)).toBeCloseTo(1.1967, 4);
    expect(expectedPurchasesAnyUnit(PUBLISHED, 52)).toBeCloseTo(1.4461, 4);
  });

  it('gives the worked customer (x = 2, t_x = 30.43, T = 38.86) P(alive) = 0.7266 and E[Y(39)] = 1.226', () => {
    expect(probabilityAlive(PUBLISHED, 2, 30.43, 38.86)).toBeCloseTo(0.7266, 4);
    expect(conditionalExpectedPurchases(PUBLISHED, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
  });
});

describe('gamma-gamma on CDNOW (Fader & Hardie 2013)', () => {
  const fit = fitGammaGamma(data.weeks);

  it('reproduces p = 6.25, q = 3.74, γ = 15.44 on the 946 repeat customers', () => {
    expect(fit.customers).toBe(946);
    expect(fit.converged).toBe(true);
    expect(fit.warnings).toEqual([]);
    expect(threeFigures(fit.params.p)).toBe(6.25);
    expect(threeFigures(fit.params.q)).toBe(3.74);
    expect(threeFigures(fit.params.gamma)).toBe(threeFigures(15.44));
    expect(fit.standardErrors!.p).toBeGreaterThan(0);
  });

  it('reports the correlation between frequency and mean spend (small: the model’s assumption holds)', () => {
    expect(fit.independenceCheck.customers).toBe(946);
    expect(fit.independenceCheck.correlation).toBeCloseTo(0.11, 2);
  });
});
