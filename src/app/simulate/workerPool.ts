// The page's pool of simulation workers: up to one Web Worker per core the browser reports (capped at
// MAX_POOL_WORKERS), shared by every simulation, sensitivity study and challenge check of the page. Tasks
// wait in one queue, first come first served; a worker takes the next task when it answers the last.
// Cancelling a run drops its waiting tasks and terminates the workers busy with it, which stops them at
// once wherever they are; the pool starts fresh ones for whatever else waits. Workers left idle for a
// while are let go, so a page that simulated once does not keep sixteen threads' memory.
import type { Problem } from '../../core/journey';
import { workerFailure } from './failure';
import type { PoolReply, PoolTask } from './poolTask';

/** More workers than this gain little (the machine's memory bandwidth) and cost memory. */
export const MAX_POOL_WORKERS = 16;
/** An idle worker is terminated after this long. */
export const IDLE_WORKER_MS = 30_000;
/** Where a page (or the benchmark) may ask for fewer workers than cores. */
export const POOL_SIZE_STORAGE_KEY = 'journey-lab.simulationWorkers';

/** What the pool needs of a worker (a Web Worker; tests hand in stand-ins). */
export interface PoolWorker {
  postMessage(message: PoolTask, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<PoolReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export interface QueuedTask {
  run: number;
  /** The task, with its run's request when the worker taking it has not seen that run yet. */
  message(withRequest: boolean): PoolTask;
  transfer?: Transferable[];
  /** Every reply, in order; the task ends with any reply but progress. */
  onReply(reply: PoolReply): void;
  /** The worker died, could not start or sent something unreadable: no reply will come. */
  onFailed(problem: Problem): void;
}

export interface WorkerPool {
  /** The number of workers the pool runs at most: a run is split into this many ranges. */
  readonly size: number;
  submit(task: QueuedTask): void;
  /** Drops the run's waiting tasks and stops the workers busy with it; no callback of it is called after. */
  cancelRun(run: number): void;
  /** Starts every worker the pool may have now, idle (they are let go again after IDLE_WORKER_MS). */
  warm(): void;
}

interface Slot {
  worker: PoolWorker;
  task: QueuedTask | null;
  /** The run whose request this worker keeps. */
  knownRun: number | null;
  idleTimer: ReturnType<typeof setTimeout> | null;
}

/** The pool's size for this browser: its cores, at most MAX_POOL_WORKERS, or fewer where the page asked. */
export function poolSize(cores: number | undefined, asked: string | null): number {
  const available = Math.min(MAX_POOL_WORKERS, Math.max(1, Math.floor(cores ?? 1) || 1));
  const wanted = asked === null ? NaN : Number(asked);
  return Number.isInteger(wanted) && wanted >= 1 ? Math.min(wanted, available) : available;
}

export function createWorkerPool(size: number, startWorker: () => PoolWorker, idleMs = IDLE_WORKER_MS): WorkerPool {
  const slots = new Set<Slot>();
  const queue: QueuedTask[] = [];

  const retire = (slot: Slot) => {
    slots.delete(slot);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.worker.onmessage = slot.worker.onerror = slot.worker.onmessageerror = null;
    slot.worker.terminate();
  };

  const finishTask = (slot: Slot) => {
    slot.task = null;
    dispatch();
  };

  const failSlot = (slot: Slot, detail: string) => {
    const task = slot.task;
    retire(slot);
    task?.onFailed(workerFailure(detail));
    dispatch();
  };

  const spawn = (): Slot | null => {
    let worker: PoolWorker;
    try {
      worker = startWorker();
    } catch (error) {
      // E.g. a browser that refuses module workers: every waiting task fails with the reason.
      const problem = workerFailure(error instanceof Error ? error.message : String(error));
      if (slots.size === 0) for (const task of queue.splice(0)) queueMicrotask(() => task.onFailed(problem));
      return null;
    }
    const slot: Slot = { worker, task: null, knownRun: null, idleTimer: null };
    worker.onmessage = (event) => {
      const task = slot.task;
      if (!task) return;
      if (event.data.type !== 'progress') finishTask(slot);
      task.onReply(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      // The browser's own words (e.g. "Uncaught RangeError: …") are kept as the detail of the problem.
      failSlot(slot, event.message || 'the worker stopped');
    };
    worker.onmessageerror = () => failSlot(slot, 'a message from the worker could not be read');
    slots.add(slot);
    return slot;
  };

  const idle = (slot: Slot) => {
    slot.idleTimer = setTimeout(() => {
      if (!slot.task) retire(slot);
    }, idleMs);
  };

  const give = (slot: Slot, task: QueuedTask) => {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    slot.task = task;
    const withRequest = slot.knownRun !== task.run;
    slot.knownRun = task.run;
    try {
      slot.worker.postMessage(task.message(withRequest), task.transfer ?? []);
    } catch (error) {
      // A task that cannot be copied to the worker (DataCloneError): the worker itself is fine.
      slot.task = null;
      slot.knownRun = null;
      queueMicrotask(() => task.onFailed(workerFailure(error instanceof Error ? error.message : String(error))));
    }
  };

  function dispatch(): void {
    while (queue.length > 0) {
      const task = queue[0]!;
      // A worker that already keeps this run's request is best: nothing large is sent again.
      let free: Slot | null = null;
      for (const slot of slots) if (!slot.task && (!free || slot.knownRun === task.run)) free = slot;
      if (!free && slots.size < size) free = spawn();
      if (!free) break;
      queue.shift();
      give(free, task);
    }
    for (const slot of slots) if (!slot.task && !slot.idleTimer) idle(slot);
  }

  return {
    size,
    submit(task) {
      queue.push(task);
      dispatch();
    },
    warm() {
      for (let count = slots.size; count < size; count++) if (!spawn()) break;
      dispatch();
    },
    cancelRun(run) {
      for (let index = queue.length - 1; index >= 0; index--) if (queue[index]!.run === run) queue.splice(index, 1);
      for (const slot of [...slots]) if (slot.task?.run === run) retire(slot);
      dispatch();
    },
  };
}
