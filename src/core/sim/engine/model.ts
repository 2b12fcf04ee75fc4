import { channels, channelCost, type Channel } from '../../journey/channels';
import { stages, stageIndex } from '../../journey/stages';
import { MS } from '../../journey/duration';
import { parseDuration } from '../../journey/duration';
import type { CheckedJourneyDocument } from '../../journey/validate';
import { forEachLeaf, type Condition } from '../../journey/condition';
import { leafOf } from '../../journey/conditions';
import type { MachineConfig, StateConfig } from '../../compile/machineConfig';
import { defaultRegistry, type Registry } from '../../journey/registry';
import { createCohortGenerator, type CohortGenerator } from '../../cohort/generate';
import { populationGenerator, type SimulationPopulation } from './population';
import { modelledEvents, type CheckedCohortSpec } from '../../cohort/schema';
import { hashString } from '../math/random';
import { buildLayout, type CounterLayout } from './counters';
import { buildClock, type Clock } from './clock';

/**
 * Everything about a run that is the same for every user: the journey's nodes, ports and events as
 * numbers, each segment's behaviour parameters in the units the engines use (milliseconds, money units),
 * and the layout of the counters. Both engines read the same model, so they index everything alike.
 */

/** Money is counted in integer units of 1/10 000 yuan, so sums are exact in any order (and any worker split). */
export const MONEY_UNIT = 10_000;
export const toMoneyUnits = (yuan: number): number => Math.round(yuan * MONEY_UNIT);

/**
 * Behaviour events in their same-instant order (docs/simulation.md): the ones the model makes
 * first, then the others the journey or the cohort names, alphabetically.
 */
export const MODELLED_EVENTS = ['unsubscribe', 'open', 'click', 'visit', 'add_to_cart', 'purchase'] as const;
/** Events the behaviour model makes itself; a cohort cannot give them rates. */
const MODEL_MADE: ReadonlySet<string> = new Set(modelledEvents);
export const EVENT_UNSUBSCRIBE = 0;
export const EVENT_OPEN = 1;
export const EVENT_CLICK = 2;
export const EVENT_VISIT = 3;
export const EVENT_PURCHASE = 5;

/** The event every user outside the journey receives at launch (audience entries listen for it). */
export const LAUNCH = 'journey.launch';

export interface NodeModel {
  id: string;
  kind: string;
  label: string;
  stage: number;
  /** hashString(id): the node word of its random draws. */
  hash: number;
  ports: string[];
  /** For splits: which ports are holdouts, and each arm's label as reports show it. */
  holdout: boolean[];
  armLabel: string[];
  /** The kind splits traffic into arms (NodeKindDefinition.arms): reports compare its ports. */
  isSplit: boolean;
  goal: string | null;
}

export interface SegmentModel {
  id: string;
  /** BG/NBD and gamma-gamma parameters; α in days as in the cohort. */
  purchase: { r: number; alpha: number; a: number; b: number };
  orderValue: { p: number; q: number; gamma: number };
  /** Per channel index: open, click and unsubscribe chances (0 where the cohort gives none). */
  open: Float64Array;
  click: Float64Array;
  unsubscribe: Float64Array;
  fatigue: number;
  clickLift: number;
  priceElasticity: number;
  /** Chance an induced purchase cancels the next baseline one; chance a click wins a lapsed customer back; opt-out growth per recent touch. */
  pullForward: number;
  reactivation: number;
  unsubscribePressure: number;
  responseWindowMs: number;
  responseDelayMs: number;
  /** Per event code: occurrences per millisecond of events users do on their own (0 for most). */
  eventRate: Float64Array;
}

