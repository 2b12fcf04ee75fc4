// Where a message belongs in a form: each field, list item and condition row is a "slot" with a path;
// a message goes to the slot with the longest path that begins its own path, or to the top of the form.
import type { Lang } from '../../core/i18n';
import type { Severity } from '../../core/journey/problems';
import { localizeIssue } from '../../core/journey/zodMessages';
import { getIn, isVisible, keyPath, pathKey, type FieldPath, type FieldSpec } from '../../core/journey/fields';
import { conditionSlots } from './fields/conditionRows';
import type { Issue } from './useDraftForm';

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

/** A schema issue in a language; a missing value reads as "Enter a value" rather than zod's wording. */
export function issueText(issue: Issue, lang: Lang, required: string): string {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return required;
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // Prefer the explanation of the alternative that came closest (fewest issues).
    const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0];
    const first = closest?.[0];
    if (first && closest.length === 1) return issueText(first, lang, required);
  }
  return localizeIssue(issue)[lang];
}
