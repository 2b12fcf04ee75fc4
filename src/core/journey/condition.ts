import { z } from 'zod';
import { zodMessage } from './zodMessages';
import { durationSchema, parseDuration, describeDuration } from './duration';
import { eventNameSchema, eventLabel } from './events';
import type { Lang } from '../i18n';
import { MAX_CONDITION_DEPTH, MAX_LABEL_CHARS } from './limits';
import { limitParams } from './limitChecks';

/** Comparison operators, written as they read: =, !=, <, <=, >, >=, in. */
export const comparisonOps = ['=', '!=', '<', '<=', '>', '>=', 'in'] as const;
export type ComparisonOp = (typeof comparisonOps)[number];
const orderOps = ['=', '!=', '<', '<=', '>', '>='] as const;

const scalarSchema = z.union([z.string().max(MAX_LABEL_CHARS), z.number(), z.boolean()]);
export type Scalar = z.infer<typeof scalarSchema>;

const attributeTest = z
  .object({
    attribute: z.string().min(1).max(MAX_LABEL_CHARS).meta({ description: 'Profile attribute, e.g. "region", "age", "member_tier".' }),
    op: z.enum(comparisonOps),
    value: z.union([scalarSchema, z.array(scalarSchema)]),
  })
  .strict()
  .refine((test) => (test.op === 'in') === Array.isArray(test.value), {
    message: zodMessage('Use a list of values with "in" and a single value with every other operator', '“in” 需要一组值，其他运算符只需要一个值'),
    path: ['value'],
  });

const tagTest = z
  .object({ tag: z.string().min(1).max(MAX_LABEL_CHARS), present: z.boolean().default(true) })
  .strict()
  .meta({ description: 'The user has (present: true) or lacks (present: false) a tag.' });

const segmentTest = z
  .object({ segment: z.string().min(1).max(MAX_LABEL_CHARS), member: z.boolean().default(true) })
  .strict()
  .meta({ description: 'The user belongs (member: true) or does not belong to a segment of the cohort.' });

export const rfmDimensions = ['recency', 'frequency', 'monetary'] as const;
const rfmTest = z
  .object({ rfm: z.enum(rfmDimensions), op: z.enum(orderOps), score: z.number().int().min(1).max(5) })
  .strict()
  .meta({ description: 'RFM score on a 1–5 scale (5 = most recent / most frequent / highest spend).' });

const eventCountTest = z
  .object({
    event: eventNameSchema,
    within: durationSchema.meta({ description: 'How far back to count, e.g. "P30D".' }),
    op: z.enum(orderOps),
    count: z.number().int().min(0),
  })
  .strict()
  .meta({ description: 'How many times the user did an event within a window before now.' });

export type AttributeTest = z.infer<typeof attributeTest>;
export type TagTest = z.infer<typeof tagTest>;
export type SegmentTest = z.infer<typeof segmentTest>;
export type RfmTest = z.infer<typeof rfmTest>;
export type EventCountTest = z.infer<typeof eventCountTest>;
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | AttributeTest
  | TagTest
  | SegmentTest
  | RfmTest
  | EventCountTest;

const conditionShape: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionShape) }).strict(),
    z.object({ any: z.array(conditionShape) }).strict(),
    z.object({ not: conditionShape }).strict(),
    attributeTest,
    tagTest,
    segmentTest,
    rfmTest,
    eventCountTest,
  ]),
).meta({
  id: 'Condition',
  description: `A condition on the user: all / any / not over attribute comparisons, tags, segment membership, RFM scores and counts of past events; all / any / not nest at most ${MAX_CONDITION_DEPTH} levels deep.`,
});

/**
 * Levels of `all` / `any` / `not` in a condition (a single test is 0), counted without recursion so
 * that any input is safe to measure. Stops counting once past `stopAfter`.
 */
export function conditionDepth(condition: unknown, stopAfter = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[condition, 0]];
  while (stack.length > 0) {
    const [part, depth] = stack.pop()!;
    if (typeof part !== 'object' || part === null) continue;
    const record = part as { all?: unknown; any?: unknown; not?: unknown };
    const children = Array.isArray(record.all) ? record.all : Array.isArray(record.any) ? record.any : 'not' in record ? [record.not] : null;
    if (!children) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > stopAfter) return deepest;
    for (const child of children) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** A condition, at most MAX_CONDITION_DEPTH levels deep: it is evaluated recursively, in a worker too. */
