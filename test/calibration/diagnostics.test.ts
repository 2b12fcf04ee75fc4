/**
 * The diagnostics, held to simulated customers with the true parameters (where every expected count
 * must agree with the actual one within 3 standard errors) and to the CDNOW sample's known counts.
 */
import {
  aliveDistribution,
  conditionalExpectationByFrequency,
  expectedPurchasesAnyUnit,
  fitBgNbd,
  frequencyHistogram,
  holdoutError,
  predictHoldoutPurchases,
  probabilityAlive,
  simulateCustomers,
  trackingExpectedPurchases,
  type BgNbdParams,
} from '../../src/core/calibration';
import { readCdnow } from './cdnow';

const CUSTOMERS = 20_000;
const CALIBRATION_END = 273;
const HOLDOUT_END = 546;
/** First purchases on whole days 0–83, as in CDNOW's first quarter. */
const FIRST_PURCHASE = Float64Array.from({ length: CUSTOMERS }, (_, i) => Math.floor((84 * i) / CUSTOMERS));

/** |Σ residuals| within 3 · √(Σ residuals²): the sum of independent mean-zero terms, 3 standard errors. */
function expectWithinThreeStandardErrors(residuals: ArrayLike<number>, label: string): void {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < residuals.length; i++) {
    sum += residuals[i]!;
    squares += residuals[i]! ** 2;
  }
  expect(Math.abs(sum), label).toBeLessThanOrEqual(3 * Math.sqrt(squares));
}

