import type { JourneyDocument } from '../../core/journey';

/**
 * Whether two versions of a journey simulate alike: the same settings, edges and nodes, where moving a
 * node within its lane does not count. Edits go through immer, so untouched parts keep their identity
 * and this is a cheap walk of references, run on every change of the open journey.
 */
export function sameForSimulation(a: JourneyDocument, b: JourneyDocument): boolean {
  if (a === b) return true;
  if (a.settings !== b.settings || a.edges !== b.edges || a.nodes.length !== b.nodes.length) return false;
  return a.nodes.every((node, index) => {
    const other = b.nodes[index]!;
    return node === other || (node.id === other.id && node.kind === other.kind && node.stage === other.stage && node.label === other.label && node.params === other.params);
  });
}

/** Structural equality of JSON-like values (what journeys and cohort specs are made of). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, index) => sameValue(item, other[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  const otherKeys = Object.keys(right).filter((key) => right[key] !== undefined);
  return keys.length === otherKeys.length && keys.every((key) => Object.hasOwn(right, key) && sameValue(left[key], right[key]));
}

/**
 * sameForSimulation for two versions that share no objects (a journey kept with a saved run, against the
 * one opened after a reload): the same comparison, by value instead of by reference.
 */
export function sameForSimulationByValue(a: JourneyDocument, b: JourneyDocument): boolean {
  if (sameForSimulation(a, b)) return true;
  if (!sameValue(a.settings, b.settings) || !sameValue(a.edges, b.edges) || a.nodes.length !== b.nodes.length) return false;
  return a.nodes.every((node, index) => {
    const other = b.nodes[index]!;
    return node.id === other.id && node.kind === other.kind && node.stage === other.stage && node.label === other.label && sameValue(node.params, other.params);
  });
}
