// How users flowed along the journey's edges in a run, for the canvas (edge widths) and the Sankey
// diagram. The engine counts how many times users left each node through each port (NodeReport.ports);
// an edge carries exactly its source port's count, because the engine follows one edge per port (the
// first, as graph.ts does; validation refuses a second). So a flow is a number of passes, not of
// distinct users: a user who goes round a loop three times takes its edges three times.
import type { JourneyDocument } from '../../journey/schema';
import type { SimulationReport } from '../engine/report';

export interface EdgeFlow {
  edgeId: string;
  source: string;
  sourcePort: string;
  target: string;
  /** Times users took the edge (a mean over replications, so possibly fractional). */
  count: number;
}

export interface SankeyNode {
  id: string;
  /** The node's label, or its id when it has none. Labels may repeat: links name nodes by id. */
  label: string;
}

export interface SankeyLink {
  edgeId: string;
  source: string;
  target: string;
  value: number;
}

export interface JourneyFlow {
  /** Every edge of the journey, in its order, with its count (0 for an edge nobody took). */
  edges: EdgeFlow[];
  byEdge: ReadonlyMap<string, number>;
  /** The largest count on any edge (0 when nothing flowed). */
  max: number;
  /**
   * An acyclic diagram: the edges taken, less those that loop back. A Sankey diagram cannot draw a
   * cycle, so each edge that closes one (found by a depth-first walk from the entries) is left out of
   * `links` and listed in `loops` instead.
   */
  sankey: { nodes: SankeyNode[]; links: SankeyLink[] };
  /** Edges taken that loop back to an earlier node (or to their own node), left out of the diagram. */
  loops: EdgeFlow[];
}

export function flowOf(journey: JourneyDocument, report: SimulationReport): JourneyFlow {
  const reported = new Map(report.nodes.map((node) => [node.id, node]));
  const claimed = new Set<string>();
  const edges = journey.edges.map((edge): EdgeFlow => {
    // Like graph.ts: an edge to a missing node or from an unknown port is not followed, and does not
    // take its port from a later edge.
    const ports = reported.get(edge.source)?.ports;
    const followable = reported.has(edge.target) && ports !== undefined && Object.hasOwn(ports, edge.sourcePort);
    const port = `${edge.source}\u0000${edge.sourcePort}`;
    const count = followable && !claimed.has(port) ? ports[edge.sourcePort]! : 0;
    if (followable) claimed.add(port);
    return { edgeId: edge.id, source: edge.source, sourcePort: edge.sourcePort, target: edge.target, count };
  });
  const taken = edges.filter((edge) => edge.count > 0);
  const backEdges = loopingEdges(report.nodes.map((node) => node.id), taken);
  const links = taken.filter((edge) => !backEdges.has(edge.edgeId)).map((edge) => ({ edgeId: edge.edgeId, source: edge.source, target: edge.target, value: edge.count }));
  const linked = new Set(links.flatMap((link) => [link.source, link.target]));
  const nodes = report.nodes.filter((node) => linked.has(node.id)).map((node) => ({ id: node.id, label: node.label.trim() || node.id }));
  return {
    edges,
    byEdge: new Map(edges.map((edge) => [edge.edgeId, edge.count])),
    max: edges.reduce((most, edge) => Math.max(most, edge.count), 0),
    sankey: { nodes, links },
    loops: taken.filter((edge) => backEdges.has(edge.edgeId)),
  };
}

/**
 * The ids of the edges that close a cycle: those reaching a node still on the depth-first path. The walk
 * starts from nodes nothing leads into (the entries), in report order, then from any node left over (a
 * cycle nothing enters), so the edge left out is the one going back, as a reader of the journey sees it.
 */
function loopingEdges(nodeIds: string[], edges: EdgeFlow[]): Set<string> {
  const out = new Map<string, EdgeFlow[]>();
  for (const edge of edges) out.set(edge.source, [...(out.get(edge.source) ?? []), edge]);
  const entered = new Set(edges.map((edge) => edge.target));
  const starts = [...nodeIds.filter((id) => !entered.has(id)), ...nodeIds.filter((id) => entered.has(id))];
  const state = new Map<string, 'onPath' | 'done'>();
  const back = new Set<string>();
  // An explicit stack (journeys may have hundreds of steps in a row): each frame is a node and the
  // index of its next edge to follow.
  for (const start of starts) {
    if (state.has(start)) continue;
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, 'onPath');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const edge = out.get(frame.id)?.[frame.next];
      if (!edge) {
        state.set(frame.id, 'done');
        stack.pop();
        continue;
      }
      frame.next += 1;
      const seen = state.get(edge.target);
      if (seen === 'onPath') back.add(edge.edgeId);
      else if (seen === undefined) {
        state.set(edge.target, 'onPath');
        stack.push({ id: edge.target, next: 0 });
      }
    }
  }
  return back;
}
