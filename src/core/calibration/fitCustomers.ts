/**
 * From a customer summary to what a fitted cohort and its report need: customers split into segments
 * (everyone, RFM tiers, or the values of a profile column), BG/NBD and gamma-gamma fitted per segment,
 * and the diagnostics of Fader, Hardie & Lee (2005) over all customers, each customer predicted by
 * their own segment's fit. A segment whose own data cannot support a fit borrows the fit of all
 * customers (`pooled-fit`); when not even that converges, the preset's numbers are kept (null fit).
 */
import type { BgNbdParams } from '../sim/math/bgnbd';
import { fitBgNbd, type BgNbdFit } from './bgnbdFit';
import { fitGammaGamma, type GammaGammaFit } from './gammaGammaFit';
import type { CustomerSummaries } from './customerSummary';
import type { FitWarning } from './fitResult';
import { aliveDistribution, conditionalExpectationByFrequency, frequencyHistogram, holdoutError, predictHoldoutPurchases, trackingExpectedPurchases, type AliveBin, type ConditionalExpectationGroup, type FrequencyBin, type HoldoutError } from './diagnostics';
import type { RfmSummary } from './rfmSummary';
import type { TransactionTable } from './import/transactions';
import { foldToKey, uniqueKey } from './keys';

export type SegmentBy = 'none' | 'rfm' | { column: string };

/** RFM tiers by the sum of a customer's three scores (3–15). */
export const rfmTiers = [
  { id: 'rfm_high', minimum: 12 },
  { id: 'rfm_middle', minimum: 8 },
  { id: 'rfm_low', minimum: 3 },
] as const;

/** A warning of the whole procedure, beyond the fits' own. */
export type SegmentWarning =
  | FitWarning
  | { code: 'pooled-fit'; values: { segment: string } }
  | { code: 'spend-depends-on-frequency'; values: { correlation: number } }
  | { code: 'no-finite-mean'; values: { q: number } };

export interface SegmentResult {
  id: string;
  /** The profile column's value, or the RFM tier's id; null for everyone. */
  value: string | null;
  customers: number;
  repeatCustomers: number;
  /** The fit used for the segment (its own, or all customers' when pooled); null when none converged. */
  bgnbd: BgNbdFit | null;
  pooled: boolean;
  gammaGamma: GammaGammaFit | null;
  /** What the purchase (BG/NBD) fit could not support, and whether it was pooled. */
  warnings: SegmentWarning[];
  /** What the order-value (gamma-gamma) fit could not support. */
  orderValueWarnings: SegmentWarning[];
  /** Percentages of the segment's customers with each RFM score 1–5, per dimension. */
  rfmShares: { recency: number[]; frequency: number[]; monetary: number[] };
  /** Indexes (into the summary) of the segment's customers. */
  members: Int32Array;
}

export interface TrackingPoint {
  /** Weeks since the first purchase in the data (the end of that week). */
  week: number;
  actual: number;
  expected: number;
}

export interface FitDiagnostics {
  /** Customers the diagnostics cover: those of the segments with a purchase fit (all, unless a segment kept the preset's numbers). */
  customers: number;
  histogram: FrequencyBin[];
  tracking: TrackingPoint[];
  /** Week (on the tracking axis) on which the calibration period ends. */
  calibrationEndWeek: number;
  conditional: ConditionalExpectationGroup[] | null;
  alive: AliveBin[];
  holdout: (HoldoutError & { days: number }) | null;
}

export interface CustomerFit {
  segments: SegmentResult[];
  diagnostics: FitDiagnostics | null;
}

/** |correlation| above this between frequency and mean spend makes the independence assumption doubtful. */
export const SPEND_CORRELATION_LIMIT = 0.3;

/** The summary's rows of the given customers, as summaries of their own. */
function subset(summary: CustomerSummaries, members: Int32Array): CustomerSummaries {
  const pick = (column: Float64Array) => Float64Array.from(members, (index) => column[index]!);
  return {
    count: members.length,
    timeUnitDays: summary.timeUnitDays,
    frequency: pick(summary.frequency),
    recency: pick(summary.recency),
    age: pick(summary.age),
    meanRepeatValue: pick(summary.meanRepeatValue),
  };
}

/**
 * A fit fit to simulate with: converged, with standard errors, on enough repeat customers, and with no
 * parameter run off to a bound (a = 2e11 with a standard error 1e5 times larger is not a measurement).
 */
const usable = (fit: BgNbdFit): boolean =>
  fit.converged &&
  fit.standardErrors !== null &&
  !fit.warnings.some((warning) => warning.code === 'too-few-repeat-customers' || (warning.code === 'parameter-at-bound' && warning.values.reason === 'bound'));

