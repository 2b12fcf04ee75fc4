import { compare, type Condition, type Scalar } from '../../journey/condition';
import { parseDuration } from '../../journey/duration';
import { hashKey, hashString } from '../math/random';
import { GuardOp, Op, buildPlan, type Plan, type PlanGuard, type PlanTransition } from './plan';
import { LAUNCH_CODE, type MachineDriver } from './driver';
import type { Model } from './model';
import type { UserWorld } from './world';

/**
 * The kernel's side of a user: the plan walked by index, with the user's journey state in a handful of
 * typed arrays and two small maps that are cleared, not reallocated, per user. It follows XState's
 * rules for the machines the compiler makes: an event is offered to the active state and then to its
 * ancestors, the first enabled transition wins, a transition exits its source (cancelling its timers),
 * runs its actions, enters its target (entry actions, then timers in ascending delay), and eventless
 * transitions run until none is enabled.
 */

const SPLIT = hashString('split');
const INV_2_32 = 1 / 4294967296;
const RFM = { recency: 0, frequency: 1, monetary: 2 } as const;

type Test = () => boolean;

export class KernelDriver implements MachineDriver {
  readonly plan: Plan;
  private state = 0;
  private user = 0;
  private segment = 0;
  private readonly visits: Int32Array;
  private readonly goalsReached: Uint8Array;
  private readonly tags = new Map<string, boolean>();
  private readonly attributes = new Map<string, Scalar>();
  // Pending timers: due time, creation order, state, index into that state's `after`.
  private timerCount = 0;
  private timerSeq = 0;
  private readonly timerAt: Float64Array;
  private readonly timerOrder: Float64Array;
  private readonly timerAfter: Int32Array;
  /** Per plan guard: its condition compiled to a test of the current user (null when it has none). */
  private readonly tests: (Test | null)[];
  private readonly listenFlags: Uint8Array[];

  constructor(
    private readonly model: Model,
    private readonly world: UserWorld,
  ) {
    this.plan = buildPlan(model);
    this.visits = new Int32Array(model.nodes.length);
    this.goalsReached = new Uint8Array(model.nodes.length);
    const most = this.plan.states.reduce((largest, state) => Math.max(largest, state.after.length), 1);
    this.timerAt = new Float64Array(most);
    this.timerOrder = new Float64Array(most);
    this.timerAfter = new Int32Array(most);
    this.tests = this.plan.guards.map((guard) => (guard.condition ? this.compile(guard.condition) : null));
    const none = new Uint8Array(model.events.length);
    this.listenFlags = this.plan.states.map((state) => model.listeners.get(state.id) ?? none);
  }

  listening(): Uint8Array {
    return this.listenFlags[this.state]!;
  }

  begin(user: number): void {
    this.user = user;
    this.segment = this.world.segment;
    this.visits.fill(0);
    this.goalsReached.fill(0);
    if (this.tags.size > 0) this.tags.clear();
    if (this.attributes.size > 0) this.attributes.clear();
    this.timerCount = 0;
    this.timerSeq = 0;
    this.state = this.plan.initial;
    this.enterState(this.plan.initial);
    this.settle();
  }

  end(): void {}

  nextTimer(): number {
    let next = Infinity;
    for (let index = 0; index < this.timerCount; index++) if (this.timerAt[index]! < next) next = this.timerAt[index]!;
    return next;
  }

  fireTimer(): void {
    let best = -1;
    for (let index = 0; index < this.timerCount; index++)
      if (best < 0 || this.timerAt[index]! < this.timerAt[best]! || (this.timerAt[index] === this.timerAt[best] && this.timerOrder[index]! < this.timerOrder[best]!))
        best = index;
    const after = this.plan.states[this.state]!.after[this.timerAfter[best]!]!;
    this.removeTimer(best);
    const transition = this.firstEnabled(after.transitions);
    if (transition) this.take(transition);
    // XState looks at eventless transitions after every event, taken or not (a guard may read the clock or counts).
    this.settle();
  }

  send(code: number): void {
    const states = this.plan.states;
    if (states[this.state]!.final) return;
    const slot = code === LAUNCH_CODE ? this.plan.launchCode : code;
    for (let at = this.state; at >= 0; at = states[at]!.parent) {
      const list = states[at]!.on[slot];
      if (!list) continue;
      const transition = this.firstEnabled(list);
      if (transition) {
        this.take(transition);
        break;
      }
    }
    this.settle();
  }

  // ------------------------------------------------------------------------------------------------

  private removeTimer(index: number): void {
    const last = --this.timerCount;
    this.timerAt[index] = this.timerAt[last]!;
    this.timerOrder[index] = this.timerOrder[last]!;
    this.timerAfter[index] = this.timerAfter[last]!;
  }

