import { Worker } from 'node:worker_threads';
import type { Problem } from '../core/journey/problems';
import { SimulationError, type RangeRunner, type RangeTask } from '../core/sim/engine/simulate';
import { simulationFailed } from '../core/sim/runFailure';

export type WorkerReply =
  | { type: 'progress'; done: number }
  | { type: 'done'; counters: Float64Array }
  | { type: 'error'; message: string; problems: Problem[] | null };

/**
 * Runs ranges in worker_threads, one worker per range at a time, up to `size` at once. Workers load
 * the TypeScript sources through tsx, like the CLI itself. `close` terminates them (which is also how
 * a run is cancelled).
 *
 * Whatever goes wrong in a worker reaches the caller as a SimulationError: the run's own problems as
 * the worker found them, anything else (an exception, a crash, running out of memory, a worker that
 * exits without answering) as `simulation-failed`. A worker that failed is not used again.
 */
export function createWorkerPool(
  size: number,
  /** The worker's script; tests name it as a file: URL, since their module URLs are not. */
  script: URL = new URL('./simulationWorker.mjs', import.meta.url),
): { runner: RangeRunner; close: () => Promise<void> } {
  const idle: Worker[] = [];
  const all = new Set<Worker>();
  const waiting: ((worker: Worker) => void)[] = [];
  // Once closed (the run is over or cancelled), no worker is started again.
  let closed = false;
  const spawn = () => {
    const worker = new Worker(script);
    all.add(worker);
    return worker;
  };
  const acquire = (): Promise<Worker> => {
    if (closed) return Promise.reject(new Error('the worker pool is closed'));
    const free = idle.pop();
    if (free) return Promise.resolve(free);
    if (all.size < size) return Promise.resolve(spawn());
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (worker: Worker) => {
    const next = waiting.shift();
    if (next) next(worker);
    else idle.push(worker);
  };
  /** A failed worker leaves the pool; whoever waits for one gets a fresh worker instead. */
  const discard = (worker: Worker) => {
    all.delete(worker);
    void worker.terminate();
    const next = closed ? undefined : waiting.shift();
    if (next) next(spawn());
  };
  const runner: RangeRunner = async (task: RangeTask, onProgress) => {
    let worker: Worker;
    try {
      worker = await acquire();
    } catch (error) {
      // No worker could be started (too many threads or open files, say).
      throw new SimulationError([simulationFailed(error)]);
    }
    let healthy = true;
    try {
      return await new Promise<Float64Array>((resolve, reject) => {
        const settle = () => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
        };
        const fail = (error: unknown, broken = true) => {
          settle();
          healthy &&= !broken;
          reject(new SimulationError([simulationFailed(error)]));
        };
        const onMessage = (reply: WorkerReply) => {
          if (reply.type === 'progress') return onProgress(reply.done);
          settle();
          if (reply.type === 'done') resolve(reply.counters);
          else if (reply.problems) reject(new SimulationError(reply.problems));
          else fail(new Error(reply.message));
        };
        const onError = (error: Error) => fail(error);
        const onExit = (code: number) => fail(new Error(`the worker thread stopped (exit code ${code})`));
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        try {
          worker.postMessage(task);
        } catch (error) {
          // A task that cannot be copied to the worker (DataCloneError): the worker itself is fine.
          fail(error, false);
        }
      });
    } finally {
      if (healthy) release(worker);
      else discard(worker);
    }
  };
  const close = async () => {
    closed = true;
    await Promise.all([...all].map((worker) => worker.terminate()));
  };
  return { runner, close };
}
