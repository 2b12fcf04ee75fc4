import { message, type Message, verbatim, joinedMessages } from '../../i18n';
import type { CohortSpec } from '../../cohort/schema';
import type { Scalar } from './compare';

/**
 * The words leaves explain themselves with (trainer/explain.ts tells a whole condition with them):
 * values as people write them, requirements, and a leaf's verdict with its ✓ or ✗.
 */

export interface ConditionVerdict {
  matched: boolean;
  text: Message;
}

// the operators as ICU select keys (core.journey.conditions.words.requirement)
const opNames: Record<string, string> = { '=': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

export function formatValue(value: Scalar | undefined): Message {
  if (value === undefined) return message('core.journey.conditions.words.notSet');
  if (typeof value === 'number') return verbatim(formatNumber(value));
  if (typeof value === 'boolean') return value ? message('core.journey.conditions.words.yes') : message('core.journey.conditions.words.no');
  return message('core.journey.conditions.words.text', { value });
}

export function requirement(op: string, value: Scalar | Scalar[]): Message {
  if (Array.isArray(value)) {
    const list = value.map((item) => formatValue(item));
    return message('core.journey.conditions.words.oneOf', { list: joinedMessages(list, 'list') });
  }
  return message('core.journey.conditions.words.requirement', { op: opNames[op] ?? 'eq', shown: formatValue(value) });
}

const mark = (matched: boolean): Message => (matched ? message('core.journey.conditions.words.text3') : message('core.journey.conditions.words.text4'));

/** A leaf's verdict: what it read and needed, then ✓ or ✗. */
export function leafVerdict(matched: boolean, text: Message): ConditionVerdict {
  const sign = mark(matched);
  return { matched, text: message('core.journey.conditions.words.text5', { text, sign }) };
}

export function attributeName(cohort: CohortSpec, name: string): Message {
  const declared = cohort.attributes[name]?.name;
  return declared ? verbatim(declared) : verbatim(name);
}

export function segmentName(cohort: CohortSpec, id: string): Message {
  const segment = cohort.segments.find((candidate) => candidate.id === id);
  return segment ? verbatim(segment.name) : verbatim(id);
}
