// The page's simulation pool, with stand-in workers that run the real worker task (poolTask.ts) in this
// thread, one message at a time and asynchronously as a Web Worker would: a run split over any number
// of workers gives the report of one single run; cancel stops every worker busy with it at once; a
// refusal or a crash of one range ends the run once; the run's request travels once per worker.
import { runSimulationJob } from '../../src/app/simulate/simulationJob';
import type { SimulationCallbacks, SimulationMessage, SimulationRequest } from '../../src/app/simulate/protocol';
import { poolRunner } from '../../src/app/simulate/poolRunner';
import { runPoolTask, type PoolReply, type PoolTask, type PoolWorkerMemory } from '../../src/app/simulate/poolTask';
import { createWorkerPool, MAX_POOL_WORKERS, poolSize, type PoolWorker } from '../../src/app/simulate/workerPool';
import type { Problem } from '../../src/core/journey';
import type { SimulationReport } from '../../src/core/sim/engine';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { cohortPresets } from '../../src/core/cohort/presets';

const journey = (id: string) => checkJourney(instantiateTemplate(getTemplate(id)!, 'en')).document as JourneyDocument;
const cohort = cohortPresets[0]!.spec;

/** A worker stand-in: runs each task on a later turn, unless it was terminated (or `hold` keeps it busy). */
class StandInWorker implements PoolWorker {
  onmessage: ((event: MessageEvent<PoolReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  readonly tasks: PoolTask[] = [];
  private memory: PoolWorkerMemory | null = null;
  constructor(private readonly behaviour: { hold?: boolean; crashOn?: (task: PoolTask) => boolean } = {}) {}
  postMessage(task: PoolTask): void {
    this.tasks.push(task);
    if (this.behaviour.hold) return;
    setTimeout(() => {
      if (this.terminated) return;
      if (this.behaviour.crashOn?.(task)) {
        this.onerror?.({ message: 'Uncaught RangeError: out of memory', preventDefault() {} } as ErrorEvent);
        return;
      }
      this.memory = runPoolTask(task, (reply) => this.reply(reply), this.memory, { progressEveryUsers: 250, progressIntervalMs: 0 });
    }, 0);
  }
  private reply(reply: PoolReply) {
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: reply } as MessageEvent<PoolReply>);
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** A pool of stand-ins, with every worker it started. */
function standInPool(size: number, behaviour: ConstructorParameters<typeof StandInWorker>[0] = {}, idleMs?: number) {
  const workers: StandInWorker[] = [];
  const pool = createWorkerPool(
    size,
    () => {
      const worker = new StandInWorker(behaviour);
      workers.push(worker);
      return worker;
    },
    idleMs,
  );
  return { pool, workers };
}

interface Outcome {
  progress: [number, number][];
  report?: SimulationReport;
  problems?: Problem[];
  failed?: Problem;
  calls: number;
}

function watch(): { callbacks: SimulationCallbacks; outcome: Outcome; settled: Promise<void> } {
  const outcome: Outcome = { progress: [], calls: 0 };
  let resolve!: () => void;
  const settled = new Promise<void>((done) => (resolve = done));
  const end = () => {
    outcome.calls += 1;
    resolve();
  };
  return {
    outcome,
    settled,
    callbacks: {
      onProgress: (done, total) => outcome.progress.push([done, total]),
      onDone: (report) => ((outcome.report = report), end()),
      onProblems: (problems) => ((outcome.problems = problems), end()),
      onFailed: (problem) => ((outcome.failed = problem), end()),
    },
  };
}

/** The report of the same request run whole, by the single-worker job. */
function wholeReport(request: SimulationRequest): SimulationReport {
  let report: SimulationReport | undefined;
  runSimulationJob(request, (message: SimulationMessage) => {
    if (message.type === 'done') report = message.report;
  });
  return report!;
}

const ticks = (count: number) => Array.from({ length: count }).reduce<Promise<void>>((previous) => previous.then(() => new Promise((done) => setTimeout(done, 0))), Promise.resolve());

describe('the simulation worker pool', () => {
  const request: SimulationRequest = { journey: journey('churn-win-back'), cohort, seed: 11, users: 1_237, replications: 2 };
  const whole = wholeReport(request);

  it.each([1, 2, 3, 5])('gives the one-run report with %i workers, users split into contiguous ranges', async (size) => {
    const { pool, workers } = standInPool(size);
    const { callbacks, outcome, settled } = watch();
    poolRunner(pool, () => 0)(request, callbacks);
    await settled;
    expect(outcome.problems).toBeUndefined();
    expect(outcome.failed).toBeUndefined();
    expect(outcome.report).toEqual(whole);
    expect(outcome.calls).toBe(1);
    expect(workers.length).toBe(size);
    const ranges = workers.flatMap((worker) => worker.tasks.flatMap((task) => (task.type === 'range' && task.replication === 0 ? [[task.start, task.end]] : []))).sort((a, b) => a[0]! - b[0]!);
    expect(ranges.length).toBe(size);
    expect(ranges[0]![0]).toBe(0);
    expect(ranges.at(-1)![1]).toBe(1_237);
    for (let index = 1; index < ranges.length; index++) expect(ranges[index]![0]).toBe(ranges[index - 1]![1]);
  });

  it('reports progress that only grows and ends at every user of every replication', async () => {
    const pool = createWorkerPool(3, () => new StandInWorker());
    const { callbacks, outcome, settled } = watch();
    let clock = 0;
    poolRunner(pool, () => (clock += 100))(request, callbacks);
    await settled;
    const done = outcome.progress.map(([count]) => count);
    expect(done[0]).toBe(0);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(outcome.progress.at(-1)).toEqual([2 * 1_237, 2 * 1_237]);
    expect(outcome.progress.length).toBeGreaterThan(3);
  });

  it('sends the run’s journey and cohort once to each worker, not with every range', async () => {
    const { pool, workers } = standInPool(2);
    const { callbacks, settled } = watch();
    poolRunner(pool, () => 0)({ ...request, replications: 4 }, callbacks);
    await settled;
    for (const worker of workers) {
      expect(worker.tasks.length).toBeGreaterThan(1);
      expect(worker.tasks.filter((task) => task.request !== undefined)).toHaveLength(1);
      expect(worker.tasks[0]!.request).toBeDefined();
    }
  });

  it('cancel stops every worker busy with the run at once and calls nothing after', async () => {
    const { pool, workers } = standInPool(4, { hold: true });
    const { callbacks, outcome } = watch();
    const run = poolRunner(pool, () => 0)(request, callbacks);
    expect(workers).toHaveLength(4);
    expect(workers.every((worker) => worker.tasks.length === 1)).toBe(true);
    run.cancel();
    expect(workers.every((worker) => worker.terminated)).toBe(true);
    await ticks(5);
    expect(outcome.calls).toBe(0);
    // The ranges still waiting were dropped: no new worker was started for them.
    expect(workers).toHaveLength(4);
  });

  it('a refused request ends the run once, with the problems, and stops the other workers', async () => {
    const { pool, workers } = standInPool(3);
    const { callbacks, outcome, settled } = watch();
    const bad = { ...request, seed: -4 };
    poolRunner(pool, () => 0)(bad, callbacks);
    await settled;
    await ticks(5);
    expect(outcome.calls).toBe(1);
    expect(outcome.problems?.map((problem) => problem.code)).toContain('simulation-settings');
    expect(outcome.report).toBeUndefined();
    // The first refusal ended the run: every worker still busy with it was stopped (the one that answered
    // had already taken the run's next range, so all three).
    expect(workers.every((worker) => worker.terminated)).toBe(true);
  });

  it('settings out of range are checked without splitting anything', async () => {
    const { pool, workers } = standInPool(3);
    const { callbacks, outcome, settled } = watch();
    poolRunner(pool, () => 0)({ ...request, replications: 1e9 }, callbacks);
    await settled;
    expect(outcome.problems?.map((problem) => problem.code)).toEqual(['simulation-settings']);
    expect(workers.flatMap((worker) => worker.tasks).map((task) => task.type)).toEqual(['report']);
  });

  it('a worker that dies fails the run as simulation-failed with the browser’s words, and the pool goes on', async () => {
    let started = 0;
    const pool = createWorkerPool(2, () => new StandInWorker({ crashOn: (task) => started++ === 0 && task.type === 'range' }));
    const first = watch();
    poolRunner(pool, () => 0)(request, first.callbacks);
    await first.settled;
    await ticks(5);
    expect(first.outcome.calls).toBe(1);
    expect(first.outcome.failed?.code).toBe('simulation-failed');
    expect(JSON.stringify(first.outcome.failed)).toContain('out of memory');
    const second = watch();
    poolRunner(pool, () => 0)(request, second.callbacks);
    await second.settled;
    expect(second.outcome.report).toEqual(whole);
  });

  it('runs several runs side by side on one pool, each with its own report', async () => {
    const pool = createWorkerPool(3, () => new StandInWorker());
    const other: SimulationRequest = { ...request, seed: 12, replications: 1 };
    const runs = [watch(), watch(), watch()];
    poolRunner(pool, () => 0)(request, runs[0]!.callbacks);
    poolRunner(pool, () => 0)(other, runs[1]!.callbacks);
    poolRunner(pool, () => 0)(request, runs[2]!.callbacks);
    await Promise.all(runs.map((run) => run.settled));
    expect(runs[0]!.outcome.report).toEqual(whole);
    expect(runs[1]!.outcome.report).toEqual(wholeReport(other));
    expect(runs[2]!.outcome.report).toEqual(whole);
  });

  it('warm starts the workers before a run, and the run uses them', async () => {
    const { pool, workers } = standInPool(3);
    pool.warm();
    expect(workers).toHaveLength(3);
    expect(workers.every((worker) => worker.tasks.length === 0 && !worker.terminated)).toBe(true);
    const { callbacks, outcome, settled } = watch();
    poolRunner(pool, () => 0)(request, callbacks);
    await settled;
    expect(outcome.report).toEqual(whole);
    expect(workers).toHaveLength(3);
    expect(workers.every((worker) => worker.tasks.length > 0)).toBe(true);
  });

  it('lets idle workers go after a while', async () => {
    const { pool, workers } = standInPool(2, {}, 5);
    const { callbacks, settled } = watch();
    poolRunner(pool, () => 0)({ ...request, replications: 1 }, callbacks);
    await settled;
    await new Promise((done) => setTimeout(done, 30));
    expect(workers.length).toBeGreaterThan(0);
    expect(workers.every((worker) => worker.terminated)).toBe(true);
  });
});

describe('the pool’s size', () => {
  it('is one worker per core, at most sixteen, or fewer where the page asked', () => {
    expect(poolSize(8, null)).toBe(8);
    expect(poolSize(64, null)).toBe(MAX_POOL_WORKERS);
    expect(poolSize(undefined, null)).toBe(1);
    expect(poolSize(0, null)).toBe(1);
    expect(poolSize(8, '1')).toBe(1);
    expect(poolSize(8, '32')).toBe(8);
    expect(poolSize(8, 'all')).toBe(8);
    expect(poolSize(8, '0')).toBe(8);
  });
});
