import { simulateUser } from '../sim/engine/driver';
import { createDriver } from '../sim/engine/runRange';
import { asSimulationError, checkSimulation, modelFor, SimulationError, type CheckedSimulation, type SimulationInput } from '../sim/engine/simulate';
import type { Model } from '../sim/engine/model';
import type { TraceEntry } from '../sim/engine/trace';
import { UserWorld } from '../sim/engine/world';

/**
 * The users the trainer plays back and explains: an even spread of the run's users (every k-th), each
 * with their full trace. Users never interact, so a sampled user's trace is exactly their path in the
 * full run; only the sampled users are simulated here (a few thousand, not the whole cohort).
 */

export const DEFAULT_SAMPLE_SIZE = 2_000;
export const MAX_SAMPLE_SIZE = 5_000;

export interface TraceSample {
  /** The first replication's model: journey, cohort generator, seed and the run's size. */
  model: Model;
  /** Sampled user indexes, ascending: 0, stride, 2·stride, … */
  users: number[];
  /** Every stride-th user of the run is sampled. */
  stride: number;
  traces: Map<number, TraceEntry[]>;
}

/** The even spread of at most `size` users among `users`: same run size, same users. */
export function sampleUsers(users: number, size: number): { stride: number; indexes: number[] } {
  const wanted = Math.max(1, Math.min(MAX_SAMPLE_SIZE, Math.floor(size), users));
  const stride = Math.ceil(users / wanted);
  const indexes: number[] = [];
  for (let user = 0; user < users; user += stride) indexes.push(user);
  return { stride, indexes };
}

/** Records the traces of an even sample of a run's users (replication 0), with the run's engine. */
export function recordSample(checked: CheckedSimulation, sampleSize = DEFAULT_SAMPLE_SIZE): TraceSample {
  const model = modelFor(checked, 0);
  const { stride, indexes } = sampleUsers(checked.users, sampleSize);
  const world = new UserWorld(model);
  const driver = createDriver(checked.engine, model, world);
  const traces = new Map<number, TraceEntry[]>();
  try {
    for (const user of indexes) {
      const trace: TraceEntry[] = [];
      world.trace = trace;
      simulateUser(world, driver, user);
      traces.set(user, trace);
    }
  } catch (error) {
    asSimulationError(error);
  } finally {
    world.trace = null;
  }
  return { model, users: indexes, stride, traces };
}

/** Checks a run's input (every problem at once, as SimulationError) and records its sample. */
export function recordSampleOf(input: SimulationInput, sampleSize = DEFAULT_SAMPLE_SIZE): TraceSample {
  const result = checkSimulation(input);
  if (!result.ok) throw new SimulationError(result.problems);
  return recordSample(result.checked, sampleSize);
}

export type UserKind = 'converted' | 'churned' | 'capProtected' | 'any';

const matches: Record<UserKind, (trace: TraceEntry[]) => boolean> = {
  converted: (trace) => trace.some((entry) => entry.type === 'goal'),
  churned: (trace) => trace.some((entry) => entry.type === 'churn'),
  capProtected: (trace) => trace.some((entry) => entry.type === 'touch' && entry.outcome === 'suppressed'),
  // Someone the journey did something with: a user who never entered has no story to follow.
  any: (trace) => trace.some((entry) => entry.type === 'enter'),
};

/**
 * A sampled user of a kind, or null when the sample has none. `after` picks the next one after that user
 * index (wrapping around), so "show me another" walks through them in order.
 */
export function findUser(sample: Pick<TraceSample, 'users' | 'traces'>, kind: UserKind, after = -1): number | null {
  const { users, traces } = sample;
  const start = users.findIndex((user) => user > after);
  for (let step = 0; step < users.length; step++) {
    const user = users[((start < 0 ? 0 : start) + step) % users.length]!;
    if (matches[kind](traces.get(user) ?? [])) return user;
  }
  return null;
}
