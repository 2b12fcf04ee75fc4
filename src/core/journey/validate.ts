import type { z } from 'zod';
import { grouped, localized, type Localized } from '../i18n';
import { defaultRegistry, type Registry } from './registry';
import { migrate, migrationProblems } from './migrate';
import type { FormatOverrides } from '../format';
import { buildGraph, reachableFrom, stronglyConnected } from './graph';
import { fastLoopProblems, fastLoopProblemsOf } from './fastLoops';
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
    title: localized('Document does not match the format', '文件不符合格式'),
    fix: localized('Correct the field at the path shown; docs/journey-format.md describes every field.', '按提示路径修正字段；docs/journey-format.md 说明了每个字段。'),
  },
  'unknown-kind': {
    severity: 'error',
    title: localized('Unknown node kind', '未知的节点类型'),
    fix: localized('Use one of the kinds this Journey Lab knows (entry, message, offer, wait, waitForEvent, branch, split, tag, goal, exit).', '请使用本版 Journey Lab 支持的节点类型（entry、message、offer、wait、waitForEvent、branch、split、tag、goal、exit）。'),
  },
  'duplicate-id': {
    severity: 'error',
    title: localized('Two items share an id', '两个对象使用了相同的 id'),
    fix: localized('Give every node and every edge its own id.', '为每个节点和每条连线设置唯一的 id。'),
  },
  'edge-missing-node': {
    severity: 'error',
    title: localized('Edge to or from a missing node', '连线指向不存在的节点'),
    fix: localized('Reconnect the edge to existing nodes, or delete it.', '把连线重新连接到已有节点，或删除它。'),
  },
  'edge-unknown-port': {
    severity: 'error',
    title: localized('Edge from a port the node does not have', '连线起点端口不存在'),
    fix: localized('Connect the edge from one of the node’s output ports (e.g. "next", "happened", "case-1").', '从节点已有的输出端口（如 next、happened、case-1）连出。'),
  },
  'port-multiple-edges': {
    severity: 'error',
    title: localized('Output port with several edges', '一个输出端口连了多条线'),
    fix: localized('A user leaves a port along one path: keep one edge, or add a split or branch to divide users.', '用户从一个端口只能走一条路径：只保留一条连线，或加入分流/分支来划分用户。'),
  },
  'no-entry': {
    severity: 'error',
    title: localized('No entry', '没有入口'),
    fix: localized('Add an entry node that says who enters the journey and when.', '添加入口节点，说明谁在何时进入旅程。'),
  },
  'instant-loop': {
    severity: 'error',
    title: localized('Loop without any wait', '没有等待的循环'),
    fix: localized('Put a wait or a wait-for-event inside the loop; otherwise a user would go round it for ever in no time.', '在循环中加入等待或等待事件节点；否则用户会在一瞬间无限循环。'),
  },
  'unreachable-node': {
    severity: 'warning',
    title: localized('Node no user can reach', '没有用户能到达的节点'),
    fix: localized('Connect the node to a path from an entry, or delete it.', '把节点接到从入口出发的路径上，或删除它。'),
  },
  'unconnected-port': {
    severity: 'warning',
    title: localized('Output port not connected', '输出端口未连接'),
    fix: localized('Users leaving through it leave the journey silently; connect it to the next step or to an exit.', '从该端口出来的用户会悄悄离开旅程；请连接到下一步或退出节点。'),
  },
  'path-without-goal-or-exit': {
    severity: 'warning',
    title: localized('Path that never reaches a goal or exit', '路径永远到不了目标或退出'),
    fix: localized('End every path with a goal (to count conversions) or an exit (to say why users leave).', '每条路径都应以转化目标（统计转化）或退出（说明离开原因）结束。'),
  },
  'frequency-cap-exceeded': {
    severity: 'warning',
    title: localized('Path touches users more often than the frequency cap', '路径触达次数超过频次上限'),
    fix: localized('Space the touches out with waits, remove one, or raise the cap: over-cap touches will be suppressed.', '用等待拉开触达间隔、删掉一次触达，或提高上限：超出上限的触达会被拦截。'),
  },
  'stage-regression': {
    severity: 'warning',
    title: localized('Path goes back to an earlier stage', '路径回到了更早的阶段'),
    fix: localized('Fine for win-back journeys; otherwise check the stage of the two nodes.', '召回类旅程可以这样做；否则请检查两个节点的阶段设置。'),
  },
  'costs-in-another-currency': {
    severity: 'warning',
    title: localized('Default channel costs are in yuan', '默认渠道成本以人民币计'),
    fix: localized(
      'The journey’s currency is not CNY but some channels use the default cost, which is in yuan. Set channelCosts for every channel the journey uses.',
      '旅程币种不是人民币，但部分渠道使用了以人民币计的默认成本。请为旅程用到的每个渠道设置 channelCosts。',
    ),
  },
  'path-summary': {
    severity: 'info',
    title: localized('Paths through the journey', '旅程路径概况'),
    fix: localized('For information: how many paths there are, how long they last and how many touches they carry.', '仅供参考：路径数量、最长持续时间和每条路径的触达次数。'),
  },
} satisfies Record<string, ProblemDefinition>;