/** The segment of every customer in the summary, and the segments in a stable order. */
function assign(summary: RfmSummary, segmentBy: SegmentBy, valueOf: (customer: number) => string | null): { ids: string[]; values: (string | null)[]; of: Int32Array } {
  const of = new Int32Array(summary.count);
  if (segmentBy === 'none') return { ids: ['customers'], values: [null], of };
  if (segmentBy === 'rfm') {
    for (let i = 0; i < summary.count; i++) {
      const total = summary.rfm.recency[i]! + summary.rfm.frequency[i]! + summary.rfm.monetary[i]!;
      of[i] = rfmTiers.findIndex((tier) => total >= tier.minimum);
    }
    return { ids: rfmTiers.map((tier) => tier.id), values: rfmTiers.map((tier) => tier.id), of };
  }
  const index = new Map<string, number>();
  const values: (string | null)[] = [];
  for (let i = 0; i < summary.count; i++) {
    const value = valueOf(summary.customer[i]!);
    const key = value ?? '';
    let at = index.get(key);
    if (at === undefined) {
      at = values.length;
      index.set(key, at);
      values.push(value);
    }
    of[i] = at;
  }
  const taken = new Set<string>();
  const ids = values.map((value, at) => uniqueKey(segmentId(value, at), taken));
  return { ids, values, of };
}

/** A segment id from a column value: snake_case letters and digits, unique by position when nothing is left. */
function segmentId(value: string | null, at: number): string {
  if (value === null) return 'unknown';
  const cleaned = foldToKey(value, 40);
  return /^[a-z]/.test(cleaned) ? cleaned : `segment_${at + 1}${cleaned ? `_${cleaned}` : ''}`;
}

const percentages = (scores: Uint8Array, members: Int32Array): number[] => {
  const counts = [0, 0, 0, 0, 0];
  for (const index of members) counts[scores[index]! - 1]! += 1;
  return counts.map((count) => (members.length ? (100 * count) / members.length : 20));
};

export interface FitCustomersOptions {
  segmentBy: SegmentBy;
  /** For a column: the value of a customer (an index into the transaction table's customers). */
  segmentValueOf?: (customer: number) => string | null;
  /** The last day of the data: the holdout runs from the day after the calibration end to it. */
  lastDay: number;
}

export function fitCustomers(summary: RfmSummary, table: TransactionTable, options: FitCustomersOptions): CustomerFit {
  const { ids, values, of } = assign(summary, options.segmentBy, options.segmentValueOf ?? (() => null));
  const memberLists: number[][] = ids.map(() => []);
  for (let i = 0; i < summary.count; i++) memberLists[of[i]!]!.push(i);
  const everyone = ids.length === 1 ? null : fitBgNbd(summary);
  const segments = ids
    .map((id, at): SegmentResult => {
      const members = Int32Array.from(memberLists[at]!);
      const own = subset(summary, members);
      const warnings: SegmentWarning[] = [];
      let bgnbd: BgNbdFit | null = members.length > 0 ? fitBgNbd(own) : null;
      let pooled = false;
      if (bgnbd) for (const warning of bgnbd.warnings) warnings.push(warning);
      if (everyone && (!bgnbd || !usable(bgnbd)) && usable(everyone)) {
        bgnbd = everyone;
        pooled = true;
        warnings.push({ code: 'pooled-fit', values: { segment: id } });
      } else if (bgnbd && !usable(bgnbd)) bgnbd = null;
      let gammaGamma: GammaGammaFit | null = members.length > 0 ? fitGammaGamma(own) : null;
      const orderValueWarnings: SegmentWarning[] = [];
      if (gammaGamma) {
        for (const warning of gammaGamma.warnings) orderValueWarnings.push(warning);
        const { correlation } = gammaGamma.independenceCheck;
        if (Math.abs(correlation) > SPEND_CORRELATION_LIMIT) orderValueWarnings.push({ code: 'spend-depends-on-frequency', values: { correlation } });
        // A mean order value exists only for q > 1; a fit without it, or that did not converge, is not used.
        if (gammaGamma.converged && gammaGamma.customers > 0 && !(gammaGamma.params.q > 1)) orderValueWarnings.push({ code: 'no-finite-mean', values: { q: gammaGamma.params.q } });
        if (!gammaGamma.converged || !(gammaGamma.params.q > 1) || gammaGamma.customers === 0) gammaGamma = null;
      }
      return {
        id,
        value: values[at]!,
        customers: members.length,
        repeatCustomers: own.frequency.reduce((count, x) => count + (x > 0 ? 1 : 0), 0),
        bgnbd,
        pooled,
        gammaGamma,
        warnings,
        orderValueWarnings,
        rfmShares: { recency: percentages(summary.rfm.recency, members), frequency: percentages(summary.rfm.frequency, members), monetary: percentages(summary.rfm.monetary, members) },
        members,
      };
    })
    .filter((segment) => segment.customers > 0);
  return { segments, diagnostics: diagnose(summary, table, segments, options.lastDay) };
}

