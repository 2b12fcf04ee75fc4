import type { JourneyDocument, JourneyEdge, JourneyNode } from './schema';
import type { Registry } from './registry';
import type { NodeKind, NodeTiming, PortSpec } from './kinds/defineKind';

/**
 * The journey as a graph: for each node its kind, ports and the edges leaving each port. Built once
 * per validation or compilation from a schema-valid document; edges to missing nodes or from unknown
 * ports are left out here (validation reports them).
 */
export interface JourneyGraph {
  nodes: JourneyNode[];
  byId: Map<string, JourneyNode>;
  kindOf(node: JourneyNode): NodeKind;
  portsOf(node: JourneyNode): PortSpec[];
  /** Whether the node has an output port with this id (a set lookup: nodes may have many ports). */
  hasPort(node: JourneyNode, port: string): boolean;
  /** Edges leaving a node, by port id (the first edge when a port has several). */
  out(node: JourneyNode): Map<string, JourneyEdge>;
  successors(nodeId: string): string[];
  predecessors(nodeId: string): string[];
  timing(node: JourneyNode, port: string): [number, number];
  waitsForUser(node: JourneyNode): boolean;
  entries: JourneyNode[];
}

const NO_TIME: NodeTiming = { minMs: 0, maxMs: 0 };

export function buildGraph(journey: JourneyDocument, registry: Registry): JourneyGraph {
  const byId = new Map<string, JourneyNode>();
  for (const node of journey.nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  const nodes = [...byId.values()];
  const kindOf = (node: JourneyNode): NodeKind => {
    const kind = registry.get(node.kind);
    if (!kind) throw new Error(`Unknown node kind "${node.kind}"`);
    return kind;
  };
  const portCache = new Map<string, PortSpec[]>();
  const portIdCache = new Map<string, Set<string>>();
  const portsOf = (node: JourneyNode) => {
    let ports = portCache.get(node.id);
    if (!ports) portCache.set(node.id, (ports = kindOf(node).ports(node.params)));
    return ports;
  };
  const hasPort = (node: JourneyNode, port: string) => {
    let ids = portIdCache.get(node.id);
    if (!ids) portIdCache.set(node.id, (ids = new Set(portsOf(node).map((spec) => spec.id))));
    return ids.has(port);
  };
  const outgoing = new Map<string, Map<string, JourneyEdge>>();
  // Sources of the edges into each node, each once (several ports of one node may lead to the same target).
  const incoming = new Map<string, Set<string>>();
  for (const edge of journey.edges) {
    const source = byId.get(edge.source);
    if (!source || !byId.has(edge.target)) continue;
    if (!hasPort(source, edge.sourcePort)) continue;
    const ports = outgoing.get(edge.source) ?? new Map<string, JourneyEdge>();
    if (ports.has(edge.sourcePort)) continue;
    ports.set(edge.sourcePort, edge);
    outgoing.set(edge.source, ports);
    const sources = incoming.get(edge.target) ?? new Set<string>();
    sources.add(edge.source);
    incoming.set(edge.target, sources);
  }
  // Timings parse durations; the analyses ask for them once per port and path, so parse once per node.
  const timingCache = new Map<string, NodeTiming>();
  const timingOf = (node: JourneyNode) => {
    let timing = timingCache.get(node.id);
    if (!timing) timingCache.set(node.id, (timing = kindOf(node).timing?.(node.params) ?? NO_TIME));
    return timing;
  };
  return {
    nodes,
    byId,
    kindOf,
    portsOf,
    hasPort,
    out: (node) => outgoing.get(node.id) ?? new Map(),
    successors: (id) => [...(outgoing.get(id)?.values() ?? [])].map((edge) => edge.target),
    predecessors: (id) => [...(incoming.get(id) ?? [])],
    timing(node, port) {
      const timing = timingOf(node);
      return timing.byPort?.[port] ?? [timing.minMs, timing.maxMs];
    },
    waitsForUser: (node) => timingOf(node).waitsForUser === true,
    entries: nodes.filter((node) => typeof kindOf(node).outside === 'function'),
  };
}

/**
 * Every node reachable from `starts`, following edges (optionally not passing through `stop` nodes).
 * With a `budget`, visits at most `budget.left` nodes (and takes them off it): the nodes found so far.
 */
export function reachableFrom(graph: JourneyGraph, starts: string[], stop: (id: string) => boolean = () => false, budget?: { left: number }): Set<string> {
  const seen = new Set<string>();
  const stack = [...starts];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    if (budget && budget.left-- <= 0) break;
    seen.add(id);
    if (!stop(id)) for (const next of graph.successors(id)) stack.push(next);
  }
  return seen;
}

/** Strongly connected components (Tarjan), over the edges `follow` keeps; iterative to survive big graphs. */
export function stronglyConnected(ids: string[], next: (id: string) => string[]): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: string; children: string[]; at: number }[] = [];
    const open = (id: string) => {
      index.set(id, counter);
      low.set(id, counter++);
      stack.push(id);
      onStack.add(id);
      work.push({ id, children: next(id), at: 0 });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.at < frame.children.length) {
        const child = frame.children[frame.at++]!;
        if (!index.has(child)) open(child);
        else if (onStack.has(child)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(child)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let id: string;
        do {
          id = stack.pop()!;
          onStack.delete(id);
          component.push(id);
        } while (id !== frame.id);
        components.push(component.reverse());
      }
    }
  }
  return components;
}
