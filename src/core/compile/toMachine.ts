import { assign, setup } from 'xstate';
import { checkJourney, type CheckedJourneyDocument } from '../journey/validate';
import { defaultRegistry, type Registry } from '../journey/registry';
import { buildGraph } from '../journey/graph';
import { parseDuration } from '../journey/duration';
import type { JourneyNode } from '../journey/schema';
import type { CompileContext } from '../journey/kinds/defineKind';
import type { Problem } from '../journey/problems';
import type { MachineConfig, StateConfig, TransitionConfig } from './machineConfig';
import { operationImplementations } from './implementations';
import { countVisit, leave as leaveJourney, port, reportVisit } from './operations';
import type { Implementations, JourneyContext, JourneyEvent, JourneyInput } from './runtime';

/** The compiler's own states; node ids may not start with "__", so these never clash. */
export const OUTSIDE = '__outside';
export const JOURNEY = '__journey';
export const DEAD_END = '__deadEnd';
export const COOLDOWN = '__cooldown';
export const DONE = '__done';

export interface CompiledJourney {
  config: MachineConfig;
  document: CheckedJourneyDocument;
}

export type CompileResult = ({ ok: true } & CompiledJourney) | { ok: false; problems: Problem[] };

export class JourneyCompileError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`The journey has ${problems.length} error(s): ${problems.map((problem) => `${problem.code}: ${problem.message.key}`).join('; ')}`);
    this.name = 'JourneyCompileError';
  }
}

function mergeTransitions(into: Record<string, TransitionConfig[]>, from: Record<string, TransitionConfig[]> | undefined) {
  for (const [key, transitions] of Object.entries(from ?? {})) into[key] = [...(into[key] ?? []), ...transitions];
}

/**
 * Checks any input as a journey (once) and compiles it: for callers that hold raw input (the CLI's
 * compile command, a file export, tests). Journeys with errors are refused with their errors.
 */
export function compileJourneyInput(input: unknown, registry: Registry = defaultRegistry): CompileResult {
  const { valid, problems } = checkJourney(input, registry);
  if (!valid) return { ok: false, problems: problems.filter((problem) => problem.severity === 'error') };
  return { ok: true, ...compileJourney(valid, registry) };
}

/**
 * Compiles a checked journey (checked against the same registry) to a plain-JSON XState v5 machine
 * config: one state per node (the state's id is the node's id) inside `__journey`, entered from
 * `__outside` by the entry nodes' triggers, and left for `__done` (or, with re-entry, back to
 * `__outside`). The document is not checked again: its type says it passed checkJourney.
 */
