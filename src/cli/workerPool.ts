import { Worker } from 'node:worker_threads';
import type { Problem } from '../core/journey/problems';
import { SimulationError, type RangeRunner, type RangeTask } from '../core/sim/engine/simulate';

export type WorkerReply =
  | { type: 'progress'; done: number }
  | { type: 'done'; counters: Float64Array }
  | { type: 'error'; message: string; problems: Problem[] | null };

/**
 * Runs ranges in worker_threads, one worker per range at a time, up to `size` at once. Workers load
 * the TypeScript sources through tsx, like the CLI itself. `close` terminates them (which is also how
 * a run is cancelled).
 */
export function createWorkerPool(size: number): { runner: RangeRunner; close: () => Promise<void> } {
  const idle: Worker[] = [];
  const all: Worker[] = [];
  const waiting: ((worker: Worker) => void)[] = [];
  const spawn = () => {
    const worker = new Worker(new URL('./simulationWorker.mjs', import.meta.url));
    all.push(worker);
    return worker;
  };
  const acquire = (): Promise<Worker> => {
    const free = idle.pop();
    if (free) return Promise.resolve(free);
    if (all.length < size) return Promise.resolve(spawn());
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (worker: Worker) => {
    const next = waiting.shift();
    if (next) next(worker);
    else idle.push(worker);
  };
  const runner: RangeRunner = async (task: RangeTask, onProgress) => {
    const worker = await acquire();
    try {
      return await new Promise<Float64Array>((resolve, reject) => {
        const onMessage = (reply: WorkerReply) => {
          if (reply.type === 'progress') return onProgress(reply.done);
          worker.off('message', onMessage);
          worker.off('error', onError);
          if (reply.type === 'done') resolve(reply.counters);
          else reject(reply.problems ? new SimulationError(reply.problems) : new Error(reply.message));
        };
        const onError = (error: Error) => {
          worker.off('message', onMessage);
          reject(error);
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.postMessage(task);
      });
    } finally {
      release(worker);
    }
  };
  return { runner, close: async () => void (await Promise.all(all.map((worker) => worker.terminate()))) };
}
