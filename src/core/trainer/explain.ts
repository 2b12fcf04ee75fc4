import { joinedMessages, message, type Message } from '../i18n';
import type { Condition, ConditionFacts } from '../journey/condition';
import { leafOf } from '../journey/conditions';
import type { ConditionVerdict } from '../journey/conditions/words';
import { MS } from '../journey/duration';
import type { CohortSpec } from '../cohort/schema';

export { attributeName, formatNumber, formatValue, segmentName, type ConditionVerdict } from '../journey/conditions/words';

/**
 * Why a condition held or not for one user at one moment, with the values it read: "coupon_order_share
 * is 0.62 (needs ≥ 0.5)". Evaluates exactly as evaluateCondition does, so the verdict it explains is the
 * one the engines took; each leaf explains itself (journey/conditions/).
 */

export function explainCondition(condition: Condition, facts: ConditionFacts, cohort: CohortSpec): ConditionVerdict {
  if ('all' in condition || 'any' in condition) {
    const every = 'all' in condition;
    const parts = (every ? condition.all : condition.any).map((part) => explainCondition(part, facts, cohort));
    const matched = every ? parts.every((part) => part.matched) : parts.some((part) => part.matched);
    if (parts.length === 0) return { matched, text: every ? message('core.trainer.explain.alwaysTrue') : message('core.trainer.explain.neverTrue') };
    return {
      matched,
      text: joinedMessages(parts.map((part) => part.text), every ? 'and' : 'or'),
    };
  }
  if ('not' in condition) {
    const inner = explainCondition(condition.not, facts, cohort);
    return { matched: !inner.matched, text: message('core.trainer.explain.not', { text: inner.text }) };
  }
  return leafOf(condition).explain(condition, facts, cohort);
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A moment of the run as people say it: "Day 3, 14:05". Day 0 is launch day, as in the dashboard's day
 * series, the CLI's trace ("d3 14:05") and the playback bar, so a story step and the bar agree.
 */
export function timeText(at: number): Message {
  const day = Math.floor(at / MS.day);
  const clock = `${pad(Math.floor((at % MS.day) / MS.hour))}:${pad(Math.floor((at % MS.hour) / MS.minute))}`;
  return message('core.trainer.explain.day', { day, clock });
}
