import type { Scalar } from '../../journey/condition';
import type { KernelUser } from '../../compile/operations/defineOperation';
import { buildPlan, type Plan, type PlanAction, type PlanGuard, type PlanTransition } from './plan';
import { LAUNCH_CODE, type MachineDriver } from './driver';
import type { Model } from './model';
import type { UserWorld } from './world';

/**
 * The kernel's side of a user: the plan walked by index, with the user's journey state in a handful of
 * typed arrays and two small maps that are cleared, not reallocated, per user. It follows XState's
 * rules for the machines the compiler makes: an event is offered to the active state and then to its
 * ancestors, the first enabled transition wins, a transition exits its source (cancelling its timers),
 * runs its actions, enters its target (entry actions, then timers in ascending delay), and eventless
 * transitions run until none is enabled. What an action or guard does is its operation's step
 * (compile/operations/), called with the record the plan decoded for it.
 */

export class KernelDriver implements MachineDriver, KernelUser {
  readonly plan: Plan;
  private state = 0;
  // The user's journey state, which the operations' steps read and change (KernelUser).
  user = 0;
  segment = 0;
  readonly visits: Int32Array;
  readonly goalsReached: Uint8Array;
  readonly tags = new Map<string, boolean>();
  readonly attributes = new Map<string, Scalar>();
  // Pending timers: due time, creation order, state, index into that state's `after`.
  private timerCount = 0;
  private timerSeq = 0;
  private readonly timerAt: Float64Array;
  private readonly timerOrder: Float64Array;
  private readonly timerAfter: Int32Array;
  private readonly listenFlags: Uint8Array[];

  constructor(
    readonly model: Model,
    readonly world: UserWorld,
  ) {
    this.plan = buildPlan(model);
    this.visits = new Int32Array(model.nodes.length);
    this.goalsReached = new Uint8Array(model.nodes.length);
    const most = this.plan.states.reduce((largest, state) => Math.max(largest, state.after.length), 1);
    this.timerAt = new Float64Array(most);
    this.timerOrder = new Float64Array(most);
    this.timerAfter = new Int32Array(most);
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

  private run(actions: PlanAction[]): void {
    for (let index = 0; index < actions.length; index++) {
      const action = actions[index]!;
      action.execute(this, action.record);
    }
  }

  private passes(guard: PlanGuard): boolean {
    return guard.test(this, guard.record);
  }
}
