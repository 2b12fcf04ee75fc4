// The app's runner over the page's worker pool, against stand-in Workers: module workers of the
// simulation worker script, one per core (or as many as the page asked for), a run's ranges posted to
// them once the page has drawn, messages routed to the callbacks, every busy worker terminated on
// cancel, and a worker that fails, sends something unreadable or cannot start said as a problem.
import type { SimulationCallbacks, SimulationRequest, SimulationRunner } from '../../src/app/simulate/protocol';
import type { PoolTask } from '../../src/app/simulate/poolTask';
import { POOL_SIZE_STORAGE_KEY } from '../../src/app/simulate/workerPool';
import type { SimulationReport } from '../../src/core/sim/engine/report';
import type { Problem } from '../../src/core/journey/problems';
import { simulationFailed } from '../../src/core/sim/engine';
import { FakeWorker, useFakeWorkers } from '../support/fakeWorker';
import { inEnglish } from '../support/messages.ts';

const request = { journey: { id: 'j' }, cohort: {}, seed: 1, users: 10 } as unknown as SimulationRequest;

function callbacks() {
  return { onProgress: vi.fn(), onDone: vi.fn(), onProblems: vi.fn(), onFailed: vi.fn() } satisfies SimulationCallbacks;
}

/** The runner with a pool of its own (the pool is made once per page: here, once per test). */
async function freshRunner(workers: number): Promise<SimulationRunner> {
  localStorage.setItem(POOL_SIZE_STORAGE_KEY, String(workers));
  vi.stubGlobal('navigator', { ...navigator, hardwareConcurrency: 8 });
  vi.resetModules();
  return (await import('../../src/app/simulate/workerRunner')).workerRunner;
}

/** Until the ranges have gone out (after the next frame, or 100 ms at most). */
const posted = () => new Promise((done) => setTimeout(done, 120));

describe('worker runner', () => {
  useFakeWorkers();
  afterEach(() => localStorage.clear());

  it('splits a run over module workers of the simulation script and passes progress and the result on', async () => {
    const workerRunner = await freshRunner(2);
    const on = callbacks();
    workerRunner(request, on);
    await posted();
    expect(FakeWorker.made).toHaveLength(2);
    for (const worker of FakeWorker.made) {
      expect(worker.options.type).toBe('module');
      expect(String(worker.url)).toMatch(/simulation\.worker/);
    }
    const tasks = FakeWorker.made.map((worker) => worker.posted[0] as PoolTask);
    expect(tasks.map((task) => task.type === 'range' && [task.start, task.end])).toEqual([
      [0, 5],
      [5, 10],
    ]);
    expect(tasks.every((task) => task.request === request)).toBe(true);
    FakeWorker.made[0]!.send({ type: 'progress', done: 3 });
    await new Promise((done) => setTimeout(done, 60));
    FakeWorker.made[1]!.send({ type: 'progress', done: 4 });
    expect(on.onProgress).toHaveBeenLastCalledWith(7, 10);
    FakeWorker.made[0]!.send({ type: 'counters', counters: new Float64Array([1]) });
    FakeWorker.made[1]!.send({ type: 'counters', counters: new Float64Array([2]) });
    // The report is one more task, with every range's counters.
    const reportTask = FakeWorker.made.flatMap((worker) => worker.posted as PoolTask[]).find((task) => task.type === 'report');
    expect(reportTask?.type === 'report' && reportTask.parts[0]!.map((part) => part[0]).sort()).toEqual([1, 2]);
    const reporter = FakeWorker.made.find((worker) => (worker.posted as PoolTask[]).some((task) => task.type === 'report'))!;
    const report = { users: 10 } as SimulationReport;
    reporter.send({ type: 'report', report });
    expect(on.onDone).toHaveBeenCalledWith(report);
    // The workers stay for the next run.
    expect(FakeWorker.made.some((worker) => worker.terminated)).toBe(false);
  });

  it('terminates every worker busy with the run on cancel and ignores anything they still send', async () => {
    const workerRunner = await freshRunner(3);
    const on = callbacks();
    const run = workerRunner(request, on);
    await posted();
    expect(FakeWorker.made).toHaveLength(3);
    run.cancel();
    expect(FakeWorker.made.every((worker) => worker.terminated)).toBe(true);
    FakeWorker.made[0]!.send({ type: 'progress', done: 2 });
    FakeWorker.made[1]!.send({ type: 'problems', problems: [] });
    expect(on.onProgress).toHaveBeenCalledTimes(1); // the 0 of 10 said when the run began
    expect(on.onProblems).not.toHaveBeenCalled();
  });

  it('a run cancelled before it reached the workers posts nothing', async () => {
    const workerRunner = await freshRunner(2);
    const run = workerRunner(request, callbacks());
    run.cancel();
    await posted();
    expect(FakeWorker.made.flatMap((worker) => worker.posted)).toEqual([]);
  });

  it('reports problems once, and a worker that fails, stopping the others', async () => {
    const workerRunner = await freshRunner(2);
    const on = callbacks();
    workerRunner(request, on);
    await posted();
    FakeWorker.made[0]!.send({ type: 'problems', problems: [{ code: 'x' }] });
    FakeWorker.made[1]!.send({ type: 'problems', problems: [{ code: 'x' }] });
    expect(on.onProblems).toHaveBeenCalledTimes(1);
    expect(on.onProblems).toHaveBeenCalledWith([{ code: 'x' }]);
    expect(FakeWorker.made[1]!.terminated).toBe(true);

    const failing = callbacks();
    workerRunner(request, failing);
    await posted();
    const busy = FakeWorker.made.filter((worker) => !worker.terminated && worker.posted.length > 0);
    busy[0]!.onerror?.({ message: 'Uncaught RangeError: Invalid typed array length: 2.3e+21', preventDefault: () => {} } as ErrorEvent);
    // Not the raw message: a problem with a code and a sentence in both languages, the detail kept in it.
    const [failure] = failing.onFailed.mock.calls[0]! as [Problem];
    expect(failure.code).toBe('simulation-failed');
    expect(inEnglish(failure.message)).toMatch(/^The simulation stopped unexpectedly \(Uncaught RangeError: Invalid typed array length: 2\.3e\+21\)\./);
    // The same problem as any other simulation-failed one, so it is said in Chinese too (test/app/simulate.test.tsx).
    expect(failure.message.key).toBe(simulationFailed(new Error('x')).message.key);
    expect(busy[0]!.terminated).toBe(true);
  });

  it('reports a worker that sends an unreadable message, or cannot even start, as a simulation-failed problem', async () => {
    let workerRunner = await freshRunner(1);
    const unreadable = callbacks();
    workerRunner(request, unreadable);
    await posted();
    FakeWorker.made[0]!.onmessageerror?.();
    expect((unreadable.onFailed.mock.calls[0]![0] as Problem).code).toBe('simulation-failed');
    expect(FakeWorker.made[0]!.terminated).toBe(true);

    workerRunner = await freshRunner(1);
    const refused = callbacks();
    vi.stubGlobal('Worker', function Refused() {
      throw new Error('module workers are not allowed');
    });
    workerRunner(request, refused);
    await posted();
    const [failure] = refused.onFailed.mock.calls[0]! as [Problem];
    expect(failure.code).toBe('simulation-failed');
    expect(inEnglish(failure.message)).toContain('module workers are not allowed');
  });
});
