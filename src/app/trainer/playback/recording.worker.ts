// The recording's own thread: one request, progress, then the run's report and the sample's traces.
import '../../zodJitless'; // first: no `new Function` in zod (see zodJitless.ts)
import { runRecordingJob } from './recordingJob';
import type { RecordingMessage, RecordingRequest } from './recordingProtocol';

self.onmessage = (event: MessageEvent<RecordingRequest>) => runRecordingJob(event.data, (message: RecordingMessage) => self.postMessage(message));
