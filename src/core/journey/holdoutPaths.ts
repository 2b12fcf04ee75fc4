import type { JourneyGraph } from './graph';
import type { JourneyNode } from './schema';

/**
 * Every node a user can reach after leaving `from` through `port`, nearest first (breadth first, so a
 * message that names the first few names the steps a user meets first), `from` itself left out. Any
 * path counts: waits, branches, goals and other splits are passed through whatever their ports say.
 *
 * A kind with arms (a split) keeps a user in the arm they were assigned for the whole run (issue 14
 * §2): a path that comes back to it leaves through the same port again, so a holdout that loops back
 * to its own split stays held out and does not reach the other arms' messages. Another split on the
 * way assigns the user afresh, so all its arms are followed.
 *
 * With a `budget`, visits at most `budget.left` nodes (and takes them off it): the nodes found so far.
 */
export function downstreamOf(graph: JourneyGraph, from: JourneyNode, port: string, budget?: { left: number }): JourneyNode[] {
  const first = graph.out(from).get(port)?.target;
  if (!first) return [];
  const sticky = graph.kindOf(from).arms !== undefined;
  const next = (id: string) => (sticky && id === from.id ? [first] : graph.successors(id));
  const seen = new Set<string>([first]);
  const queue = [first];
  const found: JourneyNode[] = [];
  for (let at = 0; at < queue.length; at++) {
    if (budget && budget.left-- <= 0) break;
    const id = queue[at]!;
    if (id !== from.id) found.push(graph.byId.get(id)!);
    for (const target of next(id))
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
  }
  return found;
}