export interface Model {
  journey: CheckedJourneyDocument;
  config: MachineConfig;
  registry: Registry;
  cohort: CheckedCohortSpec;
  generator: CohortGenerator;
  /** The real customers the users are, one each (a fitted cohort's population); null: synthetic users. */
  population: SimulationPopulation | null;
  seed: number;
  users: number;
  horizonMs: number;
  days: number;
  nodes: NodeModel[];
  nodeIndex: Map<string, number>;
  /** Event names by code; `eventCode` is the reverse. */
  events: string[];
  eventCode: Map<string, number>;
  /** hashString of each event's name: the salt of its rate's draws, so adding an event reshuffles no other. */
  eventHash: Float64Array;
  /** Codes of events that come from the segments' rates (only those the journey reads). */
  rateEvents: number[];
  /** Per event code: a rated event simulated only while the machine listens for it (nothing counts it). */
  lazyEvent: Uint8Array;
  /** Per machine state id: the event codes it listens for (itself or a state around it). */
  listeners: Map<string, Uint8Array>;
  /** Per event code: counted by a condition, so its occurrences are kept for `eventCount`. */
  countedEvent: Uint8Array;
  channelCostUnits: Float64Array;
  quietHours: { startMs: number; endMs: number } | null;
  /** The local clock: launch time of day, hour and weekday patterns, the calendar's purchase rates. */
  clock: Clock;
  frequencyCap: { touches: number; windowMs: number } | null;
  /** The share of users in the cohort's global control group (0 when it has none or the journey opts out). */
  controlShare: number;
  segments: SegmentModel[];
  layout: CounterLayout;
}

export interface ModelOptions {
  seed: number;
  /** Users to simulate (the cohort's size by default). */
  users?: number;
  registry?: Registry;
  /** Real customers to simulate instead of synthetic users (users 0 … population.size − 1). */
  population?: SimulationPopulation | null;
}

function visitStates(state: StateConfig, visit: (state: StateConfig) => void): void {
  visit(state);
  for (const child of Object.values(state.states ?? {})) visitStates(child, visit);
}

function conditionEvents(condition: Condition, into: Set<string>): void {
  forEachLeaf(condition, (leaf) => {
    for (const event of leafOf(leaf).counts?.(leaf) ?? []) into.add(event);
  });
}

/** Events the compiled journey listens for (`on`), and events its conditions count, by name. */
export function eventsUsed(config: MachineConfig): { listened: Set<string>; counted: Set<string> } {
  const listened = new Set<string>();
  const counted = new Set<string>();
  visitStates(config, (state) => {
    for (const name of Object.keys(state.on ?? {})) listened.add(name);
    const transitions = [...(state.always ?? []), ...Object.values(state.on ?? {}).flat(), ...Object.values(state.after ?? {}).flat()];
    for (const transition of transitions) {
      const condition = transition.guard?.params?.condition;
      if (condition && typeof condition === 'object') conditionEvents(condition as Condition, counted);
    }
  });
  listened.delete(LAUNCH);
  return { listened, counted };
}

/** Every event the compiled journey listens for or counts, by name. */
export function eventsRead(config: MachineConfig): Set<string> {
  const { listened, counted } = eventsUsed(config);
  return new Set([...listened, ...counted]);
}

/**
 * Per state id of the machine: which event codes the state (or a state around it) has transitions
 * for. A rated event nothing counts is only simulated while the user is in a state that listens for it
 * (see docs/simulation.md), so both engines ask this after every step.
 */
function listenersByState(config: MachineConfig, eventCode: Map<string, number>, size: number): Map<string, Uint8Array> {
  const result = new Map<string, Uint8Array>();
  const walk = (state: StateConfig, key: string, around: string[]) => {
    const names = [...around, ...Object.keys(state.on ?? {})];
    const flags = new Uint8Array(size);
    for (const name of names) {
      const code = eventCode.get(name);
      if (code !== undefined) flags[code] = 1;
    }
    result.set(state.id ?? key, flags);
    for (const [childKey, child] of Object.entries(state.states ?? {})) walk(child, childKey, names);
  };
  walk(config, config.id, []);
  return result;
}

const minutesOf = (clock: string) => {
  const [hours, minutes] = clock.split(':').map(Number);
  return ((hours ?? 0) * 60 + (minutes ?? 0)) * MS.minute;
};

