// What the editor and the simulation worker say to each other, and the runner seam between the store
// and the worker (tests hand the store a runner of their own instead of a real Worker).
import type { JourneyDocument } from '../../core/journey';
import type { Problem } from '../../core/journey';
import type { SimulationPopulation, SimulationReport } from '../../core/sim/engine';

/** One run, as posted to the worker: plain data (structured-cloned). */
export interface SimulationRequest {
  journey: JourneyDocument;
  /** A cohort spec (a preset's, for now); the worker checks it. */
  cohort: unknown;
  seed: number;
  users: number;
  /** Runs with seeds seed, seed + 1, …; more than one gives every figure a t interval over the runs. */
  replications?: number;
  /** Real customers, one user each (a saved cohort's population, read against that cohort); `users` is their number. */
  population?: SimulationPopulation;
}

/** What the worker posts back: progress, then exactly one of done, problems or failed. */
export type SimulationMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; report: SimulationReport }
  | { type: 'problems'; problems: Problem[] }
  | { type: 'failed'; problem: Problem };

export interface SimulationCallbacks {
  onProgress(done: number, total: number): void;
  onDone(report: SimulationReport): void;
  /** The journey, the cohort or the settings cannot be simulated (or the run found a runaway loop). */
  onProblems(problems: Problem[]): void;
  /** Anything else (a bug, a worker that died or could not start), as a `simulation-failed` problem. */
  onFailed(problem: Problem): void;
}

export interface SimulationRun {
  /** Stops the run at once; no callback is called after it. */
  cancel(): void;
}

/** Starts a run somewhere other than the main thread (the page's Web Worker pool in the app). */
export interface SimulationRunner {
  (request: SimulationRequest, callbacks: SimulationCallbacks): SimulationRun;
  /**
   * Gets ready for a run that is likely to come (the pool starts its workers, which then load their
   * code while nothing competes with the page); optional.
   */
  warm?(): void;
}

/** Hands a worker's message to the callbacks it stands for (the worker runner and in-thread runners share it). */
export function deliverSimulation(message: SimulationMessage, callbacks: SimulationCallbacks): void {
  if (message.type === 'progress') callbacks.onProgress(message.done, message.total);
  else if (message.type === 'done') callbacks.onDone(message.report);
  else if (message.type === 'problems') callbacks.onProblems(message.problems);
  else callbacks.onFailed(message.problem);
}
