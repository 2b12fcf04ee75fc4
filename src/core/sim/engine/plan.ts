import type { Condition, Scalar } from '../../journey/condition';
import { channels, type Channel } from '../../journey/channels';
import type { ActionRef, GuardRef, StateConfig, TransitionConfig } from '../../compile/machineConfig';
import { hashString } from '../math/random';
import { LAUNCH, type Model } from './model';

/**
 * The compiled machine as a table the kernel can walk without XState: states by index, transitions
 * with their guard and actions decoded into numbers. It is read from the same machine config the
 * reference runner loads, so both engines run one compiled journey. Actions and guards the kernel does
 * not know (a custom kind's) are refused with a PlanError that says to use the reference engine.
 */

export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

export enum Op {
  /** CountVisit then ReportVisit of the same node, the way every node's entry starts: one step instead of two. */
  Visit,
  CountVisit,
  ReportVisit,
  Port,
  Leave,
  Touch,
  Offer,
  MarkGoal,
  ReachGoal,
  SetTag,
  SetAttribute,
  BeginStay,
  TagReport,
  AttributeReport,
}

export enum GuardOp {
  Condition,
  MayEnter,
  SplitDraw,
  GoalOpen,
}

export interface PlanAction {
  op: Op;
  node: number;
  /** Port index (Port), channel index (Touch), tag or attribute name (SetTag/SetAttribute). */
  index: number;
  name: string;
  present: boolean;
  value: Scalar;
  reason: string;
  offer: { value: number; minSpend: number; validityMs: number } | null;
}

export interface PlanGuard {
  /** Position among the plan's guards, so an interpreter can keep per-guard data in an array. */
  index: number;
  op: GuardOp;
  node: number;
  nodeHash: number;
  from: number;
  to: number;
  notAfter: number;
  condition: Condition | null;
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

type Params = Record<string, unknown>;

function fuseVisits(actions: PlanAction[]): PlanAction[] {
  const fused: PlanAction[] = [];
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index]!;
    const next = actions[index + 1];
    if (action.op === Op.CountVisit && next?.op === Op.ReportVisit && next.node === action.node) {
      fused.push({ ...action, op: Op.Visit });
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
  const action = (ref: ActionRef): PlanAction => {
    const p = (ref.params ?? {}) as Params;
    const base: PlanAction = { op: Op.CountVisit, node: -1, index: -1, name: '', present: false, value: '', reason: '', offer: null };
    switch (ref.type) {
      case 'countVisit':
        return { ...base, op: Op.CountVisit, node: nodeOf(p.node) };
      case 'reportVisit':
        return { ...base, op: Op.ReportVisit, node: nodeOf(p.node) };
      case 'port': {
        const node = nodeOf(p.node);
        return { ...base, op: Op.Port, node, index: model.nodes[node]!.ports.indexOf(String(p.port)) };
      }
      case 'leave':
        return { ...base, op: Op.Leave, node: nodeOf(p.node), reason: String(p.reason ?? '') };
      case 'touch':
        return { ...base, op: Op.Touch, node: nodeOf(p.node), index: channels.indexOf(p.channel as Channel) };
      case 'grantOffer':
        return { ...base, op: Op.Offer, node: nodeOf(p.node), offer: { value: Number(p.value), minSpend: Number(p.minSpend), validityMs: Number(p.validityMs) } };
      case 'markGoal':
        return { ...base, op: Op.MarkGoal, node: nodeOf(p.node) };
      case 'reachGoal':
        return { ...base, op: Op.ReachGoal, node: nodeOf(p.node) };
      case 'setTag':
        return { ...base, op: Op.SetTag, node: -1, name: String(p.tag), present: p.present === true };
      case 'setAttribute':
        return { ...base, op: Op.SetAttribute, node: -1, name: String(p.attribute), value: p.value as Scalar };
      case 'setTagReport':
        return { ...base, op: Op.TagReport, node: nodeOf(p.node), name: String(p.tag), present: p.present === true };
      case 'setAttributeReport':
        return { ...base, op: Op.AttributeReport, node: nodeOf(p.node), name: String(p.attribute), value: p.value as Scalar };
      case 'beginStay':
        return { ...base, op: Op.BeginStay };
      default:
        throw new PlanError(`The fast engine does not know the action "${ref.type}"; run this journey with the reference engine (--engine reference).`);
    }
  };
  const guard = (ref: GuardRef | undefined): PlanGuard | null => {
    if (!ref) return null;
    const p = (ref.params ?? {}) as Params;
    const base: PlanGuard = { index: guards.length, op: GuardOp.Condition, node: -1, nodeHash: 0, from: 0, to: 0, notAfter: Infinity, condition: null };
    const decoded = ((): PlanGuard => {
      switch (ref.type) {
        case 'condition':
          return { ...base, condition: p.condition as Condition };
        case 'mayEnter':
          return { ...base, op: GuardOp.MayEnter, condition: (p.condition as Condition | null) ?? null, notAfter: p.notAfter === null ? Infinity : Number(p.notAfter) };
        case 'splitDraw':
          return { ...base, op: GuardOp.SplitDraw, node: nodeOf(p.node), nodeHash: hashString(String(p.node)), from: Number(p.from), to: Number(p.to) };
        case 'goalOpen':
          return { ...base, op: GuardOp.GoalOpen, node: nodeOf(p.node) };
        default:
          throw new PlanError(`The fast engine does not know the guard "${ref.type}"; run this journey with the reference engine (--engine reference).`);
      }
    })();
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
