// The Web Worker runner, against a stand-in Worker: one module worker per run, the request posted to
// it, messages routed to the callbacks, and terminate() on cancel, on the result and on an error.
import { workerRunner } from '../../src/app/simulate/workerRunner';
import type { SimulationCallbacks, SimulationRequest } from '../../src/app/simulate/protocol';
import type { SimulationReport } from '../../src/core/sim/engine/report';

class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  posted: unknown[] = [];
  terminated = false;
  constructor(
    readonly url: URL | string,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.made.push(this);
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  send(data: unknown) {
    this.onmessage?.({ data } as MessageEvent);
  }
}

const request = { journey: { id: 'j' }, cohort: {}, seed: 1, users: 10 } as unknown as SimulationRequest;

function callbacks() {
  return { onProgress: vi.fn(), onDone: vi.fn(), onProblems: vi.fn(), onFailed: vi.fn() } satisfies SimulationCallbacks;
}

describe('worker runner', () => {
  beforeEach(() => {
    FakeWorker.made = [];
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => vi.unstubAllGlobals());

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
    FakeWorker.made[1]!.onerror?.({ message: 'boom', preventDefault: () => {} } as ErrorEvent);
    expect(failing.onFailed).toHaveBeenCalledWith('boom');
    expect(FakeWorker.made[1]!.terminated).toBe(true);
  });
});
