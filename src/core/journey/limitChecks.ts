import type { z } from 'zod';
import { grouped, localized, type Localized } from '../i18n';
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
    title: localized('Document too large', '文件过大'),
    fix: localized(
      `A journey, cohort or lesson is at most ${grouped(MAX_DOCUMENT_CHARS)} characters (about 20 MB) and ${grouped(MAX_DOCUMENT_VALUES)} JSON values. Split it into smaller journeys.`,
      `旅程、人群设定或课程最多 ${grouped(MAX_DOCUMENT_CHARS)} 个字符（约 20 MB）、${grouped(MAX_DOCUMENT_VALUES)} 个 JSON 值。请拆分成几个较小的旅程。`,
    ),
  },
  'document-too-deep': {
    severity: 'error',
    title: localized('Document nested too deeply', '文件嵌套过深'),
    fix: localized(
      `Arrays and objects nest at most ${MAX_DOCUMENT_DEPTH} levels deep. The file was probably not made by Journey Lab: export it again, or simplify the deeply nested value at the path shown.`,
      `数组和对象最多嵌套 ${MAX_DOCUMENT_DEPTH} 层。该文件可能不是 Journey Lab 生成的：请重新导出，或简化提示路径处嵌套过深的值。`,
    ),
  },
  'too-many-nodes': {
    severity: 'error',
    title: localized('Too many nodes', '节点过多'),
    fix: localized(`A journey has at most ${grouped(MAX_NODES)} nodes. Split it into several journeys.`, `一个旅程最多 ${grouped(MAX_NODES)} 个节点。请拆分成几个旅程。`),
  },
  'too-many-edges': {
    severity: 'error',
    title: localized('Too many edges', '连线过多'),
    fix: localized(`A journey has at most ${grouped(MAX_EDGES)} edges. Split it into several journeys.`, `一个旅程最多 ${grouped(MAX_EDGES)} 条连线。请拆分成几个旅程。`),
  },
  'condition-too-deep': {
    severity: 'error',
    title: localized('Condition nested too deeply', '条件嵌套过深'),
    fix: localized(
      `A condition nests "all", "any" and "not" at most ${MAX_CONDITION_DEPTH} levels deep. Flatten it: "all" inside "all" is one "all" with every part.`,
      `条件中 "all"、"any"、"not" 最多嵌套 ${MAX_CONDITION_DEPTH} 层。请把它展平：“all” 套 “all” 等于一个包含全部部分的 “all”。`,
    ),
  },
  'duration-too-long': {
    severity: 'error',
    title: localized('Duration too long', '时长过长'),
    fix: localized(
      `Horizons, waits, timeouts and windows are at most ${grouped(MAX_DURATION_DAYS)} days (about ten years). Use a shorter duration.`,
      `观察期、等待、超时和时间窗口最长 ${grouped(MAX_DURATION_DAYS)} 天（约十年）。请使用更短的时长。`,
    ),
  },
  'text-too-long': {
    severity: 'error',
    title: localized('Text too long', '文本过长'),
    fix: localized(
      `Labels and names are at most ${MAX_LABEL_CHARS} characters (some, such as case labels and tags, fewer) and other texts at most ${grouped(MAX_TEXT_CHARS)}. Shorten the text at the path shown.`,
      `标签和名称最多 ${MAX_LABEL_CHARS} 个字符（条件名、标签等部分字段更短），其他文本最多 ${grouped(MAX_TEXT_CHARS)} 个字符。请缩短提示路径处的文本。`,
    ),
  },
} satisfies Record<string, ProblemDefinition>;

export type LimitCode = keyof typeof limitProblems;

