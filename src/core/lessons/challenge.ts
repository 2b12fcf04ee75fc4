import { message, type Message , verbatim } from '../i18n';
import type { SimulationReport } from '../sim/engine/report';
import type { Challenge, ChallengeCondition, ChallengeMetric } from './schema';

/**
 * Checking a challenge: the UI runs the step's journey (the baseline) and the learner's attempt on the
 * same cohort, users and seed, and this compares the two reports condition by condition. Pure, so a
 * test or the CLI can check an attempt the same way.
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

/** A figure of a report, or null when the report has none (the lift of a journey without a holdout, an unknown node). */
export function metricValue(report: SimulationReport, metric: ChallengeMetric, node?: string): number | null {
  switch (metric) {
    case 'incrementalConversions':
      return report.incremental.conversions.value;
    case 'incrementalRevenue':
      return report.incremental.revenue.value;
    case 'incrementalRoi':
      return report.incremental.roi.value;
    case 'conversionRate':
      return report.conversionRate.value;
    case 'converted':
      return report.converted;
    case 'entered':
      return report.entered;
    case 'cac':
      return report.cac.value;
    case 'cost':
      return report.cost.total;
    case 'revenue':
      return report.attributedRevenue;
    case 'roi':
      return report.attributedRoi.value;
    case 'lift':
      return report.lift ? report.lift.difference.value : null;
    case 'unsubscribes':
      return Object.values(report.unsubscribes).reduce((sum, count) => sum + count, 0);
    case 'suppressed':
      return report.operations.suppressed;
    case 'nodeUsers':
      return report.nodes.find((candidate) => candidate.id === node)?.users ?? null;
  }
}

export interface ConditionResult {
  condition: ChallengeCondition;
  met: boolean;
  baseline: number | null;
  attempt: number | null;
  /** What was compared with the bounds: the attempt, its difference, or its relative change. */
  compared: number | null;
  text: Message;
}

export interface ChallengeResult {
  met: boolean;
  conditions: ConditionResult[];
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

export function checkCondition(condition: ChallengeCondition, baselineReport: SimulationReport, attemptReport: SimulationReport): ConditionResult {
  const baseline = metricValue(baselineReport, condition.metric, condition.node);
  const attempt = metricValue(attemptReport, condition.metric, condition.node);
  const name = metricNames[condition.metric];
  if (baseline === null || attempt === null)
    return {
      condition,
      met: false,
      baseline,
      attempt,
      compared: null,
      text: message('core.lessons.challenge.theCannotBeReadFrom', { name }),
    };
  const compared = condition.change === 'relative' ? relativeChange(baseline, attempt) : condition.change === 'absolute' ? attempt - baseline : attempt;
  const bound = (value: number | 'baseline') => (value === 'baseline' ? baseline : value);
  const met = (condition.atLeast === undefined || compared >= bound(condition.atLeast)) && (condition.atMost === undefined || compared <= bound(condition.atMost));
  const wanted = boundText(condition, baseline);
  const measured =
    condition.change === 'none'
      ? formatFigure(condition.metric, attempt)
      : condition.change === 'relative'
        ? formatChange(compared)
        : `${compared >= 0 ? '+' : ''}${formatFigure(condition.metric, compared)}`;
  const from = `${formatFigure(condition.metric, baseline)} → ${formatFigure(condition.metric, attempt)}`;
  const subject = condition.change === 'none' ? name : message('core.lessons.challenge.changeIn', { name });
  const text = message('core.lessons.challenge.result', { met: String(met), subject, measured, from, wanted: verbatim({ en: wanted.en, 'zh-CN': wanted.zh }) });
  return { condition, met, baseline, attempt, compared, text };
}

/** Checks an attempt against every condition of a challenge; the challenge is met when all are. */
export function checkChallenge(challenge: Pick<Challenge, 'conditions'>, baselineReport: SimulationReport, attemptReport: SimulationReport): ChallengeResult {
  const conditions = challenge.conditions.map((condition) => checkCondition(condition, baselineReport, attemptReport));
  return { met: conditions.every((result) => result.met), conditions };
}
