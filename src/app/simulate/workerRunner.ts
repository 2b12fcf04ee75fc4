import { createWorkerPool, poolSize, POOL_SIZE_STORAGE_KEY, type PoolWorker, type WorkerPool } from './workerPool';
import { poolRunner } from './poolRunner';
import type { SimulationRunner } from './protocol';

let pagePool: WorkerPool | null = null;

/** What the page may ask for (the benchmark runs with one worker and with all); unreadable storage asks nothing. */
function askedSize(): string | null {
  try {
    return localStorage.getItem(POOL_SIZE_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The page's one pool, made on the first run: one worker per core (navigator.hardwareConcurrency). */
function sharedPool(): WorkerPool {
  pagePool ??= createWorkerPool(
    poolSize(navigator.hardwareConcurrency, askedSize()),
    // Vite bundles a worker only from a literal `new Worker(new URL(…))`.
    () => new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module', name: 'journey-lab-simulation' }) as PoolWorker,
  );
  return pagePool;
}

/**
 * Runs each simulation over the page's pool of Web Workers, so the page's thread does none of the work
 * and every core does its share; cancel terminates the workers busy with the run, which stops it at once.
 */
/**
 * After the next frame has been drawn (a task queued from requestAnimationFrame runs after the paint), or
 * after 100 ms at most: a hidden tab draws no frames, and its run must not wait for it to be shown.
 */
const afterNextPaint = (start: () => void) => {
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    start();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 100);
};

export const workerRunner: SimulationRunner = Object.assign((request: Parameters<SimulationRunner>[0], callbacks: Parameters<SimulationRunner>[1]) => poolRunner(sharedPool(), undefined, afterNextPaint)(request, callbacks), {
  warm: () => sharedPool().warm(),
});