export function compileJourney(journey: CheckedJourneyDocument, registry: Registry = defaultRegistry): CompiledJourney {
  const graph = buildGraph(journey, registry);
  const { settings } = journey;
  const cooldownMs = settings.reentry.cooldown ? (parseDuration(settings.reentry.cooldown) ?? 0) : 0;
  const leave = settings.reentry.policy === 'never' ? `#${DONE}` : cooldownMs > 0 ? `#${COOLDOWN}` : `#${OUTSIDE}`;
  const contextFor = (node: JourneyNode): CompileContext => {
    const out = graph.out(node);
    const target = (port: string) => {
      const edge = out.get(port);
      return edge ? `#${edge.target}` : `#${DEAD_END}`;
    };
    return {
      settings,
      leave,
      enter: [countVisit.ref({ node: node.id }), reportVisit.ref({ node: node.id })],
      target,
      connected: (port) => out.has(port),
      go: (name) => ({ target: target(name), reenter: true, actions: [port.ref({ node: node.id, port: name })] }),
    };
  };

  const outside: StateConfig = { id: OUTSIDE, on: {}, after: {} };
  const inJourney: Record<string, TransitionConfig[]> = {};
  const states: Record<string, StateConfig> = {};
  for (const node of graph.nodes) {
    const kind = graph.kindOf(node);
    const context = contextFor(node);
    states[node.id] = { id: node.id, ...kind.compile(node, context), meta: { kind: node.kind, stage: node.stage, label: node.label } };
    const way = kind.outside?.(node);
    mergeTransitions(outside.on!, way?.on);
    mergeTransitions(outside.after!, way?.after);
    mergeTransitions(inJourney, kind.whileInJourney?.(node, context));
  }
  states[DEAD_END] = {
    id: DEAD_END,
    description: 'A user who left through an unconnected port leaves the journey.',
    entry: [leaveJourney.ref({ node: null, reason: 'unconnected-port' })],
    always: [{ target: leave }],
  };

  const config: MachineConfig = {
    id: 'journey',
    initial: OUTSIDE,
    meta: { journeyId: journey.id, name: journey.name, schemaVersion: journey.schemaVersion },
    states: {
      [OUTSIDE]: outside,
      [JOURNEY]: { id: JOURNEY, initial: graph.entries[0]!.id, on: inJourney, states },
      ...(cooldownMs > 0 ? { [COOLDOWN]: { id: COOLDOWN, after: { [String(cooldownMs)]: [{ target: `#${OUTSIDE}` }] } } } : {}),
      [DONE]: { id: DONE, type: 'final' },
    },
  };
  return { config: JSON.parse(JSON.stringify(config)) as MachineConfig, document: journey };
}

/** Every action and guard the compiled configs refer to: the operations' plus any a kind brings of its own. */
export function implementationsOf(registry: Registry = defaultRegistry): Required<Implementations> {
  const all = [operationImplementations, ...registry.kinds.map((kind) => kind.implementations ?? {})];
  return {
    effects: Object.assign({}, ...all.map((part) => part.effects ?? {})),
    updates: Object.assign({}, ...all.map((part) => part.updates ?? {})),
    guards: Object.assign({}, ...all.map((part) => part.guards ?? {})),
  };
}

/** Loads a compiled config (e.g. read back from `journey-lab compile` output) into a working machine. */
export function machineFromConfig(config: MachineConfig, registry: Registry = defaultRegistry) {
  const { effects, updates, guards } = implementationsOf(registry);
  const actions: Record<string, unknown> = {};
  for (const [name, run] of Object.entries(effects))
    actions[name] = ({ context, event }: { context: JourneyContext; event: JourneyEvent }, params: Record<string, never>) => run(context, params ?? {}, event);
  for (const [name, run] of Object.entries(updates))
    actions[name] = assign(({ context }: { context: JourneyContext }, params: Record<string, never>) => run(context, params ?? {}));
  const guardImplementations: Record<string, unknown> = {};
  for (const [name, run] of Object.entries(guards))
    guardImplementations[name] = ({ context, event }: { context: JourneyContext; event: JourneyEvent }, params: Record<string, never>) =>
      run(context, params ?? {}, event);

  const machineSetup = setup({
    types: {} as { context: JourneyContext; events: JourneyEvent; input: JourneyInput },
    // The config names its actions and guards by string; XState's setup types cannot follow names that
    // come from JSON, so the maps are handed over untyped (`never` fits any slot).
    actions: actions as never,
    guards: guardImplementations as never,
  });
  return machineSetup.createMachine({
    ...(config as Parameters<typeof machineSetup.createMachine>[0]),
    context: ({ input }: { input: JourneyInput }) => ({
      ...input,
      tags: [...input.user.tags],
      attributes: { ...input.user.attributes },
      visits: {},
      goalsReached: [],
    }),
  });
}

/** Compiles a journey and loads it as a machine; throws JourneyCompileError listing its errors. */
export function toMachine(input: unknown, registry: Registry = defaultRegistry) {
  const result = compileJourneyInput(input, registry);
  if (!result.ok) throw new JourneyCompileError(result.problems);
  return machineFromConfig(result.config, registry);
}
