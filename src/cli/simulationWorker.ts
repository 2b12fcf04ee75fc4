// One worker_thread of `journey-lab simulate --workers K` (and the benchmark): it runs the ranges it is
// posted and answers with their counters, reporting progress on the way.
import { parentPort } from 'node:worker_threads';
import { runTask, SimulationError, type RangeTask } from '../core/sim/engine/simulate';
import { errorDetail } from '../core/sim/runFailure';
import type { WorkerReply } from './workerPool';

const port = parentPort!;
port.on('message', (task: RangeTask) => {
  const reply = (message: WorkerReply) => port.postMessage(message);
  try {
    const counters = runTask(task, { onProgress: (done) => reply({ type: 'progress', done }) });
    port.postMessage({ type: 'done', counters } satisfies WorkerReply, [counters.buffer as ArrayBuffer]);
  } catch (error) {
    reply({
      type: 'error',
      // The name too (RangeError: …), so that the problem the pool makes of it says what failed.
      message: errorDetail(error),
      problems: error instanceof SimulationError ? error.problems : null,
    });
  }
});
