import { produce } from 'immer';
import { CURRENT_SCHEMA_VERSION, settingsSchema, type JourneyDocument, type JourneyEdge, type JourneyNode, type JourneySettings } from '../journey/schema';
import { stageIndex, stages, type Stage } from '../journey/stages';
import { goalsSchema, type GoalSpec } from '../journey/goals';
import { clampToLane, FIRST_COLUMN_X, laneRowY, ROW_HEIGHT, stageAt } from '../journey/lanes';
import { defaultRegistry, type Registry } from '../journey/registry';
import { freshId } from './ids';

/**
 * Editor commands: pure functions from a journey to the next one. The store calls them, records the
 * result in undo history, and never changes a document any other way.
 */

export interface Position {
  x: number;
  y: number;
}

/** Nodes copied with the edges between them: what copy, cut, paste and duplicate carry. */
export interface Fragment {
  nodes: JourneyNode[];
  edges: JourneyEdge[];
}

export const NODE_WIDTH = 220;
export const COLUMN_GAP = 260;

const takenIds = (journey: JourneyDocument) => new Set([...journey.nodes.map((node) => node.id), ...journey.edges.map((edge) => edge.id)]);

/** The params a newly added step of `kind` starts with: the kind's new-step values over its defaults. */
export function defaultParams(kind: string, registry: Registry = defaultRegistry): Record<string, unknown> {
  const definition = registry.get(kind);
  if (!definition) throw new Error(`Unknown node kind "${kind}"`);
  return definition.params.parse(structuredClone(definition.newStep ?? {}));
}

export function addNode(
  journey: JourneyDocument,
  request: { kind: string; position: Position; stage?: Stage; label?: string; params?: Record<string, unknown> },
  registry: Registry = defaultRegistry,
): { journey: JourneyDocument; nodeId: string } {
  const id = freshId(request.kind, takenIds(journey));
  const stage = request.stage ?? stageAt(request.position.y);
  const node: JourneyNode = {
    id,
    kind: request.kind,
    stage,
    position: { x: Math.round(request.position.x), y: Math.round(clampToLane(request.position.y, stage, 60)) },
    label: request.label ?? '',
    params: request.params ?? defaultParams(request.kind, registry),
  };
  return { journey: produce(journey, (draft) => void draft.nodes.push(node)), nodeId: id };
}

/** The first output port of a node that has no edge yet, or null when all are used (or it has none). */
export function freePort(journey: JourneyDocument, nodeId: string, registry: Registry = defaultRegistry): string | null {
  const node = journey.nodes.find((candidate) => candidate.id === nodeId);
  const kind = node && registry.get(node.kind);
  if (!node || !kind) return null;
  const used = new Set(journey.edges.filter((edge) => edge.source === nodeId).map((edge) => edge.sourcePort));
  return kind.ports(node.params).find((port) => !used.has(port.id))?.id ?? null;
}

/**
 * The lane a step added by keyboard goes in, from what the step is:
 * - a way into the journey (an entry) starts a path, so it goes in the first lane, whatever is selected;
 * - an ending (goal, exit) closes a path, so it goes in the latest lane the journey's steps already use,
 *   or the lane of the step it follows if that is later: a conversion or a last step belongs where the
 *   journey ends up, not beside an early message (issue 17: goals and exits landed in Awareness);
 * - any other step continues the path in the lane of the step it follows (the last lane when there is none).
 * The user moves it from there; this only makes the first place a likely one.
 */
export function laneForNewStep(journey: JourneyDocument, anchor: JourneyNode | undefined, kind: string, registry: Registry = defaultRegistry): Stage {
  const definition = registry.get(kind);
  if (definition?.outside) return stages[0];
  const following = anchor?.stage ?? journey.nodes.at(-1)?.stage ?? stages[0];
  if (!definition?.ends) return following;
  return journey.nodes.reduce<Stage>((latest, node) => (stageIndex(node.stage) > stageIndex(latest) ? node.stage : latest), following);
}

/**
 * Adds a node to the right of `anchorId`, connected from the anchor's first free port, in the lane
 * `laneForNewStep` picks: what the palette's keyboard "add" does. An entry follows nothing: it is added
 * unconnected, at the start of the first lane (or after that lane's last step when the start is taken).
 */
