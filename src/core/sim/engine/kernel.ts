import type { Scalar } from '../../journey/condition';
import type { KernelUser } from '../../compile/operations/defineOperation';
import { buildPlan, GUARD_GOAL_OPEN, GUARD_NONE, OP_BEGIN_STAY, OP_MARK_GOAL, OP_PORT, OP_REACH_GOAL, OP_TOUCH, OP_VISIT, type Plan, type PlanTransition } from './plan';
import { LAUNCH_CODE, type MachineDriver } from './driver';
import type { Model } from './model';
import type { UserWorld } from './world';
import { StampedMap } from './stampedMap';

/**
 * The kernel's side of a user: the plan walked by index, with the user's journey state in a handful of
 * typed arrays and two small maps that are cleared, not reallocated, per user. It follows XState's
 * rules for the machines the compiler makes: an event is offered to the active state and then to its
 * ancestors, the first enabled transition wins, a transition exits its source (cancelling its timers),
 * runs its actions, enters its target (entry actions, then timers in ascending delay), and eventless
 * transitions run until none is enabled. What an action or guard does is its operation's step
 * (compile/operations/), called with the record the plan decoded for it; the plan hands actions over as
 * a flat operation stream, where the steps that are one call on the world are opcodes run inline.
 */

export class KernelDriver implements MachineDriver, KernelUser {
  readonly plan: Plan;
  private state = 0;
  // The user's journey state, which the operations' steps read and change (KernelUser).
  user = 0;
  segment = 0;
  readonly visits: Int32Array;
  readonly goalsReached: Uint8Array;
  /** The nodes this user has a visit count for, and the goals marked since the last clear: what begin clears. */
  private readonly visited: Int32Array;
  private visitedCount = 0;
  private readonly marked: Int32Array;
  private markedCount = 0;
  // Cleared for every user: maps whose clear allocates nothing (stampedMap.ts).
  readonly tags: Map<string, boolean> = new StampedMap<string, boolean>();
  readonly attributes: Map<string, Scalar> = new StampedMap<string, Scalar>();
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
    this.visited = new Int32Array(model.nodes.length);
    this.marked = new Int32Array(model.nodes.length);
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
    for (let index = 0; index < this.visitedCount; index++) this.visits[this.visited[index]!] = 0;
    this.visitedCount = 0;
    this.beginStay();
    this.tags.clear();
    this.attributes.clear();
    this.timerCount = 0;
    this.timerSeq = 0;
    this.state = this.plan.initial;
    this.enterState(this.plan.initial);
    this.settle();
  }

  end(): void {}

  countVisit(node: number): number {
    const visit = ++this.visits[node]!;
    if (visit === 1) this.visited[this.visitedCount++] = node;
    return visit;
  }

  markGoal(node: number): void {
    if (this.goalsReached[node]) return;
    this.goalsReached[node] = 1;
    this.marked[this.markedCount++] = node;
  }

  beginStay(): void {
    for (let index = 0; index < this.markedCount; index++) this.goalsReached[this.marked[index]!] = 0;
    this.markedCount = 0;
  }

  nextTimer(): number {
    let next = Infinity;
    for (let index = 0; index < this.timerCount; index++) if (this.timerAt[index]! < next) next = this.timerAt[index]!;
    return next;
  }

  fireTimer(): void {
    let best = 0;
    for (let index = 1; index < this.timerCount; index++)
      if (this.timerAt[index]! < this.timerAt[best]! || (this.timerAt[index] === this.timerAt[best] && this.timerOrder[index]! < this.timerOrder[best]!))
        best = index;
    const after = this.plan.states[this.state]!.after[this.timerAfter[best]!]!;
    this.removeTimer(best);
    const transition = this.firstEnabled(after.transitions);
    if (transition) this.take(transition);
    // XState looks at eventless transitions after every event, taken or not (a guard may read the clock or counts).
    this.settle();
  }

  send(code: number): void {
    const state = this.plan.states[this.state]!;
    if (state.final) return;
    // The state's own transitions for the event, then its ancestors' (one list, built with the plan).
    const route = state.routes[code === LAUNCH_CODE ? this.plan.launchCode : code];
    if (route) {
      const transition = this.firstEnabled(route);
      if (transition) this.take(transition);
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
      const always = this.plan.states[this.state]!.always;
      if (always.length === 0) return;
      const transition = this.firstEnabled(always);
      if (!transition) return;
      this.take(transition);
    }
  }

  private firstEnabled(list: PlanTransition[]): PlanTransition | null {
    for (let index = 0; index < list.length; index++) {
      const transition = list[index]!;
      const op = transition.guardOp;
      if (op === GUARD_NONE) return transition;
      if (op === GUARD_GOAL_OPEN) {
        if (!this.goalsReached[transition.guardNode]) return transition;
      } else if (transition.guard!.test(this, transition.guard!.record)) return transition;
    }
    return null;
  }

  private take(transition: PlanTransition): void {
    if (transition.internal) return this.run(transition.program);
    this.timerCount = 0; // only the active atomic state has timers, and it is exited
    this.run(transition.program);
    this.state = transition.enters;
    this.enterState(transition.enters);
  }

  private enterState(index: number): void {
    const state = this.plan.states[index]!;
    this.run(state.entryProgram);
    const after = state.after;
    if (after.length === 0) return;
    const now = this.world.now;
    for (let index = 0; index < after.length; index++) {
      const at = this.timerCount++;
      this.timerAt[at] = now + after[index]!.delay;
      this.timerOrder[at] = this.timerSeq++;
      this.timerAfter[at] = index;
    }
  }

  /** Runs an operation stream (plan.ts): each opcode does what its operation's `execute` does. */
  private run(program: Int32Array): void {
    const world = this.world;
    for (let pc = 0; pc < program.length; ) {
      const op = program[pc]!;
      if (op === OP_VISIT) {
        const node = program[pc + 1]!;
        world.enter(node, this.countVisit(node));
        pc += 2;
      } else if (op === OP_PORT) {
        world.port(program[pc + 1]!, program[pc + 2]!);
        pc += 3;
      } else if (op === OP_TOUCH) {
        world.touch(program[pc + 1]!, program[pc + 2]!);
        pc += 3;
      } else if (op === OP_MARK_GOAL) {
        this.markGoal(program[pc + 1]!);
        pc += 2;
      } else if (op === OP_REACH_GOAL) {
        world.goal(program[pc + 1]!);
        pc += 2;
      } else if (op === OP_BEGIN_STAY) {
        this.beginStay();
        pc += 1;
      } else {
        const action = this.plan.calls[program[pc + 1]!]!;
        action.execute(this, action.record);
        pc += 2;
      }
    }
  }
}
