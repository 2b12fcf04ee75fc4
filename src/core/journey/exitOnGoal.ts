import { message } from '../i18n';
import { describeCondition, forEachLeaf, type Condition } from './condition';
import { compare } from './conditions/compare';
import { isSatisfiable, type AnalysisBudget } from './conditionLogic';
import { describeDuration, parseDuration } from './duration';
import { eventLabel } from './events';
import { reachableFrom, type JourneyGraph } from './graph';
import type { Problem, ProblemDefinition } from './problems';
import { conditionRoutes, eventsNamedBy, type ConditionRoute } from './routes';
import type { JourneyDocument, JourneyNode } from './schema';

/**
 * Exit on goal (settings.exitOnGoal): wherever users are in the journey, doing a goal's event moves them
 * straight to that goal, once per stay (kinds/goal.ts). Two things follow for the analysis:
 *
 * - A goal is reached without any edge into it, so it and what follows it are reachable whenever the
 *   journey has an entry (`jumpTargets`).
 * - Users who reach a node without passing a goal of event E have not done E since they last could
 *   without moving to the goal. A node that names E itself (a wait for E, an entry on E) takes E without
 *   the jump; anywhere else, E moves them on. So a branch that asks whether users did E within a window
 *   no longer than the time every user has spent since then decides the same way for all of them: a
 *   case needing E is never taken (or one needing no E always is, and the cases after it never are).
 *   Only what is certain is reported: times are the shortest a path can take, a node that names E
 *   counts as E done as users leave it, and nothing downstream of a goal of E is judged (after reaching
 *   the goal, E no longer moves users).
 */

export const exitOnGoalProblems = {
  'exit-on-goal-unreachable': {
    severity: 'warning',
    title: message('core.journey.exitOnGoal.title'),
    fix: message('core.journey.exitOnGoal.fix'),
  },
} satisfies Record<string, ProblemDefinition>;

/** Steps the search for the shortest times may take on one journey; past it, nothing is reported. */
const MAX_SEARCH_STEPS = 2_000_000;

const isGoal = (graph: JourneyGraph, node: JourneyNode) => graph.kindOf(node).ends === 'goal';

/** The goals users jump to from anywhere in the journey (none without exit on goal). */
export function jumpTargets(journey: JourneyDocument, graph: JourneyGraph): string[] {
  if (!journey.settings.exitOnGoal || graph.entries.length === 0) return [];
  return graph.nodes.filter((node) => isGoal(graph, node)).map((node) => node.id);
}

const ALWAYS: Condition = { all: [] };
const NEVER: Condition = { any: [] };

/** The condition with every count of `event` over a window of at most `quietMs` known to be 0. */
function withoutEvent(condition: Condition, event: string, quietMs: number): { condition: Condition; changed: boolean } {
  let changed = false;
  const rewrite = (part: Condition): Condition => {
    if ('all' in part) return { all: part.all.map(rewrite) };
    if ('any' in part) return { any: part.any.map(rewrite) };
    if ('not' in part) return { not: rewrite(part.not) };
    if (!('event' in part) || part.event !== event) return part;
    const windowMs = parseDuration(part.within) ?? Infinity;
    if (windowMs > quietMs) return part;
    changed = true;
    return compare(0, part.op, part.count) ? ALWAYS : NEVER;
  };
  return { condition: rewrite(condition), changed };
}

/**
 * Per node, the shortest time every user there has spent in the journey since they could last have
 * done `event` without moving to its goal (undefined where unknown: unreachable, or after such a goal).
 */
function quietTimes(graph: JourneyGraph, event: string, seeds: string[], budget: { left: number }): Map<string, number> | null {
  const goalsOfEvent = graph.nodes.filter((node) => isGoal(graph, node) && eventsNamedBy(graph, node).includes(event)).map((node) => node.id);
  const afterGoal = reachableFrom(graph, goalsOfEvent);
  const takesEvent = new Set(graph.nodes.filter((node) => !isGoal(graph, node) && eventsNamedBy(graph, node).includes(event)).map((node) => node.id));
  const time = new Map<string, number>();
  for (const id of seeds) if (!afterGoal.has(id)) time.set(id, 0);
  // Dijkstra by selection: journeys are small, and the budget bounds a hostile one.
  const done = new Set<string>();
  for (;;) {
    let next: string | null = null;
    for (const [id, ms] of time) {
      if (--budget.left < 0) return null;
      if (!done.has(id) && (next === null || ms < time.get(next)!)) next = id;
    }
    if (next === null) return time;
    done.add(next);
    const node = graph.byId.get(next)!;
    for (const [port, edge] of graph.out(node)) {
      if (--budget.left < 0) return null;
      if (afterGoal.has(edge.target)) continue;
      const at = takesEvent.has(next) ? 0 : time.get(next)! + graph.timing(node, port)[0];
      if (at < (time.get(edge.target) ?? Infinity)) time.set(edge.target, at);
    }
  }
}

