import type { ConditionLeaf } from './defineLeaf';
import { attributeLeaf } from './attribute';
import { tagLeaf } from './tag';
import { segmentLeaf } from './segment';
import { rfmLeaf } from './rfm';
import { eventCountLeaf } from './eventCount';

/**
 * Every kind of condition leaf, once: a leaf's file holds its schema, evaluation, kernel compilation,
 * description, explanation and analysis; condition.ts combines them with all / any / not. Adding a leaf:
 * its file, plus one line here (the order is the schema's union order, hence the JSON Schema's).
 */
export const conditionLeaves = [attributeLeaf, tagLeaf, segmentLeaf, rfmLeaf, eventCountLeaf] as const;

type LeafValue<L> = L extends ConditionLeaf<string, infer T> ? T : never;
/** Any single test: the union of every leaf's value. */
export type ConditionLeafValue = LeafValue<(typeof conditionLeaves)[number]>;

const table: readonly ConditionLeaf<string, ConditionLeafValue>[] = conditionLeaves as unknown as readonly ConditionLeaf<string, ConditionLeafValue>[];

/** The leaf kind of a single test (the first in the table whose key it has). */
export function leafOf(condition: ConditionLeafValue): ConditionLeaf<string, ConditionLeafValue> {
  for (const leaf of table) if (leaf.key in condition) return leaf;
  throw new Error('not a leaf condition');
}
