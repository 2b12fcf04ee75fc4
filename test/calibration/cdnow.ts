/**
 * The CDNOW sample (../shared/data/CDNOW_sample.txt, see ../shared/data/README.md) as customer
 * summaries, for the tests that reproduce the published fits. Lines of one customer on one day are
 * one purchase occasion (their values added). Day 0 is 1997-01-01; the calibration period ends with
 * day 272 (1997-09-30) inclusive and the holdout runs through day 545 (1998-06-30).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { customerSummaries, type CustomerSummaries } from '../../src/core/calibration';

export const CALIBRATION_END_DAY = 272;
export const HOLDOUT_END_DAY = 545;
const FILE = fileURLToPath(new URL('../../../shared/data/CDNOW_sample.txt', import.meta.url));
const DAY_MS = 86_400_000;
const DAY_ZERO = Date.UTC(1997, 0, 1);

export interface CdnowData {
  /** Summaries with time in weeks (t_x and T in days / 7). */
  weeks: CustomerSummaries;
  /** The same with time in days. */
  days: CustomerSummaries;
  /** Repeat purchase occasions per customer in the holdout (days 273–545). */
  holdout: Float64Array;
  /** Day of each customer's first purchase. */
  firstPurchaseDay: Float64Array;
  /** Repeat purchase occasions of all customers per day 0–545 (first purchases not counted). */
  repeatPurchasesByDay: Float64Array;
}

function dayOf(date: string, line: number): number {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(date);
  if (!match) throw new Error(`CDNOW line ${line}: bad date ${date}`);
  return Math.round((Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - DAY_ZERO) / DAY_MS);
}

/** Reads and summarises the sample: per customer, the value spent on each purchase day. */
export function readCdnow(): CdnowData {
  const byCustomer = new Map<string, Map<number, number>>();
  readFileSync(FILE, 'utf8')
    .split(/\r?\n/)
    .forEach((text, index) => {
      const fields = text.trim().split(/\s+/);
      if (fields.length < 5) return;
      const [, customer, date, , value] = fields as [string, string, string, string, string];
      const days = byCustomer.get(customer) ?? new Map<number, number>();
      const day = dayOf(date, index + 1);
      days.set(day, (days.get(day) ?? 0) + Number(value));
      byCustomer.set(customer, days);
    });
  const frequency: number[] = [];
  const recencyDays: number[] = [];
  const ageDays: number[] = [];
  const meanRepeatValue: number[] = [];
  const holdout: number[] = [];
  const firsts: number[] = [];
  const repeatPurchasesByDay = new Float64Array(HOLDOUT_END_DAY + 1);
  for (const days of byCustomer.values()) {
    const sorted = [...days.keys()].sort((p, q) => p - q);
    const first = sorted[0]!;
    const repeats = sorted.slice(1);
    const calibration = repeats.filter((day) => day <= CALIBRATION_END_DAY);
    for (const day of repeats) if (day <= HOLDOUT_END_DAY) repeatPurchasesByDay[day]! += 1;
    frequency.push(calibration.length);
    recencyDays.push(calibration.length > 0 ? calibration[calibration.length - 1]! - first : 0);
    ageDays.push(CALIBRATION_END_DAY - first);
    meanRepeatValue.push(calibration.length > 0 ? calibration.reduce((sum, day) => sum + days.get(day)!, 0) / calibration.length : NaN);
    holdout.push(repeats.filter((day) => day > CALIBRATION_END_DAY && day <= HOLDOUT_END_DAY).length);
    firsts.push(first);
  }
  const inWeeks = (values: number[]): number[] => values.map((v) => v / 7);
  return {
    weeks: customerSummaries({ frequency, recency: inWeeks(recencyDays), age: inWeeks(ageDays), meanRepeatValue, timeUnitDays: 7 }),
    days: customerSummaries({ frequency, recency: recencyDays, age: ageDays, meanRepeatValue, timeUnitDays: 1 }),
    holdout: Float64Array.from(holdout),
    firstPurchaseDay: Float64Array.from(firsts),
    repeatPurchasesByDay,
  };
}