/** Builds a run's model from what passed the gates: a checked journey, its compiled config, a checked cohort. */
export function buildModel(journey: CheckedJourneyDocument, config: MachineConfig, cohort: CheckedCohortSpec, options: ModelOptions): Model {
  const registry = options.registry ?? defaultRegistry;
  const seed = options.seed | 0;
  const users = options.users ?? cohort.size;
  const horizonMs = parseDuration(journey.settings.horizon) ?? 90 * MS.day;
  const days = Math.max(1, Math.ceil(horizonMs / MS.day));

  const nodes: NodeModel[] = journey.nodes.map((node) => {
    const kind = registry.get(node.kind)!;
    const params = node.params as Record<string, unknown>;
    const ports = kind.ports(params).map((port) => port.id);
    // A kind that splits traffic says which of its ports are arms, and which arm is the holdout.
    const arms = kind.arms?.(params);
    return {
      id: node.id,
      kind: node.kind,
      label: node.label,
      stage: stageIndex(node.stage),
      hash: hashString(node.id),
      ports,
      holdout: ports.map((_, index) => arms?.[index]?.holdout === true),
      armLabel: ports.map((_, index) => arms?.[index]?.label || String(index + 1)),
      isSplit: arms !== undefined,
      goal: kind.ends === 'goal' && typeof params.goal === 'string' ? params.goal : null,
    };
  });
  const nodeIndex = new Map(nodes.map((node, index) => [node.id, index]));

  // What the journey reads (an arm converts at a goal step, so a goal's event matters only where a step listens).
  const read = eventsRead(config);
  const rated = new Set<string>();
  for (const segment of cohort.segments)
    for (const [name, rate] of Object.entries(segment.behaviour.events))
      if (rate.perDay > 0 && read.has(name) && !MODEL_MADE.has(name)) rated.add(name);
  const others = [...new Set([...read, ...rated])].filter((name) => !(MODELLED_EVENTS as readonly string[]).includes(name)).sort();
  const events = [...MODELLED_EVENTS, ...others];
  const eventCode = new Map(events.map((name, index) => [name, index]));
  const rateEvents = [...rated].map((name) => eventCode.get(name)!).sort((a, b) => a - b);

  const { counted } = eventsUsed(config);
  const countedEvent = Uint8Array.from(events, (name) => (counted.has(name) ? 1 : 0));
  const lazyEvent = new Uint8Array(events.length);
  for (const code of rateEvents) if (!counted.has(events[code]!)) lazyEvent[code] = 1;

  const channelCostUnits = Float64Array.from(channels, (channel) => toMoneyUnits(channelCost(channel, journey.settings.channelCosts)));
  const { quietHours, frequencyCap } = journey.settings;

  const segments: SegmentModel[] = cohort.segments.map((segment) => {
    const behaviour = segment.behaviour;
    const response = (field: 'open' | 'click' | 'unsubscribe') =>
      Float64Array.from(channels, (channel: Channel) => behaviour.response[channel]?.[field] ?? 0);
    const eventRate = new Float64Array(events.length);
    for (const code of rateEvents) eventRate[code] = (segment.behaviour.events[events[code]!]?.perDay ?? 0) / MS.day;
    return {
      id: segment.id,
      purchase: behaviour.purchase,
      orderValue: behaviour.orderValue,
      open: response('open'),
      click: response('click'),
      unsubscribe: response('unsubscribe'),
      fatigue: behaviour.fatigue,
      clickLift: behaviour.clickLift,
      priceElasticity: behaviour.priceElasticity,
      pullForward: behaviour.pullForward,
      reactivation: behaviour.reactivation,
      unsubscribePressure: behaviour.unsubscribePressure,
      responseWindowMs: Math.round(behaviour.responseWindowDays * MS.day),
      responseDelayMs: behaviour.responseDelayHours * MS.hour,
      eventRate,
    };
  });

  return {
    journey,
    config,
    registry,
    cohort,
    // The spec's size is only the default count: the run's users are 0 … users − 1, any number of them.
    generator: options.population ? populationGenerator(createCohortGenerator({ ...cohort, size: users }, seed), options.population) : createCohortGenerator({ ...cohort, size: users }, seed),
    population: options.population ?? null,
    seed,
    users,
    horizonMs,
    days,
    nodes,
    nodeIndex,
    events,
    eventCode,
    eventHash: Float64Array.from(events, (name) => hashString(name)),
    rateEvents,
    lazyEvent,
    listeners: listenersByState(config, eventCode, events.length),
    countedEvent,
    channelCostUnits,
    quietHours: quietHours ? { startMs: minutesOf(quietHours.start), endMs: minutesOf(quietHours.end) } : null,
    clock: buildClock(journey, cohort, horizonMs),
    frequencyCap: frequencyCap ? { touches: frequencyCap.touches, windowMs: parseDuration(frequencyCap.window) ?? MS.week } : null,
    controlShare: journey.settings.optOutOfControlGroup === true ? 0 : (cohort.controlGroupShare ?? 0),
    segments,
    layout: buildLayout({ nodes, days, segments: cohort.segments.length, stages: stages.length, channels: channels.length }),
  };
}

