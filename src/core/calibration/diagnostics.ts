/**
 * How well a BG/NBD fit describes the data, as numbers the app and CLI chart (Fader, Hardie & Lee
 * 2005, figures 2–4): the calibration frequency histogram, tracking of cumulative repeat purchases,
 * holdout purchases by calibration frequency, the spread of P(alive), and one headline holdout error.
 * Times and α are in one unit, that of the summaries.
 */
import type { BgNbdParams } from '../sim/math/bgnbd';
import { conditionalExpectedPurchases, expectedPurchasesAnyUnit, probabilityAlive, purchaseCountDistribution } from './bgnbdCustomer';
import type { CustomerSummaries } from './customerSummary';

/**
 * Memoises `compute` on a key, keeping at most MEMO_LIMIT results: customers' summaries and first
 * purchases are usually whole days and repeat a lot, but with continuous times every key is new and
 * an unbounded cache would hold one entry per customer.
 */
const MEMO_LIMIT = 100_000;
function memoised<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      if (cache.size < MEMO_LIMIT) cache.set(key, value);
    }
    return value;
  };
}

/** One bar of a histogram over repeat purchases: x = frequency, or x ≥ frequency when `orMore`. */
export interface FrequencyBin {
  frequency: number;
  orMore: boolean;
  /** Customers observed with that many repeat purchases in the calibration period. */
  actual: number;
  /** Σ over customers of P(X(Tᵢ) = x) (or ≥ x). */
  expected: number;
}

/**
 * Actual against expected numbers of customers with 0, 1, …, bins − 1 and `bins` or more repeat
 * purchases in the calibration period, each customer observed for their own T.
 */
export function frequencyHistogram(params: BgNbdParams, summaries: CustomerSummaries, bins = 7): FrequencyBin[] {
  const actual = new Float64Array(bins + 1);
  const expected = new Float64Array(bins + 1);
  const distributionAt = memoised((T: number) => purchaseCountDistribution(params, T, bins));
  for (let i = 0; i < summaries.count; i++) {
    actual[Math.min(summaries.frequency[i]!, bins)]! += 1;
    const distribution = distributionAt(summaries.age[i]!);
    for (let x = 0; x <= bins; x++) expected[x]! += distribution[x]!;
  }
  return Array.from({ length: bins + 1 }, (_, x) => ({ frequency: x, orMore: x === bins, actual: actual[x]!, expected: expected[x]! }));
}


/**
 * Expected cumulative repeat purchases of all customers by each step: Σᵢ E[X(t − firstᵢ)] over the
 * customers whose first purchase is before t, for t in `steps` (first purchases and steps on one
 * time axis). Costs one E[X] per distinct t − firstᵢ (customers sharing a first-purchase time are counted once).
 */
export function trackingExpectedPurchases(params: BgNbdParams, firstPurchase: ArrayLike<number>, steps: ArrayLike<number>): Float64Array {
  // Keyed to 12 significant digits: a step minus a first purchase repeats up to rounding (t − 3/7 vs t + 1 − 10/7).
  const byKey = memoised((key: string) => expectedPurchasesAnyUnit(params, Number(key)));
  const expectation = (s: number): number => byKey(s.toPrecision(12));
  const customersByFirst = new Map<number, number>();
  for (let i = 0; i < firstPurchase.length; i++) customersByFirst.set(firstPurchase[i]!, (customersByFirst.get(firstPurchase[i]!) ?? 0) + 1);
  const firsts = Float64Array.from(customersByFirst.keys()).sort();
  return Float64Array.from(steps, (t) => {
    let total = 0;
    for (let i = 0; i < firsts.length && firsts[i]! < t; i++) total += customersByFirst.get(firsts[i]!)! * expectation(t - firsts[i]!);
    return total;
  });
}

/** E[Y(t) | xᵢ, t_xᵢ, Tᵢ] for every customer: expected purchases in the t time units after the calibration end. */
export function predictHoldoutPurchases(params: BgNbdParams, summaries: CustomerSummaries, t: number): Float64Array {
  const byHistory = memoised((key: string) => {
    const [x, tx, T] = key.split('|').map(Number) as [number, number, number];
    return conditionalExpectedPurchases(params, t, x, tx, T);
  });
  return Float64Array.from({ length: summaries.count }, (_, i) => byHistory(`${summaries.frequency[i]}|${summaries.recency[i]}|${summaries.age[i]}`));
}

