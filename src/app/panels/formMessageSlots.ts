// Where a message belongs in a form: each field, list item and condition row is a "slot" with a path;
// a message goes to the slot with the longest path that begins its own path, or to the top of the form.
import type { Language } from '../i18n/index.ts';
import type { Severity } from '../../core/journey';
import { localizeIssue } from '../../core/journey';
import { getIn, isVisible, keyPath, pathKey, type FieldPath, type FieldSpec } from '../../core/journey';
import { conditionSlots } from './fields/conditionRows';
import type { Issue } from './useDraftForm';
import type { InspectorT } from './formContext';
import { say } from '../i18n/say';

export interface FormMessage {
  severity: Severity;
  text: string;
  /** How to fix it, for journey problems whose kind explains that. */
  hint?: string;
  /** Problem code, for journey problems. */
  code?: string;
}

export interface PathMessage {
  path: FieldPath;
  message: FormMessage;
}

export const TOP = pathKey([]);

/** Every slot of a form with these fields and this value (hidden fields have none). */
export function collectSlots(fields: readonly FieldSpec[], scope: unknown, at: FieldPath = [], into = new Set<string>()): Set<string> {
  for (const field of fields) {
    if (!isVisible(field, scope)) continue;
    const path = [...at, ...keyPath(field.key)];
    into.add(pathKey(path));
    const value = getIn(scope, keyPath(field.key));
    if (field.control === 'group' && value !== null && typeof value === 'object') collectSlots(field.fields ?? [], value, path, into);
    if (field.control === 'list' && Array.isArray(value))
      value.forEach((item, index) => {
        into.add(pathKey([...path, index]));
        collectSlots(field.fields ?? [], item, [...path, index], into);
      });
    if (field.control === 'condition') for (const slot of conditionSlots(value, path)) into.add(pathKey(slot));
  }
  return into;
}

/** Messages grouped by slot; those that fit no slot are under TOP. Errors come first in each slot. */
export function assignMessages(slots: ReadonlySet<string>, messages: readonly PathMessage[]): Map<string, FormMessage[]> {
  const bySlot = new Map<string, FormMessage[]>();
  const order = { error: 0, warning: 1, info: 2 } as const;
  for (const { path, message } of messages) {
    let slot = TOP;
    for (let length = path.length; length > 0; length--) {
      const key = pathKey(path.slice(0, length));
      if (slots.has(key)) {
        slot = key;
        break;
      }
    }
    const list = bySlot.get(slot) ?? [];
    if (!list.some((other) => other.text === message.text)) list.push(message);
    bySlot.set(slot, list);
  }
  for (const list of bySlot.values()) list.sort((a, b) => order[a.severity] - order[b.severity]);
  return bySlot;
}

const zodWording = /^(Too small|Too big|Invalid input)/;

/**
 * A schema issue in words for the form: our own messages (zodMessage) as written, zod's generic
 * wording for ranges, lengths and missing values replaced by a plain request ("Enter 0 or more."),
 * everything else through zod's locales (localizeIssue).
 */
export function issueText(issue: Issue, lang: Language, t: InspectorT): string {
  if (zodWording.test(issue.message))
    switch (issue.code) {
      case 'invalid_type':
        if (/received undefined$/.test(issue.message)) return t('errors.required');
        if (issue.expected === 'int') return t('errors.integer');
        break;
      case 'too_small':
        if (issue.origin === 'number' || issue.origin === 'int')
          return issue.inclusive === false ? t('errors.moreThan', { min: Number(issue.minimum) }) : t('errors.min', { min: Number(issue.minimum) });
        if (issue.origin === 'string' && Number(issue.minimum) === 1) return t('errors.required');
        break;
      case 'too_big':
        if (issue.origin === 'number' || issue.origin === 'int')
          return issue.inclusive === false ? t('errors.lessThan', { max: Number(issue.maximum) }) : t('errors.max', { max: Number(issue.maximum) });
        if (issue.origin === 'string') return t('errors.maxLength', { max: Number(issue.maximum) });
        break;
      case 'invalid_union': {
        // Prefer the explanation of the alternative that came closest (a single issue).
        const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0];
        if (closest?.length === 1) return issueText(closest[0]!, lang, t);
        break;
      }
    }
  return say(localizeIssue(issue), lang);
}
