// The simulation benchmark (bench/simulation.ts): its journeys are valid, it judges its targets and
// finds wrong results (which fail the benchmark) from given figures, and reads its options. Running it
// is the benchmark's job (npm run bench:simulation), not the unit suite's: its figures are timings.
import { behaviourOnlyJourney, benchmarkJourney, largestTemplate } from '../../bench/simulationJourneys';
import { checkSimulation, modelFor, runRange } from '../../src/core/sim/engine';
import { ecommercePreset } from '../../src/core/cohort';
import { formatTable, parseOptions, targetChecks, TARGETS, workerCounts, wrongResults, type JourneyFigures, type ParallelRun, type SimulationBenchResult } from '../../bench/simulation';
import { checkJourney } from '../../src/core/journey/validate';
import { builtinKinds } from '../../src/core/journey/registry';
import { instantiateTemplate, templates } from '../../src/core/templates';

describe('simulation benchmark journeys', () => {
  it('has a 20-node journey with no errors that uses every node kind, a holdout and a 90-day horizon', () => {
    const { document, problems } = checkJourney(benchmarkJourney());
    expect(problems.filter((problem) => problem.severity !== 'info')).toEqual([]);
    expect(document!.nodes).toHaveLength(20);
    expect(document!.settings.horizon).toBe('P90D');
    expect(new Set(document!.nodes.map((node) => node.kind))).toEqual(new Set(builtinKinds.map((kind) => kind.kind)));
    expect(new Set(document!.nodes.filter((node) => node.kind === 'message').map((node) => node.params.channel)).size).toBeGreaterThanOrEqual(3);
    const split = document!.nodes.find((node) => node.kind === 'split')!;
    expect((split.params.variants as { holdout: boolean }[]).some((variant) => variant.holdout)).toBe(true);
  });

  it('takes the template with the most nodes, with a 90-day horizon', () => {
    const most = Math.max(...templates.map((template) => instantiateTemplate(template, 'en').nodes?.length ?? 0));
    const { document } = largestTemplate();
    expect(document.nodes).toHaveLength(most);
    expect(checkJourney(document).document!.settings.horizon).toBe('P90D');
  });

  it('has a journey no one enters, on which the kernel simulates the behaviour model alone', () => {
    const checked = checkSimulation({ journey: behaviourOnlyJourney(), cohort: ecommercePreset.spec, seed: 1, users: 2_000, engine: 'fast' });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const model = modelFor(checked.checked, 0);
    const { counters } = runRange(model, 'fast', 0, 2_000, { twin: false });
    const scalar = model.layout.scalar;
    expect(counters[scalar.users]).toBe(2_000);
    expect(counters[scalar.entered]).toBe(0);
    expect(counters[model.layout.nodeEntries]).toBe(0);
    // The cohort still buys: the behaviour model ran for every user.
    expect(counters[scalar.purchases]).toBeGreaterThan(1_000);
  });
});

/** One journey's figures: by default every target met (2000× speedup, 0.5 s for 1M users, 1 B per user). */
function figures(id: string, patch: { usersPerSecond?: number; referencePerSecond?: number; bytesPerUser?: number; enteredShare?: number; twinCost?: number } = {}): JourneyFigures {
  const usersPerSecond = patch.usersPerSecond ?? 2_000_000;
  const referencePerSecond = patch.referencePerSecond ?? 1_000;
  const engine = (perSecond: number, users: number) => ({ users, seconds: users / perSecond, usersPerSecond: perSecond, cpuSeconds: users / perSecond, runs: [perSecond] });
  return {
    id,
    name: id,
    nodes: 20,
    edges: 24,
    horizon: 'P90D',
    enteredShare: patch.enteredShare ?? 0.9,
    reference: engine(referencePerSecond, 200),
    kernel: engine(usersPerSecond, 20_000),
    kernelWithTwin: engine(usersPerSecond / (patch.twinCost ?? 1.2), 20_000),
    twinCost: patch.twinCost ?? 1.2,
    speedup: usersPerSecond / referencePerSecond,
    millionSeconds: 1e6 / usersPerSecond,
    millionExtrapolated: true,
    memory: {
      kernel: { users: 20_000, scratchBytes: 40_000, grownBytes: 0, retainedBytesPerUser: 0, bytesPerUser: patch.bytesPerUser ?? 1, counterBytes: 8_000 },
      reference: { actors: 100, bytesPerActor: 6_000 },
    },
  };
}

/** A parallel run of 20,000 users with `workers` workers at `efficiency`, one worker at 100,000 users/s. */
function run(workers: number, efficiency: number, sameReport = true): ParallelRun {
  const usersPerSecond = workers * 100_000 * efficiency;
  return { workers, users: 20_000, seconds: 20_000 / usersPerSecond, usersPerSecond, cpuSeconds: 0.2 * workers, efficiency, cpuEfficiency: 1, sameReport };
}

const met = (checks: { name: string; met: boolean | null }[]) => Object.fromEntries(checks.map((check) => [check.name, check.met]));

