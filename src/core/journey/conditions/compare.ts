import { z } from 'zod';
import { MAX_LABEL_CHARS } from '../limits';

/** Comparison operators, written as they read: =, !=, <, <=, >, >=, in. */
export const comparisonOps = ['=', '!=', '<', '<=', '>', '>=', 'in'] as const;
export type ComparisonOp = (typeof comparisonOps)[number];
/** The operators of leaves that compare numbers (no "in"). */
export const orderOps = ['=', '!=', '<', '<=', '>', '>='] as const;

export const scalarSchema = z.union([z.string().max(MAX_LABEL_CHARS), z.number(), z.boolean()]);
export type Scalar = z.infer<typeof scalarSchema>;

/** How every leaf compares a value it read with the condition's: an absent value only satisfies "!=". */
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

/** How a one-line description writes each operator. */
export const opText: Record<ComparisonOp, string> = { '=': '=', '!=': '≠', '<': '<', '<=': '≤', '>': '>', '>=': '≥', in: '∈' };