interface Unreachable {
  node: JourneyNode;
  route: ConditionRoute;
  event: string;
  goal: string;
  quietMs: number;
}

/** The routes of one node that `event` can no longer decide for anyone, given the quiet time there. */
function routesDecided(routes: ConditionRoute[], event: string, quietMs: number, budget: AnalysisBudget): ConditionRoute[] {
  const decided: ConditionRoute[] = [];
  const before: Condition[] = [];
  const beforeNow: Condition[] = [];
  let changedAny = false;
  for (const route of routes) {
    // A route is taken when its condition holds and no earlier one did; the fallback when none did.
    const original: Condition = { all: [...(route.condition ? [route.condition] : []), { not: { any: [...before] } }] };
    const rewritten = route.condition ? withoutEvent(route.condition, event, quietMs) : { condition: ALWAYS, changed: false };
    changedAny ||= rewritten.changed;
    const now: Condition = { all: [rewritten.condition, { not: { any: [...beforeNow] } }] };
    if (changedAny && isSatisfiable(original, budget) && !isSatisfiable(now, budget)) decided.push(route);
    if (route.condition) before.push(route.condition);
    beforeNow.push(rewritten.condition);
  }
  return decided;
}

/** Branch cases (and other condition routes) that exit on goal leaves no user to take. */
export function exitOnGoalProblemsOf(
  journey: JourneyDocument,
  graph: JourneyGraph,
  reachable: ReadonlySet<string>,
  conditionBudget: AnalysisBudget,
  nodePath: (id: string) => (string | number)[],
): Problem[] {
  const goals = graph.nodes.filter((node) => isGoal(graph, node));
  if (!journey.settings.exitOnGoal || goals.length === 0) return [];
  const routed = new Map<string, ConditionRoute[]>();
  const counted = new Set<string>();
  for (const node of graph.nodes) {
    if (!reachable.has(node.id)) continue;
    const routes = conditionRoutes(graph, node, journey.settings);
    if (routes.length === 0) continue;
    routed.set(node.id, routes);
    for (const route of routes)
      if (route.condition)
        forEachLeaf(route.condition, (leaf) => {
          if ('event' in leaf) counted.add(leaf.event);
        });
  }
  const seeds = [...graph.entries.map((node) => node.id), ...jumpTargets(journey, graph)];
  const budget = { left: MAX_SEARCH_STEPS };
  const found = new Map<string, Unreachable>();
  for (const event of counted) {
    const goal = goals.find((candidate) => eventsNamedBy(graph, candidate).includes(event));
    if (!goal) continue;
    const times = quietTimes(graph, event, seeds, budget);
    if (!times) break;
    for (const [id, routes] of routed) {
      const quietMs = times.get(id);
      if (quietMs === undefined || quietMs <= 0) continue;
      const node = graph.byId.get(id)!;
      for (const route of routesDecided(routes, event, quietMs, conditionBudget)) {
        const key = `${id}\u0000${route.port}`;
        if (!found.has(key)) found.set(key, { node, route, event, goal: goal.id, quietMs });
      }
    }
  }
  const name = (id: string) => {
    const label = graph.byId.get(id)?.label;
    return label ? `"${label}" (${id})` : id;
  };
  return [...found.values()].map(({ node, route, event, goal, quietMs }) => {
    const port = graph.portsOf(node).find((candidate) => candidate.id === route.port);
    return {
      severity: exitOnGoalProblems['exit-on-goal-unreachable'].severity,
      code: 'exit-on-goal-unreachable',
      message: message('core.journey.exitOnGoal.unreachable', {
        port: port?.label ?? route.port,
        node: name(node.id),
        event: eventLabel(event),
        goal: name(goal),
        time: describeDuration(quietMs),
        fallback: String(route.condition === null),
        condition: route.condition ? describeCondition(route.condition) : '',
      }),
      location: { nodeId: node.id, path: nodePath(node.id) },
    };
  });
}
