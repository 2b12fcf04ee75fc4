import i18n from './i18n';

export interface WorkerJobHandlers<Msg> {
  /** Whether this message ends the job (a result or a refusal, not progress). */
  isFinal(message: Msg): boolean;
  /** Every message of the job, in order; the final one after the worker is terminated. */
  deliver(message: Msg): void;
  /** The worker died or sent something unreadable: no final message will come. */
  onFailed(message: string): void;
}

/**
 * Runs one job in a fresh Web Worker: posts the request, passes its messages on until the final one,
 * and terminates the worker then, on an error, or on cancel, which stops it at once wherever it is.
 * `start` makes the worker: Vite bundles a worker only from a literal `new Worker(new URL(…))`.
 */
export function runInWorker<Req, Msg>(start: () => Worker, request: Req, handlers: WorkerJobHandlers<Msg>): { cancel(): void } {
  const worker = start();
  let finished = false;
  const finish = () => {
    finished = true;
    worker.terminate();
  };
  const fail = (message: string) => {
    if (finished) return;
    finish();
    handlers.onFailed(message);
  };
  worker.onmessage = (event: MessageEvent<Msg>) => {
    if (finished) return;
    if (handlers.isFinal(event.data)) finish();
    handlers.deliver(event.data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(event.message || i18n.t('simulate.workerStopped'));
  };
  worker.onmessageerror = () => fail(i18n.t('simulate.workerUnreadable'));
  worker.postMessage(request);
  return { cancel: () => void (finished || finish()) };
}
