// A simulation over the page's worker pool: every replication's users are split into as many contiguous
// ranges as the pool has workers (core's splitUsers, as the CLI does), the ranges run wherever a worker is
// free, and one last task adds their counters up and builds the report — the same report for any pool
// size. The page's own thread only passes messages: no checking, simulating or adding up happens on it.
import { MAX_REPLICATIONS, MAX_USERS, splitUsers } from '../../core/sim/engine';
import type { SimulationCallbacks, SimulationRequest, SimulationRunner } from './protocol';
import type { PoolReply } from './poolTask';
import type { WorkerPool } from './workerPool';

/** Progress reaches the page at most this often, however many workers report it. */
export const PROGRESS_EVERY_MS = 50;

let lastRun = 0;

/** Whether the request can be split at all; one that cannot goes straight to the check, which says why. */
function plannable(request: SimulationRequest): boolean {
  const replications = request.replications ?? 1;
  return Number.isInteger(request.users) && request.users >= 1 && request.users <= MAX_USERS && Number.isInteger(replications) && replications >= 1 && replications <= MAX_REPLICATIONS;
}

/** Runs `start` at once (tests); the app waits for the page to draw first (see workerRunner.ts). */
const immediately = (start: () => void) => start();

export function poolRunner(pool: WorkerPool, now: () => number = () => performance.now(), defer: (start: () => void) => void = immediately): SimulationRunner {
  return (request: SimulationRequest, callbacks: SimulationCallbacks) => {
    const run = ++lastRun;
    const replications = request.replications ?? 1;
    const ranges = plannable(request) ? splitUsers(request.users, pool.size) : [];
    const total = ranges.length > 0 ? request.users * replications : 0;
    const parts: Float64Array[][] = Array.from({ length: ranges.length > 0 ? replications : 0 }, () => []);
    const doneByTask = new Map<number, number>();
    let doneUsers = 0;
    let waiting = parts.length * ranges.length;
    let finished = false;
    let lastProgress = -Infinity;

    const finish = () => {
      finished = true;
      pool.cancelRun(run);
    };
    const progress = (task: number, done: number) => {
      doneUsers += done - (doneByTask.get(task) ?? 0);
      doneByTask.set(task, done);
      const time = now();
      if (time - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = time;
      callbacks.onProgress(doneUsers, total);
    };
    /** A refusal or a failure of any task ends the whole run: the other tasks stop at once. */
    const ended = (reply: PoolReply): boolean => {
      if (reply.type === 'problems') {
        finish();
        callbacks.onProblems(reply.problems);
        return true;
      }
      if (reply.type === 'failed') {
        finish();
        callbacks.onFailed(reply.problem);
        return true;
      }
      return false;
    };
    const fail = (problem: Parameters<SimulationCallbacks['onFailed']>[0]) => {
      if (finished) return;
      finish();
      callbacks.onFailed(problem);
    };

    const submitReport = () => {
      const transfer = parts.flatMap((replication) => replication.map((counters) => counters.buffer));
      pool.submit({
        run,
        message: (withRequest) => ({ type: 'report', run, parts, ...(withRequest ? { request } : {}) }),
        transfer,
        onReply: (reply) => {
          if (finished || ended(reply) || reply.type !== 'report') return;
          finished = true;
          callbacks.onProgress(total, total);
          callbacks.onDone(reply.report);
        },
        onFailed: fail,
      });
    };

    callbacks.onProgress(0, total);
    // The ranges go to the workers once the page has drawn the run's start: that drawing (old results
    // taken away) then has a core of its own instead of competing with every worker.
    defer(() => {
      if (finished) return;
      let task = 0;
      parts.forEach((replicationParts, replication) => {
        for (const [start, end] of ranges) {
          const id = task++;
          pool.submit({
            run,
            message: (withRequest) => ({ type: 'range', run, replication, start, end, ...(withRequest ? { request } : {}) }),
            onReply: (reply) => {
              if (finished || ended(reply)) return;
              if (reply.type === 'progress') return progress(id, reply.done);
              if (reply.type !== 'counters') return;
              progress(id, end - start);
              replicationParts.push(reply.counters);
              waiting -= 1;
              if (waiting === 0) submitReport();
            },
            onFailed: fail,
          });
        }
      });
      // Nothing to split (settings out of range): the report task checks the request and says why.
      if (waiting === 0) submitReport();
    });
    return { cancel: () => void (finished || finish()) };
  };
}
