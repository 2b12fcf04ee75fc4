import { joinedMessages, message, type Message } from '../../i18n';
import { describeCondition, forEachLeaf, type Condition } from '../../journey/condition';
import { compare, type ComparisonOp, type Scalar } from '../../journey/conditions/compare';
import type { ConditionLeafValue } from '../../journey/conditions';
import { implies, isSatisfiable } from '../../journey/conditionLogic';
import { numbered } from '../../journey/fields';
import { buildGraph, reachableFrom, type JourneyGraph } from '../../journey/graph';
import { jumpTargets } from '../../journey/exitOnGoal';
import type { Problem, ProblemDefinition } from '../../journey/problems';
import { defaultRegistry, type Registry } from '../../journey/registry';
import { conditionRoutes, entryFilters, fieldValues, type FieldRead } from '../../journey/routes';
import type { JourneyNode } from '../../journey/schema';
import { checkJourney, type CheckedJourneyDocument } from '../../journey/validate';
import { compileJourney } from '../../compile/toMachine';
import type { ActionRef, StateConfig } from '../../compile/machineConfig';
import { setAttribute } from '../../compile/operations/setAttribute';
import { setTag } from '../../compile/operations/setTag';
import { checkCohort, modelledEvents, type CohortSegment, type CohortSpec } from '../../cohort/schema';

/**
 * Does the journey fit the cohort it is about to run on? Every attribute, tag, segment and event its
 * triggers, conditions, waits and goals read should exist in the cohort (or be set by the journey's own
 * tag steps), and every case of a branch should be open to some of its users. What does not fit is a
 * warning, not an error: the run goes ahead, but a path that no user can take is usually a journey
 * written for another cohort (issue 15: a template branched on `push_opt_in`, which no preset has).
 *
 * What a node reads comes from its kind's fields (routes.ts), so a new kind is covered by declaring
 * them. `path-never-taken` is decided from the cohort's declared distributions only, and only where it
 * is certain: a condition is judged holding for none, all or some of the users by each leaf's possible
 * values in the segments that have users, combined by all / any / not (a leaf that may go either way
 * keeps the whole undecided).
 */

export const cohortFitProblems = {
  'cohort-missing-attribute': {
    severity: 'warning',
    title: message('core.sim.engine.cohortFit.missingAttributeTitle'),
    fix: message('core.sim.engine.cohortFit.missingAttributeFix'),
  },
  'cohort-missing-tag': {
    severity: 'warning',
    title: message('core.sim.engine.cohortFit.missingTagTitle'),
    fix: message('core.sim.engine.cohortFit.missingTagFix'),
  },
  'cohort-missing-segment': {
    severity: 'warning',
    title: message('core.sim.engine.cohortFit.missingSegmentTitle'),
    fix: message('core.sim.engine.cohortFit.missingSegmentFix'),
  },
  'cohort-missing-event': {
    severity: 'warning',
    title: message('core.sim.engine.cohortFit.missingEventTitle'),
    fix: message('core.sim.engine.cohortFit.missingEventFix'),
  },
  'path-never-taken': {
    severity: 'warning',
    title: message('core.sim.engine.cohortFit.neverTakenTitle'),
    fix: message('core.sim.engine.cohortFit.neverTakenFix'),
  },
} satisfies Record<string, ProblemDefinition>;

type FitCode = keyof typeof cohortFitProblems;

/**
 * Events the behaviour model makes itself, whatever the cohort's rates: purchases (BG/NBD), opens,
 * clicks and unsubscribes (responses to touches), and visits (a click brings one, besides any rate).
 */
export const eventsTheModelMakes: ReadonlySet<string> = new Set([...modelledEvents, 'visit']);

/** What the journey itself gives users: tags its steps add or remove, attributes they set and to what. */
interface Produced {
  tagsAdded: Set<string>;
  tagsRemoved: Set<string>;
  attributes: Map<string, Scalar[]>;
}

