// A run that fails for a reason that is not the input's (a worker crash, running out of memory, a
// fault of ours) reaches the user as the problem `simulation-failed`, in their language, exit 2 — never
// as a raw message such as "Invalid typed array length".
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createWorkerPool, POOL_CLOSED } from '../../src/cli/workerPool';
import { checkSimulation, SimulationError, type RangeTask } from '../../src/core/sim/engine/simulate';
import type * as Engine from '../../src/core/sim/engine/simulate';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { getTemplate } from '../../src/core/templates/index';
import { runCli } from '../support/cliRun';
import { withText } from '../support/messages';

const failure = vi.hoisted(() => ({ error: null as unknown }));
vi.mock('../../src/core/sim/engine/simulate', async (importOriginal) => {
  const original = await importOriginal<typeof Engine>();
  return {
    ...original,
    simulateChecked: (...args: Parameters<typeof original.simulateChecked>) => (failure.error ? Promise.reject(failure.error) : original.simulateChecked(...args)),
  };
});
afterEach(() => {
  failure.error = null;
});

const journey = instantiateTemplate(getTemplate('cart-abandonment')!, 'en');

const run = (args: string[]) => runCli(args, { 'cart.json': JSON.stringify(journey) });

describe('journey-lab simulate when the run itself fails', () => {
  it('prints simulation-failed with a sentence in the user’s language and exits 2', async () => {
    failure.error = new RangeError('Invalid typed array length: 2.3e+21');
    const english = await run(['simulate', 'cart.json', '--users', '100']);
    expect(english).toMatchObject({ code: 2, stdout: '' });
    expect(english.stderr).toBe(
      'The simulation stopped:\nERROR simulation-failed (document): The simulation stopped unexpectedly (RangeError: Invalid typed array length: 2.3e+21). This is not a problem of the journey: try fewer users or workers, and report it if it happens again.\n',
    );
    const chinese = await run(['simulate', 'cart.json', '--users', '100', '--lang', 'zh-CN']);
    expect(chinese.code).toBe(2);
    expect(chinese.stderr).toContain('ERROR simulation-failed （文件）: 模拟意外中止（RangeError: Invalid typed array length: 2.3e+21）。');
  });

  it('keeps a failure that is not even an Error to one line', async () => {
    failure.error = { toString: () => 'odd\n\u001b[31mthing' };
    const result = await run(['simulate', 'cart.json', '--users', '100']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')).toHaveLength(3);
    expect(result.stderr).toContain('(odd \\u001b[31mthing)');
  });
});

/** The problems a range failed with; it must fail with a SimulationError, never a raw error. */
async function failedWith(promise: Promise<unknown>) {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SimulationError);
  return (error as SimulationError).problems;
}

