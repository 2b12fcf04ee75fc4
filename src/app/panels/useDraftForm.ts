// The draft behind a form: what the user has typed, checked against a zod schema on every change and
// handed on only when the whole value is valid. Changes from outside (undo, another panel) are taken in
// without throwing away what the user is typing in a field that is currently invalid.
import { useState } from 'react';
import { isPlainObject, plainPath } from '../../core/journey';
import type { z } from 'zod';
import { getIn, hasIn, isPrefix, pathKey, setIn, type FieldPath } from '../../core/journey';
import { deepEqual } from './deepEqual';

/** A problem the control itself found before the schema could (an empty number, broken JSON, JSON
 *  nested or sized beyond what any document may be). */
export type LocalErrorKey = 'required' | 'number' | 'durationAmount' | 'json' | 'tooDeep' | 'tooLarge';
export interface LocalError {
  key: LocalErrorKey;
  /** For 'json': the parser's own words. */
  detail?: string;
  /** Numbers the message names (the limits), for the message's placeholders. */
  params?: Record<string, string | number>;
}

export type Issue = z.core.$ZodIssue;

interface DraftState {
  /** The value last received from outside. */
  seen: unknown;
  /** What the outside holds as far as we know: `seen`, or what we last handed on since. */
  base: unknown;
  draft: unknown;
  issues: Issue[];
  local: ReadonlyMap<string, { path: FieldPath; error: LocalError }>;
}

export interface DraftForm {
  draft: unknown;
  /** Issues of the schema with the draft, with plain (string | number) paths. */
  issues: readonly { path: FieldPath; issue: Issue }[];
  local: readonly { path: FieldPath; error: LocalError }[];
  /** Put a value at a path (or remove the key); clears control errors at and under the path. */
  setAt(path: FieldPath, value: unknown, options?: { remove?: boolean }): void;
  /**
   * Record that the control at `path` holds something that is not a value yet (the draft takes
   * `value`, by default nothing), so nothing is handed on until it is corrected.
   */
  setError(path: FieldPath, error: LocalError, value?: unknown): void;
}


function check(schema: z.ZodType, draft: unknown): { data?: unknown; issues: Issue[] } {
  const result = schema.safeParse(draft);
  return result.success ? { data: result.data, issues: [] } : { issues: result.error.issues };
}

function initial(value: unknown, schema: z.ZodType): DraftState {
  const { data, issues } = check(schema, value);
  const base = issues.length === 0 ? data : value;
  return { seen: value, base, draft: base, issues, local: new Map() };
}

const isRecord = isPlainObject;

/** The places where `after` differs from `before`, as deep as both sides have the same shape. */
function changedPaths(before: unknown, after: unknown, path: FieldPath = []): FieldPath[] {
  if (deepEqual(before, after)) return [];
  if (isRecord(before) && isRecord(after))
    return [...new Set([...Object.keys(before), ...Object.keys(after)])].flatMap((key) => changedPaths(before[key], after[key], [...path, key]));
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length)
    return after.flatMap((item, index) => changedPaths(before[index], item, [...path, index]));
  return [path];
}

/**
 * Takes in a value changed from outside (undo, another panel). What the user has changed and not yet
 * handed on (because something is invalid) is laid over the new value, so half-typed input survives.
 */
function resync(state: DraftState, value: unknown, schema: z.ZodType): DraftState {
  const parsed = check(schema, value);
  const base = parsed.issues.length === 0 ? parsed.data : value;
  let draft = base;
  for (const path of changedPaths(state.base, state.draft)) {
    const parent = getIn(draft, path.slice(0, -1));
    if (path.length > 0 && (parent === null || typeof parent !== 'object')) continue;
    const mine = getIn(state.draft, path);
    draft = mine === undefined && !hasIn(state.draft, path) ? setIn(draft, path, undefined, true) : setIn(draft, path, mine);
  }
  const local = new Map([...state.local].filter(([, entry]) => hasIn(draft, entry.path)));
  return { seen: value, base, draft, issues: check(schema, draft).issues, local };
}

export function useDraftForm<T>({
  value,
  schema,
  onCommit,
}: {
  value: T;
  schema: z.ZodType<T>;
  onCommit(next: T): void;
}): DraftForm {
  const [state, setState] = useState<DraftState>(() => initial(value, schema));
  let current = state;
  if (!deepEqual(state.seen, value)) {
    // A change from outside: adjust during render, the documented way to derive state from props.
    current = resync(state, value, schema);
    setState(current);
  }

  const update = (draft: unknown, local: DraftState['local']) => {
    const { data, issues } = check(schema, draft);
    const commit = issues.length === 0 && local.size === 0 && !deepEqual(data, current.base);
    setState({ ...current, base: commit ? data : current.base, draft: issues.length === 0 ? data : draft, issues, local });
    if (commit) onCommit(data as T);
  };

  const withoutUnder = (path: FieldPath) => new Map([...current.local].filter(([, entry]) => !isPrefix(path, entry.path)));

  return {
    draft: current.draft,
    issues: current.issues.map((issue) => ({ path: plainPath(issue.path), issue })),
    local: [...current.local.values()],
    setAt(path, next, options) {
      update(setIn(current.draft, path, next, options?.remove ?? false), withoutUnder(path));
    },
    setError(path, error, value) {
      const local = withoutUnder(path);
      local.set(pathKey(path), { path, error });
      const draft = setIn(current.draft, path, value);
      setState({ ...current, draft, issues: check(schema, draft).issues, local });
    },
  };
}
