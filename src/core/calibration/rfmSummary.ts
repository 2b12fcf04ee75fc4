/**
 * Purchases to the per-customer summary the fits read (customerSummary.ts), plus what segmenting and
 * checking need: first purchase day, spend, purchases after the calibration period, and RFM scores.
 *
 * A customer's purchases on one calendar day (in the import's time zone) are one purchase occasion.
 * With the calibration period ending on day E (inclusive) and the customer's first occasion on day F:
 * frequency x = occasions after the first up to E; recency t_x = (last occasion up to E − F); age
 * T = (E − F); all in the chosen unit (days, or weeks of 7 days as in Fader, Hardie & Lee 2005). The
 * mean repeat value is the mean of the repeat occasions' day totals (NaN when x = 0 or when those
 * totals are not above zero: the gamma-gamma model needs positive values). Customers whose first
 * purchase is after E are not in the summary; they are counted.
 */
import type { CustomerSummaries } from './customerSummary';
import type { TransactionTable } from './import/transactions';

export type SummaryUnit = 'days' | 'weeks';

export interface RfmSummaryOptions {
  /** The last day of the calibration period (days since 1970-01-01, inclusive); the last purchase day when omitted. */
  calibrationEnd?: number;
  unit?: SummaryUnit;
}

/** RFM scores 1–5 per customer: quintiles among the summarised customers, 5 the best (most recent, most frequent, highest spend). */
export interface RfmScores {
  recency: Uint8Array;
  frequency: Uint8Array;
  monetary: Uint8Array;
}

export interface RfmSummary extends CustomerSummaries {
  /** Index into the table's `customers` of each row. */
  customer: Int32Array;
  /** Day (since 1970-01-01) of the first purchase. */
  firstDay: Float64Array;
  /** Days from the last purchase up to the calibration end (the R of RFM, in days whatever the unit). */
  daysSinceLast: Float64Array;
  /** Total spend in the calibration period (the M of RFM). */
  monetary: Float64Array;
  /** Purchase occasions after the calibration end, and their spend: the holdout period. */
  holdoutFrequency: Float64Array;
  holdoutValue: Float64Array;
  rfm: RfmScores;
  calibrationEnd: number;
  unit: SummaryUnit;
  /** Customers left out because their first purchase is after the calibration end. */
  firstAfterEnd: number;
  /** Customers of the table without any purchase (only refunds), left out. */
  withoutPurchases: number;
}

/** The summary of a transaction table (as the import writes it: purchases ordered by customer, then time). */
export function rfmSummary(table: TransactionTable, options: RfmSummaryOptions = {}): RfmSummary {
  const unit = options.unit ?? 'days';
  const unitDays = unit === 'weeks' ? 7 : 1;
  const { customer, day, amount, length } = table;
  let lastDay = -Infinity;
  for (let row = 0; row < length; row++) lastDay = Math.max(lastDay, Math.floor(day[row]!));
  const end = options.calibrationEnd ?? (length ? lastDay : 0);

  const customerCount = table.customers.length;
  const columns = {
    customer: new Int32Array(customerCount),
    frequency: new Float64Array(customerCount),
    recency: new Float64Array(customerCount),
    age: new Float64Array(customerCount),
    meanRepeatValue: new Float64Array(customerCount),
    firstDay: new Float64Array(customerCount),
    daysSinceLast: new Float64Array(customerCount),
    monetary: new Float64Array(customerCount),
    holdoutFrequency: new Float64Array(customerCount),
    holdoutValue: new Float64Array(customerCount),
  };
  let count = 0;
  let firstAfterEnd = 0;
  let withPurchases = 0;

  for (let start = 0; start < length; ) {
    const who = customer[start]!;
    let stop = start;
    while (stop < length && customer[stop] === who) {
      if (stop > start && day[stop]! < day[stop - 1]!) throw new Error('rfmSummary: purchases must be ordered by customer, then time');
      stop++;
    }
    withPurchases++;
    const first = Math.floor(day[start]!);
    if (first > end) {
      firstAfterEnd++;
      start = stop;
      continue;
    }
    let occasions = 0;
    let last = first;
    let repeatTotal = 0;
    let spend = 0;
    let holdout = 0;
    let holdoutSpend = 0;
    for (let row = start; row < stop; ) {
      const occasion = Math.floor(day[row]!);
      let total = 0;
      while (row < stop && Math.floor(day[row]!) === occasion) total += amount[row++]!;
      if (occasion > end) {
        holdout++;
        holdoutSpend += total;
        continue;
      }
      if (occasions > 0) repeatTotal += total;
      occasions++;
      last = occasion;
      spend += total;
    }
    const x = occasions - 1;
    const mean = x > 0 ? repeatTotal / x : NaN;
    columns.customer[count] = who;
    columns.frequency[count] = x;
    columns.recency[count] = (last - first) / unitDays;
    columns.age[count] = (end - first) / unitDays;
    columns.meanRepeatValue[count] = mean > 0 ? mean : NaN;
    columns.firstDay[count] = first;
    columns.daysSinceLast[count] = end - last;
    columns.monetary[count] = spend;
    columns.holdoutFrequency[count] = holdout;
    columns.holdoutValue[count] = holdoutSpend;
    count++;
    start = stop;
  }

  const trimmed = Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, values.slice(0, count)])) as typeof columns;
  const purchases = new Float64Array(count);
  for (let index = 0; index < count; index++) purchases[index] = trimmed.frequency[index]! + 1;
  return {
    ...trimmed,
    count,
    timeUnitDays: unitDays,
    rfm: {
      recency: quintileScores(trimmed.daysSinceLast.map((days) => -days)),
      frequency: quintileScores(purchases),
      monetary: quintileScores(trimmed.monetary),
    },
    calibrationEnd: end,
    unit,
    firstAfterEnd,
    withoutPurchases: customerCount - withPurchases,
  };
}

/**
 * Scores 1–5 by quintile, higher values scoring higher. Equal values share a score, taken at their
 * mid-rank: a value's percentile is (values below + half the values equal) / n, and the score is
 * 1 + ⌊5 × percentile⌋. So when 60% of customers bought once, they all score the same (2), rather
 * than being split between scores by the order they were read in.
 */
export function quintileScores(values: Float64Array): Uint8Array {
  const sorted = values.slice().sort();
  const scores = new Uint8Array(values.length);
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    const below = lowerBound(sorted, value);
    const equal = lowerBound(sorted, value, true) - below;
    scores[index] = Math.min(5, 1 + Math.floor((5 * (below + equal / 2)) / values.length));
  }
  return scores;
}

/** The first index whose value is ≥ value (or > value with `after`). */
function lowerBound(sorted: Float64Array, value: number, after = false): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value || (after && sorted[middle] === value)) low = middle + 1;
    else high = middle;
  }
  return low;
}
