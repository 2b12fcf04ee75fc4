import type { ActionRef, GuardRef, JsonObject, StateConfig, TransitionConfig } from '../../compile/machineConfig';
import { actionOperation, beginStay, countAndReportVisit, countVisit, goalOpen, guardOperation, markGoal, port, reachGoal, reportVisit, touch } from '../../compile/operations';
import type { KernelUser, PlanContext } from '../../compile/operations/defineOperation';
import { LAUNCH, type Model } from './model';

/**
 * The compiled machine as a table the kernel can walk without XState: states by index, transitions
 * with their guard and actions decoded by their operations (compile/operations/) into records of
 * numbers. It is read from the same machine config the reference runner loads, so both engines run one
 * compiled journey. Actions and guards that are not operations (a kind's own implementations) are
 * refused with a PlanError that says to use the reference engine.
 */

export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

/** An action decoded for the kernel: the operation's step and the record it reads. */
export interface PlanAction {
  /** The operation's name in the config ("visit" for a fused countVisit + reportVisit). */
  type: string;
  execute: (user: KernelUser, record: unknown) => void;
  record: unknown;
}

export interface PlanGuard {
  /** Position among the plan's guards. */
  index: number;
  type: string;
  test: (user: KernelUser, record: unknown) => boolean;
  record: unknown;
}

export interface PlanTransition {
  target: number;
  /** No target, or itself without `reenter`: XState runs the actions and stays, exiting and entering nothing. */
  internal: boolean;
  guard: PlanGuard | null;
  actions: PlanAction[];
  /** The actions as the kernel runs them (see Program). */
  program: Int32Array;
  /** The guard as the kernel tests it: GUARD_NONE, GUARD_GOAL_OPEN of node `guardNode`, or GUARD_CALL of `guard`. */
  guardOp: number;
  guardNode: number;
  /** The atomic state the transition ends in: its target, or the target's initial descendant. */
  enters: number;
}

export interface PlanState {
  id: string;
  parent: number;
  initial: number;
  final: boolean;
  entry: PlanAction[];
  always: PlanTransition[];
  /** Delays ascending, as XState schedules them. */
  after: { delay: number; transitions: PlanTransition[] }[];
  /** Transitions per event code; index events.length is the launch event. */
  on: (PlanTransition[] | undefined)[];
  /** The entry actions as the kernel runs them. */
  entryProgram: Int32Array;
  /**
   * Per event code (launch included): the transitions the event is offered to in this state, its own
   * then each ancestor's in order, as one list (the first enabled of it is the one XState takes); null
   * where none listens.
   */
  routes: (PlanTransition[] | null)[];
}

/**
 * A flat operation stream, the kernel's form of a list of actions: an opcode and its arguments, one
 * after the other. The operations whose step is a single call on the world or the user's arrays are
 * opcodes of their own, run inline by the kernel's switch (the same step as the operation's
 * `execute`, compile/operations/); every other action is OP_CALL with its index in `Plan.calls`.
 */
export const OP_VISIT = 0; // node: countVisit then reportVisit
export const OP_PORT = 1; // node, port
export const OP_TOUCH = 2; // node, channel
export const OP_MARK_GOAL = 3; // node
export const OP_REACH_GOAL = 4; // node
export const OP_BEGIN_STAY = 5;
export const OP_CALL = 6; // index into Plan.calls
export const GUARD_NONE = 0;
export const GUARD_GOAL_OPEN = 1;
export const GUARD_CALL = 2;

export interface Plan {
  states: PlanState[];
  guards: PlanGuard[];
  /** The actions programs run through OP_CALL. */
  calls: PlanAction[];
  initial: number;
  launchCode: number;
}

type Params = JsonObject;

// Every node's entry starts countVisit then reportVisit of the same node: one kernel step instead of two.
function fuseVisits(actions: PlanAction[]): PlanAction[] {
  const fused: PlanAction[] = [];
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index]!;
    const next = actions[index + 1];
    const node = (action.record as { node?: number } | null)?.node;
    if (action.type === countVisit.type && next?.type === reportVisit.type && (next.record as { node: number }).node === node) {
      fused.push({ type: 'visit', execute: countAndReportVisit as PlanAction['execute'], record: action.record });
      index++;
    } else fused.push(action);
  }
  return fused;
}

/** A list of actions as an operation stream; actions without an opcode go to `calls`. */
function compileProgram(actions: PlanAction[], calls: PlanAction[]): Int32Array {
  const ops: number[] = [];
  for (const action of actions) {
    const record = action.record as Record<string, number>;
    if (action.type === 'visit') ops.push(OP_VISIT, record.node!);
    else if (action.type === port.type) ops.push(OP_PORT, record.node!, record.port!);
    else if (action.type === touch.type) ops.push(OP_TOUCH, record.node!, record.channel!);
    else if (action.type === markGoal.type) ops.push(OP_MARK_GOAL, record.node!);
    else if (action.type === reachGoal.type) ops.push(OP_REACH_GOAL, record.node!);
    else if (action.type === beginStay.type) ops.push(OP_BEGIN_STAY);
    else {
      ops.push(OP_CALL, calls.length);
      calls.push(action);
    }
  }
  return Int32Array.from(ops);
}