/** A limit the input goes beyond: which, where, and a sentence that names the limit. */
export interface LimitBreach {
  code: LimitCode;
  path: (string | number)[];
  message: Localized;
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
    message: localized(
      `The document has ${grouped(text.length)} characters; the limit is ${grouped(maxChars)} (about ${Math.round(maxChars / 1_000_000)} MB).`,
      `文件有 ${grouped(text.length)} 个字符，上限为 ${grouped(maxChars)} 个（约 ${Math.round(maxChars / 1_000_000)} MB）。`,
    ),
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
        message: localized(`Arrays and objects are nested more than ${limits.depth} levels deep here.`, `此处数组和对象嵌套超过 ${limits.depth} 层。`),
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
            ? localized(`The document has more than ${grouped(limits.values)} values (objects, arrays, texts and numbers); that is the limit.`, `文件包含超过 ${grouped(limits.values)} 个值（对象、数组、文本和数字），已超出上限。`)
            : localized(`The document's texts add up to more than ${grouped(limits.chars)} characters; that is the limit.`, `文件中的文本合计超过 ${grouped(limits.chars)} 个字符，已超出上限。`),
      };
  }
  return null;
}

type ZodIssue = z.core.$ZodIssue;

/**
 * The issues to list (at most MAX_LISTED_PROBLEMS) and, when there are more, a sentence counting the
 * rest, for the reader to report with its own "invalid" code.
 */
export function listedIssues(issues: readonly ZodIssue[]): { listed: readonly ZodIssue[]; more: Localized | null } {
  if (issues.length <= MAX_LISTED_PROBLEMS) return { listed: issues, more: null };
  const rest = grouped(issues.length - MAX_LISTED_PROBLEMS);
  return {
    listed: issues.slice(0, MAX_LISTED_PROBLEMS),
    more: localized(`…and ${rest} more problems like these, not listed: fix the ones above first.`, `……另有 ${rest} 个类似问题未列出：请先修正上面的问题。`),
  };
}

/** Marks a zod refinement as a limit, so the issue it raises is reported with the limit's code. */
export const limitParams = (code: LimitCode, details: Record<string, number | string> = {}) => ({ limit: code, ...details });

/**
 * The limit a zod issue reports, with a sentence naming it (the location gives the where), or null
 * for an ordinary format issue. Texts over their maximum length are `text-too-long`; refinements
 * made with `limitParams` carry their code.
 */
export function limitOfIssue(issue: ZodIssue): { code: LimitCode; message: Localized } | null {
  if (issue.code === 'too_big' && issue.origin === 'string') {
    const length = typeof issue.input === 'string' ? issue.input.length : undefined;
    const maximum = grouped(Number(issue.maximum));
    return {
      code: 'text-too-long',
      message:
        length === undefined
          ? localized(`The text is longer than ${maximum} characters, the limit here.`, `文本超过此处的上限 ${maximum} 个字符。`)
          : localized(`The text has ${grouped(length)} characters; the limit here is ${maximum}.`, `文本有 ${grouped(length)} 个字符，此处上限为 ${maximum} 个。`),
    };
  }
  if (issue.code !== 'custom') return null;
  const params = (issue as { params?: Record<string, unknown> }).params;
  const code = params?.limit;
  if (code === 'duration-too-long') {
    const input = typeof issue.input === 'string' ? `"${issue.input.slice(0, 40)}"` : typeof issue.input === 'number' ? `${issue.input} days` : null;
    const inputZh = typeof issue.input === 'number' ? `${issue.input} 天` : input;
    return {
      code,
      message: localized(
        `${input ?? 'The duration'} is longer than ${grouped(MAX_DURATION_DAYS)} days, the longest duration allowed.`,
        `${inputZh ?? '时长'}超过允许的最长时长 ${grouped(MAX_DURATION_DAYS)} 天。`,
      ),
    };
  }
  if (code === 'condition-too-deep') {
    const depth = typeof params?.depth === 'number' ? params.depth : undefined;
    return {
      code,
      message: localized(
        `The condition nests "all", "any" and "not" ${depth ?? 'more than ' + MAX_CONDITION_DEPTH} levels deep; the limit is ${MAX_CONDITION_DEPTH}.`,
        `条件中 "all"、"any"、"not" 嵌套了 ${depth ?? '超过 ' + MAX_CONDITION_DEPTH} 层，上限为 ${MAX_CONDITION_DEPTH} 层。`,
      ),
    };
  }
  return null;
}