function producedBy(journey: CheckedJourneyDocument, registry: Registry): Produced {
  const produced: Produced = { tagsAdded: new Set(), tagsRemoved: new Set(), attributes: new Map() };
  const take = (action: ActionRef) => {
    const params = action.params ?? {};
    if (action.type === setTag.type && typeof params.tag === 'string') (params.present === true ? produced.tagsAdded : produced.tagsRemoved).add(params.tag);
    if (action.type === setAttribute.type && typeof params.attribute === 'string') {
      const values = produced.attributes.get(params.attribute) ?? [];
      if (typeof params.value === 'string' || typeof params.value === 'number' || typeof params.value === 'boolean') values.push(params.value);
      produced.attributes.set(params.attribute, values);
    }
  };
  const walk = (state: StateConfig) => {
    for (const action of state.entry ?? []) take(action);
    const transitions = [...(state.always ?? []), ...Object.values(state.on ?? {}).flat(), ...Object.values(state.after ?? {}).flat()];
    for (const transition of transitions) for (const action of transition.actions ?? []) take(action);
    for (const child of Object.values(state.states ?? {})) walk(child);
  };
  walk(compileJourney(journey, registry).config);
  return produced;
}

/** The segments that have users (a share above 0). */
const populated = (cohort: CohortSpec): CohortSegment[] => {
  const withUsers = cohort.segments.filter((segment) => segment.share > 0);
  return withUsers.length > 0 ? withUsers : cohort.segments;
};

/** Events some segment with users does at a rate above 0, or that the model makes. */
function eventsOf(cohort: CohortSpec): Set<string> {
  const events = new Set(eventsTheModelMakes);
  for (const segment of populated(cohort))
    for (const [event, rate] of Object.entries(segment.behaviour.events)) if (rate.perDay > 0) events.add(event);
  return events;
}

// ---------------------------------------------------------------------------------------------------
// What a condition can be for the users of a cohort

/** Holds for no user, for every user, or cannot be told from the cohort. */
type Verdict = 'never' | 'always' | 'maybe';

/** A numeric attribute's range in a segment, as the generator clamps (and rounds) its draws. */
interface Range {
  lo: number;
  hi: number;
  integer: boolean;
}

/** The values a leaf can read for users of the cohort: listed ones (undefined: not set) and ranges. */
interface Possible {
  values: (Scalar | undefined)[];
  ranges: Range[];
}

function rangeVerdict({ lo, hi, integer }: Range, op: ComparisonOp, value: Scalar | Scalar[]): Verdict {
  const inside = (x: Scalar) => typeof x === 'number' && x >= lo && x <= hi && (!integer || Number.isInteger(x));
  if (op === 'in') {
    const list = Array.isArray(value) ? value : [];
    if (!list.some(inside)) return 'never';
    return lo === hi ? 'always' : 'maybe';
  }
  if (Array.isArray(value)) return 'never';
  if (typeof value !== 'number') return op === '=' ? 'never' : op === '!=' ? 'always' : 'maybe';
  if (lo === hi) return compare(lo, op, value) ? 'always' : 'never';
  switch (op) {
    case '=':
      return inside(value) ? 'maybe' : 'never';
    case '!=':
      return inside(value) ? 'maybe' : 'always';
    case '<':
      return hi < value ? 'always' : lo >= value ? 'never' : 'maybe';
    case '<=':
      return hi <= value ? 'always' : lo > value ? 'never' : 'maybe';
    case '>':
      return lo > value ? 'always' : hi <= value ? 'never' : 'maybe';
    default:
      return lo >= value ? 'always' : hi < value ? 'never' : 'maybe';
  }
}

function verdictOver(possible: Possible, holds: (value: Scalar | undefined) => boolean, inRange: (range: Range) => Verdict): Verdict {
  const listed = possible.values.map(holds);
  const ranged = possible.ranges.map(inRange);
  const some = listed.some(Boolean) || ranged.some((verdict) => verdict !== 'never');
  const every = listed.every(Boolean) && ranged.every((verdict) => verdict === 'always');
  return !some ? 'never' : every ? 'always' : 'maybe';
}

