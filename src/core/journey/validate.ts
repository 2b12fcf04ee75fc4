import type { z } from 'zod';
import { grouped, message as catalogMessage, type Message, joinedMessages } from '../i18n';
import { defaultRegistry, type Registry } from './registry';
import { migrate, migrationProblems } from './migrate';
import type { FormatOverrides } from '../format';
import { buildGraph, reachableFrom, stronglyConnected } from './graph';
import { fastLoopProblems, fastLoopProblemsOf } from './fastLoops';
import { offerAnnouncementProblemsOf } from './offerCarriers';
import { exitOnGoalProblems, exitOnGoalProblemsOf, jumpTargets } from './exitOnGoal';
import { downstreamOf } from './holdoutPaths';
import { summarisePaths } from './analysis';
import { analysisBudget } from './conditionLogic';
import { describeDuration, parseDuration } from './duration';
import { stageIndex, stageNames } from './stages';
import type { JourneyDocument } from './schema';
import { isPlainObject, localizeIssue, plainPath } from './zodMessages';
import { bySeverity, type Problem, type ProblemDefinition, type ProblemLocation } from './problems';
import { limitOfIssue, limitProblems, listedIssues, measureDocument, type LimitBreach } from './limitChecks';
import { loopNames } from './loopNames';
import { MAX_EDGES, MAX_GRAPH_WALK_STEPS, MAX_NODES } from './limits';

/** The codes the document as a whole can raise; each kind adds its own (see its `problems`). */
export const coreProblems = {
  'schema-invalid': {
    severity: 'error',
    title: catalogMessage('core.journey.validate.documentDoesNotMatchThe'),
    fix: catalogMessage('core.journey.validate.correctTheFieldAtThe'),
  },
  'unknown-kind': {
    severity: 'error',
    title: catalogMessage('core.journey.validate.unknownNodeKind'),
    fix: catalogMessage('core.journey.validate.useOneOfTheKinds'),
  },
  'duplicate-id': {
    severity: 'error',
    title: catalogMessage('core.journey.validate.twoItemsShareAnId'),
    fix: catalogMessage('core.journey.validate.giveEveryNodeAndEvery'),
  },
  'edge-missing-node': {
    severity: 'error',
    title: catalogMessage('core.journey.validate.edgeToOrFromA'),
    fix: catalogMessage('core.journey.validate.reconnectTheEdgeToExisting'),
  },
  'edge-unknown-port': {
    severity: 'error',
    title: catalogMessage('core.journey.validate.edgeFromAPortThe'),
    fix: catalogMessage('core.journey.validate.connectTheEdgeFromOne'),
  },
  'port-multiple-edges': {
    severity: 'error',
    title: catalogMessage('core.journey.validate.outputPortWithSeveralEdges'),
    fix: catalogMessage('core.journey.validate.aUserLeavesAPort'),
  },
  'no-entry': {
    severity: 'error',
    title: catalogMessage('core.journey.validate.noEntry'),
    fix: catalogMessage('core.journey.validate.addAnEntryNodeThat'),
  },
  'instant-loop': {
    severity: 'error',
    title: catalogMessage('core.journey.validate.loopWithoutAnyWait'),
    fix: catalogMessage('core.journey.validate.putAWaitOrA'),
  },
  'unreachable-node': {
    severity: 'warning',
    title: catalogMessage('core.journey.validate.nodeNoUserCanReach'),
    fix: catalogMessage('core.journey.validate.connectTheNodeToA'),
  },
  'unconnected-port': {
    severity: 'warning',
    title: catalogMessage('core.journey.validate.outputPortNotConnected'),
    fix: catalogMessage('core.journey.validate.usersLeavingThroughItLeave'),
  },
  'path-without-goal-or-exit': {
    severity: 'warning',
    title: catalogMessage('core.journey.validate.pathThatNeverReachesA'),
    fix: catalogMessage('core.journey.validate.endEveryPathWithA'),
  },
  'frequency-cap-exceeded': {
    severity: 'warning',
    title: catalogMessage('core.journey.validate.pathTouchesUsersMoreOften'),
    fix: catalogMessage('core.journey.validate.spaceTheTouchesOutWith'),
  },
  'stage-regression': {
    severity: 'warning',
    title: catalogMessage('core.journey.validate.pathGoesBackToAn'),
    fix: catalogMessage('core.journey.validate.fineForWinBackJourneys'),
  },
  'costs-in-another-currency': {
    severity: 'warning',
    title: catalogMessage('core.journey.validate.defaultChannelCostsAreIn'),
    fix: catalogMessage('core.journey.validate.theJourneySCurrencyIs'),
  },
  'path-summary': {
    severity: 'info',
    title: catalogMessage('core.journey.validate.pathsThroughTheJourney'),
    fix: catalogMessage('core.journey.validate.forInformationHowManyPaths'),
  },
} satisfies Record<string, ProblemDefinition>;