/** Every diagnostic over all customers, each predicted with their segment's parameters. */
function diagnose(summary: RfmSummary, table: TransactionTable, segments: readonly SegmentResult[], lastDay: number): FitDiagnostics | null {
  const fitted = segments.filter((segment): segment is SegmentResult & { bgnbd: BgNbdFit } => segment.bgnbd !== null);
  if (fitted.length === 0 || summary.count === 0) return null;
  const start = summary.firstDay.reduce((earliest, day) => Math.min(earliest, day), Infinity);
  const weeks = Math.max(1, Math.ceil((lastDay + 1 - start) / 7));
  const steps = Float64Array.from({ length: weeks }, (_, week) => 7 * (week + 1));
  const holdoutDays = lastDay - summary.calibrationEnd;
  const predicted = new Float64Array(summary.count);
  const histogram: FrequencyBin[] = [];
  const alive: AliveBin[] = [];
  const expected = new Float64Array(weeks);
  const counted = new Uint8Array(summary.count);
  for (const segment of fitted) {
    const params: BgNbdParams = segment.bgnbd.params;
    const own = subset(summary, segment.members);
    for (const index of segment.members) counted[index] = 1;
    addBins(histogram, frequencyHistogram(params, own), (bin) => bin.frequency, (into, bin) => ((into.actual += bin.actual), (into.expected += bin.expected)));
    addBins(alive, aliveDistribution(params, own), (bin) => bin.lower, (into, bin) => (into.customers += bin.customers));
    const firsts = Float64Array.from(segment.members, (index) => summary.firstDay[index]! - start);
    trackingExpectedPurchases(params, firsts, steps).forEach((value, week) => (expected[week]! += value));
    if (holdoutDays > 0) predictHoldoutPurchases(params, own, holdoutDays).forEach((value, at) => (predicted[segment.members[at]!] = value));
  }
  const actual = actualTracking(summary, table, counted, start, weeks);
  const tracking = Array.from(steps, (_, week) => ({ week: week + 1, actual: actual[week]!, expected: expected[week]! }));
  const included = Int32Array.from({ length: summary.count }, (_, index) => index).filter((index) => counted[index] === 1);
  const all = subset(summary, included);
  const predictedIncluded = Float64Array.from(included, (index) => predicted[index]!);
  const actualIncluded = Float64Array.from(included, (index) => summary.holdoutFrequency[index]!);
  return {
    customers: included.length,
    histogram,
    tracking,
    calibrationEndWeek: (summary.calibrationEnd + 1 - start) / 7,
    conditional: holdoutDays > 0 ? conditionalExpectationByFrequency(all, predictedIncluded, actualIncluded) : null,
    alive,
    holdout: holdoutDays > 0 ? { ...holdoutError(predictedIncluded, actualIncluded), days: holdoutDays } : null,
  };
}

function addBins<B>(into: B[], bins: readonly B[], keyOf: (bin: B) => number, add: (into: B, bin: B) => void): void {
  for (const bin of bins) {
    const known = into.find((existing) => keyOf(existing) === keyOf(bin));
    if (known) add(known, bin);
    else into.push({ ...bin });
  }
}

/**
 * Actual cumulative repeat purchase occasions by the end of each week, over the customers counted:
 * each customer's purchase days after their first, in calibration and holdout alike.
 */
function actualTracking(summary: RfmSummary, table: TransactionTable, counted: Uint8Array, start: number, weeks: number): Float64Array {
  const rowOfCustomer = new Int32Array(table.customers.length).fill(-1);
  for (let i = 0; i < summary.count; i++) if (counted[i]) rowOfCustomer[summary.customer[i]!] = i;
  const perWeek = new Float64Array(weeks);
  let previousCustomer = -1;
  let previousDay = NaN;
  for (let row = 0; row < table.length; row++) {
    const customer = table.customer[row]!;
    const day = Math.floor(table.day[row]!);
    const first = customer !== previousCustomer;
    const newOccasion = first || day !== previousDay;
    previousCustomer = customer;
    previousDay = day;
    if (first || !newOccasion || rowOfCustomer[customer]! < 0) continue;
    const week = Math.floor((day - start) / 7);
    if (week >= 0 && week < weeks) perWeek[week]! += 1;
  }
  for (let week = 1; week < weeks; week++) perWeek[week]! += perWeek[week - 1]!;
  return perWeek;
}
