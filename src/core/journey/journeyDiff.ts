// What differs between two versions of one journey, for version history and the conflict banner: steps
// added, removed, changed (label, kind, settings, stage) and moved — a move is apart, since dragging a
// step changes nothing it does — connections added and removed, and the journey's own fields and
// settings. Steps and connections are matched by id. The order is stable: what exists in `after` in
// its order there, what was removed in its order in `before`, paths sorted.
import { isPlainObject } from './zodMessages';
import type { JourneyDocument, JourneyEdge, JourneyNode } from './schema';

/** What about a step changed: its label, its kind, its own settings (params), its lifecycle stage. */
export type NodeAspect = 'label' | 'kind' | 'params' | 'stage';
export const nodeAspects: readonly NodeAspect[] = ['label', 'kind', 'params', 'stage'];

/** The journey's own fields a diff looks at beside its steps, connections and settings. */
export type JourneyField = 'name' | 'description' | 'language' | 'goals';
const journeyFields: readonly JourneyField[] = ['name', 'description', 'language', 'goals'];

export interface ChangedNode {
  /** The step as it is in `after`. */
  node: JourneyNode;
  /** What changed, in the order of nodeAspects; never empty. */
  aspects: NodeAspect[];
}

export interface MovedNode {
  node: JourneyNode;
  from: { x: number; y: number };
}

export interface JourneyDiff {
  nodesAdded: JourneyNode[];
  nodesRemoved: JourneyNode[];
  nodesChanged: ChangedNode[];
  /** Steps only moved on the canvas; a step changed and moved is in both lists. */
  nodesMoved: MovedNode[];
  /** An edge whose id stayed but whose ends changed is both removed (as it was) and added (as it is). */
  edgesAdded: JourneyEdge[];
  edgesRemoved: JourneyEdge[];
  /** Dotted paths of the settings that differ ("frequencyCap.touches"), sorted. */
  settingsChanged: string[];
  journeyChanged: JourneyField[];
}

/** Two JSON values alike, whatever order their objects' keys were written in. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!sameJson(a[key], b[key])) return false;
  return true;
}

/** The dotted paths under which two settings objects differ; arrays and other values count as one setting. */
function differingPaths(before: unknown, after: unknown, prefix: string, into: string[]): void {
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) differingPaths(before[key], after[key], prefix ? `${prefix}.${key}` : key, into);
  } else if (!sameJson(before, after)) into.push(prefix);
}

const sameEnds = (a: JourneyEdge, b: JourneyEdge) => a.source === b.source && a.sourcePort === b.sourcePort && a.target === b.target;

function changedAspects(before: JourneyNode, after: JourneyNode): NodeAspect[] {
  const differs: Record<NodeAspect, boolean> = {
    label: before.label !== after.label,
    kind: before.kind !== after.kind,
    params: !sameJson(before.params, after.params),
    stage: before.stage !== after.stage,
  };
  return nodeAspects.filter((aspect) => differs[aspect]);
}

/** What `after` changes against `before` (two versions of one journey). */
export function diffJourneys(before: JourneyDocument, after: JourneyDocument): JourneyDiff {
  const nodesBefore = new Map(before.nodes.map((node) => [node.id, node]));
  const nodesAfter = new Set(after.nodes.map((node) => node.id));
  const diff: JourneyDiff = { nodesAdded: [], nodesRemoved: [], nodesChanged: [], nodesMoved: [], edgesAdded: [], edgesRemoved: [], settingsChanged: [], journeyChanged: [] };

  for (const node of after.nodes) {
    const was = nodesBefore.get(node.id);
    if (!was) {
      diff.nodesAdded.push(node);
      continue;
    }
    const aspects = changedAspects(was, node);
    if (aspects.length > 0) diff.nodesChanged.push({ node, aspects });
    if (was.position.x !== node.position.x || was.position.y !== node.position.y) diff.nodesMoved.push({ node, from: was.position });
  }
  diff.nodesRemoved = before.nodes.filter((node) => !nodesAfter.has(node.id));

  const edgesBefore = new Map(before.edges.map((edge) => [edge.id, edge]));
  const edgesAfter = new Map(after.edges.map((edge) => [edge.id, edge]));
  diff.edgesAdded = after.edges.filter((edge) => {
    const was = edgesBefore.get(edge.id);
    return !was || !sameEnds(was, edge);
  });
  diff.edgesRemoved = before.edges.filter((edge) => {
    const is = edgesAfter.get(edge.id);
    return !is || !sameEnds(edge, is);
  });

  differingPaths(before.settings, after.settings, '', diff.settingsChanged);
  diff.settingsChanged.sort();
  diff.journeyChanged = journeyFields.filter((field) => !sameJson(before[field], after[field]));
  return diff;
}

/** Whether a diff finds nothing at all that differs. */
export const noDifference = (diff: JourneyDiff): boolean =>
  diff.nodesAdded.length + diff.nodesRemoved.length + diff.nodesChanged.length + diff.nodesMoved.length + diff.edgesAdded.length + diff.edgesRemoved.length + diff.settingsChanged.length + diff.journeyChanged.length === 0;