describe('the worker pool', () => {
  const checked = checkSimulation({ journey, cohort: ecommercePreset.spec, users: 100 });
  if (!checked.ok) throw new Error('the template does not simulate');
  const task: RangeTask = { ...checked.checked, seed: 1, start: 0, end: 100 };

  it('turns what breaks in a range into simulation-failed, and the same worker runs the next one', async () => {
    let started = 0;
    const pool = createWorkerPool(1, () => (started++, new Worker(pathToFileURL('src/cli/simulationWorker.mjs'))));
    try {
      // A task that cannot be posted at all (the worker is fine and is kept).
      const unclonable = await failedWith(pool.runner({ ...task, onProgress: () => {} } as unknown as RangeTask, () => {}));
      expect(unclonable.map(withText)).toMatchObject([{ code: 'simulation-failed', message: { en: expect.stringContaining('could not be cloned') } }]);
      // An exception inside the worker that is no problem of the run: the raw message becomes a sentence.
      const thrown = await failedWith(pool.runner({ ...task, cohort: { ...task.cohort, segments: null } } as unknown as RangeTask, () => {}));
      expect(thrown.map(withText)).toMatchObject([{ code: 'simulation-failed', severity: 'error', message: { en: expect.stringMatching(/^The simulation stopped unexpectedly \(TypeError: /), 'zh-CN': expect.stringMatching(/^模拟意外中止/) } }]);
      // The worker caught it and answered: it is still the one that runs the next range.
      expect((await pool.runner(task, () => {})).length).toBeGreaterThan(0);
      expect(started).toBe(1);
    } finally {
      await pool.close();
    }
  }, 60_000); // a cold start of a tsx worker on a busy two-core machine
});

/**
 * Stand-in workers (plain JavaScript, started in milliseconds): each answers a posted range the way
 * its `behaviour` says. `start` counts the workers started and throws once `failAfter` have been.
 */
describe('the worker pool, with stand-in workers', () => {
  const range = { start: 0, end: 1 } as unknown as RangeTask;
  const answers = {
    done: "postMessage({ type: 'done', counters: new Float64Array([1]) })",
    problems: "postMessage({ type: 'error', problems: [{ severity: 'error', code: 'simulation-step-budget', message: { en: 'loops', 'zh-CN': '循环' }, location: { path: [] } }] })",
    crash: "throw new RangeError('Invalid typed array length')",
    silence: '',
  };
  type Behaviour = keyof typeof answers;
  function stubs(behaviours: Behaviour[], failAfter = Infinity) {
    let started = 0;
    const start = () => {
      if (started >= failAfter) throw new Error('Too many threads');
      // Each worker answers its ranges in turn, the last behaviour for every range after.
      const script = `const { parentPort } = require('node:worker_threads');
        const answers = [${behaviours.map((behaviour) => `() => { ${answers[behaviour].replace('postMessage', 'parentPort.postMessage')}; }`).join(', ')}];
        let turn = 0;
        parentPort.on('message', () => answers[Math.min(turn++, answers.length - 1)]());`;
      started++;
      return new Worker(script, { eval: true });
    };
    return { start, started: () => started };
  }

  it('passes on the problems a worker answers with, and keeps that worker', async () => {
    const workers = stubs(['problems', 'done']);
    const pool = createWorkerPool(1, workers.start);
    try {
      expect((await failedWith(pool.runner(range, () => {}))).map(withText)).toMatchObject([{ code: 'simulation-step-budget' }]);
      expect([...(await pool.runner(range, () => {}))]).toEqual([1]);
      expect(workers.started()).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('replaces a worker that crashed', async () => {
    const workers = stubs(['crash', 'done']);
    const pool = createWorkerPool(1, workers.start);
    try {
      expect((await failedWith(pool.runner(range, () => {}))).map(withText)).toMatchObject([{ code: 'simulation-failed', message: { en: expect.stringContaining('RangeError: Invalid typed array length') } }]);
      // The fresh worker starts with its first behaviour again: crash, and then another fresh one.
      expect((await failedWith(pool.runner(range, () => {}))).map(withText)).toMatchObject([{ code: 'simulation-failed' }]);
      expect(workers.started()).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('fails everyone waiting with simulation-failed when no fresh worker can be started', async () => {
    const workers = stubs(['crash'], 1);
    const pool = createWorkerPool(1, workers.start);
    try {
      const results = await Promise.allSettled([0, 1, 2].map(() => pool.runner(range, () => {})));
      expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
      const reasons = results.map((result) => (result as PromiseRejectedResult).reason as SimulationError);
      expect(reasons[0]!.problems.map(withText)).toMatchObject([{ code: 'simulation-failed', message: { en: expect.stringContaining('RangeError') } }]);
      for (const reason of reasons.slice(1)) expect(reason.problems.map(withText)).toMatchObject([{ code: 'simulation-failed', message: { en: expect.stringContaining('(Too many threads)') } }]);
      // Not even the first worker: a SimulationError too, never the raw error.
      expect(await failedWith(createWorkerPool(1, stubs([], 0).start).runner(range, () => {}))).toMatchObject([{ code: 'simulation-failed' }]);
    } finally {
      await pool.close();
    }
  });

  it('fails the ranges still waiting for a worker when it closes', async () => {
    const pool = createWorkerPool(1, stubs(['silence']).start);
    const running = pool.runner(range, () => {});
    const waiting = pool.runner(range, () => {});
    const settled = Promise.allSettled([running, waiting]);
    // Let the first range reach its worker before the run is stopped.
    await new Promise((resolve) => setTimeout(resolve, 10));
    await pool.close();
    const [first, second] = await settled;
    expect(first!.status).toBe('rejected');
    expect(second!.status).toBe('rejected');
    expect(((second as PromiseRejectedResult).reason as SimulationError).problems.map(withText)).toMatchObject([{ code: 'simulation-failed', message: { en: expect.stringContaining(POOL_CLOSED) } }]);
    expect((await failedWith(pool.runner(range, () => {}))).map(withText)).toMatchObject([{ code: 'simulation-failed', message: { en: expect.stringContaining(POOL_CLOSED) } }]);
  });
});
