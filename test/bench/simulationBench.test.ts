// The simulation benchmark (bench/simulation.ts): its journeys are valid, and a quick run of the script
// prints one JSON object with every figure the README reports.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { benchmarkJourney, largestTemplate } from '../../bench/simulationJourneys';
import type { SimulationBenchResult } from '../../bench/simulation';
import { checkJourney } from '../../src/core/journey/validate';
import { builtinKinds } from '../../src/core/journey/registry';
import { instantiateTemplate, templates } from '../../src/core/templates';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

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
});

describe('bench/simulation.ts --quick --json', () => {
  it('runs and prints every figure as JSON', { timeout: 90_000 }, async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', 'bench/simulation.ts', '--quick', '--json', '--users', '5000', '--workers-max', '2'],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
    );
    const result = JSON.parse(stdout) as SimulationBenchResult;
    expect(result.benchmark).toBe('simulation');
    expect(result.machine.cpus).toBeGreaterThan(0);
    expect(result.machine.node).toBe(process.version);
    expect(result.gcExposed).toBe(true);
    expect(result.journeys.map((journey) => journey.nodes)).toContain(20);
    for (const journey of result.journeys) {
      expect(journey.horizon).toBe('P90D');
      expect(journey.enteredShare).toBeGreaterThan(0);
      expect(journey.reference.usersPerSecond).toBeGreaterThan(0);
      expect(journey.kernel.users).toBe(5000);
      expect(journey.kernel.runs).toEqual([journey.kernel.usersPerSecond]);
      expect(journey.speedup).toBeCloseTo(journey.kernel.usersPerSecond / journey.reference.usersPerSecond);
      expect(journey.millionExtrapolated).toBe(true);
      expect(journey.millionSeconds).toBeCloseTo(1e6 / journey.kernel.usersPerSecond);
      expect(journey.memory.kernel.scratchBytes).toBeGreaterThan(0);
      expect(journey.memory.kernel.counterBytes).toBeGreaterThan(0);
      expect(Number.isFinite(journey.memory.kernel.grownBytes)).toBe(true);
      expect(Number.isFinite(journey.memory.kernel.retainedBytesPerUser)).toBe(true);
      expect(journey.memory.kernel.bytesPerUser).toBeGreaterThan(0);
      expect(journey.memory.reference.bytesPerActor).toBeGreaterThan(0);
    }
    const runs = result.parallel.runs;
    expect(runs[0]).toMatchObject({ workers: 1, efficiency: 1, sameReport: true });
    for (const run of runs) {
      expect(run.usersPerSecond).toBeGreaterThan(0);
      expect(run.cpuSeconds).toBeGreaterThan(0);
      expect(run.cpuEfficiency).toBeGreaterThan(0);
      expect(run.sameReport).toBe(true);
    }
    expect(runs.map((run) => run.workers)).toEqual([1, 2]);
    const names = result.targets.map((target) => target.name).join('\n');
    for (const figure of ['speedup', '1M users', 'memory per user', 'parallel efficiency']) expect(names).toContain(figure);
    for (const target of result.targets) expect(typeof target.met).toBe('boolean'); // two workers ran: every target was measured
  });
});