export function addNodeAfter(
  journey: JourneyDocument,
  anchorId: string | null,
  kind: string,
  registry: Registry = defaultRegistry,
): { journey: JourneyDocument; nodeId: string } {
  const stage = laneForNewStep(journey, anchorId ? journey.nodes.find((node) => node.id === anchorId) : undefined, kind, registry);
  const anchor = registry.get(kind)?.outside ? undefined : journey.nodes.find((node) => node.id === anchorId);
  if (!anchor) {
    const inLane = journey.nodes.filter((node) => node.stage === stage);
    const x = inLane.length === 0 ? FIRST_COLUMN_X : inLane.reduce((right, node) => Math.max(right, node.position.x + COLUMN_GAP), FIRST_COLUMN_X);
    return addNode(journey, { kind, stage, position: { x, y: laneRowY(stage) } }, registry);
  }
  const port = freePort(journey, anchor.id, registry);
  const siblings = journey.edges.filter((edge) => edge.source === anchor.id).length;
  // Beside the anchor in its own lane, a row lower for every second sibling; in another lane, that lane's row.
  const y = stage === anchor.stage ? anchor.position.y + (siblings % 2) * ROW_HEIGHT : laneRowY(stage, siblings % 2);
  const added = addNode(journey, { kind, stage, position: { x: anchor.position.x + COLUMN_GAP, y } }, registry);
  if (!port) return added;
  return { journey: connect(added.journey, { source: anchor.id, sourcePort: port, target: added.nodeId }), nodeId: added.nodeId };
}

/** Connects a port to a node. A port leads to one place, so an earlier edge from it is replaced. */
export function connect(journey: JourneyDocument, link: { source: string; sourcePort: string; target: string }): JourneyDocument {
  return produce(journey, (draft) => {
    draft.edges = draft.edges.filter((edge) => !(edge.source === link.source && edge.sourcePort === link.sourcePort));
    const id = freshId(`${link.source}-${link.sourcePort}-`, takenIds(draft as JourneyDocument));
    draft.edges.push({ id, ...link });
  });
}

/** Removes nodes (with every edge touching them) and edges. */
export function deleteElements(journey: JourneyDocument, nodeIds: readonly string[], edgeIds: readonly string[] = []): JourneyDocument {
  if (nodeIds.length === 0 && edgeIds.length === 0) return journey;
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  return produce(journey, (draft) => {
    draft.nodes = draft.nodes.filter((node) => !nodes.has(node.id));
    draft.edges = draft.edges.filter((edge) => !edges.has(edge.id) && !nodes.has(edge.source) && !nodes.has(edge.target));
  });
}

/** Moves nodes; a node dropped in another lane takes that lane's stage. */
export function moveNodes(journey: JourneyDocument, moves: readonly { id: string; position: Position }[]): JourneyDocument {
  if (moves.length === 0) return journey;
  const byId = new Map(moves.map((move) => [move.id, move.position]));
  return produce(journey, (draft) => {
    for (const node of draft.nodes) {
      const position = byId.get(node.id);
      if (!position) continue;
      node.position = { x: Math.round(position.x), y: Math.round(position.y) };
      node.stage = stageAt(position.y + 30);
    }
  });
}

export function nudgeNodes(journey: JourneyDocument, ids: readonly string[], dx: number, dy: number): JourneyDocument {
  const chosen = new Set(ids);
  return moveNodes(
    journey,
    journey.nodes.filter((node) => chosen.has(node.id)).map((node) => ({ id: node.id, position: { x: node.position.x + dx, y: node.position.y + dy } })),
  );
}

/** Changes a node's label, stage or params. A new stage moves the node into that stage's lane. */
export function updateNode(
  journey: JourneyDocument,
  id: string,
  patch: { label?: string; stage?: Stage; params?: Record<string, unknown> },
  registry: Registry = defaultRegistry,
): JourneyDocument {
  return produce(journey, (draft) => {
    const node = draft.nodes.find((candidate) => candidate.id === id);
    if (!node) return;
    if (patch.label !== undefined) node.label = patch.label;
    if (patch.params !== undefined) {
      draft.edges = edgesAfterParamsChange(journey, id, patch.params, registry);
      node.params = patch.params;
    }
    if (patch.stage !== undefined && patch.stage !== node.stage) {
      node.stage = patch.stage;
      node.position.y = laneRowY(patch.stage);
    }
  });
}

