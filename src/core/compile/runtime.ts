import type { Scalar } from '../journey/condition';
import type { Channel } from '../journey/channels';
import type { JsonObject } from './machineConfig';

/** Who is walking through the journey: the facts conditions read. */
export interface JourneyUser {
  id: number;
  segment: string;
  attributes: Record<string, Scalar>;
  tags: string[];
  rfm: { recency: number; frequency: number; monetary: number };
}

/**
 * What the machine did, as it did it; the simulator turns these into costs, responses and traces (each
 * reporting operation in operations/ says how its effect reaches the world; `custom` reaches nothing).
 */
export type JourneyEffect =
  | { type: 'visit'; node: string; visit: number }
  | { type: 'port'; node: string; port: string }
  | { type: 'touch'; node: string; channel: Channel; cost: number }
  | { type: 'offer'; node: string; value: number; minSpend: number; validityMs: number; announcement: number; checkoutChance: number }
  | { type: 'tag'; node: string; tag: string; present: boolean }
  | { type: 'attribute'; node: string; attribute: string; value: Scalar }
  | { type: 'goal'; node: string; goal: string }
  | { type: 'exit'; node: string | null; reason: string }
  | { type: 'custom'; node: string; name: string; detail: JsonObject };

/**
 * The world around one user's machine: the simulated clock, their behaviour history and a sink for
 * effects. Tests pass a scripted one; the reference simulator passes the behaviour model.
 */
export interface JourneyEnvironment {
  now(): number;
  eventCount(event: string, windowMs: number): number;
  emit(effect: JourneyEffect): void;
}

export interface JourneyInput {
  user: JourneyUser;
  seed: number;
  env: JourneyEnvironment;
}

export interface JourneyContext extends JourneyInput {
  /** Current tags and attributes: the user's own, changed by tag nodes along the way. */
  tags: string[];
  attributes: Record<string, Scalar>;
  /** How many times each node has been entered by this user; part of every random draw's key. */
  visits: Record<string, number>;
  /** Goal nodes reached since the user last entered: exit-on-goal converts a user once per stay. */
  goalsReached: string[];
}

export interface JourneyEvent {
  type: string;
  value?: number;
  channel?: string;
}

/** A side effect (it reports to the environment). */
export type EffectImplementation = (context: JourneyContext, params: JsonObject, event: JourneyEvent) => void;
/** A change to the machine's context, applied with XState's `assign`. */
export type UpdateImplementation = (context: JourneyContext, params: JsonObject) => Partial<JourneyContext>;
export type GuardImplementation = (context: JourneyContext, params: JsonObject, event: JourneyEvent) => boolean;

export interface Implementations {
  effects?: Record<string, EffectImplementation>;
  updates?: Record<string, UpdateImplementation>;
  guards?: Record<string, GuardImplementation>;
}

// The compiler writes each action's params and the same kind file reads them, so the shapes agree by
// construction; these helpers keep that one cast in one place.
export const defineEffect = <P>(run: (context: JourneyContext, params: P, event: JourneyEvent) => void): EffectImplementation =>
  run as unknown as EffectImplementation;
export const defineUpdate = <P>(run: (context: JourneyContext, params: P) => Partial<JourneyContext>): UpdateImplementation =>
  run as unknown as UpdateImplementation;
export const defineGuard = <P>(run: (context: JourneyContext, params: P, event: JourneyEvent) => boolean): GuardImplementation =>
  run as unknown as GuardImplementation;
