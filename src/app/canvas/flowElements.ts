import type { ReactNode } from 'react';
import type { Language } from '../i18n/index.ts';
import type { JourneyDocument } from '../../core/journey';
import type { Problem } from '../../core/journey';
import type { Selection } from '../store/editorStore';
import { toFlowNode } from './nodes';
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

  function nodes(journey: JourneyDocument, selection: Selection, problems: Problem[], measured: Measured, lang: Language, additions: NodeAdditions = noAdditions): JourneyFlowNode[] {
    const selected = new Set(selection.nodes);
    const byNode = groupBy(problems, (problem) => problem.location.nodeId);
    const next = new Map<string, Cached<JourneyFlowNode>>();
    const nextData = new Map<string, Cached<JourneyFlowNode['data']>>();
    const result = journey.nodes.map((node) => {
      const nodeProblems = byNode.get(node.id) ?? [];
      // A node's drawing does not depend on its position: a drag changes the node object each frame
      // but leaves its data, and so its component, alone.
      const badge = additions.badges?.get(node.id);
      const className = additions.classes?.get(node.id);
      const dataKey = [node.kind, node.params, node.label, node.stage, problemKey(nodeProblems), lang, badge, className];
      const cachedData = dataCache.get(node.id);
      const dataEntry = cachedData && same(cachedData.key, dataKey) ? cachedData : { key: dataKey, value: { node, problems: nodeProblems, lang, badge, className } };
      nextData.set(node.id, dataEntry);
      const size = measured.get(node.id);
      const key = [dataEntry.value, node.position, selected.has(node.id), size];
      const cached = nodeCache.get(node.id);
      const entry =
        cached && same(cached.key, key)
          ? cached
          : { key, value: { ...toFlowNode(node, nodeProblems, lang), data: dataEntry.value, selected: selected.has(node.id), ...(size ? { measured: size } : {}) } };
      next.set(node.id, entry);
      return entry.value;
    });
    nodeCache = next;
    dataCache = nextData;
    return result;
  }

  function edges(journey: JourneyDocument, selection: Selection, problems: Problem[], lang: Language, weights: ReadonlyMap<string, EdgeWeight> | null = null): JourneyFlowEdge[] {
    const selected = new Set(selection.edges);
    const byEdge = groupBy(problems, (problem) => problem.location.edgeId);
    const nodesById = new Map(journey.nodes.map((node) => [node.id, node]));
    const next = new Map<string, Cached<JourneyFlowEdge>>();
    // An edge whose end is missing cannot be drawn (validation reports it): React Flow would warn.
    const result = journey.edges.flatMap((edge) => {
      const source = nodesById.get(edge.source);
      const target = nodesById.get(edge.target);
      if (!source || !target) return [];
      const edgeProblems = byEdge.get(edge.id) ?? [];
      const weight = weights?.get(edge.id);
      const key = [edge, source.kind, source.params, source.label, target.kind, target.label, selected.has(edge.id), problemKey(edgeProblems), lang, weight];
      const cached = edgeCache.get(edge.id);
      const entry = cached && same(cached.key, key) ? cached : { key, value: withWeight({ ...toFlowEdge(edge, (id) => nodesById.get(id), edgeProblems, lang), selected: selected.has(edge.id) }, weight) };
      next.set(edge.id, entry);
      return [entry.value];
    });
    edgeCache = next;
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