/**
 * The cohort as the fit check reads it, with what the journey adds. A condition is judged segment by
 * segment (a segment's own distributions, so "segment a and tag vip" is never for a cohort where only b
 * has vip), then over the segments: never when it is never in each, always when it is always in each.
 */
class CohortFacts {
  readonly segments: CohortSegment[];
  readonly events: Set<string>;
  private readonly tags: Set<string>;

  constructor(
    readonly cohort: CohortSpec,
    readonly produced: Produced,
  ) {
    this.segments = populated(cohort);
    this.events = eventsOf(cohort);
    this.tags = new Set(cohort.tags);
  }

  hasAttribute = (name: string) => Object.hasOwn(this.cohort.attributes, name) || this.produced.attributes.has(name);
  hasTag = (tag: string) => this.tags.has(tag) || this.produced.tagsAdded.has(tag);
  hasSegment = (id: string) => this.cohort.segments.some((segment) => segment.id === id);
  hasEvent = (event: string) => this.events.has(event);

  /** The values users of the segment can have for an attribute: drawn from its distribution, or set by the journey. */
  private attribute(name: string, segment: CohortSegment): Possible {
    const possible: Possible = { values: [...(this.produced.attributes.get(name) ?? [])], ranges: [] };
    const declaration = Object.hasOwn(this.cohort.attributes, name) ? this.cohort.attributes[name] : undefined;
    if (declaration?.values) {
      const shares = segment.attributes[name] ?? declaration.shares;
      const drawn = shares ? declaration.values.filter((value) => (shares[String(value)] ?? 0) > 0) : [];
      if (drawn.length === 0) possible.values.push(undefined);
      for (const value of drawn) possible.values.push(value);
    } else if (declaration?.numeric) {
      // As the generator draws: clamped to the range, rounded when it is integer.
      const distribution = segment.numeric[name] ?? declaration.normal;
      const { min, max, integer } = declaration.numeric;
      const lo = integer ? Math.ceil(min) : min;
      const hi = integer ? Math.floor(max) : max;
      if (!distribution) possible.values.push(undefined);
      else if (distribution.sd === 0 || lo >= hi) {
        const clamped = Math.min(max, Math.max(min, distribution.mean));
        possible.values.push(integer ? Math.min(Math.floor(max), Math.max(Math.ceil(min), Math.round(clamped))) : clamped);
      } else possible.ranges.push({ lo, hi, integer });
    } else possible.values.push(undefined);
    return possible;
  }

  private tagValues(tag: string, segment: CohortSegment): boolean[] {
    const values = new Set<boolean>();
    const chance = this.tags.has(tag) ? (segment.tags[tag] ?? 0) : 0;
    if (chance > 0 || this.produced.tagsAdded.has(tag)) values.add(true);
    if (chance < 1 || this.produced.tagsRemoved.has(tag)) values.add(false);
    return [...values];
  }

  private rfmScores(dimension: 'recency' | 'frequency' | 'monetary', segment: CohortSegment): number[] {
    const shares = segment.rfm[dimension];
    const total = shares.reduce((sum, share) => sum + Math.max(0, share), 0);
    return [1, 2, 3, 4, 5].filter((score) => (shares[score - 1] ?? 0) > 0 || !(total > 0));
  }

  private leaf(leaf: ConditionLeafValue, segment: CohortSegment): Verdict {
    if ('attribute' in leaf)
      return verdictOver(
        this.attribute(leaf.attribute, segment),
        (value) => compare(value, leaf.op, leaf.value),
        (range) => rangeVerdict(range, leaf.op, leaf.value),
      );
    const listed = <T extends Scalar>(values: T[], holds: (value: T) => boolean) => verdictOver({ values, ranges: [] }, (value) => holds(value as T), () => 'never');
    if ('tag' in leaf) return listed(this.tagValues(leaf.tag, segment), (has) => has === leaf.present);
    if ('segment' in leaf) return (segment.id === leaf.segment) === leaf.member ? 'always' : 'never';
    if ('rfm' in leaf) return listed(this.rfmScores(leaf.rfm, segment), (score) => compare(score, leaf.op, leaf.score));
    // A count of an event nobody does is 0; of one users do, anything.
    return this.hasEvent(leaf.event) ? 'maybe' : compare(0, leaf.op, leaf.count) ? 'always' : 'never';
  }

