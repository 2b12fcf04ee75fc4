import type { z } from 'zod';
import { grouped, message, type Message } from '../i18n';
import type { ProblemDefinition } from './problems';
import {
  MAX_CONDITION_DEPTH,
  MAX_DOCUMENT_CHARS,
  MAX_DOCUMENT_DEPTH,
  MAX_DOCUMENT_VALUES,
  MAX_DURATION_DAYS,
  MAX_EDGES,
  MAX_LABEL_CHARS,
  MAX_LISTED_PROBLEMS,
  MAX_NODES,
  MAX_TEXT_CHARS,
} from './limits';

// The app's limit messages take the number format from here too; it lives with `localized`.
export { grouped } from '../i18n';

/**
 * Refusing input beyond the limits of limits.ts: the problem codes, a walk that measures a JSON value
 * without recursion (so it runs before anything that recurses, clones or parses with zod), and the
 * reading of zod issues raised by the limits the schemas carry.
 */

export const limitProblems = {
  'document-too-large': {
    severity: 'error',
    title: message('core.journey.limitChecks.documentTooLarge'),
    fix: message('core.journey.limitChecks.aJourneyCohortOrLesson', { MAX_DOCUMENT_CHARS: grouped(MAX_DOCUMENT_CHARS), MAX_DOCUMENT_VALUES: grouped(MAX_DOCUMENT_VALUES) }),
  },
  'document-too-deep': {
    severity: 'error',
    title: message('core.journey.limitChecks.documentNestedTooDeeply'),
    fix: message('core.journey.limitChecks.arraysAndObjectsNestAt', { MAX_DOCUMENT_DEPTH }),
  },
  'too-many-nodes': {
    severity: 'error',
    title: message('core.journey.limitChecks.tooManyNodes'),
    fix: message('core.journey.limitChecks.aJourneyHasAtMost', { MAX_NODES: grouped(MAX_NODES) }),
  },
  'too-many-edges': {
    severity: 'error',
    title: message('core.journey.limitChecks.tooManyEdges'),
    fix: message('core.journey.limitChecks.aJourneyHasAtMost2', { MAX_EDGES: grouped(MAX_EDGES) }),
  },
  'condition-too-deep': {
    severity: 'error',
    title: message('core.journey.limitChecks.conditionNestedTooDeeply'),
    fix: message('core.journey.limitChecks.aConditionNestsAllAny', { MAX_CONDITION_DEPTH }),
  },
  'duration-too-long': {
    severity: 'error',
    title: message('core.journey.limitChecks.durationTooLong'),
    fix: message('core.journey.limitChecks.horizonsWaitsTimeoutsAndWindows', { MAX_DURATION_DAYS: grouped(MAX_DURATION_DAYS) }),
  },
  'text-too-long': {
    severity: 'error',
    title: message('core.journey.limitChecks.textTooLong'),
    fix: message('core.journey.limitChecks.labelsAndNamesAreAt', { MAX_LABEL_CHARS, MAX_TEXT_CHARS: grouped(MAX_TEXT_CHARS) }),
  },
} satisfies Record<string, ProblemDefinition>;

export type LimitCode = keyof typeof limitProblems;

/** A limit the input goes beyond: which, where, and a sentence that names the limit. */
export interface LimitBreach {
  code: LimitCode;
  path: (string | number)[];
  message: Message;
}

/** Paths of breaches are cut to this many parts: enough to name the node, short enough to print (the
 *  nesting goes on below the place named). */
const MAX_REPORTED_PATH = 16;

/** Refuses the text of a file or link before JSON.parse when it is longer than MAX_DOCUMENT_CHARS. */
export function checkDocumentText(text: string, maxChars: number = MAX_DOCUMENT_CHARS): LimitBreach | null {
  if (text.length <= maxChars) return null;
  return {
    code: 'document-too-large',
    path: [],
    message: message('core.journey.limitChecks.theDocumentHasCharactersThe', { textCount: grouped(text.length), maxChars: grouped(maxChars), v: Math.round(maxChars / 1_000_000) }),
  };
}

export interface DocumentLimits {
  depth: number;
  values: number;
  chars: number;
}

const defaultLimits: DocumentLimits = { depth: MAX_DOCUMENT_DEPTH, values: MAX_DOCUMENT_VALUES, chars: MAX_DOCUMENT_CHARS };

interface Frame {
  value: object;
  depth: number;
  parent: Frame | null;
  key: string | number;
}

function pathOf(frame: Frame): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Frame | null = frame; at?.parent; at = at.parent) path.push(at.key);
  return path.reverse().slice(0, MAX_REPORTED_PATH);
}

