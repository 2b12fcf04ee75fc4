import type { ReactNode } from 'react';
import type { Language } from '../i18n/index.ts';
import type { JourneyDocument } from '../../core/journey';
import type { Problem } from '../../core/journey';
import type { Selection } from '../store/editorStore';
import { toFlowNode } from './nodes';
import { estimateNodeGeometry, nodeShape, type NodeGeometry } from './nodeGeometry';
import { toFlowEdge } from './edges';
import type { JourneyFlowEdge, JourneyFlowNode } from './types';
import type { EdgeWeight } from './overlay';
import { say } from '../i18n/say';

/** What the host's overlay adds to nodes (overlay.ts), by node id. */
export interface NodeAdditions {
  badges: ReadonlyMap<string, ReactNode> | null;
  classes: ReadonlyMap<string, string> | null;
}

const noAdditions: NodeAdditions = { badges: null, classes: null };

export type Measured = ReadonlyMap<string, { width: number; height: number }>;

interface Cached<T> {
  key: unknown[];
  value: T;
}

const same = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
const problemKey = (problems: Problem[]) => problems.map((problem) => `${problem.code}:${say(problem.message, 'en')}`).join('|');

/** An element's problems, and the text they compare by. */
interface ElementProblems {
  list: Problem[];
  key: string;
}
const noProblems: ElementProblems = { list: [], key: '' };

/**
 * The problems by node and by edge, worked out once per list: a journey's problems are one array
 * until it is validated again (useProblems keeps the drag's start during a drag), so a drag frame
 * does not regroup and re-key every problem of the journey.
 */
const problemsByElement = new WeakMap<Problem[], { byNode: Map<string, ElementProblems>; byEdge: Map<string, ElementProblems> }>();
function grouped(problems: Problem[]) {
  let groups = problemsByElement.get(problems);
  if (!groups) {
    const keyed = (lists: Map<string, Problem[]>) => new Map([...lists].map(([id, list]) => [id, { list, key: problemKey(list) }]));
    groups = { byNode: keyed(groupBy(problems, (problem) => problem.location.nodeId)), byEdge: keyed(groupBy(problems, (problem) => problem.location.edgeId)) };
    problemsByElement.set(problems, groups);
  }
  return groups;
}

/** A node's estimated geometry, once per drawing (its data object). */
const geometryOf = new WeakMap<JourneyFlowNode['data'], NodeGeometry>();
function estimatedGeometry(data: JourneyFlowNode['data']): NodeGeometry {
  let geometry = geometryOf.get(data);
  if (!geometry) geometryOf.set(data, (geometry = estimateNodeGeometry(nodeShape(data.node))));
  return geometry;
}

/** What the canvas asks of the flow elements beyond the journey. */
export interface NodeOptions {
  /**
   * Give every node React Flow has not measured yet an estimated size and handles (nodeGeometry.ts),
   * so that with onlyRenderVisibleElements it need not render off-screen nodes to measure them.
   */
  estimate?: boolean;
}

/**
 * Turns the journey into React Flow nodes and edges, reusing the previous object for every element
 * whose inputs did not change. React Flow skips elements whose object is the same, so a drag or an
 * edit re-renders only the nodes it touched, not all 300.
 */