  private within(condition: Condition, segment: CohortSegment): Verdict {
    if ('not' in condition) {
      const inner = this.within(condition.not, segment);
      return inner === 'never' ? 'always' : inner === 'always' ? 'never' : 'maybe';
    }
    if ('all' in condition || 'any' in condition) {
      const every = 'all' in condition;
      const verdicts = (every ? condition.all : condition.any).map((part) => this.within(part, segment));
      const [decisive, neutral] = every ? (['never', 'always'] as const) : (['always', 'never'] as const);
      if (verdicts.includes(decisive)) return decisive;
      return verdicts.every((verdict) => verdict === neutral) ? neutral : 'maybe';
    }
    return this.leaf(condition, segment);
  }

  condition(condition: Condition): Verdict {
    const verdicts = this.segments.map((segment) => this.within(condition, segment));
    if (verdicts.every((verdict) => verdict === 'never')) return 'never';
    return verdicts.every((verdict) => verdict === 'always') ? 'always' : 'maybe';
  }
}

// ---------------------------------------------------------------------------------------------------
// The check

/** A node as messages name it: its label and id, or its id alone. */
const nodeName = (node: JourneyNode) => (node.label ? `"${node.label}" (${node.id})` : node.id);

/** Where in a node a read is, as the inspector names it: "Case 1 → Condition", "Who may enter". */
function whereOf(read: FieldRead<unknown>): Message {
  const parts = read.fields.map(({ field, item }) => (item !== undefined && field.item ? numbered(field.item.name, item) : field.label));
  return joinedMessages(parts, 'arrows');
}

/**
 * The warnings of a journey that does not fit a cohort: what it reads that the cohort lacks, and the
 * ways through a branch (or into the journey) that no user of the cohort can take.
 */
export function checkJourneyAgainstCohort(journey: CheckedJourneyDocument, cohort: CohortSpec, registry: Registry = defaultRegistry): Problem[] {
  const graph = buildGraph(journey, registry);
  const facts = new CohortFacts(cohort, producedBy(journey, registry));
  const problems: Problem[] = [];
  const indexOf = new Map<string, number>();
  journey.nodes.forEach((node, index) => {
    if (!indexOf.has(node.id)) indexOf.set(node.id, index);
  });
  const report = (code: FitCode, node: JourneyNode, text: Message, path: (string | number)[] = []) =>
    problems.push({ severity: cohortFitProblems[code].severity, code, message: text, location: { nodeId: node.id, path: ['nodes', indexOf.get(node.id) ?? -1, ...path] } });
  const segments = joinedMessages(cohort.segments.map((segment) => segment.id), 'list');

  for (const node of graph.nodes) {
    // One warning per thing missing per node, at its first read.
    const told = new Set<string>();
    const missing = (code: FitCode, what: string, read: FieldRead<unknown>, text: (where: Message) => Message) => {
      const key = `${code}\u0000${what}`;
      if (told.has(key)) return;
      told.add(key);
      report(code, node, text(whereOf(read)), ['params', ...read.path]);
    };
    const values = { node: nodeName(node), cohort: cohort.name };
    for (const read of fieldValues(graph, node, 'event')) {
      const event = read.value;
      if (typeof event === 'string' && !facts.hasEvent(event))
        missing('cohort-missing-event', event, read, (where) => message('core.sim.engine.cohortFit.missingEvent', { ...values, event, where }));
    }
    for (const read of fieldValues(graph, node, 'condition'))
      forEachLeaf(read.value as Condition, (leaf) => {
        if ('attribute' in leaf && !facts.hasAttribute(leaf.attribute))
          missing('cohort-missing-attribute', leaf.attribute, read, (where) => message('core.sim.engine.cohortFit.missingAttribute', { ...values, attribute: leaf.attribute, where }));
        else if ('tag' in leaf && !facts.hasTag(leaf.tag))
          missing('cohort-missing-tag', leaf.tag, read, (where) => message('core.sim.engine.cohortFit.missingTag', { ...values, tag: leaf.tag, where }));
        else if ('segment' in leaf && !facts.hasSegment(leaf.segment))
          missing('cohort-missing-segment', leaf.segment, read, (where) =>
            message('core.sim.engine.cohortFit.missingSegment', { ...values, segment: leaf.segment, where, segments }),
          );
        else if ('event' in leaf && !facts.hasEvent(leaf.event))
          missing('cohort-missing-event', leaf.event, read, (where) => message('core.sim.engine.cohortFit.missingEvent', { ...values, event: leaf.event, where }));
      });
  }

  for (const found of closedPaths(journey, graph, facts)) report('path-never-taken', found.node, found.message);
  return problems;
}

