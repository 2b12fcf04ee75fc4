import type { ActionRef, GuardRef, JsonObject, StateConfig, TransitionConfig } from '../../compile/machineConfig';
import { actionOperation, countAndReportVisit, countVisit, guardOperation, reportVisit } from '../../compile/operations';
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
}

export interface Plan {
  states: PlanState[];
  guards: PlanGuard[];
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

export function buildPlan(model: Model): Plan {
  const states: PlanState[] = [];
  const guards: PlanGuard[] = [];
  const byId = new Map<string, number>();
  const configs: StateConfig[] = [];
  const launchCode = model.events.length;

  function collect(config: StateConfig, key: string, parent: number): number {
    const index = states.length;
    const id = config.id ?? key;
    states.push({ id, parent, initial: -1, final: config.type === 'final', entry: [], always: [], after: [], on: [] });
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
      return { target, internal, guard: guard(transition.guard), actions: (transition.actions ?? []).map(action) };
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
  return { states, guards, initial, launchCode };
}
