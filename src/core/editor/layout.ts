import type { ELK } from 'elkjs/lib/elk.bundled.js';
import type { JourneyDocument } from '../journey/schema';
import { FIRST_COLUMN_X, LANE_HEIGHT, LANE_PADDING, laneRowY, laneTop, ROW_HEIGHT } from '../journey/lanes';
import { defaultRegistry, type Registry } from '../journey/registry';
import { NODE_WIDTH, type Position } from './commands';

// ELK is about 1.4 MB of the app's JavaScript and only auto-layout uses it: loaded the first time it
// lays a journey out, so the app does not fetch it before its first screen.
let elk: Promise<ELK> | null = null;
function loadElk(): Promise<ELK> {
  elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ElkConstructor }) => new ElkConstructor());
  return elk;
}
const NODE_HEIGHT = 70;
const COLUMN_STEP = 280;
const ROWS_PER_LANE = Math.max(1, Math.floor((LANE_HEIGHT - LANE_PADDING / 2) / ROW_HEIGHT));

/**
 * Auto-layout: ELK's layered algorithm orders the journey left to right (entries first, each step in
 * a column after the ones that lead to it); then every node goes back into its own stage's lane, rows
 * inside a lane following ELK's vertical order. Returns new positions; the caller applies them as one
 * undoable step.
 */
export async function layoutJourney(journey: JourneyDocument, registry: Registry = defaultRegistry): Promise<Map<string, Position>> {
  const ids = new Set(journey.nodes.map((node) => node.id));
  const graph = await (await loadElk()).layout({
    id: 'journey',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.spacing.nodeNode': '30',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.crossingMinimization.semiInteractive': 'true',
    },
    children: journey.nodes.map((node) => ({
      id: node.id,
      width: NODE_WIDTH,
      height: NODE_HEIGHT + 16 * Math.max(0, (registry.get(node.kind)?.ports(node.params).length ?? 1) - 2),
      // Keep ELK's vertical order close to the lanes': it orders within a layer by this position.
      x: node.position.x,
      y: laneTop(node.stage),
    })),
    edges: journey.edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
      .map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  });

  const placed = (graph.children ?? []).map((child) => ({ id: child.id, x: child.x ?? 0, y: child.y ?? 0 }));
  const stageOf = new Map(journey.nodes.map((node) => [node.id, node.stage]));
  // ELK's x gives the column; within a lane, nodes sharing a column stack in rows by ELK's y, and a
  // column with more nodes than the lane has rows spills to the right.
  const columns = [...new Set(placed.map((node) => Math.round(node.x)))].sort((a, b) => a - b);
  const columnOf = (x: number) => columns.indexOf(Math.round(x));
  const groups = new Map<string, typeof placed>();
  for (const node of placed) {
    const key = `${stageOf.get(node.id)}:${columnOf(node.x)}`;
    groups.set(key, [...(groups.get(key) ?? []), node]);
  }
  // A column is as wide as the most spilled group in it needs, so spilled nodes never overlap.
  const spillsPerColumn = columns.map(() => 1);
  for (const [key, group] of groups) {
    const column = Number(key.slice(key.lastIndexOf(':') + 1));
    spillsPerColumn[column] = Math.max(spillsPerColumn[column]!, Math.ceil(group.length / ROWS_PER_LANE));
  }
  const columnX: number[] = [];
  spillsPerColumn.reduce((x, spills, column) => ((columnX[column] = x), x + spills * COLUMN_STEP), FIRST_COLUMN_X);
  const positions = new Map<string, Position>();
  for (const group of groups.values()) {
    group.sort((a, b) => a.y - b.y);
    group.forEach((node, index) => {
      const stage = stageOf.get(node.id)!;
      const row = index % ROWS_PER_LANE;
      const spill = Math.floor(index / ROWS_PER_LANE);
      positions.set(node.id, { x: columnX[columnOf(node.x)]! + spill * COLUMN_STEP, y: laneRowY(stage, row) });
    });
  }
  return positions;
}
