// One recording as the worker does it: the Simulate panel's job for the full run (one replication),
// then the sample's traces with the same checked input, so the dots are users of that very run. The
// input passes the run's gate once, for both.
import { recordSample } from '../../../core/trainer';
import { checkRequest, failureMessage, runCheckedSimulationJob, type JobOptions } from '../../simulate/simulationJob';
import type { RecordingMessage, RecordingRequest } from './recordingProtocol';

export function runRecordingJob(request: RecordingRequest, post: (message: RecordingMessage) => void, options: JobOptions = {}): void {
  const { sampleSize, ...run } = request;
  const checked = checkRequest({ ...run, replications: 1 }, post);
  if (!checked) return;
  runCheckedSimulationJob(checked, (message) => {
    if (message.type !== 'done') return post(message);
    try {
      const sample = recordSample(checked, sampleSize);
      post({ type: 'recorded', report: message.report, sample: { users: sample.users, traces: sample.traces, horizonMs: sample.model.horizonMs } });
    } catch (error) {
      // A loop the sample runs into has its own problem, as in the full run; only the rest is simulation-failed.
      post(failureMessage(error));
    }
  }, options);
}
