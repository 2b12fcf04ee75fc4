import i18n from '../i18n';
import type { SimulationMessage, SimulationRunner } from './protocol';

/**
 * Runs each simulation in a new module Web Worker, so the main thread does none of the work; cancel
 * terminates the worker, which stops it at once wherever it is.
 */
export const workerRunner: SimulationRunner = (request, callbacks) => {
  const worker = new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module', name: 'journey-lab-simulation' });
  let finished = false;
  const finish = () => {
    finished = true;
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<SimulationMessage>) => {
    if (finished) return;
    const message = event.data;
    if (message.type === 'progress') return callbacks.onProgress(message.done, message.total);
    finish();
    if (message.type === 'done') callbacks.onDone(message.report);
    else if (message.type === 'problems') callbacks.onProblems(message.problems);
    else callbacks.onFailed(message.message);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    if (finished) return;
    finish();
    callbacks.onFailed(event.message || i18n.t('simulate.workerStopped'));
  };
  worker.onmessageerror = () => {
    if (finished) return;
    finish();
    callbacks.onFailed(i18n.t('simulate.workerUnreadable'));
  };
  worker.postMessage(request);
  return { cancel: () => void (finished || finish()) };
};
