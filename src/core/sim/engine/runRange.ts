import { simulateUser, type MachineDriver } from './driver';
import { KernelDriver } from './kernel';
import { XStateDriver } from './reference';
import type { Model } from './model';
import type { TraceEntry } from './trace';
import { UserWorld } from './world';
import { normalizeWide } from './counters';

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
  /**
   * Simulate the twins (default true). Without them the incremental figures stay 0: only the
   * benchmark turns them off, to weigh a single run against one with twins.
   */
  twin?: boolean;
  /** Also record the twin's steps of every traced user whose twin runs (`twinTraces`; the agreement tests). */
  traceTwins?: boolean;
}

export interface RangeResult {
  counters: Float64Array;
  traces: Map<number, TraceEntry[]>;
  /** The twins' steps, by user, where `traceTwins` asked for them and a twin ran. */
  twinTraces: Map<number, TraceEntry[]>;
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
  world.twins = options.twin ?? true;
  const driver = createDriver(engine, model, world);
  const traces = new Map<number, TraceEntry[]>();
  const twinTraces = new Map<number, TraceEntry[]>();
  const every = options.progressEvery ?? 10_000;
  for (let user = start; user < end; user++) {
    if ((user - start) % every === 0 && user > start) {
      if (options.shouldStop?.()) throw new SimulationCancelled();
      options.onProgress?.(user - start);
    }
    const traced = options.trace?.(user) ?? false;
    world.trace = traced ? [] : null;
    world.twinTrace = traced && options.traceTwins ? [] : null;
    simulateUser(world, driver, user);
    if (traced) traces.set(user, world.trace!);
    if (world.twinTrace && world.twinTrace.length > 0) twinTraces.set(user, world.twinTrace);
  }
  world.trace = null;
  world.twinTrace = null;
  options.onProgress?.(end - start);
  // Ranges are added together: bring the wide counters' limbs into range first (counters.ts).
  return { counters: normalizeWide(world.counters, model.layout), traces, twinTraces };
}