/** Holdout purchases of the customers with one calibration frequency (or that many or more). */
export interface ConditionalExpectationGroup {
  frequency: number;
  orMore: boolean;
  customers: number;
  /** Mean of E[Y(t) | history] over the group's customers; NaN for an empty group. */
  meanPredicted: number;
  meanActual: number;
}

function assertSameLength(summaries: CustomerSummaries, predicted: ArrayLike<number>, actual: ArrayLike<number>): void {
  if (predicted.length !== summaries.count || actual.length !== summaries.count) {
    throw new RangeError(`diagnostics: ${summaries.count} customers, but ${predicted.length} predictions and ${actual.length} holdout counts`);
  }
}

/**
 * Mean predicted (from `predictHoldoutPurchases`) against mean actual holdout purchases by calibration
 * frequency x = 0, 1, …, groups − 1 and `groups` or more (FHL 2005, figure 4).
 */
export function conditionalExpectationByFrequency(
  summaries: CustomerSummaries,
  predicted: ArrayLike<number>,
  actual: ArrayLike<number>,
  groups = 7,
): ConditionalExpectationGroup[] {
  assertSameLength(summaries, predicted, actual);
  const customers = new Float64Array(groups + 1);
  const predictedSum = new Float64Array(groups + 1);
  const actualSum = new Float64Array(groups + 1);
  for (let i = 0; i < summaries.count; i++) {
    const g = Math.min(summaries.frequency[i]!, groups);
    customers[g]! += 1;
    predictedSum[g]! += predicted[i]!;
    actualSum[g]! += actual[i]!;
  }
  return Array.from({ length: groups + 1 }, (_, g) => ({
    frequency: g,
    orMore: g === groups,
    customers: customers[g]!,
    meanPredicted: predictedSum[g]! / customers[g]!,
    meanActual: actualSum[g]! / customers[g]!,
  }));
}

/** One bar of the P(alive) histogram: customers with lower ≤ P(alive) < upper (the last bar includes 1). */
export interface AliveBin {
  lower: number;
  upper: number;
  customers: number;
}

/** How P(alive at T) spreads over the customers, in `bins` equal bins of [0, 1]. */
export function aliveDistribution(params: BgNbdParams, summaries: CustomerSummaries, bins = 10): AliveBin[] {
  const counts = new Float64Array(bins);
  for (let i = 0; i < summaries.count; i++) {
    const alive = probabilityAlive(params, summaries.frequency[i]!, summaries.recency[i]!, summaries.age[i]!);
    counts[Math.min(Math.floor(alive * bins), bins - 1)]! += 1;
  }
  return Array.from(counts, (customers, bin) => ({ lower: bin / bins, upper: (bin + 1) / bins, customers }));
}

/** The headline holdout check. */
export interface HoldoutError {
  predictedTotal: number;
  actualTotal: number;
  /** 100 · (predicted − actual) / actual; NaN when nobody bought in the holdout. */
  percentError: number;
  /** Mean over customers of |predicted − actual|. */
  meanAbsoluteError: number;
}

/** Total predicted against actual holdout repeat purchases, and the mean absolute error per customer. */
export function holdoutError(predicted: ArrayLike<number>, actual: ArrayLike<number>): HoldoutError {
  if (predicted.length !== actual.length) throw new RangeError(`holdoutError: ${predicted.length} predictions but ${actual.length} holdout counts`);
  let predictedTotal = 0;
  let actualTotal = 0;
  let absolute = 0;
  for (let i = 0; i < predicted.length; i++) {
    predictedTotal += predicted[i]!;
    actualTotal += actual[i]!;
    absolute += Math.abs(predicted[i]! - actual[i]!);
  }
  return {
    predictedTotal,
    actualTotal,
    percentError: actualTotal > 0 ? (100 * (predictedTotal - actualTotal)) / actualTotal : NaN,
    meanAbsoluteError: predicted.length > 0 ? absolute / predicted.length : NaN,
  };
}
