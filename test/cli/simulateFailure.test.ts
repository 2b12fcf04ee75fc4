// A run that fails for a reason that is not the input's (a worker crash, running out of memory, a
// fault of ours) reaches the user as the problem `simulation-failed`, in their language, exit 2 — never
// as a raw message such as "Invalid typed array length".
import { pathToFileURL } from 'node:url';
import { main, type CliIo } from '../../src/cli/main';
import { createWorkerPool } from '../../src/cli/workerPool';
import { checkSimulation, SimulationError, type RangeTask } from '../../src/core/sim/engine/simulate';
import type * as Engine from '../../src/core/sim/engine/simulate';
import { ecommercePreset } from '../../src/core/sim/presets/ecommerce';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { getTemplate } from '../../src/core/templates/index';

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

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: () => JSON.stringify(journey),
    writeFile: () => {},
    env: {},
    version: '0.0.0-test',
  };
  const code = await main(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

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

describe('the worker pool', () => {
  const checked = checkSimulation({ journey, cohort: ecommercePreset.spec, users: 100 });
  if (!checked.ok) throw new Error('the template does not simulate');
  const task: RangeTask = { ...checked.checked, seed: 1, start: 0, end: 100 };
  const failedWith = async (promise: Promise<unknown>) => {
    const error: unknown = await promise.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(SimulationError);
    return (error as SimulationError).problems;
  };

  it('turns what breaks in a worker into simulation-failed, and goes on with a fresh worker', async () => {
    const pool = createWorkerPool(1, pathToFileURL('src/cli/simulationWorker.mjs'));
    try {
      // A task that cannot be posted at all (the worker is fine and is kept).
      const unclonable = await failedWith(pool.runner({ ...task, onProgress: () => {} } as unknown as RangeTask, () => {}));
      expect(unclonable).toMatchObject([{ code: 'simulation-failed', message: { en: expect.stringContaining('could not be cloned') } }]);
      // An exception inside the worker that is no problem of the run: the raw message becomes a sentence.
      const thrown = await failedWith(pool.runner({ ...task, cohort: { ...task.cohort, segments: null } } as unknown as RangeTask, () => {}));
      expect(thrown).toMatchObject([{ code: 'simulation-failed', severity: 'error', message: { en: expect.stringMatching(/^The simulation stopped unexpectedly \(TypeError: /), 'zh-CN': expect.stringMatching(/^模拟意外中止/) } }]);
      // The pool replaced the failed worker.
      expect((await pool.runner(task, () => {})).length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  }, 60_000); // two cold starts of a tsx worker on a busy two-core machine
});
