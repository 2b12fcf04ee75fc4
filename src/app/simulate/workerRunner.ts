import { runInWorker } from '../workerJob';
import type { SimulationMessage, SimulationRequest, SimulationRunner } from './protocol';

/**
 * Runs each simulation in a new module Web Worker, so the main thread does none of the work; cancel
 * terminates the worker, which stops it at once wherever it is.
 */
export const workerRunner: SimulationRunner = (request, callbacks) =>
  runInWorker<SimulationRequest, SimulationMessage>(() => new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module', name: 'journey-lab-simulation' }), request, {
    isFinal: (message) => message.type !== 'progress',
    deliver: (message) => {
      if (message.type === 'progress') callbacks.onProgress(message.done, message.total);
      else if (message.type === 'done') callbacks.onDone(message.report);
      else if (message.type === 'problems') callbacks.onProblems(message.problems);
      else callbacks.onFailed(message.problem);
    },
    onFailed: (problem) => callbacks.onFailed(problem),
  });
