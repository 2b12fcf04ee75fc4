// A stand-in for the browser's Worker: it records what it is made with and posted, and the test says
// what the worker answers. `useFakeWorkers` puts it in place of Worker around each test of a suite.

export class FakeWorker {
  /** Every worker made since the suite's last test began, in order. */
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
  /** The worker posts `data` back, after the structured clone every message goes through. */
  send(data: unknown) {
    this.onmessage?.({ data: structuredClone(data) } as MessageEvent);
  }
}

/** Replaces Worker with FakeWorker for every test of the calling suite. */
export function useFakeWorkers(): void {
  beforeEach(() => {
    FakeWorker.made = [];
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => vi.unstubAllGlobals());
}
