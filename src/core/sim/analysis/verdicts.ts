import type { GoalMetric, GoalSpec } from '../../journey/goals';
import { newcombe, wilson, REPORT_VERSION, type ArmReport, type Estimate, type SimulationReport } from '../engine/report';
import { usersPerArm, Z_975 } from '../math/sampleSize';

/**
 * Deciding from a simulation report (pure, deterministic): comparing the arms of a split with
 * differences, 95 % intervals and a verdict, and checking SMART goals against the forecast with the
 * probability of meeting them.
 *
 * Comparisons. In each split, every arm is compared with the split's holdout when it has one, otherwise
 * with its first arm. The difference in conversion rate (arm − baseline) gets Newcombe's hybrid score
 * interval with one replication (from the users simulated); with R ≥ 2 replications the report only
 * holds each arm's t interval over the replications, so the difference gets a normal-approximation
 * interval whose half-width is √(h₁² + h₂²) from the two arms' half-widths (`method: 'combined'`).
 * The verdict is 'better' when the interval lies above 0, 'worse' when below, and otherwise 'not
 * distinguishable', with the users per arm a two-sided 5 % test of two proportions would need to detect
 * the observed difference with 80 % power.
 */

export { usersPerArm, Z_975, Z_80 } from '../math/sampleSize';

export interface DifferenceInterval {
  low: number;
  high: number;
  /** 'newcombe': Newcombe's hybrid score interval (one replication); 'combined': normal approximation from the two arms' t intervals (R ≥ 2). */
  method: 'newcombe' | 'combined';
}

export type Verdict = 'better' | 'worse' | 'not distinguishable';

export interface ArmComparison {
  split: string;
  /** The arm compared. */
  arm: ArmReport;
  /** What it is compared with: the split's holdout, or its first arm. */
  baseline: ArmReport;
  against: 'holdout' | 'first';
  /** Conversion rate of the arm − the baseline's (a proportion: 0.021 = 2.1 points). */
  difference: number;
  interval: DifferenceInterval | null;
  /** Attributed revenue per assigned user (bought after assignment while in the journey): the arm's, the baseline's and their difference (yuan). */
  revenuePerUser: { arm: number; baseline: number; difference: number };
  /** Incremental revenue per assigned user (over the twins, whole horizon): the arm's, the baseline's and their difference (yuan). */
  incrementalRevenuePerUser: { arm: number; baseline: number; difference: number };
  verdict: Verdict;
  /** When not distinguishable: users per arm needed to detect the observed difference (80 % power, 5 % two-sided); null when the difference is 0 or the verdict is decided. */
  usersNeeded: number | null;
}

export interface SplitComparison {
  split: string;
  arms: ArmReport[];
  comparisons: ArmComparison[];
}

const perUser = (amount: number, users: number) => (users > 0 ? amount / users : 0);
const halfWidth = (estimate: Estimate) => (estimate.interval ? (estimate.interval.high - estimate.interval.low) / 2 : null);

/** The verdict an interval of a difference gives. */
export function verdictOf(interval: DifferenceInterval | null): Verdict {
  if (interval && interval.low > 0) return 'better';
  if (interval && interval.high < 0) return 'worse';
  return 'not distinguishable';
}

function differenceInterval(arm: ArmReport, baseline: ArmReport, replications: number): DifferenceInterval | null {
  if (replications >= 2) {
    const a = halfWidth(arm.conversionRate);
    const b = halfWidth(baseline.conversionRate);
    if (a === null || b === null) return null;
    const difference = arm.conversionRate.value - baseline.conversionRate.value;
    const half = Math.sqrt(a * a + b * b);
    return { low: difference - half, high: difference + half, method: 'combined' };
  }
  const interval = newcombe(arm.converted, arm.assigned, baseline.converted, baseline.assigned);
  return interval && { low: interval.low, high: interval.high, method: 'newcombe' };
}

/**
 * Whether a report is of an older format than this build writes (a run or scenario stored in the browser
 * before the format changed): it lacks figures the analysis reads, so it is shown marked stale ("run
 * again to compare"), never analysed as if current. Takes anything read back from storage.
 */
export function isStaleReport(report: unknown): boolean {
  return typeof report !== 'object' || report === null || (report as { version?: unknown }).version !== REPORT_VERSION;
}