describe('simulation benchmark targets', () => {
  it('are met on figures at the targets, and each missed on figures past it', () => {
    const atTargets = figures('a', { usersPerSecond: 1e6, referencePerSecond: 1e6 / TARGETS.speedup, bytesPerUser: TARGETS.bytesPerUser, twinCost: TARGETS.twinCost });
    const missed = figures('b', { usersPerSecond: 999_000, referencePerSecond: 1_000, bytesPerUser: TARGETS.bytesPerUser + 1, twinCost: TARGETS.twinCost + 0.01 });
    expect(met(targetChecks([atTargets, missed], [run(1, 1), run(2, TARGETS.efficiency)], 2))).toEqual({
      'speedup, a': true,
      '1M users × 90 d, 1 worker, a': true,
      'twin cost, a': true,
      'kernel memory per user, a': true,
      'speedup, b': false,
      '1M users × 90 d, 1 worker, b': false,
      'twin cost, b': false,
      'kernel memory per user, b': false,
      'parallel efficiency': true,
    });
  });

  it('judges parallel efficiency by the worst run from 2 up to 8 workers, and not at all with one worker', () => {
    const efficiency = (runs: ParallelRun[], cpus: number) => targetChecks([], runs, cpus).find((check) => check.name === 'parallel efficiency')!;
    expect(efficiency([run(1, 1), run(2, 0.9), run(4, 0.69)], 4)).toMatchObject({ met: false, value: 'lowest 69 % (2–4 workers)', note: '4 CPU(s) here: measured up to 4 worker(s), not 8' });
    expect(efficiency([run(1, 1), run(2, 0.9), run(8, 0.75), run(16, 0.2)], 16)).toMatchObject({ met: true, value: 'lowest 75 % (2–8 workers)' });
    expect(efficiency([run(1, 1), run(2, 0.9), run(8, 0.75), run(16, 0.2)], 16)).not.toHaveProperty('note');
    expect(efficiency([run(1, 1)], 1)).toMatchObject({ met: null, value: 'one worker only' });
  });
});

describe('simulation benchmark wrong results', () => {
  const result = (runs: ParallelRun[], journeys = [figures('a'), figures('bench-20')]) => ({ journeys, parallel: { journey: 'bench-20', users: 20_000, runs } });

  it('finds none when every report equals the one-worker report and every journey was entered', () => {
    expect(wrongResults(result([run(1, 1), run(2, 0.8)]))).toEqual([]);
  });

  it('names a parallel report that differs from the one-worker report, and a journey nobody entered', () => {
    expect(wrongResults(result([run(1, 1), run(2, 0.8, false)], [figures('a', { enteredShare: 0 }), figures('bench-20')]))).toEqual([
      'Nobody entered the journey "a": its figures time an empty run.',
      'The report with 2 worker(s) differs from the one-worker report on "bench-20".',
    ]);
  });

  it('shows a differing report as NO in the table', () => {
    const table = formatTable({
      benchmark: 'simulation',
      machine: { cpus: 2, availableParallelism: 2, cpuModel: 'test', node: 'v20', platform: 'linux', arch: 'x64', memoryBytes: 1 },
      options: { users: 20_000, referenceUsers: 200, heapUsers: 20_000, actors: 100, workersMax: 2, runs: 1, quick: true },
      cohort: 'ecommerce',
      seed: 1,
      gcExposed: true,
      ...result([run(1, 1), run(2, 0.8, false)]),
      targets: [],
    } satisfies SimulationBenchResult);
    const rows = table.split('\n').filter((line) => /^[12] {2}/.test(line));
    expect(rows.map((row) => row.trimEnd().split(/ {2,}/).at(-1))).toEqual(['yes', 'NO']);
  });
});

describe('simulation benchmark options', () => {
  it('runs 1, 2, 4 … workers and the largest count asked for', () => {
    expect(workerCounts(1)).toEqual([1]);
    expect(workerCounts(2)).toEqual([1, 2]);
    expect(workerCounts(6)).toEqual([1, 2, 4, 6]);
    expect(workerCounts(8)).toEqual([1, 2, 4, 8]);
  });

  it('reads sizes with underscores over the defaults, refuses a size below 1, and prints nothing but JSON with --json', () => {
    const parsed = parseOptions(['--quick', '--users', '5_000', '--workers-max', '2', '--json']);
    if (parsed === 'help') throw new Error('not help');
    expect(parsed.json).toBe(true);
    expect(parsed.options).toMatchObject({ users: 5_000, referenceUsers: 200, workersMax: 2, runs: 1, quick: true });
    expect(parseOptions(['--help'])).toBe('help');
    expect(() => parseOptions(['--users', '0'])).toThrow('--users must be a whole number ≥ 1, not "0".');
    expect(() => parseOptions(['--runs', '1.5'])).toThrow('--runs must be a whole number ≥ 1, not "1.5".');
  });
});
