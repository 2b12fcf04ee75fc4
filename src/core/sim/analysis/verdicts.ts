import type { GoalMetric, GoalSpec } from '../../journey/goals';
import { newcombe, wilson, type ArmReport, type Estimate, type SimulationReport } from '../engine/report';

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

/** z for a two-sided 5 % test (the 97.5 % quantile of the standard normal). */
export const Z_975 = 1.959963984540054;
/** z for 80 % power (the 80 % quantile of the standard normal). */
export const Z_80 = 0.8416212335729143;

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
  /** Revenue per assigned user: the arm's, the baseline's and their difference (yuan). */
  revenuePerUser: { arm: number; baseline: number; difference: number };
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

/**
 * Users per arm for a two-sided test at level α = 5 % with power 80 % to detect p1 vs p2:
 * n = (z_{α/2}·√(2p̄(1−p̄)) + z_β·√(p1(1−p1) + p2(1−p2)))² / (p1 − p2)², p̄ = (p1 + p2)/2, rounded up.
 * Null when p1 = p2 (no finite cohort detects no difference).
 */
export function usersPerArm(p1: number, p2: number): number | null {
  if (!(Number.isFinite(p1) && Number.isFinite(p2)) || p1 === p2) return null;
  const pBar = (p1 + p2) / 2;
  const top = Z_975 * Math.sqrt(2 * pBar * (1 - pBar)) + Z_80 * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil((top * top) / ((p1 - p2) * (p1 - p2)));
}

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

/** Every split's arms, and each arm compared with the holdout (or, without one, the first arm). */
export function compareArms(report: SimulationReport): SplitComparison[] {
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
        const armRevenue = perUser(arm.revenue, arm.assigned);
        const baselineRevenue = perUser(baseline.revenue, baseline.assigned);
        return {
          split,
          arm,
          baseline,
          against: holdout ? 'holdout' : 'first',
          difference: arm.conversionRate.value - baseline.conversionRate.value,
          interval,
          revenuePerUser: { arm: armRevenue, baseline: baselineRevenue, difference: armRevenue - baselineRevenue },
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
export { goalMetrics, goalSchema, goalsSchema, MAX_GOALS, type GoalMetric, type GoalSpec } from '../../journey/goals';

/** Metrics the report has day by day, so a goal on them can be checked on a window shorter than the horizon. */
export const metricsByDay: readonly GoalMetric[] = ['conversionRate', 'revenue'];

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
   * metric the report only forecasts over the whole horizon — lift, ROI, CAC — asked of fewer days).
   */
  unavailable: 'no-holdout' | 'horizon-only' | null;
}

function goalEstimate(metric: GoalMetric, report: SimulationReport): Estimate | null {
  switch (metric) {
    case 'conversionRate':
      return report.conversionRate;
    case 'liftVsHoldout':
      return report.lift ? report.lift.difference : null;
    case 'revenue':
      return { value: report.revenue, interval: null };
    case 'roi':
      return report.roi;
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
 * mean counts) instead of a t interval over replications. Revenue has no interval, as over the horizon.
 */
function windowEstimate(metric: 'conversionRate' | 'revenue', report: SimulationReport, days: number): Estimate {
  if (metric === 'revenue') return { value: sumOfFirst(report.revenueByDay, days), interval: null };
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
  let estimate: Estimate | null;
  if (window === 'window') {
    if (!metricsByDay.includes(goal.metric)) return none('horizon-only');
    estimate = windowEstimate(goal.metric as 'conversionRate' | 'revenue', report, days!);
  } else {
    estimate = goalEstimate(goal.metric, report);
  }
  if (!estimate) return none('no-holdout');
  const { value } = estimate;
  const met = goal.comparison === '>=' ? value >= goal.target : value <= goal.target;
  const half = halfWidth(estimate);
  const interval = estimate.interval && { low: estimate.interval.low, high: estimate.interval.high };
  if (half === null || !(half > 0)) return { met, value, interval, probability: met ? 1 : 0, window, unavailable: null };
  const below = normalCdf((goal.target - value) / (half / Z_975));
  return { met, value, interval, probability: goal.comparison === '>=' ? 1 - below : below, window, unavailable: null };
}
