// One simulation run from start to finish, as the worker does it: check, run the users range by range,
// add up the counters and build the report. Plain code with no worker globals, so tests call it directly.
import { checkSimulation, modelFor, runTask, splitUsers, SimulationError } from '../../core/sim/engine/simulate';
import { addCounters } from '../../core/sim/engine/counters';
import { buildReport } from '../../core/sim/engine/report';
import type { SimulationMessage, SimulationRequest } from './protocol';

/** Users per synchronous slice (a few hundred milliseconds of work). */
export const CHUNK_USERS = 50_000;
/** Progress is posted at most this often. */
export const PROGRESS_INTERVAL_MS = 50;

export interface JobOptions {
  chunkUsers?: number;
  progressIntervalMs?: number;
  now?: () => number;
}

export type Post = (message: SimulationMessage, transfer?: Transferable[]) => void;

export function runSimulationJob(request: SimulationRequest, post: Post, options: JobOptions = {}): void {
  const now = options.now ?? (() => performance.now());
  const interval = options.progressIntervalMs ?? PROGRESS_INTERVAL_MS;
  try {
    const result = checkSimulation({ journey: request.journey, cohort: request.cohort, seed: request.seed, users: request.users, engine: 'fast', replications: 1 });
    if (!result.ok) return post({ type: 'problems', problems: result.problems });
    const { journey, cohort, seed, users, engine } = result.checked;
    post({ type: 'progress', done: 0, total: users });
    let last = now();
    const progress = (done: number, force: boolean) => {
      const time = now();
      if (!force && time - last < interval) return;
      last = time;
      post({ type: 'progress', done, total: users });
    };
    const chunkUsers = Math.max(1, options.chunkUsers ?? CHUNK_USERS);
    let total: Float64Array | null = null;
    for (const [start, end] of splitUsers(users, Math.ceil(users / chunkUsers))) {
      const counters = runTask({ journey, cohort, seed, users, engine, start, end }, { onProgress: (done) => progress(start + done, false) });
      total = total ? addCounters(total, counters) : counters;
    }
    progress(users, true);
    const report = buildReport(modelFor(result.checked, 0), [total!], { engine, seed });
    post({ type: 'done', report, counters: total! }, [total!.buffer]);
  } catch (error) {
    if (error instanceof SimulationError) post({ type: 'problems', problems: error.problems });
    else post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