/** The ways into the journey and through its branches that no user of the cohort can take. */
function closedPaths(journey: CheckedJourneyDocument, graph: JourneyGraph, facts: CohortFacts): { node: JourneyNode; message: Message }[] {
  const found: { node: JourneyNode; message: Message }[] = [];
  const cohort = facts.cohort.name;
  for (const entry of graph.entries) {
    const filters = entryFilters(graph, entry);
    const closed = filters.find((filter) => isSatisfiable(filter) && facts.condition(filter) === 'never');
    if (closed) found.push({ node: entry, message: message('core.sim.engine.cohortFit.noneEnters', { node: nodeName(entry), cohort, condition: describeCondition(closed) }) });
  }
  const reachable = reachableFrom(graph, [...graph.entries.map((node) => node.id), ...jumpTargets(journey, graph)]);
  for (const node of graph.nodes) {
    if (!reachable.has(node.id)) continue;
    const routes = conditionRoutes(graph, node, journey.settings);
    let always: Condition | null = null;
    const earlier: Condition[] = [];
    for (const route of routes) {
      const port = graph.portsOf(node).find((candidate) => candidate.id === route.port)?.label ?? route.port;
      const values = { node: nodeName(node), port, cohort };
      // A case that contradicts itself, or that earlier cases cover whatever the cohort, is the journey's
      // own problem (branch-case-never-matches, branch-case-shadowed), not the cohort's.
      const ownProblem = route.condition !== null && (!isSatisfiable(route.condition) || (earlier.length > 0 && implies(route.condition, { any: earlier })));
      if (route.condition) earlier.push(route.condition);
      if (ownProblem) continue;
      const verdict = route.condition ? facts.condition(route.condition) : 'always';
      if (always) found.push({ node, message: message('core.sim.engine.cohortFit.earlierAlways', { ...values, condition: describeCondition(always) }) });
      else if (verdict === 'never') found.push({ node, message: message('core.sim.engine.cohortFit.neverHolds', { ...values, condition: describeCondition(route.condition!) }) });
      if (!always && verdict === 'always' && route.condition) always = route.condition;
    }
  }
  return found;
}

/**
 * The fit warnings for a journey and a cohort as a caller holds them (the app's open journey and the
 * cohort picked), or null when either cannot be read or has errors — a run would be refused anyway, and
 * there is nothing to say of how they fit.
 */
export function journeyFitWarnings(journey: unknown, cohort: unknown, registry: Registry = defaultRegistry): Problem[] | null {
  const checked = checkJourney(journey, registry).valid;
  const spec = checkCohort(cohort).spec;
  return checked && spec ? checkJourneyAgainstCohort(checked, spec, registry) : null;
}
