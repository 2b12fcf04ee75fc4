import type { JourneyGraph } from './graph';
import type { JourneyNode, JourneySettings } from './schema';
import { parseDuration } from './duration';
import { MAX_GRAPH_WALK_STEPS } from './limits';

export const MAX_PATHS = 2000;

export interface PathSummary {
  /** Distinct entry-to-end paths, each loop taken at most once (capped at MAX_PATHS). */
  paths: number;
  /** The walk stopped at MAX_PATHS paths or MAX_GRAPH_WALK_STEPS steps: there are more paths than `paths`. */
  truncated: boolean;
  longestMs: number;
  minTouches: number;
  maxTouches: number;
  /** Nodes whose touch can exceed the frequency cap on some path, with the most touches one window holds there. */
  overCap: Map<string, number>;
}

/**
 * Walks every simple path from every entry: how many there are, how long they can last, how many
 * touches they carry, and where a path would touch a user more often than the frequency cap allows.
 * Touch times use the shortest timings (a wait-for-event may be answered at once), the worst case for
 * the cap.
 */
export function summarisePaths(graph: JourneyGraph, settings: JourneySettings): PathSummary {
  const cap = settings.frequencyCap;
  const windowMs = cap ? (parseDuration(cap.window) ?? 0) : 0;
  const summary: PathSummary = { paths: 0, truncated: false, longestMs: 0, minTouches: Infinity, maxTouches: 0, overCap: new Map() };
  const onPath = new Set<string>();
  const touchTimes: { at: number; node: string }[] = [];

  // Nodes entered plus touches compared: bounds the walk whatever the shape of the graph.
  let steps = 0;
  const exhausted = () => summary.paths >= MAX_PATHS || steps >= MAX_GRAPH_WALK_STEPS;

  const finish = (maxMs: number) => {
    summary.paths++;
    steps += cap ? touchTimes.length : 0;
    summary.longestMs = Math.max(summary.longestMs, maxMs);
    summary.minTouches = Math.min(summary.minTouches, touchTimes.length);
    summary.maxTouches = Math.max(summary.maxTouches, touchTimes.length);
    if (!cap) return;
    // Touch times along a path only grow, so the end of each window moves forward only: one pass.
    let end = 0;
    for (let start = 0; start + cap.touches < touchTimes.length; start++) {
      end = Math.max(end, start);
      while (end < touchTimes.length && touchTimes[end]!.at - touchTimes[start]!.at < windowMs) end++;
      const inWindow = end - start;
      if (inWindow > cap.touches) {
        const over = touchTimes[start + cap.touches]!;
        summary.overCap.set(over.node, Math.max(summary.overCap.get(over.node) ?? 0, inWindow));
      }
    }
  };

  // Depth-first over simple paths with an explicit stack: a path may be thousands of nodes long, more
  // than a worker's call stack holds.
  interface Frame {
    node: JourneyNode;
    minMs: number;
    maxMs: number;
    touches: number;
    ports: ReturnType<JourneyGraph['portsOf']>;
    next: number;
  }
  const stack: Frame[] = [];
  const enter = (node: JourneyNode, minMs: number, maxMs: number) => {
    if (exhausted()) {
      summary.truncated = true;
      return;
    }
    steps++;
    onPath.add(node.id);
    const touches = graph.kindOf(node).touches?.(node.params) ?? 0;
    for (let t = 0; t < touches; t++) touchTimes.push({ at: minMs, node: node.id });
    const ports = graph.portsOf(node);
    if (ports.length === 0) finish(maxMs);
    stack.push({ node, minMs, maxMs, touches, ports, next: 0 });
  };

  for (const entry of graph.entries) {
    if (summary.truncated) break;
    enter(entry, 0, 0);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const port = frame.ports[frame.next];
      if (!port) {
        stack.pop();
        touchTimes.length -= frame.touches;
        onPath.delete(frame.node.id);
        continue;
      }
      if (exhausted()) {
        summary.truncated = true;
        break;
      }
      frame.next++;
      const [lo, hi] = graph.timing(frame.node, port.id);
      const edge = graph.out(frame.node).get(port.id);
      const next = edge && graph.byId.get(edge.target);
      if (next && !onPath.has(next.id)) enter(next, frame.minMs + lo, frame.maxMs + hi);
      else finish(frame.maxMs + hi);
    }
  }
  if (summary.paths === 0) summary.minTouches = 0;
  return summary;
}
