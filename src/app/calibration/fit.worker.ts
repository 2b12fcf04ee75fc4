// The fitting job's own thread: one request per worker; the page terminates it when the result is in
// or the user cancels.
import '../zodJitless'; // first: no `new Function` in zod (see zodJitless.ts)
import { runFitJob } from './runFitJob';
import type { FitMessage, FitRequest } from './protocol';

self.onmessage = (event: MessageEvent<FitRequest>) => {
  void runFitJob(event.data, (message: FitMessage) => self.postMessage(message));
};
