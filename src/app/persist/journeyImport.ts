// Reading a journey someone else made (an imported file or a share link) means parsing and checking
// text of up to MAX_DOCUMENT_CHARS characters, which can take seconds: it runs in a Web Worker
// (journeyImport.worker.ts), so the page never freezes. Where there is no Worker (tests under jsdom)
// it runs here instead. Either way the result is exactly what parseJourneyFile / readJourney return
// (readJourneyImport.ts), and nothing escapes as an exception: a failure comes back as a message.
import { runInWorker } from '../workerJob';
import { persistMessages } from './persistMessages';
import { readJourneyImport, type JourneyImportRequest, type JourneyImportResult } from './readJourneyImport';

export type { JourneyImportRequest, JourneyImportResult } from './readJourneyImport';

const startWorker = () => new Worker(new URL('./journeyImport.worker.ts', import.meta.url), { type: 'module', name: 'journey-lab-import' });

/**
 * Reads a request in a fresh Web Worker (on this thread where Worker is missing or refused). If the
 * worker dies (out of memory, say), the answer is a message, not a retry here that could freeze the page.
 * Aborting `signal` (the screen that asked went away) stops the worker at once, wherever it is; the
 * promise then never settles, as no one is listening.
 */
export function checkJourneyImport(request: JourneyImportRequest, { signal }: { signal?: AbortSignal } = {}): Promise<JourneyImportResult> {
  if (signal?.aborted) return new Promise(() => {});
  const inThread = () =>
    new Promise<JourneyImportResult>((resolve) => {
      // A microtask later, like an answer from a worker; not started at all when aborted meanwhile.
      queueMicrotask(() => {
        if (!signal?.aborted) resolve(readJourneyImport(request));
      });
    });
  if (typeof Worker === 'undefined') return inThread();
  let worker: Worker;
  try {
    worker = startWorker();
  } catch {
    // The browser would not start a worker (e.g. a policy forbids it): read here rather than not at all.
    return inThread();
  }
  return new Promise((resolve) => {
    const job = runInWorker<JourneyImportRequest, JourneyImportResult>(() => worker, request, {
      isFinal: () => true,
      deliver: resolve,
      onFailed: () => resolve({ kind: 'unreadable', message: persistMessages.importCheckFailed }),
    });
    signal?.addEventListener('abort', () => job.cancel(), { once: true });
  });
}
