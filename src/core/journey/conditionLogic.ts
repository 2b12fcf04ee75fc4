import type { Condition } from './condition';
import { compare, type ComparisonOp, type Scalar } from './conditions/compare';
import { leafOf, type ConditionLeafValue } from './conditions';
import { MAX_CONDITION_ANALYSIS_STEPS } from './limits';

/**
 * A small decision procedure for the condition language, used by validation to find branch cases that
 * can never match or are shadowed by earlier ones. It answers `false` (unsatisfiable) only when that is
 * certain; whatever it cannot decide it calls satisfiable, so it never raises a false warning. Its work
 * is charged to a budget (literals built and compared); once the budget is spent, everything is
 * undecided, so an adversarial condition costs bounded time.
 */

/** Steps the analysis may still take; shared by every question asked about one journey. */
export interface AnalysisBudget {
  left: number;
}

export const analysisBudget = (steps: number = MAX_CONDITION_ANALYSIS_STEPS): AnalysisBudget => ({ left: steps });

/** Takes `steps` off the budget; false (and nothing taken) when there are not that many left. */
function spend(budget: AnalysisBudget, steps: number): boolean {
  if (budget.left < steps) {
    budget.left = 0;
    return false;
  }
  budget.left -= steps;
  return true;
}

/** One comparison of one variable: what every leaf becomes for the analysis (conditions/*.ts). */
export type Literal = { variable: string; kind: 'number' | 'discrete' | 'opaque'; op: ComparisonOp; value: Scalar | Scalar[]; negated: boolean; optional: boolean; domain?: 'tag' | 'rfm' | 'count' };
type Conjunct = Literal[];

const MAX_CONJUNCTS = 256;

function literalOf(condition: ConditionLeafValue): Literal {
  return leafOf(condition).literal(condition);
}

/** Disjunctive normal form of a condition (or its negation), or null when it would grow too large. */
function toDnf(condition: Condition, negate: boolean, budget: AnalysisBudget): Conjunct[] | null {
  if (!spend(budget, 1)) return null;
  if ('not' in condition) return toDnf(condition.not, !negate, budget);
  const isAll = 'all' in condition;
  if (isAll || 'any' in condition) {
    const parts = isAll ? condition.all : condition.any;
    const conjunctive = isAll !== negate; // De Morgan
    const lists: Conjunct[][] = [];
    for (const part of parts) {
      const dnf = toDnf(part, negate, budget);
      if (dnf === null) return null;
      lists.push(dnf);
    }
    if (!conjunctive) {
      const union = lists.flat();
      return union.length > MAX_CONJUNCTS ? null : union;
    }
    let product: Conjunct[] = [[]];
    for (const list of lists) {
      if (product.length * list.length > MAX_CONJUNCTS) return null;
      const next: Conjunct[] = [];
      for (const left of product)
        for (const right of list) {
          if (!spend(budget, left.length + right.length + 1)) return null;
          next.push([...left, ...right]);
        }
      product = next;
    }
    return product;
  }
  const literal = literalOf(condition);
  return [[negate ? { ...literal, negated: true } : literal]];
}

function holdsFor(literal: Literal, value: Scalar): boolean {
  return compare(value, literal.op, literal.value) !== literal.negated;
}

/** Values worth trying for a variable: the constants it is compared with, and points around them. */
function candidateValues(literals: Literal[]): Scalar[] {
  const constants = literals.flatMap((literal) => (Array.isArray(literal.value) ? literal.value : [literal.value]));
  const kind = literals[0]?.kind;
  if (kind === 'number') {
    const domain = literals[0]?.domain;
    const integer = domain === 'rfm' || domain === 'count';
    const numbers = constants.filter((value): value is number => typeof value === 'number');
    const step = integer ? 1 : 0.5;
    const sorted = [...new Set(numbers)].sort((a, b) => a - b);
    const points = new Set<number>();
    for (const [index, n] of sorted.entries()) {
      points.add(n).add(n - step).add(n + step);
      const next = sorted[index + 1];
      if (next !== undefined) points.add(integer ? Math.floor((n + next) / 2) : (n + next) / 2);
    }
    if (sorted.length === 0) points.add(0);
    let values = [...points];
    if (domain === 'rfm') values = [1, 2, 3, 4, 5];
    if (domain === 'count') values = values.filter((value) => value >= 0);
    return values;
  }
  const fresh = '\u0000 a value no condition names';
  return literals[0]?.domain === 'tag' ? [true, false] : [...new Set(constants), fresh];
}

// With every constant and the points between them tried, a variable over one-dimensional comparisons
// is satisfiable exactly when one candidate satisfies all its literals.
function variableSatisfiable(literals: Literal[], budget: AnalysisBudget): boolean {
  if (literals.some((literal) => literal.kind === 'opaque')) return true;
  if (new Set(literals.map((literal) => literal.kind)).size > 1) return true;
  // An absent attribute satisfies "!=" and fails every other comparison (negations flip that).
  const absentAllowed = literals.every((literal) => literal.optional && (literal.op === '!=') !== literal.negated);
  if (absentAllowed) return true;
  const candidates = candidateValues(literals);
  if (!spend(budget, candidates.length * literals.length)) return true;
  return candidates.some((value) => literals.every((literal) => holdsFor(literal, value)));
}

function conjunctSatisfiable(conjunct: Conjunct, budget: AnalysisBudget): boolean {
  const byVariable = new Map<string, Literal[]>();
  for (const literal of conjunct) {
    const list = byVariable.get(literal.variable);
    if (list) list.push(literal);
    else byVariable.set(literal.variable, [literal]);
  }
  return [...byVariable.values()].every((literals) => variableSatisfiable(literals, budget));
}

/**
 * false when no user can ever satisfy the condition; true when some can or when undecidable here
 * (the budget spent included).
 */
export function isSatisfiable(condition: Condition, budget: AnalysisBudget = analysisBudget()): boolean {
  const dnf = toDnf(condition, false, budget);
  return dnf === null || dnf.some((conjunct) => conjunctSatisfiable(conjunct, budget));
}

/** True only when every user satisfying `condition` is certain to satisfy `other` as well. */
export function implies(condition: Condition, other: Condition, budget: AnalysisBudget = analysisBudget()): boolean {
  return !isSatisfiable({ all: [condition, { not: other }] }, budget);
}
