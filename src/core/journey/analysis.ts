import type { JourneyGraph } from './graph';
import type { JourneyNode, JourneySettings } from './schema';
import { parseDuration } from './duration';

export const MAX_PATHS = 2000;

export interface PathSummary {
  /** Distinct entry-to-end paths, each loop taken at most once (capped at MAX_PATHS). */
  paths: number;
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

  const finish = (maxMs: number) => {
    summary.paths++;
    summary.longestMs = Math.max(summary.longestMs, maxMs);
    summary.minTouches = Math.min(summary.minTouches, touchTimes.length);
    summary.maxTouches = Math.max(summary.maxTouches, touchTimes.length);
    if (!cap) return;
    for (let i = 0; i + cap.touches < touchTimes.length; i++) {
      const over = touchTimes[i + cap.touches]!;
      if (over.at - touchTimes[i]!.at < windowMs) {
        let inWindow = cap.touches + 1;
        while (i + inWindow < touchTimes.length && touchTimes[i + inWindow]!.at - touchTimes[i]!.at < windowMs) inWindow++;
        summary.overCap.set(over.node, Math.max(summary.overCap.get(over.node) ?? 0, inWindow));
      }
    }
  };

  const walk = (node: JourneyNode, minMs: number, maxMs: number) => {
    if (summary.paths >= MAX_PATHS) {
      summary.truncated = true;
      return;
    }
    onPath.add(node.id);
    const touches = graph.kindOf(node).touches?.(node.params) ?? 0;
    for (let t = 0; t < touches; t++) touchTimes.push({ at: minMs, node: node.id });
    const ports = graph.portsOf(node);
    if (ports.length === 0) finish(maxMs);
    const out = graph.out(node);
    for (const port of ports) {
      const [lo, hi] = graph.timing(node, port.id);
      const edge = out.get(port.id);
      const next = edge && graph.byId.get(edge.target);
      if (next && !onPath.has(next.id)) walk(next, minMs + lo, maxMs + hi);
      else finish(maxMs + hi);
    }
    touchTimes.length -= touches;
    onPath.delete(node.id);
  };

  for (const entry of graph.entries) walk(entry, 0, 0);
  if (summary.paths === 0) summary.minTouches = 0;
  return summary;
}
