// The Web Worker runner, against a stand-in Worker: one module worker per run, the request posted to
// it, messages routed to the callbacks, and terminate() on cancel, on the result and on an error.
import { workerRunner } from '../../src/app/simulate/workerRunner';
import type { SimulationCallbacks, SimulationRequest } from '../../src/app/simulate/protocol';
import type { SimulationReport } from '../../src/core/sim/engine/report';
import type { Problem } from '../../src/core/journey/problems';
import { FakeWorker, useFakeWorkers } from '../support/fakeWorker';
import { inEnglish, inChinese } from '../support/messages.ts';

const request = { journey: { id: 'j' }, cohort: {}, seed: 1, users: 10 } as unknown as SimulationRequest;

function callbacks() {
  return { onProgress: vi.fn(), onDone: vi.fn(), onProblems: vi.fn(), onFailed: vi.fn() } satisfies SimulationCallbacks;
}

describe('worker runner', () => {
  useFakeWorkers();

  it('starts a module worker per run, posts the request and passes progress and the result on', () => {
    const on = callbacks();
    workerRunner(request, on);
    const [worker] = FakeWorker.made as [FakeWorker];
    expect(worker.options.type).toBe('module');
    expect(String(worker.url)).toMatch(/simulation\.worker/);
    expect(worker.posted).toEqual([request]);
    worker.send({ type: 'progress', done: 5, total: 10 });
    expect(on.onProgress).toHaveBeenCalledWith(5, 10);
    const report = { users: 10 } as SimulationReport;
    worker.send({ type: 'done', report });
    expect(on.onDone).toHaveBeenCalledWith(report);
    expect(worker.terminated).toBe(true);
    workerRunner(request, callbacks());
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('terminates the worker on cancel and ignores anything it still sends', () => {
    const on = callbacks();
    const run = workerRunner(request, on);
    const [worker] = FakeWorker.made as [FakeWorker];
    run.cancel();
    expect(worker.terminated).toBe(true);
    worker.send({ type: 'progress', done: 5, total: 10 });
    worker.send({ type: 'problems', problems: [] });
    expect(on.onProgress).not.toHaveBeenCalled();
    expect(on.onProblems).not.toHaveBeenCalled();
  });

  it('reports problems, and a worker that fails, and stops it', () => {
    const on = callbacks();
    workerRunner(request, on);
    FakeWorker.made[0]!.send({ type: 'problems', problems: [{ code: 'x' }] });
    expect(on.onProblems).toHaveBeenCalledWith([{ code: 'x' }]);
    expect(FakeWorker.made[0]!.terminated).toBe(true);

    const failing = callbacks();
    workerRunner(request, failing);
    FakeWorker.made[1]!.onerror?.({ message: 'Uncaught RangeError: Invalid typed array length: 2.3e+21', preventDefault: () => {} } as ErrorEvent);
    // Not the raw message: a problem with a code and a sentence in both languages, the detail kept in it.
    const [failure] = failing.onFailed.mock.calls[0]! as [Problem];
    expect(failure.code).toBe('simulation-failed');
    expect(inEnglish(failure.message)).toMatch(/^The simulation stopped unexpectedly \(Uncaught RangeError: Invalid typed array length: 2\.3e\+21\)\./);
    expect(inChinese(failure.message)).toMatch(/^模拟意外中止/);
    expect(FakeWorker.made[1]!.terminated).toBe(true);
  });

  it('reports a worker that sends an unreadable message, or cannot even start, as a simulation-failed problem', async () => {
    const unreadable = callbacks();
    workerRunner(request, unreadable);
    FakeWorker.made[0]!.onmessageerror?.();
    expect((unreadable.onFailed.mock.calls[0]![0] as Problem).code).toBe('simulation-failed');
    expect(FakeWorker.made[0]!.terminated).toBe(true);

    const refused = callbacks();
    vi.stubGlobal('Worker', function Refused() {
      throw new Error('module workers are not allowed');
    });
    workerRunner(request, refused);
    await Promise.resolve();
    const [failure] = refused.onFailed.mock.calls[0]! as [Problem];
    expect(failure.code).toBe('simulation-failed');
    expect(inEnglish(failure.message)).toContain('module workers are not allowed');
  });
});
