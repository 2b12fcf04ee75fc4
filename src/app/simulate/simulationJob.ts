// One simulation run from start to finish, as the worker does it: check, run every user with throttled
// progress, build the report. Plain code with no worker globals, so tests call it directly. The worker is
// cancelled by terminating it, so the run itself need not stop to listen.
//
// The one gate of a run is here, in the worker: the page posts the journey as the editor holds it (a
// plain document that changes with every edit; a brand would not survive postMessage anyway), and the
// worker checks it once per run with checkSimulation. Every replication's model takes the checked
// documents and never checks them again.
import type { Problem } from '../../core/journey';
import { asSimulationError, checkSimulation, modelFor, problemsOfFailure, type CheckedSimulation } from '../../core/sim/engine';
import { runRange } from '../../core/sim/engine';
import { buildReport } from '../../core/sim/engine';
import type { SimulationMessage, SimulationRequest } from './protocol';

/** Users between looks at the clock for progress. */
export const PROGRESS_EVERY_USERS = 5_000;
/** Progress is posted at most this often. */
export const PROGRESS_INTERVAL_MS = 50;

export interface JobOptions {
  progressEveryUsers?: number;
  progressIntervalMs?: number;
  now?: () => number;
}

export type Post = (message: SimulationMessage, transfer?: Transferable[]) => void;

/**
 * Whatever a run threw, as the worker posts it: the problems of the run (a loop without time passing,
 * a used-up step budget, …) or, for anything that is no problem of the input, `simulation-failed`.
 */
export function failureMessage(error: unknown): { type: 'problems'; problems: Problem[] } | { type: 'failed'; problem: Problem } {
  const problems = problemsOfFailure(error);
  const [only] = problems;
  return problems.length === 1 && only!.code === 'simulation-failed' ? { type: 'failed', problem: only! } : { type: 'problems', problems };
}

/** The run's gate: the request checked, or null once its problems (or the failure of checking) are posted. */
export function checkRequest(request: SimulationRequest, post: (message: Extract<SimulationMessage, { type: 'problems' | 'failed' }>) => void): CheckedSimulation | null {
  try {
    const result = checkSimulation({
      journey: request.journey,
      cohort: request.cohort,
      seed: request.seed,
      users: request.users,
      engine: 'fast',
      replications: request.replications ?? 1,
      population: request.population ?? null,
    });
    if (result.ok) return result.checked;
    post({ type: 'problems', problems: result.problems });
  } catch (error) {
    post(failureMessage(error));
  }
  return null;
}

export function runSimulationJob(request: SimulationRequest, post: Post, options: JobOptions = {}): void {
  const checked = checkRequest(request, post);
  if (checked) runCheckedSimulationJob(checked, post, options);
}

/** Runs a checked simulation: every replication, with throttled progress, then the report. */
export function runCheckedSimulationJob(checked: CheckedSimulation, post: Post, options: JobOptions = {}): void {
  const now = options.now ?? (() => performance.now());
  const interval = options.progressIntervalMs ?? PROGRESS_INTERVAL_MS;
  try {
    const { seed, users, engine, replications } = checked;
    const total = users * replications;
    post({ type: 'progress', done: 0, total });
    let last = now();
    const progress = (done: number) => {
      const time = now();
      if (done < total && time - last < interval) return;
      last = time;
      post({ type: 'progress', done, total });
    };
    const runs: Float64Array[] = [];
    for (let replication = 0; replication < replications; replication++) {
      const model = modelFor(checked, replication);
      try {
        const before = replication * users;
        runs.push(runRange(model, engine, 0, users, { onProgress: (done) => progress(before + done), progressEvery: options.progressEveryUsers ?? PROGRESS_EVERY_USERS }).counters);
      } catch (error) {
        asSimulationError(error);
      }
    }
    post({ type: 'done', report: buildReport(modelFor(checked, 0), runs, { engine, seed }) });
  } catch (error) {
    post(failureMessage(error));
  }
}