type CoreCode = keyof typeof coreProblems;

/** Every problem code with its meaning: core, migration and every kind's own. */
export function problemCatalogue(registry: Registry = defaultRegistry): Record<string, ProblemDefinition> {
  const kinds = registry.kinds.map((kind) => kind.kind).join(', ');
  const unknownKind = {
    ...coreProblems['unknown-kind'],
    fix: catalogMessage('core.journey.validate.useOneOfTheKinds2', { kinds }),
  };
  return Object.assign({}, coreProblems, { 'unknown-kind': unknownKind }, migrationProblems, limitProblems, fastLoopProblems, exitOnGoalProblems, ...registry.kinds.map((kind) => kind.problems ?? {}));
}

declare const checkedJourney: unique symbol;

/**
 * A journey document that passed the gate: read (migrated, parsed) and analysed by checkJourney with no
 * error. Only checkJourney makes one, so the stages after it (compileJourney, modelFor, a run's ranges)
 * take it as proof and never check it again. The brand is a type only: a copy posted to a worker is the
 * same data, and what the worker may trust is said where it receives it (simulationWorker.ts).
 */
export type CheckedJourneyDocument = JourneyDocument & { readonly [checkedJourney]: true };

export interface CheckedJourney {
  /** The parsed, migrated document, or null when it could not be read at all. */
  document: JourneyDocument | null;
  /** The same document when it has no error (it can be compiled and simulated); null otherwise. */
  valid: CheckedJourneyDocument | null;
  problems: Problem[];
  /** The format version the input was written in, when it had a supported one. */
  from?: number;
}

/** Where a path inside a raw (unchecked) document is: the path, and the id of the node or edge it is in. */
function locate(raw: Record<string, unknown>, path: (string | number)[]): ProblemLocation {
  const [collection, index] = path;
  const location: ProblemLocation = { path };
  if ((collection !== 'nodes' && collection !== 'edges') || typeof index !== 'number') return location;
  const list = raw[collection];
  const item = Array.isArray(list) ? (list[index] as unknown) : undefined;
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  if (typeof id === 'string') location[collection === 'nodes' ? 'nodeId' : 'edgeId'] = id;
  return location;
}

const breachProblem = (breach: LimitBreach, raw: unknown): Problem => ({
  severity: 'error',
  code: breach.code,
  message: breach.message,
  location: isPlainObject(raw) ? locate(raw, breach.path) : { path: breach.path },
});

/**
 * The limits checked before anything recurses, clones or parses: the number of nodes and edges (a
 * 60,000-node file is refused here at once, by the length of two arrays), then the nesting and size of
 * the whole value (a walk with its own stack).
 */
export function journeyLimitProblems(input: unknown): Problem[] {
  const problems: Problem[] = [];
  const counts = [
    ['nodes', MAX_NODES, 'too-many-nodes'],
    ['edges', MAX_EDGES, 'too-many-edges'],
  ] as const;
  for (const [collection, limit, code] of counts) {
    const list = isPlainObject(input) ? input[collection] : undefined;
    if (Array.isArray(list) && list.length > limit)
      problems.push({
        severity: 'error',
        code,
        message: catalogMessage('core.journey.validate.theJourneyHasTheLimit', { listCount: grouped(list.length), collection, limit: grouped(limit) }),
        location: { path: [collection] },
      });
  }
  if (problems.length > 0) return problems;
  const breach = measureDocument(input);
  return breach ? [breachProblem(breach, input)] : [];
}

