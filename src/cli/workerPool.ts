import { Worker } from 'node:worker_threads';
import type { Problem } from '../core/journey';
import { SimulationError, type RangeRunner, type RangeTask } from '../core/sim/engine';
import { simulationFailed } from '../core/sim/engine';

export type WorkerReply =
  | { type: 'progress'; done: number }
  | { type: 'done'; counters: Float64Array }
  /** The run failed and the worker caught it: it is still fine and takes the next range. */
  | { type: 'error'; problems: Problem[] };

const DEFAULT_SCRIPT = new URL('./simulationWorker.mjs', import.meta.url);

/** Why a range that was still waiting for a worker never ran. */
export const POOL_CLOSED = 'the run ended before a worker was free for this part of it';

interface Waiter {
  resolve: (worker: Worker) => void;
  reject: (error: unknown) => void;
}

/**
 * Runs ranges in worker_threads, one worker per range at a time, up to `size` at once. Workers load
 * the TypeScript sources through tsx, like the CLI itself. `close` terminates them (which is also how
 * a run is cancelled) and fails every range still waiting for one.
 *
 * Whatever goes wrong reaches the caller as a SimulationError: the problems the worker answered with
 * (it caught the failure and goes on), or `simulation-failed` for a worker that crashed, ran out of
 * memory or exited without answering, and for a worker that could not be started at all. Only a
 * worker that crashed or exited is replaced; one that answered is used again.
 */
export function createWorkerPool(
  size: number,
  /** Starts one worker; tests start stand-ins. May throw (too many threads or open files, say). */
  startWorker: () => Worker = () => new Worker(DEFAULT_SCRIPT),
): { runner: RangeRunner; close: () => Promise<void> } {
  const idle: Worker[] = [];
  const all = new Set<Worker>();
  const waiting: Waiter[] = [];
  // Once closed (the run is over or cancelled), no worker is started again.
  let closed = false;
  const spawn = () => {
    const worker = startWorker();
    all.add(worker);
    // A worker that dies between ranges is dropped, never handed out (its crash has no range to fail).
    worker.on('error', () => {});
    worker.once('exit', () => {
      all.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
    });
    return worker;
  };
  const acquire = (): Promise<Worker> => {
    if (closed) return Promise.reject(new Error(POOL_CLOSED));
    const free = idle.pop();
    if (free) return Promise.resolve(free);
    if (all.size < size) return new Promise((resolve) => resolve(spawn()));
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
  const release = (worker: Worker) => {
    const next = waiting.shift();
    if (next) next.resolve(worker);
    else idle.push(worker);
  };
  /**
   * A crashed worker leaves the pool; whoever waits for one gets a fresh worker instead. When none can
   * be started, that waiter fails with the reason, and so does everyone else waiting if no worker is
   * left to free up (they would wait for ever).
   */
  const discard = (worker: Worker) => {
    all.delete(worker);
    void worker.terminate();
    const next = closed ? undefined : waiting.shift();
    if (!next) return;
    try {
      next.resolve(spawn());
    } catch (error) {
      next.reject(error);
      if (all.size === 0) for (const waiter of waiting.splice(0)) waiter.reject(error);
    }
  };
  const runner: RangeRunner = async (task: RangeTask, onProgress) => {
    let worker: Worker;
    try {
      worker = await acquire();
    } catch (error) {
      // No worker could be started, or the pool closed first.
      throw new SimulationError([simulationFailed(error)]);
    }
    let crashed = false;
    try {
      return await new Promise<Float64Array>((resolve, reject) => {
        const settle = () => {
          worker.off('message', onMessage);
          worker.off('error', onCrash);
          worker.off('exit', onExit);
        };
        const onMessage = (reply: WorkerReply) => {
          if (reply.type === 'progress') return onProgress(reply.done);
          settle();
          if (reply.type === 'done') resolve(reply.counters);
          else reject(new SimulationError(reply.problems));
        };
        const onCrash = (error: unknown) => {
          settle();
          crashed = true;
          reject(new SimulationError([simulationFailed(error)]));
        };
        const onExit = (code: number) => onCrash(new Error(`the worker thread stopped (exit code ${code})`));
        worker.on('message', onMessage);
        worker.on('error', onCrash);
        worker.on('exit', onExit);
        try {
          worker.postMessage(task);
        } catch (error) {
          // A task that cannot be copied to the worker (DataCloneError): the worker itself is fine.
          settle();
          reject(new SimulationError([simulationFailed(error)]));
        }
      });
    } finally {
      if (crashed) discard(worker);
      else release(worker);
    }
  };
  const close = async () => {
    closed = true;
    for (const waiter of waiting.splice(0)) waiter.reject(new Error(POOL_CLOSED));
    await Promise.all([...all].map((worker) => worker.terminate()));
  };
  return { runner, close };
}
