import { localized, type Localized } from '../i18n';
import type { SimulationReport } from '../sim/engine/report';
import type { Challenge, ChallengeCondition, ChallengeMetric } from './schema';

/**
 * Checking a challenge: the UI runs the step's journey (the baseline) and the learner's attempt on the
 * same cohort, users and seed, and this compares the two reports condition by condition. Pure, so a
 * test or the CLI can check an attempt the same way.
 */

export const metricNames: Record<ChallengeMetric, Localized> = {
  conversionRate: localized('conversion rate', '转化率'),
  converted: localized('conversions', '转化人数'),
  entered: localized('users entered', '进入人数'),
  cac: localized('CAC', '获客成本（CAC）'),
  cost: localized('cost', '成本'),
  revenue: localized('revenue', '收入'),
  roi: localized('ROI', '投资回报率（ROI）'),
  lift: localized('lift over the holdout', '相对对照组的提升'),
  unsubscribes: localized('unsubscribes', '退订数'),
  suppressed: localized('touches held back by the frequency cap', '被频次上限拦下的触达'),
  nodeUsers: localized('users reaching the node', '到达该节点的用户数'),
};

/** A figure of a report, or null when the report has none (the lift of a journey without a holdout, an unknown node). */
export function metricValue(report: SimulationReport, metric: ChallengeMetric, node?: string): number | null {
  switch (metric) {
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
      return report.revenue;
    case 'roi':
      return report.roi.value;
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
  text: Localized;
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

const ratesAsPercent: ReadonlySet<ChallengeMetric> = new Set(['conversionRate', 'lift', 'roi']);

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
      text: localized(`The ${name.en} cannot be read from this run.`, `无法从本次模拟中读取${name['zh-CN']}。`),
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
  const subjectEn = condition.change === 'none' ? name.en : `change in ${name.en}`;
  const subjectZh = condition.change === 'none' ? name['zh-CN'] : `${name['zh-CN']}的变化`;
  const text = localized(
    `${met ? '✓' : '✗'} ${subjectEn} ${measured} (${from}); wanted ${wanted.en}.`,
    `${met ? '✓' : '✗'} ${subjectZh}：${measured}（${from}）；目标：${wanted.zh}。`,
  );
  return { condition, met, baseline, attempt, compared, text };
}

/** Checks an attempt against every condition of a challenge; the challenge is met when all are. */
export function checkChallenge(challenge: Pick<Challenge, 'conditions'>, baselineReport: SimulationReport, attemptReport: SimulationReport): ChallengeResult {
  const conditions = challenge.conditions.map((condition) => checkCondition(condition, baselineReport, attemptReport));
  return { met: conditions.every((result) => result.met), conditions };
}