function zodProblems(error: z.ZodError, raw: Record<string, unknown>): Problem[] {
  const { listed, more } = listedIssues(error.issues);
  const problems = listed.map((issue): Problem => {
    const path = plainPath(issue.path);
    const [collection, index] = path;
    const location = locate(raw, path);
    const limit = limitOfIssue(issue);
    if (limit) return { severity: 'error', code: limit.code, message: limit.message, location };
    const unknownKind = collection === 'nodes' && path.length === 3 && path[2] === 'kind' && issue.code === 'invalid_union';
    const where = path.length ? path.join('.') : '(document)';
    if (unknownKind) {
      const list = raw.nodes as { kind?: unknown }[];
      const found = JSON.stringify(list[index as number]?.kind);
      // The kind is untrusted and may be long: quote enough of it to recognise.
      const kind = found && found.length > 60 ? `${found.slice(0, 60)}…` : found;
      return {
        severity: 'error',
        code: 'unknown-kind',
        message:
          kind === undefined
            ? catalogMessage('core.journey.validate.theNodeAtHasNo', { where })
            : catalogMessage('core.journey.validate.nodeKindAtIsNot', { kind, where }),
        location,
      };
    }
    const text = localizeIssue(issue);
    return {
      severity: 'error',
      code: 'schema-invalid',
      // The path is the problem's location; the message says only what is wrong there.
      message: text,
      location,
    };
  });
  if (more) problems.push({ severity: 'error', code: 'schema-invalid', message: more, location: { path: [] } });
  return problems;
}

export interface ReadJourney {
  /** The parsed, migrated document, or null when it could not be read. */
  document: JourneyDocument | null;
  /** Why it could not be read (empty when it could). */
  problems: Problem[];
  /** The format version the input was written in, when it had a supported one. */
  from?: number;
}

/**
 * Reads any input as a journey document — migrates it and checks it against the format — without
 * analysing its graph: what a list of stored journeys needs. Never throws.
 */
export function readJourneyDocument(input: unknown, registry: Registry = defaultRegistry, versions: FormatOverrides = {}): ReadJourney {
  const overLimits = journeyLimitProblems(input);
  if (overLimits.length > 0) return { document: null, problems: overLimits };
  const migrated = migrate(input, versions);
  if (!migrated.ok) return { document: null, problems: [migrated.problem] };
  const parsed = registry.documentSchema.safeParse(migrated.document, { reportInput: true });
  if (!parsed.success) return { document: null, problems: zodProblems(parsed.error, migrated.document), from: migrated.from };
  return { document: parsed.data as JourneyDocument, problems: [], from: migrated.from };
}

/**
 * Reads any input as a journey: migrates it, checks it against the format, then analyses the graph.
 * Never throws; whatever is wrong comes back as problems with their location. `versions` stands in
 * for the real format versions in tests of future migrations.
 */
export function checkJourney(input: unknown, registry: Registry = defaultRegistry, versions: FormatOverrides = {}): CheckedJourney {
  try {
    const read = readJourneyDocument(input, registry, versions);
    if (!read.document) return { ...read, valid: null };
    const problems = analyse(read.document, registry).sort(bySeverity);
    const valid = problems.some((found) => found.severity === 'error') ? null : (read.document as CheckedJourneyDocument);
    return { ...read, valid, problems };
  } catch (error) {
    return { document: null, valid: null, problems: [couldNotCheck(error)] };
  }
}

/**
 * The graph problems of a document already read by checkJourney and changed since (an import that
 * dropped dangling edges): it has passed the format gate, so it is analysed without migrating it again.
 */
export function recheckJourney(document: JourneyDocument, registry: Registry = defaultRegistry): Problem[] {
  try {
    return analyse(document, registry).sort(bySeverity);
  } catch (error) {
    return [couldNotCheck(error)];
  }
}

/** A kind's own code failing must not take the editor down; say so as a problem instead. */
function couldNotCheck(error: unknown): Problem {
  const text = error instanceof Error ? error.message : String(error);
  return { severity: 'error', code: 'schema-invalid', message: catalogMessage('core.journey.validate.couldNotCheckTheJourney', { text }), location: { path: [] } };
}

export function validate(input: unknown, registry: Registry = defaultRegistry): Problem[] {
  return checkJourney(input, registry).problems;
}