describe.each([
  ['the CDNOW estimates in days', { r: 0.243, alpha: 30.898, a: 0.793, b: 2.426 }, 11],
  ['frequent buyers', { r: 2, alpha: 20, a: 1.2, b: 8 }, 12],
] as [string, BgNbdParams, number][])('diagnostics with the true parameters: %s', (_, truth, seed) => {
  const { summaries, holdout } = simulateCustomers({ params: truth, firstPurchase: FIRST_PURCHASE, calibrationEnd: CALIBRATION_END, holdoutEnd: HOLDOUT_END, seed });
  const actualHoldout = holdout!;

  it('the frequency histogram’s expected counts match the actual ones', () => {
    const bins = frequencyHistogram(truth, summaries, 7);
    expect(bins.map((bin) => bin.frequency)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(bins.map((bin) => bin.orMore)).toEqual([false, false, false, false, false, false, false, true]);
    expect(bins.reduce((sum, bin) => sum + bin.actual, 0)).toBe(CUSTOMERS);
    expect(bins.reduce((sum, bin) => sum + bin.expected, 0)).toBeCloseTo(CUSTOMERS, 6);
    // A bin's count is a sum of independent Bernoullis: its variance Σp(1 − p) is at most its mean.
    for (const bin of bins) expect(Math.abs(bin.actual - bin.expected), `x = ${bin.frequency}`).toBeLessThanOrEqual(3 * Math.sqrt(bin.expected));
  });

  it('tracking expects the repeat purchases made by the calibration end and by the holdout end', () => {
    const [, atCalibrationEnd, atHoldoutEnd] = trackingExpectedPurchases(truth, FIRST_PURCHASE, [0, CALIBRATION_END, HOLDOUT_END]);
    expect(trackingExpectedPurchases(truth, FIRST_PURCHASE, [0])[0]).toBe(0);
    let sumToCalibrationEnd = 0;
    let sumToHoldoutEnd = 0;
    const calibrationResiduals = Float64Array.from(summaries.frequency, (x, i) => {
      const expected = expectedPurchasesAnyUnit(truth, CALIBRATION_END - FIRST_PURCHASE[i]!);
      sumToCalibrationEnd += expected;
      return x - expected;
    });
    const wholeResiduals = Float64Array.from(summaries.frequency, (x, i) => {
      const expected = expectedPurchasesAnyUnit(truth, HOLDOUT_END - FIRST_PURCHASE[i]!);
      sumToHoldoutEnd += expected;
      return x + actualHoldout[i]! - expected;
    });
    expect(atCalibrationEnd).toBeCloseTo(sumToCalibrationEnd, 6);
    expect(atHoldoutEnd).toBeCloseTo(sumToHoldoutEnd, 6);
    expectWithinThreeStandardErrors(calibrationResiduals, 'calibration');
    expectWithinThreeStandardErrors(wholeResiduals, 'calibration and holdout');
  });

  it('conditional expectations predict the holdout purchases, overall and by calibration frequency', () => {
    const predicted = predictHoldoutPurchases(truth, summaries, HOLDOUT_END - CALIBRATION_END);
    expectWithinThreeStandardErrors(
      predicted.map((p, i) => actualHoldout[i]! - p),
      'all customers',
    );
    const groups = conditionalExpectationByFrequency(summaries, predicted, actualHoldout, 7);
    expect(groups.reduce((sum, group) => sum + group.customers, 0)).toBe(CUSTOMERS);
    for (const group of groups) {
      const inGroup = (i: number): boolean => (group.orMore ? summaries.frequency[i]! >= group.frequency : summaries.frequency[i] === group.frequency);
      const residuals = predicted.map((p, i) => (inGroup(i) ? actualHoldout[i]! - p : 0));
      expectWithinThreeStandardErrors(residuals, `x = ${group.frequency}`);
      expect(group.meanActual - group.meanPredicted).toBeCloseTo(residuals.reduce((sum, r) => sum + r, 0) / group.customers, 10);
    }
    const error = holdoutError(predicted, actualHoldout);
    expect(error.actualTotal).toBe(actualHoldout.reduce((sum, n) => sum + n, 0));
    expect(Math.abs(error.percentError)).toBeLessThan(5);
  });
});

describe('holdoutError', () => {
  it('compares totals and averages the absolute errors', () => {
    expect(holdoutError([1, 2, 3], [2, 2, 1])).toEqual({ predictedTotal: 6, actualTotal: 5, percentError: 20, meanAbsoluteError: 1 });
    expect(holdoutError([0.5], [0]).percentError).toBeNaN();
    expect(() => holdoutError([1, 2], [1])).toThrow(RangeError);
  });
});

describe('diagnostics of the CDNOW fit', () => {
  const data = readCdnow();
  const { params } = fitBgNbd(data.weeks);

  it('counts the customers by calibration frequency as Fader, Hardie & Lee (2005, figure 3) do', () => {
    const bins = frequencyHistogram(params, data.weeks, 7);
    expect(bins.map((bin) => bin.actual)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(bins.reduce((sum, bin) => sum + bin.expected, 0)).toBeCloseTo(2357, 8);
  });

  it('gives the holdout purchases by calibration frequency of their figure 4, and the 1,882 holdout purchases', () => {
    const predicted = predictHoldoutPurchases(params, data.weeks, 39);
    const groups = conditionalExpectationByFrequency(data.weeks, predicted, data.holdout, 7);
    expect(groups.map((group) => Number(group.meanActual.toFixed(2)))).toEqual([0.24, 0.7, 1.39, 1.56, 2.53, 2.95, 3.86, 6.36]);
    // The model's predictions rise with frequency, as the actual purchases do.
    groups.slice(1).forEach((group, k) => expect(group.meanPredicted).toBeGreaterThan(groups[k]!.meanPredicted));
    expect(holdoutError(predicted, data.holdout).actualTotal).toBe(1882);
  });

  it('tracks cumulative repeat purchases week by week', () => {
    const steps = Array.from({ length: 78 }, (_, k) => k + 1);
    const tracking = trackingExpectedPurchases(params, Array.from(data.firstPurchaseDay, (day) => day / 7), steps);
    tracking.slice(1).forEach((value, k) => expect(value).toBeGreaterThanOrEqual(tracking[k]!));
    // By the end of calibration the fit expects what happened to within 2 % (2,457 repeat purchases).
    expect(Math.abs(tracking[38]! / 2457 - 1)).toBeLessThan(0.02);
  });

  it('spreads P(alive) over ten bins that hold every customer', () => {
    const bins = aliveDistribution(params, data.weeks);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toMatchObject({ lower: 0, upper: 0.1 });
    expect(bins.reduce((sum, bin) => sum + bin.customers, 0)).toBe(2357);
    // The 1,411 customers without a repeat purchase are alive for sure, in the top bin.
    expect(bins[9]!.customers).toBeGreaterThanOrEqual(1411);
    const worked = probabilityAlive(params, 2, 30.43, 38.86);
    expect(Math.floor(worked * 10)).toBe(7);
  });
});
