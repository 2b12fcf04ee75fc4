// The import checker's own thread: receives one request (a file's text or a share link), reads it with
// readJourneyImport and posts the result. A fresh worker per import; the page terminates it after.
import '../zodJitless'; // first: no `new Function` in zod (see zodJitless.ts)
import { readJourneyImport, type JourneyImportRequest, type JourneyImportResult } from './readJourneyImport';

self.onmessage = (event: MessageEvent<JourneyImportRequest>) => {
  const result: JourneyImportResult = readJourneyImport(event.data);
  self.postMessage(result);
};