/**
 * Measures a JSON value with an explicit stack — no recursion, so any depth is safe — and stops at
 * the first limit it passes: nesting deeper than `depth`, more than `values` values, or strings and
 * keys adding up to more than `chars` characters (a lower bound of its JSON length, for values that
 * did not come from a text, such as a decoded link). Cycles count as ever more values. Never throws
 * on JSON; null when the value is within every limit.
 */
export function measureDocument(value: unknown, limits: DocumentLimits = defaultLimits): LimitBreach | null {
  if (typeof value !== 'object' || value === null) return typeof value === 'string' ? checkDocumentText(value, limits.chars) : null;
  let values = 1;
  let chars = 0;
  const stack: Frame[] = [{ value, depth: 1, parent: null, key: '' }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.depth > limits.depth)
      return {
        code: 'document-too-deep',
        path: pathOf(frame),
        message: message('core.journey.limitChecks.arraysAndObjectsAreNested', { depth: limits.depth }),
      };
    const container = frame.value;
    const keys: (string | number)[] = Array.isArray(container) ? [] : Object.keys(container);
    const count = Array.isArray(container) ? container.length : keys.length;
    values += count;
    for (let index = 0; index < count; index++) {
      const key = Array.isArray(container) ? index : keys[index]!;
      if (typeof key === 'string') chars += key.length;
      const child = (container as Record<string | number, unknown>)[key];
      if (typeof child === 'string') chars += child.length;
      else if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: frame.depth + 1, parent: frame, key });
    }
    if (values > limits.values || chars > limits.chars)
      return {
        code: 'document-too-large',
        path: [],
        message:
          values > limits.values
            ? message('core.journey.limitChecks.theDocumentHasMoreThan', { values: grouped(limits.values) })
            : message('core.journey.limitChecks.theDocumentSTextsAdd', { chars: grouped(limits.chars) }),
      };
  }
  return null;
}

type ZodIssue = z.core.$ZodIssue;

/**
 * The issues to list (at most MAX_LISTED_PROBLEMS) and, when there are more, a sentence counting the
 * rest, for the reader to report with its own "invalid" code.
 */
export function listedIssues(issues: readonly ZodIssue[]): { listed: readonly ZodIssue[]; more: Message | null } {
  if (issues.length <= MAX_LISTED_PROBLEMS) return { listed: issues, more: null };
  const rest = grouped(issues.length - MAX_LISTED_PROBLEMS);
  return {
    listed: issues.slice(0, MAX_LISTED_PROBLEMS),
    more: message('core.journey.limitChecks.andMoreProblemsLikeThese', { rest }),
  };
}

/** Marks a zod refinement as a limit, so the issue it raises is reported with the limit's code. */
export const limitParams = (code: LimitCode, details: Record<string, number | string> = {}) => ({ limit: code, ...details });

/**
 * The limit a zod issue reports, with a sentence naming it (the location gives the where), or null
 * for an ordinary format issue. Texts over their maximum length are `text-too-long`; refinements
 * made with `limitParams` carry their code.
 */
export function limitOfIssue(issue: ZodIssue): { code: LimitCode; message: Message } | null {
  if (issue.code === 'too_big' && issue.origin === 'string') {
    const length = typeof issue.input === 'string' ? issue.input.length : undefined;
    const maximum = grouped(Number(issue.maximum));
    return {
      code: 'text-too-long',
      message:
        length === undefined
          ? message('core.journey.limitChecks.theTextIsLongerThan', { maximum })
          : message('core.journey.limitChecks.theTextHasCharactersThe', { length: grouped(length), maximum }),
    };
  }
  if (issue.code !== 'custom') return null;
  const params = (issue as { params?: Record<string, unknown> }).params;
  const code = params?.limit;
  if (code === 'duration-too-long') {
    const input = typeof issue.input === 'string' ? `"${issue.input.slice(0, 40)}"` : typeof issue.input === 'number' ? issue.input : null;
    return {
      code,
      message: message('core.journey.limitChecks.isLongerThanDaysThe', { shape: typeof input === 'number' ? 'days' : input === null ? 'none' : 'text', input: input ?? '', MAX_DURATION_DAYS: grouped(MAX_DURATION_DAYS) }),
    };
  }
  if (code === 'condition-too-deep') {
    const depth = typeof params?.depth === 'number' ? params.depth : undefined;
    return {
      code,
      message: message('core.journey.limitChecks.theConditionNestsAllAny', { known: String(depth !== undefined), depth: depth ?? '', MAX_CONDITION_DEPTH }),
    };
  }
  return null;
}
