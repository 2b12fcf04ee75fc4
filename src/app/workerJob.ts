import type { Problem } from '../core/journey';
import { workerFailure } from './simulate/failure';

export interface WorkerJobHandlers<Msg> {
  /** Whether this message ends the job (a result or a refusal, not progress). */
  isFinal(message: Msg): boolean;
  /** Every message of the job, in order; the final one after the worker is terminated. */
  deliver(message: Msg): void;
  /** The worker could not start, died or sent something unreadable: no final message will come. */
  onFailed(problem: Problem): void;
}

/**
 * Runs one job in a fresh Web Worker: posts the request, passes its messages on until the final one,
 * and terminates the worker then, on an error, or on cancel, which stops it at once wherever it is.
 * `start` makes the worker: Vite bundles a worker only from a literal `new Worker(new URL(…))`.
 */
export function runInWorker<Req, Msg>(start: () => Worker, request: Req, handlers: WorkerJobHandlers<Msg>): { cancel(): void } {
  let worker: Worker;
  try {
    worker = start();
  } catch (error) {
    // E.g. a browser that refuses module workers: said after this call returns, like any other failure.
    let cancelled = false;
    queueMicrotask(() => cancelled || handlers.onFailed(workerFailure(error instanceof Error ? error.message : String(error))));
    return { cancel: () => void (cancelled = true) };
  }
  let finished = false;
  const finish = () => {
    finished = true;
    worker.terminate();
  };
  const fail = (detail: string) => {
    if (finished) return;
    finish();
    handlers.onFailed(workerFailure(detail));
  };
  worker.onmessage = (event: MessageEvent<Msg>) => {
    if (finished) return;
    if (handlers.isFinal(event.data)) finish();
    handlers.deliver(event.data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    // The browser's own words (e.g. "Uncaught RangeError: …") are kept as the detail of the problem.
    fail(event.message || 'the worker stopped');
  };
  worker.onmessageerror = () => fail('a message from the worker could not be read');
  worker.postMessage(request);
  return { cancel: () => void (finished || finish()) };
}
