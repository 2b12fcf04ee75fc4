// One worker_thread of `journey-lab simulate --workers K` (and the benchmark): it runs the ranges it is
// posted and answers with their counters, reporting progress on the way. A range that fails is
// answered with its problems, and the worker takes the next one.
import { parentPort } from 'node:worker_threads';
import { problemsOfFailure, runTask, type RangeTask } from '../core/sim/engine';
import type { WorkerReply } from './workerPool';

const port = parentPort!;
// What the worker trusts: its parent port is a private channel to the process that started it, and
// that process (the pool of simulateChecked) posts only ranges of a run that passed checkSimulation
// there. A structured clone copies the checked documents as they are, so the worker takes the task as
// checked (the brands are types only) and never checks it again — checking here would repeat the
// parent's verdict for every range of every replication.
port.on('message', (task: RangeTask) => {
  const reply = (message: WorkerReply) => port.postMessage(message);
  try {
    const counters = runTask(task, { onProgress: (done) => reply({ type: 'progress', done }) });
    port.postMessage({ type: 'done', counters } satisfies WorkerReply, [counters.buffer as ArrayBuffer]);
  } catch (error) {
    reply({ type: 'error', problems: problemsOfFailure(error) });
  }
});
