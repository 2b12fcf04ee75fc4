import { grouped, message } from '../i18n';
import { describeElapsed, MS } from './duration';
import { stronglyConnected, type JourneyGraph } from './graph';
import { loopNames } from './loopNames';
import type { Problem, ProblemDefinition } from './problems';
import type { JourneyDocument } from './schema';

/**
 * Loops that time hardly moves through: `tag → wait 1 ms → tag` is no instant loop (the wait takes
 * time), yet a user caught in it goes round 86 million times a day, and a simulation spends its step
 * budget there (docs/simulation.md). A loop is "fast" when the waits along it add up to less than a
 * minute. Only the time the journey itself imposes counts: a port a user's own event opens (a wait for
 * an event, when it happens) is paced by the user's behaviour, not by a timer, so loops through it are
 * left alone; its timeout port is a timer like any wait.
 */

export const FAST_LOOP_MS = MS.minute;

/** Heap pops and edge relaxations the search may spend on one journey. Past it the check stops warning
 * rather than slowing validation down: it is a warning, and a hostile graph could make it quadratic. */
const MAX_SEARCH_STEPS = 2_000_000;

export const fastLoopProblems = {
  'loop-too-fast': {
    severity: 'warning',
    title: message('core.journey.fastLoops.loopWhoseWaitsAddUp'),
    fix: message('core.journey.fastLoops.makeTheWaitsInThe'),
  },
} satisfies Record<string, ProblemDefinition>;

interface Step {
  target: number;
  ms: number;
}

/** A warning for each tangle of loops (strongly connected part) that holds a loop faster than a minute. */
export function fastLoopProblemsOf(journey: JourneyDocument, graph: JourneyGraph): Problem[] {
  const ids = graph.nodes.map((node) => node.id);
  const indexOf = new Map(ids.map((id, index) => [id, index]));
  // Where each node stands in the document, for the warning's path (the first of a duplicated id).
  const documentIndex = new Map<string, number>();
  journey.nodes.forEach((node, index) => {
    if (!documentIndex.has(node.id)) documentIndex.set(node.id, index);
  });
  // The edges a fast loop can use: timed (or instant) ports shorter than the limit.
  const steps: Step[][] = graph.nodes.map((node) => {
    const out: Step[] = [];
    const userPaced = graph.waitsForUser(node);
    for (const [port, edge] of graph.out(node)) {
      const ms = graph.timing(node, port)[0];
      if ((userPaced && ms <= 0) || ms >= FAST_LOOP_MS) continue;
      out.push({ target: indexOf.get(edge.target)!, ms });
    }
    return out;
  });
  const budget = { left: MAX_SEARCH_STEPS };
  const problems: Problem[] = [];
  const components = stronglyConnected(ids, (id) => steps[indexOf.get(id)!]!.map((step) => ids[step.target]!));
  for (const component of components) {
    const members = new Set(component.map((id) => indexOf.get(id)!));
    // Every loop that takes time passes a timed step; an all-instant loop is `instant-loop`'s to report.
    const timed = [...members].filter((node) => steps[node]!.some((step) => step.ms > 0 && members.has(step.target)));
    for (const start of timed) {
      const loop = shortestLoopThrough(start, steps, members, budget);
      if (!loop) {
        if (budget.left <= 0) return problems;
        continue;
      }
      // Named from the node that comes first in the document, as a reader would walk into the loop.
      const first = loop.nodes.reduce((best, node, at) => (node < loop.nodes[best]! ? at : best), 0);
      const names = [...loop.nodes.slice(first), ...loop.nodes.slice(0, first)].map((node) => ids[node]!);
      problems.push(warning(graph, names, loop.ms, documentIndex.get(names[0]!) ?? -1));
      break;
    }
  }
  return problems;
}

/**
 * The quickest loop from `start` back to it within `members` that takes some time but less than a
 * minute (Dijkstra, cut at the limit), as its nodes from `start` on; null when there is none.
 */
function shortestLoopThrough(start: number, steps: Step[][], members: Set<number>, budget: { left: number }): { nodes: number[]; ms: number } | null {
  const distance = new Map<number, number>();
  const previous = new Map<number, number>();
  const heap = new MinHeap();
  const relax = (from: number, ms: number) => {
    for (const step of steps[from]!) {
      budget.left--;
      const at = ms + step.ms;
      if (!members.has(step.target) || at >= FAST_LOOP_MS) continue;
      // Back at the start in no time is an instant loop (another problem); keep looking for one that takes time.
      if (step.target === start && at <= 0) continue;
      if (at < (distance.get(step.target) ?? Infinity)) {
        distance.set(step.target, at);
        previous.set(step.target, from);
        heap.push(step.target, at);
      }
    }
  };
  // The start's own distance, once set, is the length of the quickest loop found back to it.
  relax(start, 0);
  while (heap.size > 0 && budget.left > 0) {
    budget.left--;
    const [node, ms] = heap.pop();
    if (ms > (distance.get(node) ?? Infinity)) continue;
    if (node === start) {
      const nodes = [start];
      for (let at = previous.get(start)!; at !== start; at = previous.get(at)!) nodes.push(at);
      return { nodes: [start, ...nodes.slice(1).reverse()], ms };
    }
    relax(node, ms);
  }
  return null;
}

function warning(graph: JourneyGraph, loop: string[], ms: number, index: number): Problem {
  const name = (id: string) => {
    const label = graph.byId.get(id)?.label;
    return label && label !== id ? `"${label}" (${id})` : id;
  };
  const names = loopNames(loop, name);
  const rounds = grouped(Math.floor(MS.day / ms));
  return {
    severity: fastLoopProblems['loop-too-fast'].severity,
    code: 'loop-too-fast',
    message: message('core.journey.fastLoops.theWaitsOfTheLoop', { names, ms: describeElapsed(ms), rounds }),
    location: { nodeId: loop[0]!, path: ['nodes', index] },
  };
}

/** A binary min-heap of (node, time) pairs; stale entries are skipped by the caller. */
class MinHeap {
  private readonly nodes: number[] = [];
  private readonly keys: number[] = [];

  get size(): number {
    return this.nodes.length;
  }

  push(node: number, key: number): void {
    let at = this.nodes.length;
    this.nodes.push(node);
    this.keys.push(key);
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.swap(at, parent);
      at = parent;
    }
  }

  pop(): [number, number] {
    const top: [number, number] = [this.nodes[0]!, this.keys[0]!];
    const lastNode = this.nodes.pop()!;
    const lastKey = this.keys.pop()!;
    if (this.nodes.length > 0) {
      this.nodes[0] = lastNode;
      this.keys[0] = lastKey;
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        const right = left + 1;
        let smallest = at;
        if (left < this.keys.length && this.keys[left]! < this.keys[smallest]!) smallest = left;
        if (right < this.keys.length && this.keys[right]! < this.keys[smallest]!) smallest = right;
        if (smallest === at) break;
        this.swap(at, smallest);
        at = smallest;
      }
    }
    return top;
  }

  private swap(a: number, b: number): void {
    [this.nodes[a], this.nodes[b]] = [this.nodes[b]!, this.nodes[a]!];
    [this.keys[a], this.keys[b]] = [this.keys[b]!, this.keys[a]!];
  }
}
