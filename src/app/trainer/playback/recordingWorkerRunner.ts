import { runInWorker } from '../../workerJob';
import { deliverRecording, type RecordingMessage, type RecordingRequest, type RecordingRunner } from './recordingProtocol';

/** Runs each recording in a new module Web Worker; cancel terminates it, wherever it is. */
export const recordingWorkerRunner: RecordingRunner = (request, callbacks) =>
  runInWorker<RecordingRequest, RecordingMessage>(() => new Worker(new URL('./recording.worker.ts', import.meta.url), { type: 'module', name: 'journey-lab-recording' }), request, {
    isFinal: (message) => message.type !== 'progress',
    deliver: (message) => deliverRecording(message, callbacks),
    onFailed: (problem) => callbacks.onFailed(problem),
  });
