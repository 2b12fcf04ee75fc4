import { grouped, message, type Message, verbatim } from '../i18n';
import type { SimulationReport } from '../sim/engine/report';
import { metricValue } from './metrics';
import { figureOf, margin95, pairedDifference, type CheckSize, type Figure } from './power';
import type { Challenge, ChallengeCondition, ChallengeMetric } from './schema';

export { metricValue };

/**
 * Checking a challenge: the UI runs the step's journey (the baseline) and the learner's attempt on the
 * same cohort, users and seed (paired, as many users as power.ts says), and this compares the two
 * reports condition by condition, each with its difference and 95 % margin. Pure, so a test or the CLI
 * can check an attempt the same way.
 */

export const metricNames: Record<ChallengeMetric, Message> = {
  incrementalConversions: message('core.lessons.challenge.incrementalConversions'),
  incrementalRevenue: message('core.lessons.challenge.incrementalRevenue'),
  incrementalRoi: message('core.lessons.challenge.incrementalRoi'),
  conversionRate: message('core.lessons.challenge.conversionRate'),
  converted: message('core.lessons.challenge.conversions'),
  entered: message('core.lessons.challenge.usersEntered'),
  cac: message('core.lessons.challenge.cac'),
  cost: message('core.lessons.challenge.cost'),
  revenue: message('core.lessons.challenge.revenue'),
  roi: message('core.lessons.challenge.roi'),
  lift: message('core.lessons.challenge.liftOverTheHoldout'),
  unsubscribes: message('core.lessons.challenge.unsubscribes'),
  suppressed: message('core.lessons.challenge.touchesHeldBackByThe'),
  nodeUsers: message('core.lessons.challenge.nodeUsers'),
};

/** The difference between the two runs in the units a condition compares, with its 95 % margin. */
export interface ConditionSpread {
  difference: number;
  /** Null when a figure has no spread in the report (e.g. attributed revenue). */
  margin: number | null;
  /** A bound lies within the compared figure's 95 % range: the verdict could go either way on these users. */
  close: boolean;
}

export interface ConditionResult {
  condition: ChallengeCondition;
  met: boolean;
  /** The figures compared: totals per the lesson's users (see CheckOptions). */
  baseline: number | null;
  attempt: number | null;
  /** What was compared with the bounds: the attempt, its difference, or its relative change. */
  compared: number | null;
  spread: ConditionSpread | null;
  text: Message;
  /** "Difference … ± … (95 %)": null when a figure cannot be read. */
  uncertainty: Message | null;
}

export interface ChallengeResult {
  met: boolean;
  conditions: ConditionResult[];
  /** How the two runs were paired: their users and seed, and whether that is enough for 80 % power. */
  pairing: Message;
}

export interface CheckOptions {
  /** The users the lesson's bounds are written for: totals are compared per this many users. Left out, the runs' own. */
  lessonUsers?: number;
  /** The size power.ts chose for the runs, told in the verdict. */
  size?: CheckSize;
}

/** Relative change; from a zero baseline any rise is +∞ and no change is 0. */
function relativeChange(baseline: number, attempt: number): number {
  if (baseline === 0) return attempt === 0 ? 0 : attempt > 0 ? Infinity : -Infinity;
  return (attempt - baseline) / Math.abs(baseline);
}

/** The metrics that are proportions or ratios, written as percentages (ROI always is). */
export const ratesAsPercent: ReadonlySet<ChallengeMetric> = new Set(['conversionRate', 'lift', 'roi', 'incrementalRoi']);

