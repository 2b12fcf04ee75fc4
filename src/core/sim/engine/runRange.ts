import { simulateUser, type MachineDriver } from './driver';
import { KernelDriver } from './kernel';
import { XStateDriver } from './reference';
import type { Model } from './model';
import type { TraceEntry } from './trace';
import { UserWorld } from './world';

export const engines = ['fast', 'reference'] as const;
export type EngineName = (typeof engines)[number];

export interface RangeOptions {
  /** Users whose every step is recorded. */
  trace?: (user: number) => boolean;
  /** Called every `progressEvery` users with the number done so far in this range. */
  onProgress?: (done: number) => void;
  progressEvery?: number;
  /** Asked at every progress point; true stops the run (it then throws SimulationCancelled). */
  shouldStop?: () => boolean;
}

export interface RangeResult {
  counters: Float64Array;
  traces: Map<number, TraceEntry[]>;
}

export class SimulationCancelled extends Error {
  constructor() {
    super('The simulation was cancelled.');
    this.name = 'SimulationCancelled';
  }
}

export function createDriver(engine: EngineName, model: Model, world: UserWorld): MachineDriver {
  return engine === 'fast' ? new KernelDriver(model, world) : new XStateDriver(model, world);
}

/** Users start … end − 1 of the model's cohort, by one engine; the counters of the range. */
export function runRange(model: Model, engine: EngineName, start: number, end: number, options: RangeOptions = {}): RangeResult {
  const world = new UserWorld(model);
  const driver = createDriver(engine, model, world);
  const traces = new Map<number, TraceEntry[]>();
  const every = options.progressEvery ?? 10_000;
  for (let user = start; user < end; user++) {
    if ((user - start) % every === 0 && user > start) {
      if (options.shouldStop?.()) throw new SimulationCancelled();
      options.onProgress?.(user - start);
    }
    const traced = options.trace?.(user) ?? false;
    world.trace = traced ? [] : null;
    simulateUser(world, driver, user);
    if (traced) traces.set(user, world.trace!);
  }
  world.trace = null;
  options.onProgress?.(end - start);
  return { counters: world.counters, traces };
}
