// What one worker of the simulation pool does (workerPool.ts hands out the tasks, poolRunner.ts splits a
// run into them): simulate one contiguous range of users of one replication and post its counters, or
// add up every range's counters and build the report. Plain code with no worker globals, so tests call
// it directly. The counters are whole numbers, so adding ranges gives the report of one single run
// whatever the number of workers (the CLI's worker_threads split runs the same way).
//
// Each task carries its run's id; the run's request (journey, cohort, population) travels only with a
// worker's first task of that run, and the worker keeps it, checked, for the run's later tasks.
import type { Problem } from '../../core/journey';
import { addCounters, asSimulationError, buildReport, modelFor, runRange, type CheckedSimulation, type SimulationReport } from '../../core/sim/engine';
import { checkRequest, failureMessage, PROGRESS_EVERY_USERS, PROGRESS_INTERVAL_MS } from './simulationJob';
import type { SimulationRequest } from './protocol';

export type PoolTask =
  | {
      type: 'range';
      run: number;
      /** Sent with the worker's first task of the run only. */
      request?: SimulationRequest;
      replication: number;
      start: number;
      end: number;
    }
  | {
      type: 'report';
      run: number;
      request?: SimulationRequest;
      /** Each replication's ranges' counters, in any order. */
      parts: Float64Array[][];
    };

export type PoolReply =
  /** Users of this range done so far. */
  | { type: 'progress'; done: number }
  | { type: 'counters'; counters: Float64Array }
  | { type: 'report'; report: SimulationReport }
  | { type: 'problems'; problems: Problem[] }
  | { type: 'failed'; problem: Problem };

export type PoolPost = (reply: PoolReply, transfer?: Transferable[]) => void;

export interface PoolTaskOptions {
  progressEveryUsers?: number;
  progressIntervalMs?: number;
  now?: () => number;
}

/** A worker's memory of the run it works for: the request as checked, so later tasks skip the check. */
export interface PoolWorkerMemory {
  run: number;
  checked: CheckedSimulation;
}

/** Runs one task; returns what the worker should remember for the run's next task. */
export function runPoolTask(task: PoolTask, post: PoolPost, memory: PoolWorkerMemory | null, options: PoolTaskOptions = {}): PoolWorkerMemory | null {
  const checked = checkedFor(task, post, memory);
  if (!checked) return null;
  const remembered = { run: task.run, checked };
  try {
    if (task.type === 'range') runRangeTask(task, checked, post, options);
    else reportTask(task, checked, post);
  } catch (error) {
    post(failureMessage(error));
  }
  return remembered;
}

function checkedFor(task: PoolTask, post: PoolPost, memory: PoolWorkerMemory | null): CheckedSimulation | null {
  if (task.request) return checkRequest(task.request, post);
  if (memory?.run === task.run) return memory.checked;
  // The pool sends the request with a worker's first task of a run: this is a fault of ours.
  post(failureMessage(new Error(`run ${task.run}'s request never reached this worker`)));
  return null;
}

function runRangeTask(task: Extract<PoolTask, { type: 'range' }>, checked: CheckedSimulation, post: PoolPost, options: PoolTaskOptions): void {
  const now = options.now ?? (() => performance.now());
  const interval = options.progressIntervalMs ?? PROGRESS_INTERVAL_MS;
  let last = now();
  const model = modelFor(checked, task.replication);
  try {
    const { counters } = runRange(model, checked.engine, task.start, task.end, {
      progressEvery: options.progressEveryUsers ?? PROGRESS_EVERY_USERS,
      onProgress: (done) => {
        const time = now();
        if (time - last < interval) return;
        last = time;
        post({ type: 'progress', done });
      },
    });
    post({ type: 'counters', counters }, [counters.buffer]);
  } catch (error) {
    asSimulationError(error);
  }
}

function reportTask(task: Extract<PoolTask, { type: 'report' }>, checked: CheckedSimulation, post: PoolPost): void {
  const runs = task.parts.map((parts) => parts.reduce((sum, part) => addCounters(sum, part), new Float64Array(parts[0]?.length ?? 0)));
  post({ type: 'report', report: buildReport(modelFor(checked, 0), runs, { engine: checked.engine, seed: checked.seed }) });
}