type CoreCode = keyof typeof coreProblems;

/** Every problem code with its meaning: core, migration and every kind's own. */
export function problemCatalogue(registry: Registry = defaultRegistry): Record<string, ProblemDefinition> {
  const kinds = registry.kinds.map((kind) => kind.kind).join(', ');
  const unknownKind = {
    ...coreProblems['unknown-kind'],
    fix: localized(`Use one of the kinds this Journey Lab knows (${kinds}).`, `请使用本版 Journey Lab 支持的节点类型（${kinds}）。`),
  };
  return Object.assign({}, coreProblems, { 'unknown-kind': unknownKind }, migrationProblems, limitProblems, fastLoopProblems, ...registry.kinds.map((kind) => kind.problems ?? {}));
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
    ['nodes', MAX_NODES, 'too-many-nodes', 'nodes', '个节点'],
    ['edges', MAX_EDGES, 'too-many-edges', 'edges', '条连线'],
  ] as const;
  for (const [collection, limit, code, en, zh] of counts) {
    const list = isPlainObject(input) ? input[collection] : undefined;
    if (Array.isArray(list) && list.length > limit)
      problems.push({
        severity: 'error',
        code,
        message: localized(`The journey has ${grouped(list.length)} ${en}; the limit is ${grouped(limit)}.`, `旅程有 ${grouped(list.length)} ${zh}，上限为 ${grouped(limit)} ${zh}。`),
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
            ? localized(`The node at ${where} has no kind.`, `${where} 处的节点没有类型（kind）。`)
            : localized(`Node kind ${kind} at ${where} is not one this Journey Lab knows.`, `${where} 处的节点类型 ${kind} 不是本版 Journey Lab 支持的类型。`),
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
  return { severity: 'error', code: 'schema-invalid', message: localized(`Could not check the journey: ${text}`, `无法检查旅程：${text}`), location: { path: [] } };
}

export function validate(input: unknown, registry: Registry = defaultRegistry): Problem[] {
  return checkJourney(input, registry).problems;
}

function analyse(journey: JourneyDocument, registry: Registry): Problem[] {
  const problems: Problem[] = [];
  const graph = buildGraph(journey, registry);
  const report = (code: CoreCode, message: Localized, location: ProblemLocation) =>
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
      report('duplicate-id', localized(`Node id "${node.id}" is used twice.`, `节点 id「${node.id}」重复。`), { nodeId: node.id, path: ['nodes', index, 'id'] });
    seenNodes.add(node.id);
  });
  const seenEdges = new Set<string>();
  const portUse = new Map<string, string>();
  journey.edges.forEach((edge, index) => {
    const at = { edgeId: edge.id, path: ['edges', index] };
    if (seenEdges.has(edge.id) || seenNodes.has(edge.id))
      report('duplicate-id', localized(`Edge id "${edge.id}" is already used.`, `连线 id「${edge.id}」已被使用。`), { ...at, path: [...at.path, 'id'] });
    seenEdges.add(edge.id);
    const source = graph.byId.get(edge.source);
    for (const end of ['source', 'target'] as const)
      if (!graph.byId.has(edge[end]))
        report(
          'edge-missing-node',
          localized(`Edge ${edge.id} ${end === 'source' ? 'leaves' : 'enters'} node "${edge[end]}", which does not exist.`, `连线 ${edge.id} 的${end === 'source' ? '起点' : '终点'}节点「${edge[end]}」不存在。`),
          { ...at, path: [...at.path, end] },
        );
    if (!source) return;
    if (!graph.hasPort(source, edge.sourcePort)) {
      const known = graph.portsOf(source).map((port) => port.id).join(', ') || '—';
      report(
        'edge-unknown-port',
        localized(`Edge ${edge.id} leaves port "${edge.sourcePort}" of ${name(source.id)}, which has ports: ${known}.`, `连线 ${edge.id} 从 ${name(source.id)} 的端口「${edge.sourcePort}」连出，但该节点的端口为：${known}。`),
        { ...at, path: [...at.path, 'sourcePort'] },
      );
      return;
    }
    const key = `${edge.source}\u0000${edge.sourcePort}`;
    const first = portUse.get(key);
    if (first)
      report(
        'port-multiple-edges',
        localized(`Port "${edge.sourcePort}" of ${name(edge.source)} has two edges (${first} and ${edge.id}).`, `${name(edge.source)} 的端口「${edge.sourcePort}」连了两条线（${first} 和 ${edge.id}）。`),
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
      downstream(port) {
        const first = graph.out(node).get(port)?.target;
        if (!first) return [];
        return [...reachableFrom(graph, [first], undefined, downstreamBudget)]
          .filter((id) => id !== node.id)
          .map((id) => {
            const other = graph.byId.get(id)!;
            return { id, label: other.label || id, kind: other.kind, treatment: graph.kindOf(other).treatment === true };
          });
      },
      report(code, message, path = []) {
        const definition = kind.problems?.[code];
        if (!definition) throw new Error(`Kind "${kind.kind}" reported undeclared problem code "${code}"`);
        problems.push({ severity: definition.severity, code, message, location: { nodeId: node.id, path: ['nodes', index, 'params', ...path] } });
      },
    });
  });

  if (graph.entries.length === 0) {
    report('no-entry', localized('The journey has no entry: nobody can enter it.', '旅程没有入口：没有人能进入。'), { path: ['nodes'] });
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
    report('instant-loop', localized(`Loop without any wait: ${names.en}. A user would go round it for ever in no time.`, `没有等待的循环：${names['zh-CN']}。用户会在一瞬间无限循环。`), {
      nodeId: component[0]!,
      path: nodePath(component[0]!),
    });
  }

  // Loops that take time, but less than a minute a round (see fastLoops.ts).
  for (const found of fastLoopProblemsOf(journey, graph)) problems.push(found);

  const reachable = reachableFrom(graph, graph.entries.map((node) => node.id));
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
      report('unreachable-node', localized(`No path from an entry reaches ${name(node.id)}.`, `没有从入口出发的路径能到达 ${name(node.id)}。`), { nodeId: node.id, path });
      continue;
    }
    const out = graph.out(node);
    for (const port of graph.portsOf(node))
      if (!out.has(port.id))
        report(
          'unconnected-port',
          localized(`Port "${port.label.en}" of ${name(node.id)} is not connected; users leaving through it leave the journey.`, `${name(node.id)} 的端口「${port.label['zh-CN']}」未连接；从这里出来的用户会离开旅程。`),
          { nodeId: node.id, path },
        );
    const startsDeadPath =
      reachableWithoutGoal.has(node.id) &&
      !canReachEnd.has(node.id) &&
      (entries.has(node) || graph.predecessors(node.id).some((id) => canReachEnd.has(id) && !isEnd(id)));
    if (startsDeadPath)
      report(
        'path-without-goal-or-exit',
        localized(`From ${name(node.id)} no path reaches a goal or an exit.`, `从 ${name(node.id)} 出发没有路径能到达转化目标或退出。`),
        { nodeId: node.id, path },
      );
  }

  journey.edges.forEach((edge, index) => {
    const source = graph.byId.get(edge.source);
    const target = graph.byId.get(edge.target);
    if (source && target && stageIndex(target.stage) < stageIndex(source.stage))
      report(
        'stage-regression',
        localized(
          `Edge ${edge.id} goes back from ${stageNames[source.stage].en} to ${stageNames[target.stage].en}.`,
          `连线 ${edge.id} 从「${stageNames[source.stage]['zh-CN']}」回到「${stageNames[target.stage]['zh-CN']}」。`,
        ),
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
        localized(
          `The journey counts in ${journey.settings.currency}, but ${unpriced.join(', ')} use the default cost in CNY.`,
          `旅程以 ${journey.settings.currency} 计，但 ${unpriced.join('、')} 使用的是以人民币计的默认成本。`,
        ),
        { path: ['settings', 'channelCosts'] },
      );
  }

  if (graph.entries.length > 0) {
    const summary = summarisePaths(graph, journey.settings);
    const cap = journey.settings.frequencyCap;
    for (const [nodeId, count] of summary.overCap) {
      const window = describeDuration(parseDuration(cap?.window ?? 'PT0S') ?? 0, 'en');
      const windowZh = describeDuration(parseDuration(cap?.window ?? 'PT0S') ?? 0, 'zh-CN');
      report(
        'frequency-cap-exceeded',
        localized(
          `A path reaching ${name(nodeId)} can touch a user ${count} times within ${window}; the cap is ${cap?.touches}.`,
          `经过 ${name(nodeId)} 的路径可能在 ${windowZh} 内触达用户 ${count} 次，上限为 ${cap?.touches} 次。`,
        ),
        { nodeId, path: nodePath(nodeId) },
      );
    }
    const count = summary.truncated ? `more than ${summary.paths}` : String(summary.paths);
    const countZh = summary.truncated ? `超过 ${summary.paths}` : String(summary.paths);
    report(
      'path-summary',
      localized(
        `${count} distinct path(s) from entry to end (loops taken once); the longest lasts up to ${describeDuration(summary.longestMs, 'en')}; touches per path: ${summary.minTouches}–${summary.maxTouches}.`,
        `从入口到结束共 ${countZh} 条不同路径（循环只计一次）；最长持续 ${describeDuration(summary.longestMs, 'zh-CN')}；每条路径触达 ${summary.minTouches}–${summary.maxTouches} 次。`,
      ),
      { path: [] },
    );
  }
  return problems;
}