/** Every split's arms, and each arm compared with the holdout (or, without one, the first arm). A stale report (isStaleReport) has none. */
export function compareArms(report: SimulationReport): SplitComparison[] {
  if (isStaleReport(report)) return [];
  const splits = new Map<string, ArmReport[]>();
  for (const arm of report.arms) {
    const arms = splits.get(arm.split);
    if (arms) arms.push(arm);
    else splits.set(arm.split, [arm]);
  }
  return [...splits].map(([split, arms]) => {
    const holdout = arms.find((arm) => arm.holdout);
    const baseline = holdout ?? arms[0]!;
    const comparisons = arms
      .filter((arm) => arm !== baseline)
      .map((arm): ArmComparison => {
        const interval = differenceInterval(arm, baseline, report.replications);
        const verdict = verdictOf(interval);
        const armRevenue = perUser(arm.attributedRevenue, arm.assigned);
        const baselineRevenue = perUser(baseline.attributedRevenue, baseline.assigned);
        const armIncrement = perUser(arm.incremental.revenue.value, arm.assigned);
        const baselineIncrement = perUser(baseline.incremental.revenue.value, baseline.assigned);
        return {
          split,
          arm,
          baseline,
          against: holdout ? 'holdout' : 'first',
          difference: arm.conversionRate.value - baseline.conversionRate.value,
          interval,
          revenuePerUser: { arm: armRevenue, baseline: baselineRevenue, difference: armRevenue - baselineRevenue },
          incrementalRevenuePerUser: { arm: armIncrement, baseline: baselineIncrement, difference: armIncrement - baselineIncrement },
          verdict,
          usersNeeded: verdict === 'not distinguishable' ? usersPerArm(baseline.conversionRate.value, arm.conversionRate.value) : null,
        };
      });
    return { split, arms, comparisons };
  });
}

// ---------------------------------------------------------------------------------------------------
// SMART goals

// The goal spec is part of the journey document (src/core/journey/goals.ts); verdicts.ts evaluates it.
export { goalMetrics, goalSchema, goalsSchema, goalUnits, MAX_GOALS, type GoalMetric, type GoalSpec, type GoalUnit } from '../../journey/goals';

/** Metrics the report has day by day, so a goal on them can be checked on a window shorter than the horizon. */
export const metricsByDay: readonly GoalMetric[] = ['incrementalConversions', 'incrementalRevenue', 'conversionRate', 'revenue'];
type DayMetric = 'incrementalConversions' | 'incrementalRevenue' | 'conversionRate' | 'revenue';
const isDayMetric = (metric: GoalMetric): metric is DayMetric => metricsByDay.includes(metric);

export interface GoalEvaluation {
  /** Whether the forecast (the point estimate) meets the target; false when the metric is unavailable. */
  met: boolean;
  /** The forecast figure; null when the report has none (see `unavailable`). */
  value: number | null;
  /** The figure's 95 % interval, when the report has one. */
  interval: { low: number; high: number } | null;
  /** Probability of meeting the target (see `evaluateGoal`); null when the metric is unavailable. */
  probability: number | null;
  /**
   * What the figure covers: 'horizon' (the goal gives no days, or as many as the horizon), 'window'
   * (the goal's first `withinDays` days, fewer than the horizon: counted from the report's day
   * series) or 'longer' (the goal allows more days than the forecast covers: the figure stops at the
   * horizon).
   */
  window: 'horizon' | 'window' | 'longer';
  /**
   * Why there is no figure: 'no-holdout' (lift without a holdout in the journey), 'horizon-only' (a
   * metric the report only forecasts over the whole horizon — lift, ROI, CAC — asked of fewer days),
   * 'no-increment' (cost per incremental conversion of a journey that adds no conversions), 'stale' (a
   * report of an older format, kept from before: it lacks the figure; run again).
   */
  unavailable: 'no-holdout' | 'horizon-only' | 'no-increment' | 'stale' | null;
}

/**
 * The figure a goal is on, over the horizon. The incremental ones come from `report.incremental` (what
 * the journey adds over the users' twins) with their paired intervals; 'revenue' and 'roi' are the
 * attributed figures (see goalMetrics).
 */
function goalEstimate(metric: GoalMetric, report: SimulationReport): Estimate | null {
  switch (metric) {
    case 'incrementalConversions':
      return report.incremental.conversions;
    case 'incrementalRevenue':
      return report.incremental.revenue;
    case 'incrementalRoi':
      return report.incremental.roi;
    case 'costPerIncrementalConversion':
      return report.incremental.costPerConversion;
    case 'conversionRate':
      return report.conversionRate;
    case 'liftVsHoldout':
      return report.lift ? report.lift.difference : null;
    case 'revenue':
      return { value: report.attributedRevenue, interval: null };
    case 'roi':
      return report.attributedRoi;
    case 'cac':
      return report.cac;
  }
}