export const conditionSchema: z.ZodType<Condition> = conditionShape.superRefine((condition, context) => {
  const depth = conditionDepth(condition);
  if (depth > MAX_CONDITION_DEPTH)
    context.addIssue({
      code: 'custom',
      message: zodMessage(`A condition nests all / any / not at most ${MAX_CONDITION_DEPTH} levels deep`, `条件中 all / any / not 最多嵌套 ${MAX_CONDITION_DEPTH} 层`),
      params: limitParams('condition-too-deep', { depth }),
      input: condition,
    });
});

/** What a condition can see about one user at one moment. */
export interface ConditionFacts {
  attributes: Readonly<Record<string, Scalar>>;
  tags: ReadonlySet<string>;
  segment: string;
  rfm: Readonly<Record<(typeof rfmDimensions)[number], number>>;
  /** Number of times the user did `event` in the last `windowMs` milliseconds. */
  eventCount(event: string, windowMs: number): number;
}

export function compare(left: Scalar | undefined, op: ComparisonOp, right: Scalar | Scalar[]): boolean {
  if (op === 'in') return Array.isArray(right) && left !== undefined && right.includes(left);
  if (Array.isArray(right) || left === undefined) return op === '!=' && left === undefined;
  switch (op) {
    case '=':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
  }
}

export function evaluateCondition(condition: Condition, facts: ConditionFacts): boolean {
  if ('all' in condition) return condition.all.every((part) => evaluateCondition(part, facts));
  if ('any' in condition) return condition.any.some((part) => evaluateCondition(part, facts));
  if ('not' in condition) return !evaluateCondition(condition.not, facts);
  if ('attribute' in condition) return compare(facts.attributes[condition.attribute], condition.op, condition.value);
  if ('tag' in condition) return facts.tags.has(condition.tag) === condition.present;
  if ('segment' in condition) return (facts.segment === condition.segment) === condition.member;
  if ('rfm' in condition) return compare(facts.rfm[condition.rfm], condition.op, condition.score);
  const windowMs = parseDuration(condition.within) ?? 0;
  return compare(facts.eventCount(condition.event, windowMs), condition.op, condition.count);
}

const opText: Record<ComparisonOp, string> = { '=': '=', '!=': '≠', '<': '<', '<=': '≤', '>': '>', '>=': '≥', in: '∈' };

/** A one-line reading of a condition for the canvas and the problems panel. */
export function describeCondition(condition: Condition, lang: Lang): string {
  const en = lang === 'en';
  const joined = (parts: Condition[], enWord: string, zhWord: string) =>
    parts.length === 0
      ? en
        ? enWord === 'and'
          ? 'always'
          : 'never'
        : enWord === 'and'
          ? '总是'
          : '从不'
      : parts.map((part) => wrap(part)).join(en ? ` ${enWord} ` : ` ${zhWord} `);
  const wrap = (part: Condition) =>
    'all' in part || 'any' in part ? `(${describeCondition(part, lang)})` : describeCondition(part, lang);
  if ('all' in condition) return joined(condition.all, 'and', '且');
  if ('any' in condition) return joined(condition.any, 'or', '或');
  if ('not' in condition) return `${en ? 'not ' : '非 '}${wrap(condition.not)}`;
  if ('attribute' in condition) {
    const value = Array.isArray(condition.value) ? `{${condition.value.join(', ')}}` : String(condition.value);
    return `${condition.attribute} ${opText[condition.op]} ${value}`;
  }
  if ('tag' in condition)
    return en
      ? `${condition.present ? 'has' : 'lacks'} tag "${condition.tag}"`
      : `${condition.present ? '有' : '无'}标签「${condition.tag}」`;
  if ('segment' in condition)
    return en
      ? `${condition.member ? 'in' : 'not in'} segment "${condition.segment}"`
      : `${condition.member ? '属于' : '不属于'}细分「${condition.segment}」`;
  if ('rfm' in condition) {
    const names = { recency: ['R', 'R'], frequency: ['F', 'F'], monetary: ['M', 'M'] } as const;
    return `${names[condition.rfm][en ? 0 : 1]} ${opText[condition.op]} ${condition.score}`;
  }
  const window = describeDuration(parseDuration(condition.within) ?? 0, lang);
  const label = eventLabel(condition.event)[lang];
  return en
    ? `"${label}" ${opText[condition.op]} ${condition.count}× in ${window}`
    : `${window}内「${label}」次数 ${opText[condition.op]} ${condition.count}`;
}
