import { parseDuration } from './duration';
import { compare, type Condition, type ComparisonOp, type Scalar } from './condition';

/**
 * A small decision procedure for the condition language, used by validation to find branch cases that
 * can never match or are shadowed by earlier ones. It answers `false` (unsatisfiable) only when that is
 * certain; whatever it cannot decide it calls satisfiable, so it never raises a false warning.
 */

type Literal = { variable: string; kind: 'number' | 'discrete' | 'opaque'; op: ComparisonOp; value: Scalar | Scalar[]; negated: boolean; optional: boolean; domain?: 'tag' | 'rfm' | 'count' };
type Conjunct = Literal[];

const MAX_CONJUNCTS = 256;

function literalOf(condition: Condition): Literal {
  if ('attribute' in condition) {
    const values = Array.isArray(condition.value) ? condition.value : [condition.value];
    const numeric = values.every((value) => typeof value === 'number');
    const ordered = !['=', '!=', 'in'].includes(condition.op);
    const kind = numeric ? 'number' : ordered || values.some((value) => typeof value === 'number') ? 'opaque' : 'discrete';
    return { variable: `attribute:${condition.attribute}`, kind, op: condition.op, value: condition.value, negated: false, optional: true };
  }
  if ('tag' in condition)
    return { variable: `tag:${condition.tag}`, kind: 'discrete', op: '=', value: condition.present, negated: false, optional: false, domain: 'tag' };
  if ('segment' in condition)
    return { variable: 'segment', kind: 'discrete', op: condition.member ? '=' : '!=', value: condition.segment, negated: false, optional: false };
  if ('rfm' in condition)
    return { variable: `rfm:${condition.rfm}`, kind: 'number', op: condition.op, value: condition.score, negated: false, optional: false, domain: 'rfm' };
  if ('event' in condition)
    return {
      variable: `count:${condition.event}:${parseDuration(condition.within) ?? 0}`,
      kind: 'number',
      op: condition.op,
      value: condition.count,
      negated: false,
      optional: false,
      domain: 'count',
    };
  throw new Error('not a leaf condition');
}

/** Disjunctive normal form of a condition (or its negation), or null when it would grow too large. */
function toDnf(condition: Condition, negate: boolean): Conjunct[] | null {
  if ('not' in condition) return toDnf(condition.not, !negate);
  const isAll = 'all' in condition;
  if (isAll || 'any' in condition) {
    const parts = isAll ? condition.all : condition.any;
    const conjunctive = isAll !== negate; // De Morgan
    const dnfs = parts.map((part) => toDnf(part, negate));
    if (dnfs.some((dnf) => dnf === null)) return null;
    const lists = dnfs as Conjunct[][];
    if (!conjunctive) return lists.flat().length > MAX_CONJUNCTS ? null : lists.flat();
    let product: Conjunct[] = [[]];
    for (const list of lists) {
      const next: Conjunct[] = [];
      for (const left of product) for (const right of list) next.push([...left, ...right]);
      if (next.length > MAX_CONJUNCTS) return null;
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
function variableSatisfiable(literals: Literal[]): boolean {
  if (literals.some((literal) => literal.kind === 'opaque')) return true;
  if (new Set(literals.map((literal) => literal.kind)).size > 1) return true;
  // An absent attribute satisfies "!=" and fails every other comparison (negations flip that).
  const absentAllowed = literals.every((literal) => literal.optional && (literal.op === '!=') !== literal.negated);
  if (absentAllowed) return true;
  return candidateValues(literals).some((value) => literals.every((literal) => holdsFor(literal, value)));
}

function conjunctSatisfiable(conjunct: Conjunct): boolean {
  const byVariable = new Map<string, Literal[]>();
  for (const literal of conjunct) byVariable.set(literal.variable, [...(byVariable.get(literal.variable) ?? []), literal]);
  return [...byVariable.values()].every(variableSatisfiable);
}

/** false when no user can ever satisfy the condition; true when some can or when undecidable here. */
export function isSatisfiable(condition: Condition): boolean {
  const dnf = toDnf(condition, false);
  return dnf === null || dnf.some(conjunctSatisfiable);
}

/** True only when every user satisfying `condition` is certain to satisfy `other` as well. */
export function implies(condition: Condition, other: Condition): boolean {
  return !isSatisfiable({ all: [condition, { not: other }] });
}