export function createFlowElementCache() {
  let nodeCache = new Map<string, Cached<JourneyFlowNode>>();
  // What a node component draws from, cached apart from selection and size: when React Flow reports a
  // node's size, the node object changes but its data does not, so its component need not re-render.
  let dataCache = new Map<string, Cached<JourneyFlowNode['data']>>();
  let edgeCache = new Map<string, Cached<JourneyFlowEdge>>();
  let lastEdges: JourneyFlowEdge[] | null = null;

  function nodes(
    journey: JourneyDocument,
    selection: Selection,
    problems: Problem[],
    measured: Measured,
    lang: Language,
    additions: NodeAdditions = noAdditions,
    { estimate = false }: NodeOptions = {},
  ): JourneyFlowNode[] {
    const selected = new Set(selection.nodes);
    const { byNode } = grouped(problems);
    const next = new Map<string, Cached<JourneyFlowNode>>();
    const nextData = new Map<string, Cached<JourneyFlowNode['data']>>();
    const result = journey.nodes.map((node) => {
      const { list: nodeProblems, key: nodeProblemKey } = byNode.get(node.id) ?? noProblems;
      // A node's drawing does not depend on its position: a drag changes the node object each frame
      // but leaves its data, and so its component, alone.
      const badge = additions.badges?.get(node.id);
      const className = additions.classes?.get(node.id);
      const dataKey = [node.kind, node.params, node.label, node.stage, nodeProblemKey, lang, badge, className];
      const cachedData = dataCache.get(node.id);
      const dataEntry = cachedData && same(cachedData.key, dataKey) ? cachedData : { key: dataKey, value: { node, problems: nodeProblems, lang, badge, className } };
      nextData.set(node.id, dataEntry);
      const size = measured.get(node.id);
      const geometry = estimate && !size ? estimatedGeometry(dataEntry.value) : undefined;
      const key = [dataEntry.value, node.position, selected.has(node.id), size, geometry];
      const cached = nodeCache.get(node.id);
      const entry =
        cached && same(cached.key, key)
          ? cached
          : {
              key,
              value: {
                ...toFlowNode(node, nodeProblems, lang),
                data: dataEntry.value,
                selected: selected.has(node.id),
                ...(size ? { measured: size } : geometry ? { initialWidth: geometry.width, initialHeight: geometry.height, handles: geometry.handles } : {}),
              },
            };
      next.set(node.id, entry);
      return entry.value;
    });
    nodeCache = next;
    dataCache = nextData;
    return result;
  }

  function edges(journey: JourneyDocument, selection: Selection, problems: Problem[], lang: Language, weights: ReadonlyMap<string, EdgeWeight> | null = null): JourneyFlowEdge[] {
    const selected = new Set(selection.edges);
    const { byEdge } = grouped(problems);
    const nodesById = new Map(journey.nodes.map((node) => [node.id, node]));
    const next = new Map<string, Cached<JourneyFlowEdge>>();
    // An edge whose end is missing cannot be drawn (validation reports it): React Flow would warn.
    const result = journey.edges.flatMap((edge) => {
      const source = nodesById.get(edge.source);
      const target = nodesById.get(edge.target);
      if (!source || !target) return [];
      const { list: edgeProblems, key: edgeProblemKey } = byEdge.get(edge.id) ?? noProblems;
      const weight = weights?.get(edge.id);
      const key = [edge, source.kind, source.params, source.label, target.kind, target.label, selected.has(edge.id), edgeProblemKey, lang, weight];
      const cached = edgeCache.get(edge.id);
      const entry = cached && same(cached.key, key) ? cached : { key, value: withWeight({ ...toFlowEdge(edge, (id) => nodesById.get(id), edgeProblems, lang), selected: selected.has(edge.id) }, weight) };
      next.set(edge.id, entry);
      return [entry.value];
    });
    edgeCache = next;
    // A drag moves nodes, not edges: the same edges as before are the same array, so React Flow does
    // not rebuild its edge and connection lookups on every frame.
    if (lastEdges && lastEdges.length === result.length && lastEdges.every((edge, index) => edge === result[index])) return lastEdges;
    lastEdges = result;
    return result;
  }

  return { nodes, edges };
}

/** The edge carrying its weight to its component, and named with it for screen readers. */
function withWeight(edge: JourneyFlowEdge, weight: EdgeWeight | undefined): JourneyFlowEdge {
  if (!weight || !edge.data) return edge;
  return { ...edge, data: { ...edge.data, weight }, ...(edge.ariaLabel ? { ariaLabel: weight.name(edge.ariaLabel) } : {}) };
}

function groupBy<T>(items: T[], keyOf: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}
