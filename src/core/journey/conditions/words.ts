import { localized, textFor, type Localized } from '../../i18n';
import type { CohortSpec } from '../../cohort/schema';
import type { Scalar } from './compare';

/**
 * The words leaves explain themselves with (trainer/explain.ts tells a whole condition with them):
 * values as people write them, requirements, and a leaf's verdict with its ✓ or ✗.
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

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

export function formatValue(value: Scalar | undefined): Localized {
  if (value === undefined) return localized('not set', '未设置');
  if (typeof value === 'number') return localized(formatNumber(value), formatNumber(value));
  if (typeof value === 'boolean') return value ? localized('yes', '是') : localized('no', '否');
  return localized(`“${value}”`, `“${value}”`);
}

export function requirement(op: string, value: Scalar | Scalar[]): Localized {
  if (Array.isArray(value)) {
    const list = value.map((item) => formatValue(item));
    return localized(`one of ${list.map((item) => item.en).join(', ')}`, `${list.map((item) => item['zh-CN']).join('、')} 之一`);
  }
  const [en, zh] = opWords[op] ?? ['', ''];
  const shown = formatValue(value);
  return localized(`${en}${shown.en}`, `${zh}${shown['zh-CN']}`);
}

const mark = (matched: boolean): Localized => (matched ? localized('✓', '✓') : localized('✗', '✗'));

/** A leaf's verdict: what it read and needed, then ✓ or ✗. */
export function leafVerdict(matched: boolean, en: string, zh: string): ConditionVerdict {
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
