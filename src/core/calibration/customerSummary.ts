/**
 * What the BG/NBD and gamma-gamma fits read: one row per customer of frequency, recency and age
 * (the "RFM summary" of Fader, Hardie & Lee 2005), plus the mean value of the repeat purchases. It is
 * columnar (typed arrays) so a million customers cost 32 MB rather than a million objects.
 *
 * Times are in one unit of the caller's choosing, `timeUnitDays` days long (1: days, the default;
 * 7: weeks); every rate a fit returns is per that unit.
 */
import { message, type Message } from '../i18n';

export interface CustomerSummaries {
  /** Number of customers (the length of every column). */
  readonly count: number;
  /** Length of the time unit of recency and age, in days (1 = days, 7 = weeks). */
  readonly timeUnitDays: number;
  /** x: repeat purchases in the calibration period (purchase occasions after the first), whole numbers ≥ 0. */
  readonly frequency: Float64Array;
  /** t_x: time from the first purchase to the last repeat purchase (0 when x = 0), 0 ≤ t_x ≤ T. */
  readonly recency: Float64Array;
  /** T: time from the first purchase to the end of the calibration period, ≥ 0. */
  readonly age: Float64Array;
  /** m_x: mean value of the repeat purchases; NaN when x = 0 or when values are unknown. */
  readonly meanRepeatValue: Float64Array;
}

/** Bad summary data: `problem` says what and where, as a catalog message (both languages). */
export class CalibrationInputError extends Error {
  constructor(readonly problem: Message) {
    super(`${problem.key} ${JSON.stringify(problem.values ?? {})}`);
    this.name = 'CalibrationInputError';
  }
}

export interface CustomerSummaryColumns {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  age: ArrayLike<number>;
  /** Optional; missing means no order values are known (all NaN). */
  meanRepeatValue?: ArrayLike<number>;
  /** Days per time unit; 1 (days) when omitted. */
  timeUnitDays?: number;
}

const fail = (problem: Message): never => {
  throw new CalibrationInputError(problem);
};

/**
 * Summaries from plain arrays (copied), checked: the columns have one length, x is a whole number ≥ 0,
 * 0 ≤ t_x ≤ T with t_x = 0 when x = 0, and a known mean value is positive. A mean value given for a
 * customer with x = 0 is dropped (stored as NaN). Throws a CalibrationInputError naming the first bad
 * value and its customer (counted from 1).
 */
export function customerSummaries(columns: CustomerSummaryColumns): CustomerSummaries {
  const count = columns.frequency.length;
  const timeUnitDays = columns.timeUnitDays ?? 1;
  if (!(timeUnitDays > 0 && timeUnitDays < Infinity)) fail(message('core.calibration.input.timeUnit', { value: String(timeUnitDays) }));
  const lengths = { recency: columns.recency.length, age: columns.age.length, meanRepeatValue: columns.meanRepeatValue?.length ?? count };
  for (const [column, length] of Object.entries(lengths)) {
    if (length !== count) fail(message('core.calibration.input.lengthMismatch', { column, length, count }));
  }
  const summaries: CustomerSummaries = {
    count,
    timeUnitDays,
    frequency: Float64Array.from(columns.frequency),
    recency: Float64Array.from(columns.recency),
    age: Float64Array.from(columns.age),
    meanRepeatValue: columns.meanRepeatValue ? Float64Array.from(columns.meanRepeatValue) : new Float64Array(count).fill(NaN),
  };
  for (let i = 0; i < count; i++) if (summaries.frequency[i] === 0) summaries.meanRepeatValue[i] = NaN;
  assertCustomerSummaries(summaries);
  return summaries;
}

/** Checks summaries built by hand as `customerSummaries` checks its input; throws CalibrationInputError. */
export function assertCustomerSummaries(summaries: CustomerSummaries): void {
  const { count, frequency, recency, age, meanRepeatValue } = summaries;
  if (!(summaries.timeUnitDays > 0 && summaries.timeUnitDays < Infinity)) fail(message('core.calibration.input.timeUnit', { value: String(summaries.timeUnitDays) }));
  for (const [column, values] of Object.entries({ frequency, recency, age, meanRepeatValue })) {
    if (values.length !== count) fail(message('core.calibration.input.lengthMismatch', { column, length: values.length, count }));
  }
  for (let i = 0; i < count; i++) {
    const x = frequency[i]!;
    const tx = recency[i]!;
    const T = age[i]!;
    const m = meanRepeatValue[i]!;
    const customer = i + 1;
    if (!(x >= 0 && Number.isInteger(x))) fail(message('core.calibration.input.frequency', { customer, value: String(x) }));
    if (!(T >= 0 && T < Infinity)) fail(message('core.calibration.input.age', { customer, value: String(T) }));
    if (!(tx >= 0 && tx <= T) || (x === 0 && tx !== 0)) fail(message('core.calibration.input.recency', { customer, value: String(tx), age: T, frequency: x }));
    if (x > 0 && !Number.isNaN(m) && !(m > 0 && m < Infinity)) fail(message('core.calibration.input.meanRepeatValue', { customer, value: String(m) }));
  }
}

/** How many customers made at least one repeat purchase. */
export function repeatCustomerCount(summaries: CustomerSummaries): number {
  let repeat = 0;
  for (let i = 0; i < summaries.count; i++) if (summaries.frequency[i]! > 0) repeat++;
  return repeat;
}
