import type { JourneyDocument } from '../../core/journey/schema';

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
