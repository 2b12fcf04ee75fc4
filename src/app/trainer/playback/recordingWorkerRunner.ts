import i18n from '../../i18n';
import { deliverRecording, type RecordingMessage, type RecordingRunner } from './recordingProtocol';

/** Runs each recording in a new module Web Worker; cancel terminates it, wherever it is. */
export const recordingWorkerRunner: RecordingRunner = (request, callbacks) => {
  const worker = new Worker(new URL('./recording.worker.ts', import.meta.url), { type: 'module', name: 'journey-lab-recording' });
  let finished = false;
  const finish = () => {
    finished = true;
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<RecordingMessage>) => {
    if (finished) return;
    if (event.data.type !== 'progress') finish();
    deliverRecording(event.data, callbacks);
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
