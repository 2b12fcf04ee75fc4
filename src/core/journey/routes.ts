import type { Condition } from './condition';
import type { JourneyGraph } from './graph';
import type { JourneyNode, JourneySettings } from './schema';
import { getIn, isVisible, keyPath, type FieldPath, type FieldSpec } from './fields';
import { conditionGuard } from '../compile/operations/condition';
import { mayEnter } from '../compile/operations/mayEnter';

/**
 * What a node reads and how it routes users, found from what each kind already declares — its
 * inspector fields (a `condition` or `event` control) and its compiled state (transitions taken at once,
 * guarded by conditions) — so that the analyses built on them (exit on goal, the fit of a journey to a
 * cohort) need no list of kinds and a new kind is covered by declaring its fields.
 */

/** One port a node sends users through at once, with the condition that sends them (null: the fallback). */
export interface ConditionRoute {
  port: string;
  condition: Condition | null;
}

/**
 * How a node routes users the moment they arrive, by conditions checked in order (a branch's cases,
 * then "else"); empty for a node that routes otherwise (a split's draw, a timer) or not at all.
 */
export function conditionRoutes(graph: JourneyGraph, node: JourneyNode, settings: JourneySettings): ConditionRoute[] {
  // The kind compiled with a context in which a port's transition targets the port's own name.
  const state = graph.kindOf(node).compile(node, {
    settings,
    leave: '',
    enter: [],
    target: (port) => port,
    go: (port) => ({ target: port }),
    // Every port counts as connected, so each one's route shows.
    connected: () => true,
  });
  const always = state.always ?? [];
  if (!always.some((transition) => transition.guard?.type === conditionGuard.type)) return [];
  if (always.some((transition) => transition.guard && transition.guard.type !== conditionGuard.type)) return [];
  return always.map((transition) => ({
    port: transition.target ?? '',
    condition: transition.guard ? ((transition.guard.params as { condition: Condition }).condition ?? null) : null,
  }));
}

/** The filters of the ways into the journey an entry node opens (none when it lets everyone in). */
export function entryFilters(graph: JourneyGraph, node: JourneyNode): Condition[] {
  const ways = graph.kindOf(node).outside?.(node);
  const transitions = [...Object.values(ways?.on ?? {}), ...Object.values(ways?.after ?? {})].flat();
  return transitions.flatMap((transition) => {
    if (transition.guard?.type !== mayEnter.type) return [];
    const condition = (transition.guard.params as { condition: Condition | null } | undefined)?.condition;
    return condition ? [condition] : [];
  });
}

/** A value a node's params hold in a field of one control, with where it is and the field's label path. */
export interface FieldRead<T> {
  value: T;
  /** Path inside the node's params. */
  path: FieldPath;
  /** The fields it sits in, outermost first, with the list item's number where there is one. */
  fields: { field: FieldSpec; item?: number }[];
}

/** Every value held in the node's visible fields of `control` (conditions, events), lists and groups included. */
export function fieldValues(graph: JourneyGraph, node: JourneyNode, control: 'condition' | 'event'): FieldRead<unknown>[] {
  const found: FieldRead<unknown>[] = [];
  const walk = (fields: readonly FieldSpec[], scope: unknown, base: FieldPath, outer: FieldRead<unknown>['fields']) => {
    for (const field of fields) {
      if (!isVisible(field, scope)) continue;
      const path = [...base, ...keyPath(field.key)];
      const value = getIn(scope, keyPath(field.key));
      if (field.control === control && value !== null && value !== undefined) found.push({ value, path, fields: [...outer, { field }] });
      if (field.control === 'group' && field.fields) walk(field.fields, value, path, [...outer, { field }]);
      if (field.control === 'list' && field.fields && Array.isArray(value))
        value.forEach((item, index) => walk(field.fields!, item, [...path, index], [...outer, { field, item: index + 1 }]));
    }
  };
  walk(graph.kindOf(node).fields ?? [], node.params, [], []);
  return found;
}

/** The behaviour events a node names in its fields: an entry's trigger, a wait's event, a goal's. */
export const eventsNamedBy = (graph: JourneyGraph, node: JourneyNode): string[] =>
  fieldValues(graph, node, 'event')
    .map((read) => read.value)
    .filter((value): value is string => typeof value === 'string');
