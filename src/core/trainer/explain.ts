import { localized, textFor, type Localized } from '../i18n';
import { compare, type Condition, type ConditionFacts, type Scalar } from '../journey/condition';
import { describeDuration, MS, parseDuration } from '../journey/duration';
import { eventLabel } from '../journey/events';
import type { CohortSpec } from '../cohort/schema';

/**
 * Why a condition held or not for one user at one moment, with the values it read: "coupon_order_share
 * is 0.62 (needs ≥ 0.5)". Evaluates exactly as evaluateCondition does, so the verdict it explains is the
 * one the engines took.
 */

export interface ConditionVerdict {
  matched: boolean;
  text: Localized;
}

const opWords: Record<string, [string, string]> = {
  '=': ['', ''],
  '!=': ['not ', '不等于 '],
  '<': ['< ', '< '],
  '<=': ['≤ ', '≤ '],
  '>': ['> ', '> '],
  '>=': ['≥ ', '≥ '],
};

export function formatValue(value: Scalar | undefined): Localized {
  if (value === undefined) return localized('not set', '未设置');
  if (typeof value === 'number') return localized(formatNumber(value), formatNumber(value));
  if (typeof value === 'boolean') return value ? localized('yes', '是') : localized('no', '否');
  return localized(`“${value}”`, `“${value}”`);
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

function requirement(op: string, value: Scalar | Scalar[]): Localized {
  if (Array.isArray(value)) {
    const list = value.map((item) => formatValue(item));
    return localized(`one of ${list.map((item) => item.en).join(', ')}`, `${list.map((item) => item['zh-CN']).join('、')} 之一`);
  }
  const [en, zh] = opWords[op] ?? ['', ''];
  const shown = formatValue(value);
  return localized(`${en}${shown.en}`, `${zh}${shown['zh-CN']}`);
}

const mark = (matched: boolean): Localized => (matched ? localized('✓', '✓') : localized('✗', '✗'));

function leaf(matched: boolean, en: string, zh: string): ConditionVerdict {
  const sign = mark(matched);
  return { matched, text: localized(`${en} ${sign.en}`, `${zh} ${sign['zh-CN']}`) };
}

export function attributeName(cohort: CohortSpec, name: string): Localized {
  const declared = cohort.attributes[name]?.name;
  return declared ? localized(textFor(declared, 'en'), textFor(declared, 'zh-CN')) : localized(name, name);
}

export function segmentName(cohort: CohortSpec, id: string): Localized {
  const segment = cohort.segments.find((candidate) => candidate.id === id);
  return segment ? localized(textFor(segment.name, 'en'), textFor(segment.name, 'zh-CN')) : localized(id, id);
}

const rfmNames = { recency: localized('recency (R)', '最近购买 R'), frequency: localized('frequency (F)', '购买频次 F'), monetary: localized('spend (M)', '消费金额 M') };

export function explainCondition(condition: Condition, facts: ConditionFacts, cohort: CohortSpec): ConditionVerdict {
  if ('all' in condition || 'any' in condition) {
    const every = 'all' in condition;
    const parts = (every ? condition.all : condition.any).map((part) => explainCondition(part, facts, cohort));
    const matched = every ? parts.every((part) => part.matched) : parts.some((part) => part.matched);
    if (parts.length === 0) return { matched, text: every ? localized('always true', '恒为真') : localized('never true', '恒为假') };
    const join = every ? [' and ', '，且'] : [' or ', '，或'];
    return {
      matched,
      text: localized(parts.map((part) => part.text.en).join(join[0]), parts.map((part) => part.text['zh-CN']).join(join[1])),
    };
  }
  if ('not' in condition) {
    const inner = explainCondition(condition.not, facts, cohort);
    return { matched: !inner.matched, text: localized(`not (${inner.text.en})`, `并非（${inner.text['zh-CN']}）`) };
  }
  if ('attribute' in condition) {
    const own = facts.attributes[condition.attribute];
    const name = attributeName(cohort, condition.attribute);
    const shown = formatValue(own);
    const needs = requirement(condition.op, condition.value);
    return leaf(
      compare(own, condition.op, condition.value),
      `${name.en} is ${shown.en} (needs ${needs.en})`,
      `${name['zh-CN']}为 ${shown['zh-CN']}（要求 ${needs['zh-CN']}）`,
    );
  }
  if ('tag' in condition) {
    const has = facts.tags.has(condition.tag);
    return leaf(
      has === condition.present,
      `${has ? 'has' : 'does not have'} the tag “${condition.tag}” (needs ${condition.present ? 'it' : 'it absent'})`,
      `${has ? '有' : '没有'}标签“${condition.tag}”（要求${condition.present ? '有' : '没有'}）`,
    );
  }
  if ('segment' in condition) {
    const own = segmentName(cohort, facts.segment);
    const wanted = segmentName(cohort, condition.segment);
    return leaf(
      (facts.segment === condition.segment) === condition.member,
      `is in segment “${own.en}” (needs ${condition.member ? '' : 'not '}“${wanted.en}”)`,
      `属于细分“${own['zh-CN']}”（要求${condition.member ? '' : '不'}属于“${wanted['zh-CN']}”）`,
    );
  }
  if ('rfm' in condition) {
    const score = facts.rfm[condition.rfm];
    const name = rfmNames[condition.rfm];
    const needs = requirement(condition.op, condition.score);
    return leaf(compare(score, condition.op, condition.score), `${name.en} score is ${score} (needs ${needs.en})`, `${name['zh-CN']} 评分为 ${score}（要求 ${needs['zh-CN']}）`);
  }
  const windowMs = parseDuration(condition.within) ?? 0;
  const count = facts.eventCount(condition.event, windowMs);
  const label = eventLabel(condition.event);
  const needs = requirement(condition.op, condition.count);
  return leaf(
    compare(count, condition.op, condition.count),
    `did “${label.en}” ${count} time${count === 1 ? '' : 's'} in the last ${describeDuration(windowMs, 'en')} (needs ${needs.en})`,
    `近${describeDuration(windowMs, 'zh-CN')}内“${label['zh-CN']}” ${count} 次（要求 ${needs['zh-CN']}）`,
  );
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A moment of the run as people say it: "Day 3, 14:05". Day 0 is launch day, as in the dashboard's day
 * series, the CLI's trace ("d3 14:05") and the playback bar, so a story step and the bar agree.
 */
export function timeText(at: number): Localized {
  const day = Math.floor(at / MS.day);
  const clock = `${pad(Math.floor((at % MS.day) / MS.hour))}:${pad(Math.floor((at % MS.hour) / MS.minute))}`;
  return localized(`Day ${day}, ${clock}`, `第 ${day} 天 ${clock}`);
}