function formatFigure(metric: ChallengeMetric, value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (ratesAsPercent.has(metric)) return `${(value * 100).toFixed(1)} %`;
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

const formatChange = (value: number) => (Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)} %` : value > 0 ? '+∞' : '−∞');

function boundText(condition: ChallengeCondition, baseline: number): { en: string; zh: string } {
  const { metric, change } = condition;
  const show = (bound: number | 'baseline') =>
    bound === 'baseline' ? formatFigure(metric, baseline) : change === 'relative' ? formatChange(bound) : change === 'absolute' ? `${bound >= 0 ? '+' : ''}${formatFigure(metric, bound)}` : formatFigure(metric, bound);
  const en: string[] = [];
  const zh: string[] = [];
  if (condition.atLeast !== undefined) {
    en.push(`at least ${show(condition.atLeast)}`);
    zh.push(`不低于 ${show(condition.atLeast)}`);
  }
  if (condition.atMost !== undefined) {
    en.push(`at most ${show(condition.atMost)}`);
    zh.push(`不高于 ${show(condition.atMost)}`);
  }
  return { en: en.join(' and '), zh: zh.join('且') };
}

const signed = (metric: ChallengeMetric, value: number) => `${value >= 0 ? '+' : ''}${formatFigure(metric, value)}`;

/** The numeric bounds of a condition, 'baseline' read as the baseline's figure. */
const boundValues = (condition: ChallengeCondition, baseline: number): number[] =>
  [condition.atLeast, condition.atMost].flatMap((bound) => (bound === undefined ? [] : [bound === 'baseline' ? baseline : bound]));

/**
 * The runs' difference in the units the condition compares, its margin, and whether a bound lies within
 * the compared figure's 95 % range. An attempt compared as itself ('none') has its own run's margin.
 */
function spreadOf(condition: ChallengeCondition, baseline: Figure, attempt: Figure, users: number, compared: number): ConditionSpread {
  const paired = pairedDifference(baseline, attempt, users);
  const relative = condition.change === 'relative';
  const scale = relative ? Math.abs(baseline.value) : 1;
  const margin = paired.standardError === null || (relative && scale === 0) ? null : margin95(paired.standardError) / scale;
  const difference = relative ? relativeChange(baseline.value, attempt.value) : paired.difference;
  const ownMargin = attempt.sigma === null || !(users > 0) ? null : margin95(attempt.sigma / Math.sqrt(users));
  const comparedMargin = condition.change === 'none' ? ownMargin : margin;
  const close = comparedMargin !== null && boundValues(condition, baseline.value).some((bound) => Math.abs(compared - bound) <= comparedMargin);
  return { difference, margin, close };
}

function uncertaintyText(condition: ChallengeCondition, spread: ConditionSpread): Message {
  const relative = condition.change === 'relative';
  const difference = relative ? formatChange(spread.difference) : signed(condition.metric, spread.difference);
  if (spread.margin === null) return message('core.lessons.challenge.differenceOnly', { difference });
  const margin = relative ? `${(spread.margin * 100).toFixed(1)} %` : formatFigure(condition.metric, spread.margin);
  return message('core.lessons.challenge.difference', { difference, margin, close: String(spread.close) });
}

export function checkCondition(condition: ChallengeCondition, baselineReport: SimulationReport, attemptReport: SimulationReport, options: CheckOptions = {}): ConditionResult {
  const baselineFigure = figureOf(baselineReport, condition.metric, condition.node, options.lessonUsers);
  const attemptFigure = figureOf(attemptReport, condition.metric, condition.node, options.lessonUsers);
  const name = metricNames[condition.metric];
  if (baselineFigure === null || attemptFigure === null)
    return {
      condition,
      met: false,
      baseline: baselineFigure?.value ?? null,
      attempt: attemptFigure?.value ?? null,
      compared: null,
      spread: null,
      text: message('core.lessons.challenge.theCannotBeReadFrom', { name }),
      uncertainty: null,
    };
  const baseline = baselineFigure.value;
  const attempt = attemptFigure.value;
  const compared = condition.change === 'relative' ? relativeChange(baseline, attempt) : condition.change === 'absolute' ? attempt - baseline : attempt;
  const bound = (value: number | 'baseline') => (value === 'baseline' ? baseline : value);
  const met = (condition.atLeast === undefined || compared >= bound(condition.atLeast)) && (condition.atMost === undefined || compared <= bound(condition.atMost));
  const wanted = boundText(condition, baseline);
  const measured =
    condition.change === 'none'
      ? formatFigure(condition.metric, attempt)
      : condition.change === 'relative'
        ? formatChange(compared)
        : signed(condition.metric, compared);
  const from = `${formatFigure(condition.metric, baseline)} → ${formatFigure(condition.metric, attempt)}`;
  const subject = condition.change === 'none' ? name : message('core.lessons.challenge.changeIn', { name });
  const text = message('core.lessons.challenge.result', { met: String(met), subject, measured, from, wanted: verbatim({ en: wanted.en, 'zh-CN': wanted.zh }) });
  const spread = spreadOf(condition, baselineFigure, attemptFigure, attemptReport.users, compared);
  return { condition, met, baseline, attempt, compared, spread, text, uncertainty: uncertaintyText(condition, spread) };
}

/** How the runs were paired, and whether they had the users 80 % power needs. */
function pairingText(baselineReport: SimulationReport, attemptReport: SimulationReport, size: CheckSize | undefined): Message {
  const same = baselineReport.users === attemptReport.users && baselineReport.seed === attemptReport.seed;
  const power = !size || size.needed === null ? 'unknown' : size.capped ? 'short' : 'enough';
  return message('core.lessons.challenge.paired', {
    same: String(same),
    users: grouped(attemptReport.users),
    seed: String(attemptReport.seed),
    power,
    needed: size?.needed === null || size?.needed === undefined ? '' : grouped(size.needed),
  });
}

/** Checks an attempt against every condition of a challenge; the challenge is met when all are. */
export function checkChallenge(challenge: Pick<Challenge, 'conditions'>, baselineReport: SimulationReport, attemptReport: SimulationReport, options: CheckOptions = {}): ChallengeResult {
  const conditions = challenge.conditions.map((condition) => checkCondition(condition, baselineReport, attemptReport, options));
  return { met: conditions.every((result) => result.met), conditions, pairing: pairingText(baselineReport, attemptReport, options.size) };
}
