// One recording as the worker does it: the Simulate panel's job for the full run (one replication),
// then the sample's traces with the same checked input, so the dots are users of that very run.
import { checkSimulation } from '../../../core/sim/engine/simulate';
import { recordSample } from '../../../core/trainer/sample';
import { failureMessage, runSimulationJob, type JobOptions } from '../../simulate/simulationJob';
import type { RecordingMessage, RecordingRequest } from './recordingProtocol';

export function runRecordingJob(request: RecordingRequest, post: (message: RecordingMessage) => void, options: JobOptions = {}): void {
  const { sampleSize, ...run } = request;
  runSimulationJob({ ...run, replications: 1 }, (message) => {
    if (message.type !== 'done') return post(message);
    try {
      const checked = checkSimulation({ journey: run.journey, cohort: run.cohort, seed: run.seed, users: run.users, engine: 'fast', replications: 1 });
      if (!checked.ok) return post({ type: 'problems', problems: checked.problems });
      const sample = recordSample(checked.checked, sampleSize);
      post({ type: 'recorded', report: message.report, sample: { users: sample.users, traces: sample.traces, horizonMs: sample.model.horizonMs } });
    } catch (error) {
      // A loop the sample runs into has its own problem, as in the full run; only the rest is simulation-failed.
      post(failureMessage(error));
    }
  }, options);
}
