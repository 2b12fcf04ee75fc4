import { Z_80, Z_975 } from '../sim/math/sampleSize';
import type { SimulationReport } from '../sim/engine/report';
import { metricValue } from './metrics';
import type { Challenge, ChallengeCondition, ChallengeMetric } from './schema';

/**
 * How many users a challenge check runs, and how sure its verdict is (docs/lesson-format.md, "How sure
 * a check is").
 *
 * A check simulates the step's journey (the baseline) and the learner's (the attempt) on the same users
 * and seed: common random numbers, since both engines draw every random number from (seed, user, …), so
 * each user meets both journeys with the same attributes and the same luck. The difference of a figure
 * between the two runs then varies less than between independent runs, Var(a − b) = Var a + Var b −
 * 2 Cov(a, b) with Cov ≥ 0. The reports carry no per-user pairs, so the check uses Var a + Var b, the
 * unpaired variance: an upper bound, which makes the stated margin and the chosen users conservative.
 *
 * Users are chosen for 80 % power at α = 5 % (two-sided) against a difference the size of the
 * challenge's threshold δ, from the baseline run's per-user spread σ_b and the spread σ_t the attempt
 * would have at the threshold (known for shares of users; otherwise σ_b again):
 *   n = (z_{α/2} + z_β)² · (σ_b² + σ_t²) / δ²     (a proportion: σ² = p(1 − p); σ_t = σ_b gives 2p(1 − p)).
 * A bound written for the lesson's users keeps its meaning at any n: a total (conversions, cost…) from n
 * users is compared per the lesson's users, i.e. scaled by lessonUsers / n. Pure: no clock, no randomness.
 */

/** The most users a check runs, the most a lesson itself may ask for: two or three runs stay within seconds. */
export const MAX_CHECK_USERS = 100_000;

const Z_SUM = Z_975 + Z_80;

/** Users per run for 80 % power at α = 5 % against a difference `delta` of a figure with per-user SD `sigma`; null when none suffices. */
export function usersForPower(sigma: number, delta: number): number | null {
  if (!(Number.isFinite(sigma) && sigma >= 0) || !(Number.isFinite(delta) && delta > 0)) return null;
  return Math.max(2, Math.ceil((Z_SUM * Z_SUM * 2 * sigma * sigma) / (delta * delta)));
}

/** The closed form for a proportion p: n = (z_{α/2} + z_β)² · 2p(1 − p) / δ². */
export const proportionUsersForPower = (p: number, delta: number): number | null => usersForPower(Math.sqrt(Math.max(0, p * (1 - p))), delta);

/** Figures that add up over users (counts and money): compared per the lesson's users. The others are rates and ratios. */
const totals: ReadonlySet<ChallengeMetric> = new Set(['incrementalConversions', 'incrementalRevenue', 'converted', 'entered', 'cost', 'revenue', 'unsubscribes', 'suppressed', 'nodeUsers']);

/**
 * A figure of a run as a check compares it: per `perUsers` users when it is a total, and `sigma`, its
 * standard deviation per user, so the figure from n users has the standard error sigma ÷ √n (null when
 * the report gives no spread for it, e.g. attributed revenue, or a ratio with one replication).
 */
export interface Figure {
  value: number;
  sigma: number | null;
  /** For a share of users (or a count of events), the sigma the same figure would have at another value. */
  sigmaAt?(value: number): number;
}

const standardErrorOf = (interval: { low: number; high: number } | null): number | null => (interval ? (interval.high - interval.low) / (2 * Z_975) : null);

/** A share of users, as a proportion for its Bernoulli variance. */
const bernoulli = (count: number, users: number) => {
  const p = Math.min(1, Math.max(0, count / users));
  return p * (1 - p);
};

/** The per-user variance of a total, from what the report holds of it. */
function totalVariance(report: SimulationReport, metric: ChallengeMetric, total: number, users: number): number | null {
  switch (metric) {
    case 'converted':
    case 'entered':
    case 'nodeUsers':
      return bernoulli(total, users);
    case 'unsubscribes':
      // A user may opt out of several channels: one Bernoulli per channel, taken as independent.
      return Object.values(report.unsubscribes).reduce((sum, count) => sum + bernoulli(count, users), 0);
    case 'suppressed':
      // Touches held back, possibly several per user: a Poisson count, its variance its mean.
      return total / users;
    case 'incrementalConversions':
    case 'incrementalRevenue':
    case 'cost': {
      // The report's paired interval of each total (journey vs twin; the journey's cost is all incremental).
      const estimate = metric === 'incrementalConversions' ? report.incremental.conversions : metric === 'incrementalRevenue' ? report.incremental.revenue : report.incremental.cost;
      const error = standardErrorOf(estimate.interval);
      return error === null ? null : (error * error) / users;
    }
    default:
      return null;
  }
}

/** The standard error of a rate or ratio as reported. */
function rateError(report: SimulationReport, metric: ChallengeMetric): number | null {
  switch (metric) {
    case 'conversionRate': {
      const p = report.conversionRate.value;
      return report.entered > 0 ? Math.sqrt(Math.max(0, p * (1 - p)) / report.entered) : null;
    }
    case 'lift':
      return report.lift ? standardErrorOf(report.lift.difference.interval) : null;
    case 'incrementalRoi':
      return standardErrorOf(report.incremental.roi.interval);
    case 'roi':
      return standardErrorOf(report.attributedRoi.interval);
    case 'cac':
      return standardErrorOf(report.cac.interval);
    default:
      return null;
  }
}