  private settle(): void {
    for (;;) {
      const transition = this.firstEnabled(this.plan.states[this.state]!.always);
      if (!transition) return;
      this.take(transition);
    }
  }

  private firstEnabled(list: PlanTransition[]): PlanTransition | null {
    for (let index = 0; index < list.length; index++) {
      const transition = list[index]!;
      if (transition.guard === null || this.passes(transition.guard)) return transition;
    }
    return null;
  }

  private take(transition: PlanTransition): void {
    if (transition.internal) return this.run(transition.actions);
    this.timerCount = 0; // only the active atomic state has timers, and it is exited
    this.run(transition.actions);
    let target = transition.target;
    while (this.plan.states[target]!.initial >= 0) target = this.plan.states[target]!.initial;
    this.state = target;
    this.enterState(target);
  }

  private enterState(index: number): void {
    const state = this.plan.states[index]!;
    this.run(state.entry);
    const now = this.world.now;
    for (let after = 0; after < state.after.length; after++) {
      const at = this.timerCount++;
      this.timerAt[at] = now + state.after[after]!.delay;
      this.timerOrder[at] = this.timerSeq++;
      this.timerAfter[at] = after;
    }
  }

  private run(actions: PlanTransition['actions']): void {
    const world = this.world;
    for (let index = 0; index < actions.length; index++) {
      const action = actions[index]!;
      switch (action.op) {
        case Op.Visit:
          world.enter(action.node, ++this.visits[action.node]!);
          break;
        case Op.CountVisit:
          this.visits[action.node]!++;
          break;
        case Op.ReportVisit:
          world.enter(action.node, this.visits[action.node]!);
          break;
        case Op.Port:
          world.port(action.node, action.index);
          break;
        case Op.Leave:
          world.leave(action.node, action.reason);
          break;
        case Op.Touch:
          world.touch(action.node, action.index);
          break;
        case Op.Offer:
          world.offer(action.node, action.offer!.value, action.offer!.minSpend, action.offer!.validityMs);
          break;
        case Op.MarkGoal:
          this.goalsReached[action.node] = 1;
          break;
        case Op.ReachGoal:
          world.goal(action.node);
          break;
        case Op.SetTag:
          this.tags.set(action.name, action.present);
          break;
        case Op.SetAttribute:
          this.attributes.set(action.name, action.value);
          break;
        case Op.TagReport:
          world.changeTag(action.node, action.name, action.present, null);
          break;
        case Op.AttributeReport:
          world.changeTag(action.node, action.name, null, action.value);
          break;
        case Op.BeginStay:
          this.goalsReached.fill(0);
          break;
      }
    }
  }

  private passes(guard: PlanGuard): boolean {
    switch (guard.op) {
      case GuardOp.Condition:
        return this.tests[guard.index]!();
      case GuardOp.MayEnter:
        return this.world.now <= guard.notAfter && (guard.condition === null || this.tests[guard.index]!());
      case GuardOp.SplitDraw: {
        const u = hashKey(this.model.seed, this.user, guard.nodeHash, this.visits[guard.node]!, SPLIT) * INV_2_32;
        return u >= guard.from && u < guard.to;
      }
      case GuardOp.GoalOpen:
        return !this.goalsReached[guard.node];
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Conditions, compiled once per plan into tests over the current user (same rules as evaluateCondition)

  private compile(condition: Condition): Test {
    const generator = this.model.generator;
    if ('all' in condition) {
      const parts = condition.all.map((part) => this.compile(part));
      return () => parts.every((part) => part());
    }
    if ('any' in condition) {
      const parts = condition.any.map((part) => this.compile(part));
      return () => parts.some((part) => part());
    }
    if ('not' in condition) {
      const part = this.compile(condition.not);
      return () => !part();
    }
    if ('attribute' in condition) {
      const { attribute, op, value } = condition;
      return () => {
        const own = this.attributes.has(attribute) ? this.attributes.get(attribute) : generator.attributeOf(this.user, this.segment, attribute);
        return compare(own, op, value);
      };
    }
    if ('tag' in condition) {
      const { tag, present } = condition;
      return () => (this.tags.get(tag) ?? generator.tagOf(this.user, this.segment, tag)) === present;
    }
    if ('segment' in condition) {
      const { segment, member } = condition;
      return () => (this.model.segments[this.segment]!.id === segment) === member;
    }
    if ('rfm' in condition) {
      const { rfm, op, score } = condition;
      const dimension = RFM[rfm];
      return () => compare(generator.rfmOf(this.user, this.segment, dimension), op, score);
    }
    const { event, op, count } = condition;
    const windowMs = parseDuration(condition.within) ?? 0;
    const code = this.model.eventCode.get(event);
    return () => compare(code === undefined ? 0 : this.world.eventCount(code, windowMs), op, count);
  }
}
