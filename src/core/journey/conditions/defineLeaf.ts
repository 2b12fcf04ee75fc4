import type { z } from 'zod';
import type { Message } from '../../i18n';
import type { CohortSpec } from '../../cohort/schema';
import type { Literal } from '../conditionLogic';
import type { KernelUser, PlanContext } from '../../compile/operations/defineOperation';
import type { Scalar } from './compare';
import type { ConditionVerdict } from './words';

export const rfmDimensions = ['recency', 'frequency', 'monetary'] as const;

/** What a condition can see about one user at one moment. */
export interface ConditionFacts {
  attributes: Readonly<Record<string, Scalar>>;
  tags: ReadonlySet<string>;
  segment: string;
  rfm: Readonly<Record<(typeof rfmDimensions)[number], number>>;
  /** Number of times the user did `event` in the last `windowMs` milliseconds. */
  eventCount(event: string, windowMs: number): number;
}

/** A compiled leaf: a test of the kernel's current user. */
export type KernelTest = (user: KernelUser) => boolean;

/**
 * Everything one kind of condition leaf is, in one place: its schema, how it is evaluated on facts (the
 * reference engine, the trainer), how the kernel compiles it to a test at plan-build time, how it reads
 * in a line and how the trainer explains a verdict, and what the static analysis makes of it. The
 * evaluation and the kernel test must agree exactly (test/sim/agreement.test.ts holds them to it).
 * Methods use method syntax so a precisely typed leaf can sit in the table (./index.ts).
 */
export interface ConditionLeaf<K extends string = string, T extends { [key in K]: unknown } = { [key in K]: unknown }> {
  /** The property only this leaf has: `'tag' in condition` tells a tag leaf. */
  key: K;
  schema: z.ZodType<T>;
  evaluate(leaf: T, facts: ConditionFacts): boolean;
  compile(leaf: T, plan: PlanContext): KernelTest;
  /** A one-line reading for the canvas and the problems panel. */
  describe(leaf: T): Message;
  /** The verdict for one user with the values it read (evaluates exactly as `evaluate`). */
  explain(leaf: T, facts: ConditionFacts, cohort: CohortSpec): ConditionVerdict;
  /** The leaf as a literal of the decision procedure (conditionLogic.ts). */
  literal(leaf: T): Literal;
  /** Events whose past occurrences the leaf counts, so the engines keep them. */
  counts?(leaf: T): string[];
}

/** Identity with inference, so a leaf file states its types once. */
export function defineConditionLeaf<K extends string, T extends { [key in K]: unknown }>(leaf: ConditionLeaf<K, T>): ConditionLeaf<K, T> {
  return leaf;
}