/** A node's outgoing edges follow its ports when new params renumber or remove them. */
function edgesAfterParamsChange(journey: JourneyDocument, id: string, params: Record<string, unknown>, registry: Registry): JourneyEdge[] {
  const node = journey.nodes.find((candidate) => candidate.id === id);
  const kind = node && registry.get(node.kind);
  if (!node || !kind) return journey.edges;
  const remap = kind.remapPorts?.(node.params, params);
  const ports = new Set(kind.ports(params).map((port) => port.id));
  return journey.edges.flatMap((edge) => {
    if (edge.source !== id) return [edge];
    const port = remap?.has(edge.sourcePort) ? remap.get(edge.sourcePort) : edge.sourcePort;
    if (!port || !ports.has(port)) return [];
    return [port === edge.sourcePort ? edge : { ...edge, sourcePort: port }];
  });
}

export function updateSettings(journey: JourneyDocument, settings: JourneySettings): JourneyDocument {
  return produce(journey, (draft) => void (draft.settings = settings));
}

/**
 * Replaces the journey's SMART goals. They are checked against the format (at most three, each a known
 * metric, comparison and number, whole days above 0) and refused with zod's error otherwise: callers
 * check what users type before calling.
 */
export function setGoals(journey: JourneyDocument, goals: readonly GoalSpec[]): JourneyDocument {
  const checked = goalsSchema.parse(goals);
  return produce(journey, (draft) => void (draft.goals = checked));
}

export function renameJourney(journey: JourneyDocument, name: string, description?: string): JourneyDocument {
  return produce(journey, (draft) => {
    draft.name = name;
    if (description !== undefined) draft.description = description;
  });
}

/** The chosen nodes and the edges between them (edges leaving the selection stay behind). */
export function copyFragment(journey: JourneyDocument, nodeIds: readonly string[]): Fragment {
  const chosen = new Set(nodeIds);
  return {
    nodes: journey.nodes.filter((node) => chosen.has(node.id)),
    edges: journey.edges.filter((edge) => chosen.has(edge.source) && chosen.has(edge.target)),
  };
}

/** Pastes a fragment with fresh ids, shifted by `offset`; returns the new node ids (to select them). */
export function pasteFragment(
  journey: JourneyDocument,
  fragment: Fragment,
  offset: Position = { x: 40, y: 40 },
): { journey: JourneyDocument; nodeIds: string[]; edgeIds: string[] } {
  const taken = takenIds(journey);
  const idMap = new Map<string, string>();
  for (const node of fragment.nodes) {
    const id = freshId(node.id.replace(/\d+$/, ''), taken);
    taken.add(id);
    idMap.set(node.id, id);
  }
  const nodes = fragment.nodes.map((node) => {
    const y = node.position.y + offset.y;
    return { ...structuredClone(node), id: idMap.get(node.id)!, position: { x: node.position.x + offset.x, y }, stage: stageAt(y + 30) };
  });
  const edges = fragment.edges
    .filter((edge) => idMap.has(edge.source) && idMap.has(edge.target))
    .map((edge) => {
      const id = freshId(`${idMap.get(edge.source)}-${edge.sourcePort}-`, taken);
      taken.add(id);
      return { ...edge, id, source: idMap.get(edge.source)!, target: idMap.get(edge.target)! };
    });
  return {
    journey: produce(journey, (draft) => {
      // One by one, not push(...nodes): a paste may hold more items than a call takes arguments.
      for (const pasted of nodes) draft.nodes.push(pasted);
      for (const pasted of edges) draft.edges.push(pasted);
    }),
    nodeIds: nodes.map((node) => node.id),
    edgeIds: edges.map((edge) => edge.id),
  };
}

/** Places nodes at the given positions (from auto-layout) in one step, keeping their stages. */
export function applyPositions(journey: JourneyDocument, positions: ReadonlyMap<string, Position>): JourneyDocument {
  return produce(journey, (draft) => {
    for (const node of draft.nodes) {
      const position = positions.get(node.id);
      if (position) node.position = { x: Math.round(position.x), y: Math.round(position.y) };
    }
  });
}

/** A new, empty journey with default settings. */
export function emptyJourney(id: string, name: string): JourneyDocument {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, id, name, description: '', settings: settingsSchema.parse({}), nodes: [], edges: [], goals: [] };
}

/** A copy of a journey under a new id and name (the journeys list's "duplicate"). */
export function duplicateJourney(journey: JourneyDocument, id: string, name: string): JourneyDocument {
  return { ...structuredClone(journey), id, name };
}
