import { z } from 'zod';
import { zodMessage } from './zodMessages';
import { message, type Message, joinedMessages } from '../i18n';
import { MAX_CONDITION_DEPTH } from './limits';
import { limitParams } from './limitChecks';
import { conditionLeaves, leafOf, type ConditionLeafValue } from './conditions';
import type { ConditionFacts } from './conditions/defineLeaf';

export { comparisonOps, compare, type ComparisonOp, type Scalar } from './conditions/compare';
export { rfmDimensions, type ConditionFacts } from './conditions/defineLeaf';
export type { AttributeTest } from './conditions/attribute';
export type { TagTest } from './conditions/tag';
export type { SegmentTest } from './conditions/segment';
export type { RfmTest } from './conditions/rfm';
export type { EventCountTest } from './conditions/eventCount';

/**
 * The condition language: all / any / not over the leaves of conditions/ (attribute comparisons, tags,
 * segment membership, RFM scores, counts of past events). This file combines leaves; what each leaf
 * means is in its own file, listed once in conditions/index.ts.
 */
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | ConditionLeafValue;

const conditionShape: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionShape) }).strict(),
    z.object({ any: z.array(conditionShape) }).strict(),
    z.object({ not: conditionShape }).strict(),
    ...conditionLeaves.map((leaf) => leaf.schema),
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
      message: zodMessage(message('core.journey.condition.aConditionNestsAllAny', { MAX_CONDITION_DEPTH })),
      params: limitParams('condition-too-deep', { depth }),
      input: condition,
    });
});

/** Calls `visit` on every leaf of a condition, in order. */
export function forEachLeaf(condition: Condition, visit: (leaf: ConditionLeafValue) => void): void {
  if ('all' in condition) condition.all.forEach((part) => forEachLeaf(part, visit));
  else if ('any' in condition) condition.any.forEach((part) => forEachLeaf(part, visit));
  else if ('not' in condition) forEachLeaf(condition.not, visit);
  else visit(condition);
}

export function evaluateCondition(condition: Condition, facts: ConditionFacts): boolean {
  if ('all' in condition) return condition.all.every((part) => evaluateCondition(part, facts));
  if ('any' in condition) return condition.any.some((part) => evaluateCondition(part, facts));
  if ('not' in condition) return !evaluateCondition(condition.not, facts);
  return leafOf(condition).evaluate(condition, facts);
}

/** A one-line reading of a condition for the canvas and the problems panel. */
export function describeCondition(condition: Condition): Message {
  const joined = (parts: Condition[], joiner: 'all' | 'any') =>
    parts.length === 0 ? message(`core.journey.condition.${joiner === 'all' ? 'always' : 'never'}`) : joinedMessages(parts.map((part) => wrap(part)), joiner);
  const wrap = (part: Condition): Message => ('all' in part || 'any' in part ? message('core.journey.condition.grouped', { text: describeCondition(part) }) : describeCondition(part));
  if ('all' in condition) return joined(condition.all, 'all');
  if ('any' in condition) return joined(condition.any, 'any');
  if ('not' in condition) return message('core.journey.condition.not', { text: wrap(condition.not) });
  return leafOf(condition).describe(condition);
}