function analyse(journey: JourneyDocument, registry: Registry): Problem[] {
  const problems: Problem[] = [];
  const graph = buildGraph(journey, registry);
  const report = (code: CoreCode, message: Message, location: ProblemLocation) =>
    problems.push({ severity: coreProblems[code].severity, code, message, location });
  // Every lookup by id goes through a map, so checking stays linear in the size of the journey.
  const indexOf = new Map<string, number>();
  journey.nodes.forEach((node, index) => {
    if (!indexOf.has(node.id)) indexOf.set(node.id, index);
  });
  const nodePath = (id: string) => ['nodes', indexOf.get(id) ?? -1];
  const name = (id: string) => {
    const node = graph.byId.get(id);
    return node?.label ? `"${node.label}" (${id})` : id;
  };

  const seenNodes = new Set<string>();
  journey.nodes.forEach((node, index) => {
    if (seenNodes.has(node.id))
      report('duplicate-id', catalogMessage('core.journey.validate.nodeIdIsUsedTwice', { id: node.id }), { nodeId: node.id, path: ['nodes', index, 'id'] });
    seenNodes.add(node.id);
  });
  const seenEdges = new Set<string>();
  const portUse = new Map<string, string>();
  journey.edges.forEach((edge, index) => {
    const at = { edgeId: edge.id, path: ['edges', index] };
    if (seenEdges.has(edge.id) || seenNodes.has(edge.id))
      report('duplicate-id', catalogMessage('core.journey.validate.edgeIdIsAlreadyUsed', { id: edge.id }), { ...at, path: [...at.path, 'id'] });
    seenEdges.add(edge.id);
    const source = graph.byId.get(edge.source);
    for (const end of ['source', 'target'] as const)
      if (!graph.byId.has(edge[end]))
        report(
          'edge-missing-node',
          catalogMessage('core.journey.validate.edgeChoiceSelectTrueOther', { id: edge.id, choice: String(end === 'source'), end: edge[end] }),
          { ...at, path: [...at.path, end] },
        );
    if (!source) return;
    if (!graph.hasPort(source, edge.sourcePort)) {
      const known = graph.portsOf(source).map((port) => port.id).join(', ') || '—';
      report(
        'edge-unknown-port',
        catalogMessage('core.journey.validate.edgeLeavesPortOfWhich', { id: edge.id, sourcePort: edge.sourcePort, id2: name(source.id), known }),
        { ...at, path: [...at.path, 'sourcePort'] },
      );
      return;
    }
    const key = `${edge.source}\u0000${edge.sourcePort}`;
    const first = portUse.get(key);
    if (first)
      report(
        'port-multiple-edges',
        catalogMessage('core.journey.validate.portOfHasTwoEdges', { sourcePort: edge.sourcePort, source: name(edge.source), first, id: edge.id }),
        at,
      );
    else portUse.set(key, edge.id);
  });

  // Each kind's own rules. What lies downstream is searched within one budget for the whole journey,
  // so that thousands of holdouts in a row cannot make checking quadratic.
  const downstreamBudget = { left: MAX_GRAPH_WALK_STEPS };
  const conditionBudget = analysisBudget();
  journey.nodes.forEach((node, index) => {
    const kind = graph.kindOf(node);
    kind.validate?.(node, {
      document: journey,
      conditionBudget,
      // Nearest first; a split's arms are sticky, so a path back to the split stays in the arm (holdoutPaths.ts).
      downstream(port) {
        return downstreamOf(graph, node, port, downstreamBudget).map((other) => ({
          id: other.id,
          label: other.label || other.id,
          kind: other.kind,
          treatment: graph.kindOf(other).treatment === true,
        }));
      },
      report(code, message, path = []) {
        const definition = kind.problems?.[code];
        if (!definition) throw new Error(`Kind "${kind.kind}" reported undeclared problem code "${code}"`);
        problems.push({ severity: definition.severity, code, message, location: { nodeId: node.id, path: ['nodes', index, 'params', ...path] } });
      },
    });
  });

  if (graph.entries.length === 0) {
    report('no-entry', catalogMessage('core.journey.validate.theJourneyHasNoEntry'), { path: ['nodes'] });
  }

  // A loop whose every step takes no time and waits for nothing would spin for ever in one instant.
  const instantNext = (id: string) => {
    const node = graph.byId.get(id)!;
    if (graph.waitsForUser(node)) return [];
    return [...graph.out(node)].filter(([port]) => graph.timing(node, port)[0] <= 0).map(([, edge]) => edge.target);
  };
  for (const component of stronglyConnected([...graph.byId.keys()], instantNext)) {
    const selfLoop = component.length === 1 && instantNext(component[0]!).includes(component[0]!);
    if (component.length < 2 && !selfLoop) continue;
    const names = loopNames(component, name);
    report('instant-loop', catalogMessage('core.journey.validate.loopWithoutAnyWaitA', { names }), {
      nodeId: component[0]!,
      path: nodePath(component[0]!),
    });
  }

  // Loops that take time, but less than a minute a round (see fastLoops.ts).
  for (const found of fastLoopProblemsOf(journey, graph)) problems.push(found);
  for (const found of offerAnnouncementProblemsOf(journey, graph)) problems.push(found);

  // With exit on goal, users also reach each goal by doing its event anywhere in the journey (exitOnGoal.ts).
  const reachable = reachableFrom(graph, [...graph.entries.map((node) => node.id), ...jumpTargets(journey, graph)]);
  const endOf = (id: string) => {
    const node = graph.byId.get(id);
    return node ? graph.kindOf(node).ends : undefined;
  };
  const isEnd = (id: string) => endOf(id) !== undefined;
  const canReachEnd = new Set<string>();
  const toVisit = graph.nodes.filter((node) => isEnd(node.id)).map((node) => node.id);
  while (toVisit.length > 0) {
    const id = toVisit.pop()!;
    if (canReachEnd.has(id)) continue;
    canReachEnd.add(id);
    for (const predecessor of graph.predecessors(id)) toVisit.push(predecessor);
  }
  const entries = new Set(graph.entries);
  const reachableWithoutGoal = reachableFrom(graph, graph.entries.map((node) => node.id), (id) => endOf(id) === 'goal');

  for (const node of graph.nodes) {
    const path = nodePath(node.id);
    if (graph.entries.length > 0 && !reachable.has(node.id)) {
      report('unreachable-node', catalogMessage('core.journey.validate.noPathFromAnEntry', { id: name(node.id) }), { nodeId: node.id, path });
      continue;
    }
    const out = graph.out(node);
    for (const port of graph.portsOf(node))
      if (!out.has(port.id) && !port.optional)
        report(
          'unconnected-port',
          catalogMessage('core.journey.validate.portOfIsNotConnected', { label: port.label, id: name(node.id) }),
          { nodeId: node.id, path },
        );
    const startsDeadPath =
      reachableWithoutGoal.has(node.id) &&
      !canReachEnd.has(node.id) &&
      (entries.has(node) || graph.predecessors(node.id).some((id) => canReachEnd.has(id) && !isEnd(id)));
    if (startsDeadPath)
      report(
        'path-without-goal-or-exit',
        catalogMessage('core.journey.validate.fromNoPathReachesA', { id: name(node.id) }),
        { nodeId: node.id, path },
      );
  }

  for (const found of exitOnGoalProblemsOf(journey, graph, reachable, conditionBudget, nodePath)) problems.push(found);

  journey.edges.forEach((edge, index) => {
    const source = graph.byId.get(edge.source);
    const target = graph.byId.get(edge.target);
    if (source && target && stageIndex(target.stage) < stageIndex(source.stage))
      report(
        'stage-regression',
        catalogMessage('core.journey.validate.edgeGoesBackFromTo', { id: edge.id, stage: stageNames[source.stage], stage2: stageNames[target.stage] }),
        { edgeId: edge.id, path: ['edges', index] },
      );
  });

  if (journey.settings.currency !== 'CNY') {
    const unpriced = [
      ...new Set(
        graph.nodes.flatMap((node) => {
          const channel = graph.kindOf(node).channel?.(node.params);
          return channel && !(channel in journey.settings.channelCosts) ? [channel] : [];
        }),
      ),
    ];
    if (unpriced.length > 0)
      report(
        'costs-in-another-currency',
        catalogMessage('core.journey.validate.theJourneyCountsInBut', { currency: journey.settings.currency, unpriced: joinedMessages(unpriced, 'list') }),
        { path: ['settings', 'channelCosts'] },
      );
  }

  if (graph.entries.length > 0) {
    const summary = summarisePaths(graph, journey.settings);
    const cap = journey.settings.frequencyCap;
    for (const [nodeId, count] of summary.overCap) {
      const windowMs = parseDuration(cap?.window ?? 'PT0S') ?? 0;
      const window = describeDuration(windowMs);
      report(
        'frequency-cap-exceeded',
        catalogMessage('core.journey.validate.aPathReachingCanTouch', { nodeId: name(nodeId), countValue: count, window, touches: cap?.touches ?? 0 }),
        { nodeId, path: nodePath(nodeId) },
      );
    }

    report(
      'path-summary',
      catalogMessage('core.journey.validate.distinctPathSFromEntry', { truncated: String(summary.truncated), paths: summary.paths, longestMs: describeDuration(summary.longestMs), minTouches: summary.minTouches, maxTouches: summary.maxTouches }),
      { path: [] },
    );
  }
  return problems;
}
