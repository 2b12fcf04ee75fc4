import { runInWorker } from '../workerJob';
import { deliverSimulation, type SimulationMessage, type SimulationRequest, type SimulationRunner } from './protocol';

/**
 * Runs each simulation in a new module Web Worker, so the main thread does none of the work; cancel
 * terminates the worker, which stops it at once wherever it is.
 */
export const workerRunner: SimulationRunner = (request, callbacks) =>
  runInWorker<SimulationRequest, SimulationMessage>(() => new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module', name: 'journey-lab-simulation' }), request, {
    isFinal: (message) => message.type !== 'progress',
    deliver: (message) => deliverSimulation(message, callbacks),
    onFailed: (problem) => callbacks.onFailed(problem),
  });
