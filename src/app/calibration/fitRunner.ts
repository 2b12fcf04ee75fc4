// Runs a fitting job in a module Web Worker (runInWorker: progress, cancel terminates it); where there
// is no Worker (jsdom tests) the same job runs on this thread, awaiting between slices.
import { message } from '../../core/i18n';
import { runInWorker } from '../workerJob';
import type { FitMessage, FitRequest } from './protocol';
import { runFitJob } from './runFitJob';

export type FitRunner = (request: FitRequest, deliver: (message: FitMessage) => void) => { cancel(): void };

export const workerFitRunner: FitRunner = (request, deliver) =>
  runInWorker<FitRequest, FitMessage>(() => new Worker(new URL('./fit.worker.ts', import.meta.url), { type: 'module', name: 'journey-lab-fit' }), request, {
    isFinal: (received) => received.type === 'result',
    deliver,
    onFailed: (problem) => deliver({ type: 'result', importReport: null, problem: message('app.calibration.workerFailed', { detail: problem.message }), fit: null, cohort: null, population: null }),
  });

export const inThreadFitRunner: FitRunner = (request, deliver) => {
  let cancelled = false;
  runFitJob(request, (received) => cancelled || deliver(received), () => cancelled).catch((error: unknown) => {
    if (!cancelled) deliver({ type: 'result', importReport: null, problem: message('app.calibration.workerFailed', { detail: error instanceof Error ? error.message : String(error) }), fit: null, cohort: null, population: null });
  });
  return { cancel: () => void (cancelled = true) };
};

export const defaultFitRunner: FitRunner = (request, deliver) => (typeof Worker === 'undefined' ? inThreadFitRunner : workerFitRunner)(request, deliver);
