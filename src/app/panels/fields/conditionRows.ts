// The flat shape the condition builder shows: a top-level all/any over simple tests. Conditions that do
// not fit it (nested groups, "not") are edited as JSON instead.
import type { AttributeTest, Condition, EventCountTest, RfmTest, SegmentTest, TagTest } from '../../../core/journey';
import { isPlainObject } from '../../../core/journey';
import type { FieldPath } from '../../../core/journey';

export type Test = AttributeTest | TagTest | SegmentTest | RfmTest | EventCountTest;
export const testTypes = ['attribute', 'tag', 'segment', 'rfm', 'event'] as const;
export type TestType = (typeof testTypes)[number];
export type Mode = 'all' | 'any';

export interface FlatCondition {
  mode: Mode;
  rows: Test[];
  /** The condition is a single test, not wrapped in all/any. */
  bare: boolean;
}

const isObject = isPlainObject;

export function testType(value: unknown): TestType | null {
  if (!isObject(value) || 'all' in value || 'any' in value || 'not' in value) return null;
  if ('attribute' in value) return 'attribute';
  if ('tag' in value) return 'tag';
  if ('segment' in value) return 'segment';
  if ('rfm' in value) return 'rfm';
  if ('event' in value) return 'event';
  return null;
}

/** The flat reading of a condition, or null when it needs the JSON editor. */
export function toFlat(condition: unknown): FlatCondition | null {
  if (!isObject(condition)) return null;
  for (const mode of ['all', 'any'] as const) {
    const parts = condition[mode];
    if (Object.keys(condition).length === 1 && Array.isArray(parts))
      return parts.every((part) => testType(part) !== null) ? { mode, rows: parts as Test[], bare: false } : null;
  }
  return testType(condition) ? { mode: 'all', rows: [condition as Test], bare: true } : null;
}

/** Back to a condition: one test under "all" is written on its own. */
export function fromFlat(mode: Mode, rows: readonly Test[]): Condition {
  if (mode === 'all' && rows.length === 1) return rows[0]!;
  return mode === 'all' ? { all: [...rows] } : { any: [...rows] };
}

/** Where row `index` sits in the condition's JSON, relative to the document root. */
export function rowPath(flat: FlatCondition, path: FieldPath, index: number): FieldPath {
  return flat.bare ? path : [...path, flat.mode, index];
}

export const rowKeys: Record<TestType, readonly string[]> = {
  attribute: ['attribute', 'op', 'value'],
  tag: ['tag', 'present'],
  segment: ['segment', 'member'],
  rfm: ['rfm', 'op', 'score'],
  event: ['event', 'within', 'op', 'count'],
};

export function newTest(type: TestType): Test {
  switch (type) {
    case 'attribute':
      return { attribute: '', op: '=', value: '' };
    case 'tag':
      return { tag: '', present: true };
    case 'segment':
      return { segment: '', member: true };
    case 'rfm':
      return { rfm: 'recency', op: '>=', score: 4 };
    case 'event':
      return { event: 'purchase', within: 'P30D', op: '>=', count: 1 };
  }
}

/** Every place inside a condition the builder can show a message: rows and their controls. */
export function conditionSlots(condition: unknown, path: FieldPath): FieldPath[] {
  const flat = toFlat(condition);
  if (!flat) return [];
  return flat.rows.flatMap((row, index) => {
    const at = rowPath(flat, path, index);
    const type = testType(row);
    return [at, ...(type ? rowKeys[type].map((key) => [...at, key]) : [])];
  });
}

/** "north, south" → ["north", "south"] (also split on the Chinese comma), each typed as a scalar. */
export function splitList(text: string): string[] {
  return text
    .split(/[,，]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