export function buildPlan(model: Model): Plan {
  const states: PlanState[] = [];
  const guards: PlanGuard[] = [];
  const byId = new Map<string, number>();
  const configs: StateConfig[] = [];
  const launchCode = model.events.length;

  function collect(config: StateConfig, key: string, parent: number): number {
    const index = states.length;
    const id = config.id ?? key;
    states.push({ id, parent, initial: -1, final: config.type === 'final', entry: [], always: [], after: [], on: [], entryProgram: new Int32Array(0), routes: [] });
    configs.push(config);
    byId.set(id, index);
    for (const [childKey, child] of Object.entries(config.states ?? {})) collect(child, childKey, index);
    return index;
  }
  const root = collect(model.config, model.config.id, -1);

  const nodeOf = (id: unknown): number => {
    if (id === null) return -1;
    const index = model.nodeIndex.get(String(id));
    if (index === undefined) throw new PlanError(`The machine refers to node "${String(id)}", which the journey does not have.`);
    return index;
  };
  const context: PlanContext = { model, node: nodeOf };
  const action = (ref: ActionRef): PlanAction => {
    const operation = actionOperation(ref.type);
    if (!operation)
      throw new PlanError(`The fast engine does not know the action "${ref.type}"; run this journey with the reference engine (--engine reference).`);
    return { type: ref.type, execute: operation.execute, record: operation.decode((ref.params ?? {}) as Params, context) };
  };
  const guard = (ref: GuardRef | undefined): PlanGuard | null => {
    if (!ref) return null;
    const operation = guardOperation(ref.type);
    if (!operation)
      throw new PlanError(`The fast engine does not know the guard "${ref.type}"; run this journey with the reference engine (--engine reference).`);
    const decoded: PlanGuard = { index: guards.length, type: ref.type, test: operation.test, record: operation.decode((ref.params ?? {}) as Params, context) };
    guards.push(decoded);
    return decoded;
  };
  const transitions = (list: TransitionConfig[] | undefined, source: number): PlanTransition[] =>
    (list ?? []).map((transition) => {
      let target = source;
      if (transition.target !== undefined) {
        const found = byId.get(transition.target.replace(/^#/, ''));
        if (found === undefined) throw new PlanError(`The machine has a transition to "${transition.target}", which is not one of its states.`);
        target = found;
      }
      const internal = transition.target === undefined || (target === source && transition.reenter !== true);
      const decoded = guard(transition.guard);
      const actions = (transition.actions ?? []).map(action);
      const goalOpenNode = decoded?.type === goalOpen.type ? (decoded.record as { node: number }).node : -1;
      return {
        target,
        internal,
        guard: decoded,
        actions,
        program: new Int32Array(0),
        guardOp: decoded === null ? GUARD_NONE : goalOpenNode >= 0 ? GUARD_GOAL_OPEN : GUARD_CALL,
        guardNode: goalOpenNode,
        enters: target,
      };
    });

  states.forEach((state, index) => {
    const config = configs[index]!;
    const compound = Object.keys(config.states ?? {}).length > 0;
    if (compound) {
      state.initial = byId.get(config.initial ?? '') ?? -1;
      if (config.entry?.length || config.always?.length || Object.keys(config.after ?? {}).length)
        throw new PlanError(`The fast engine runs machines whose compound states only route events; "${state.id}" has its own entry, always or after.`);
    }
    state.entry = fuseVisits((config.entry ?? []).map(action));
    state.always = transitions(config.always, index);
    state.after = Object.entries(config.after ?? {})
      .map(([delay, list]) => ({ delay: Number(delay), transitions: transitions(list, index) }))
      .sort((a, b) => a.delay - b.delay);
    for (const [event, list] of Object.entries(config.on ?? {})) {
      const code = event === LAUNCH ? launchCode : model.eventCode.get(event);
      if (code !== undefined) state.on[code] = transitions(list, index);
    }
  });
  let initial = root;
  while (states[initial]!.initial >= 0) initial = states[initial]!.initial;

  // The kernel's forms: programs, the atomic state each transition ends in, each state's routes.
  const calls: PlanAction[] = [];
  const atomic = (index: number): number => (states[index]!.initial >= 0 ? atomic(states[index]!.initial) : index);
  const compile = (list: PlanTransition[]) => {
    for (const transition of list) {
      transition.program = compileProgram(transition.actions, calls);
      transition.enters = atomic(transition.target);
    }
  };
  for (const state of states) {
    state.entryProgram = compileProgram(state.entry, calls);
    compile(state.always);
    for (const after of state.after) compile(after.transitions);
    for (const list of state.on) if (list) compile(list);
  }
  states.forEach((state) => {
    for (let code = 0; code <= launchCode; code++) {
      const route: PlanTransition[] = [];
      for (let at = states.indexOf(state); at >= 0; at = states[at]!.parent) for (const transition of states[at]!.on[code] ?? []) route.push(transition);
      state.routes.push(route.length > 0 ? route : null);
    }
  });
  return { states, guards, calls, initial, launchCode };
}