/** How a share's or a count's spread follows from its value (per `per` users), where it does. */
function spreadRule(report: SimulationReport, metric: ChallengeMetric, per: number): ((value: number) => number) | undefined {
  switch (metric) {
    case 'converted':
    case 'entered':
    case 'nodeUsers':
      return (value) => per * Math.sqrt(bernoulli(value, per));
    case 'suppressed':
      return (value) => Math.sqrt(per * Math.max(0, value));
    case 'conversionRate':
      // Users converting out of those entering: a proportion over the entered share of the users.
      return report.entered > 0 ? (value) => Math.sqrt((Math.max(0, value * (1 - value)) * report.users) / report.entered) : undefined;
    default:
      return undefined;
  }
}

/**
 * A figure of a report as a check compares it: totals per `perUsers` users (the lesson's; left out, the
 * run's own), with its per-user spread. Null when the report has no such figure (see metricValue).
 */
export function figureOf(report: SimulationReport, metric: ChallengeMetric, node: string | undefined, perUsers?: number): Figure | null {
  const raw = metricValue(report, metric, node);
  if (raw === null) return null;
  const users = report.users;
  if (!(users > 0)) return { value: raw, sigma: null };
  const per = perUsers ?? users;
  const sigmaAt = spreadRule(report, metric, per);
  if (totals.has(metric)) {
    const variance = totalVariance(report, metric, raw, users);
    return { value: (raw * per) / users, sigma: variance === null ? null : per * Math.sqrt(variance), ...(sigmaAt ? { sigmaAt } : {}) };
  }
  const error = rateError(report, metric);
  return { value: raw, sigma: error === null ? null : error * Math.sqrt(users), ...(sigmaAt ? { sigmaAt } : {}) };
}

/** The difference a condition turns on, and the value the attempt's figure would have there. */
export interface Threshold {
  /** How far the nearest bound is from the baseline, in the figure's units (> 0). */
  delta: number;
  /** The attempt's figure at that bound. */
  at: number;
}

/**
 * The smallest difference of a figure a condition turns on: its nearest bound's distance from the
 * baseline (a relative bound times the baseline). Null when every bound is the baseline itself (no
 * difference is too small to matter there: no sample size detects it).
 */
export function thresholdOf(condition: ChallengeCondition, baseline: number): Threshold | null {
  let nearest: Threshold | null = null;
  for (const bound of [condition.atLeast, condition.atMost]) {
    if (bound === undefined || bound === 'baseline') continue;
    const at = condition.change === 'relative' ? baseline + bound * Math.abs(baseline) : condition.change === 'absolute' ? baseline + bound : bound;
    const delta = Math.abs(at - baseline);
    if (delta > 0 && Number.isFinite(delta) && (nearest === null || delta < nearest.delta)) nearest = { delta, at };
  }
  return nearest;
}

/**
 * Users per run for 80 % power against the condition's threshold: the baseline's spread, and the
 * spread the attempt would have at the threshold where it follows from the value (a share of users:
 * n = (z_{α/2} + z_β)² · (p_b(1 − p_b) + p_t(1 − p_t)) / δ²), else the baseline's again (2σ²).
 */
export function usersForCondition(condition: ChallengeCondition, baseline: Figure): number | null {
  if (baseline.sigma === null) return null;
  const threshold = thresholdOf(condition, baseline.value);
  if (!threshold) return null;
  const attemptSigma = baseline.sigmaAt ? baseline.sigmaAt(threshold.at) : baseline.sigma;
  const pooled = Math.sqrt((baseline.sigma * baseline.sigma + attemptSigma * attemptSigma) / 2);
  return usersForPower(pooled, threshold.delta);
}

export interface CheckSize {
  /** Users each of the two runs simulates: at least the lesson's, at most MAX_CHECK_USERS. */
  users: number;
  /** Users 80 % power at the challenge's thresholds needs (the largest over its conditions); null when no condition says. */
  needed: number | null;
  /** `needed` is more than the check runs. */
  capped: boolean;
}

/** How many users a check of this challenge runs, from a baseline run at the lesson's users. */
export function checkSize(challenge: Pick<Challenge, 'conditions'>, baseline: SimulationReport, lessonUsers: number, cap: number = MAX_CHECK_USERS): CheckSize {
  let needed: number | null = null;
  for (const condition of challenge.conditions) {
    const figure = figureOf(baseline, condition.metric, condition.node, lessonUsers);
    const users = figure && usersForCondition(condition, figure);
    if (users !== null && users !== undefined) needed = Math.max(needed ?? 0, users);
  }
  const most = Math.max(cap, lessonUsers);
  return { users: Math.min(most, Math.max(lessonUsers, needed ?? 0)), needed, capped: needed !== null && needed > most };
}

export interface PairedDifference {
  /** Attempt minus baseline, in the figure's units. */
  difference: number;
  /** Its standard error (unpaired variance: an upper bound for paired runs); null when a figure has no spread. */
  standardError: number | null;
}

/** The difference between two figures from runs on the same `users` users and seed. */
export function pairedDifference(baseline: Figure, attempt: Figure, users: number): PairedDifference {
  const difference = attempt.value - baseline.value;
  if (baseline.sigma === null || attempt.sigma === null || !(users > 0)) return { difference, standardError: null };
  return { difference, standardError: Math.sqrt(baseline.sigma * baseline.sigma + attempt.sigma * attempt.sigma) / Math.sqrt(users) };
}

/** Half the width of the 95 % interval around an estimate with this standard error. */
export const margin95 = (standardError: number): number => Z_975 * standardError;

/** The difference is told from none at α = 5 % (two-sided): its 95 % interval leaves out 0. */
export const isDetected = (paired: PairedDifference): boolean => paired.standardError !== null && Math.abs(paired.difference) > margin95(paired.standardError);
