import type { Scalar } from '../../journey/conditions/compare';
import type { Model } from '../../sim/engine/model';
import type { UserWorld } from '../../sim/engine/world';
import type { ActionRef, GuardRef, JsonObject } from '../machineConfig';
import type { JourneyContext, JourneyEffect, JourneyEvent } from '../runtime';

/**
 * What an operation of the compiled machine is: the one place its behaviour is written for both
 * engines. Kinds compile to states whose entries and transitions name operations (`ref`); the XState
 * reference engine runs `run`; the kernel decodes the params into a compact record once, when it builds
 * its plan, and calls `execute` (or `test`) with it at every step. An operation that reports to the
 * environment says how the reference engine hands that effect to the world (`delivers`), which is what
 * the kernel's `execute` does directly.
 */

/** The kernel's side of the user being simulated, as operations see it (the kernel reuses it for every user). */
export interface KernelUser {
  readonly model: Model;
  readonly world: UserWorld;
  /** The user's number in the run and their segment's index. */
  readonly user: number;
  readonly segment: number;
  /** Entries per node index; part of every random draw's key (changed only through countVisit). */
  readonly visits: Int32Array;
  /** Per node index: a goal reached since the user last entered (changed only through markGoal and beginStay). */
  readonly goalsReached: Uint8Array;
  /**
   * The user's arrays change through these, which note what they touched, so the next user clears
   * only that (a loop over every node for every user was a few per cent of a run).
   */
  countVisit(node: number): number;
  markGoal(node: number): void;
  beginStay(): void;
  /** Tags and attributes set along the way (the cohort's own are read through the generator). */
  readonly tags: Map<string, boolean>;
  readonly attributes: Map<string, Scalar>;
}

/** What decoding sees, once per run: the model, and node ids turned into indices. */
export interface PlanContext {
  readonly model: Model;
  /** The model's index of a node id the machine names (−1 for null); an unknown id is refused. */
  node(id: unknown): number;
}

/** How the reference engine hands one kind of effect to the world. */
export interface Delivery {
  effect: JourneyEffect['type'];
  deliver(effect: JourneyEffect, world: UserWorld, model: Model): void;
}

/** A delivery for effects of one type (emit only ever hands it effects of that type). */
export const delivery = <E extends JourneyEffect['type']>(
  effect: E,
  deliver: (effect: Extract<JourneyEffect, { type: E }>, world: UserWorld, model: Model) => void,
): Delivery => ({ effect, deliver: deliver as Delivery['deliver'] });

/** An entry or transition action: an effect (reports to the environment) or an update (changes the context). */
export interface ActionOperation<P = JsonObject, R = unknown> {
  type: string;
  role: 'effect' | 'update';
  /** The XState implementation: an effect returns nothing, an update the part of the context it changes. */
  run(context: JourneyContext, params: P, event: JourneyEvent): Partial<JourneyContext> | void;
  /** params → the record `execute` reads, at plan-build time (numbers, not names). */
  decode(params: P, plan: PlanContext): R;
  execute(user: KernelUser, record: R): void;
  delivers?: Delivery;
  /** The action as a compiled state names it. */
  ref(params: P): ActionRef;
}

export interface GuardOperation<P = JsonObject, R = unknown> {
  type: string;
  role: 'guard';
  run(context: JourneyContext, params: P, event: JourneyEvent): boolean;
  decode(params: P, plan: PlanContext): R;
  test(user: KernelUser, record: R): boolean;
  ref(params: P): GuardRef;
}

export type Operation = ActionOperation<never> | GuardOperation<never>;

type ActionSpec<P, R> = Omit<ActionOperation<P, R>, 'ref'>;
type GuardSpec<P, R> = Omit<GuardOperation<P, R>, 'ref' | 'role'>;

// A config is JSON: params go in as the operation's own type and come back out as it (the same file
// writes and reads them), so this is the one cast between the two.
const asJson = (params: unknown) => params as JsonObject;

export function defineAction<P, R>(spec: ActionSpec<P, R>): ActionOperation<P, R> {
  return { ...spec, ref: (params) => ({ type: spec.type, params: asJson(params) }) };
}

/** An action without params (`{ type }` in the config). */
export function defineBareAction<R>(spec: ActionSpec<Record<string, never>, R>): ActionOperation<Record<string, never>, R> & { bare: ActionRef } {
  return { ...spec, ref: () => ({ type: spec.type }), bare: { type: spec.type } };
}

export function defineGuardOperation<P, R>(spec: GuardSpec<P, R>): GuardOperation<P, R> {
  return { ...spec, role: 'guard', ref: (params) => ({ type: spec.type, params: asJson(params) }) };
}