const sumOfFirst = (series: readonly number[], days: number) => series.slice(0, days).reduce((sum, value) => sum + value, 0);

/**
 * A day-series metric over the first `days` days after launch. The conversion rate is the users who
 * converted in those days ÷ every user who entered during the run — users entering after the window
 * count in the denominator, so for journeys with late entries the windowed rate understates. Its
 * interval is Wilson's on those counts; with R ≥ 2 replications the report keeps only the mean day
 * series, not each replication's, so the interval pools the replications' users as one sample (R × the
 * mean counts) instead of a t interval over replications. Attributed revenue has no interval, as over
 * the horizon. Incremental conversions and revenue are summed from `report.incremental.byDay` (what the
 * journey added on each of those days over the twins): the report keeps no per-user differences by day,
 * so a window has no interval for them (the probability is then 1 or 0 by the comparison alone).
 */
function windowEstimate(metric: DayMetric, report: SimulationReport, days: number): Estimate {
  if (metric === 'revenue') return { value: sumOfFirst(report.revenueByDay, days), interval: null };
  if (metric === 'incrementalRevenue') return { value: sumOfFirst(report.incremental.byDay.revenue, days), interval: null };
  if (metric === 'incrementalConversions') return { value: sumOfFirst(report.incremental.byDay.conversions, days), interval: null };
  const converted = sumOfFirst(report.conversionsByDay, days);
  const value = report.entered > 0 ? converted / report.entered : 0;
  const R = Math.max(1, report.replications);
  return { value, interval: wilson(converted * R, report.entered * R) };
}

/** Φ, the standard normal CDF, from the complementary error function (Numerical Recipes' erfcc Chebyshev fit: fractional error < 1.2e-7 everywhere). */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/**
 * A goal against the forecast. `met` compares the point estimate with the target. The probability of
 * meeting it is a normal approximation around the estimate: sd = (interval's half-width) / 1.96, and
 * P(X ≥ target) = 1 − Φ((target − value) / sd) (or Φ(…) for ≤). When the figure has no interval (one
 * replication for money ratios, revenue always) there is no spread to speak of, and the probability is
 * 1 or 0 by the comparison alone — the caller should say so. A goal with fewer days than the horizon is
 * checked on its window for the metrics the report has day by day (`metricsByDay`); the others have no
 * figure for it (`unavailable: 'horizon-only'`). A goal with more days than the horizon is checked on
 * the whole horizon (`window: 'longer'`), which the caller should point out.
 */
export function evaluateGoal(goal: GoalSpec, report: SimulationReport): GoalEvaluation {
  const days = goal.withinDays;
  const window = days === undefined || days === report.horizonDays ? 'horizon' : days < report.horizonDays ? 'window' : 'longer';
  const none = (unavailable: GoalEvaluation['unavailable']): GoalEvaluation => ({ met: false, value: null, interval: null, probability: null, window, unavailable });
  if (isStaleReport(report)) return none('stale');
  let estimate: Estimate | null;
  if (window === 'window') {
    if (!isDayMetric(goal.metric)) return none('horizon-only');
    estimate = windowEstimate(goal.metric, report, days!);
  } else {
    estimate = goalEstimate(goal.metric, report);
  }
  if (!estimate) return none(goal.metric === 'costPerIncrementalConversion' ? 'no-increment' : 'no-holdout');
  const { value } = estimate;
  const met = goal.comparison === '>=' ? value >= goal.target : value <= goal.target;
  const half = halfWidth(estimate);
  const interval = estimate.interval && { low: estimate.interval.low, high: estimate.interval.high };
  // Cost per incremental conversion has no interval exactly when the conversions' interval reaches 0,
  // where the figure is least certain: no probability then, rather than a certain-looking 1 or 0.
  if (!interval && goal.metric === 'costPerIncrementalConversion') return { met, value, interval, probability: null, window, unavailable: null };
  if (half === null || !(half > 0)) return { met, value, interval, probability: met ? 1 : 0, window, unavailable: null };
  const below = normalCdf((goal.target - value) / (half / Z_975));
  return { met, value, interval, probability: goal.comparison === '>=' ? 1 - below : below, window, unavailable: null };
}
