// What trainer mode asks of a worker to play a simulation back: the full run (every count) and the
// traces of a sample of its users (the dots). A sibling of ../../simulate/protocol.ts, so the Simulate
// panel's path stays as it is.
import type { Problem } from '../../../core/journey';
import type { SimulationReport } from '../../../core/sim/engine';
import type { TraceEntry } from '../../../core/sim/engine';
import type { SimulationRequest, SimulationRun } from '../../simulate/protocol';

export interface RecordingRequest extends Omit<SimulationRequest, 'replications'> {
  /** Users whose traces are recorded (an even spread of the run; at most MAX_SAMPLE_SIZE). */
  sampleSize: number;
}

/** The sampled users (ascending) and each one's trace; structured-cloned as it is. */
export interface RecordedSample {
  users: number[];
  traces: Map<number, TraceEntry[]>;
  /** Simulated time from launch to the horizon. */
  horizonMs: number;
}

export type RecordingMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'recorded'; report: SimulationReport; sample: RecordedSample }
  | { type: 'problems'; problems: Problem[] }
  | { type: 'failed'; problem: Problem };

export interface RecordingCallbacks {
  onProgress(done: number, total: number): void;
  onDone(report: SimulationReport, sample: RecordedSample): void;
  onProblems(problems: Problem[]): void;
  /** A worker that died or a fault of ours, as a `simulation-failed` problem. */
  onFailed(problem: Problem): void;
}

/** Starts a recording off the main thread (a Web Worker in the app, a synchronous fake in tests). */
export type RecordingRunner = (request: RecordingRequest, callbacks: RecordingCallbacks) => SimulationRun;

/** Hands a message to the callbacks it stands for (the worker runner and test fakes share it). */
export function deliverRecording(message: RecordingMessage, callbacks: RecordingCallbacks): void {
  if (message.type === 'progress') callbacks.onProgress(message.done, message.total);
  else if (message.type === 'recorded') callbacks.onDone(message.report, message.sample);
  else if (message.type === 'problems') callbacks.onProblems(message.problems);
  else callbacks.onFailed(message.problem);
}
