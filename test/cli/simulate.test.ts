import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/main';
import { createProgress } from '../../src/cli/progress';
import { formatSummary, formatTraceTime } from '../../src/cli/simulateFormat';
import type { SimulationReport } from '../../src/core/sim/engine/report';
import type { TraceEntry } from '../../src/core/sim/engine/trace';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { getTemplate } from '../../src/core/templates/index';
import { checkJourney } from '../../src/core/journey/validate';
import { problemFixtures } from '../fixtures/journeys';
import { runCli } from '../support/cliRun';

const json = (value: unknown) => JSON.stringify(value);
const template = (id: string, lang: 'en' | 'zh-CN' = 'en') => json(instantiateTemplate(getTemplate(id)!, lang));

const files: Record<string, string> = {
  'cart.journey.json': template('cart-abandonment'),
  'cart-zh.journey.json': template('cart-abandonment', 'zh-CN'),
  'churn.journey.json': template('churn-win-back'),
  'shop.cohort.json': json(ecommercePreset.spec),
  'bad-shares.cohort.json': json({ ...ecommercePreset.spec, segments: ecommercePreset.spec.segments.map((segment, index) => (index === 0 ? { ...segment, share: segment.share + 5 } : segment)) }),
  'bad.journey.json': json(problemFixtures['wait-without-duration']),
  'newer.journey.json': json(problemFixtures['unsupported-version']),
};

/** Runs the CLI in-process against the files above, awaiting the command. */
const run = (args: string[], io: Partial<CliIo> = {}) => runCli(args, files, io);

describe('journey-lab simulate: output', () => {
  it('prints a summary with the key figures', async () => {
    const result = await run(['simulate', 'cart.journey.json', '--users', '2000', '--seed', '7']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const report = JSON.parse((await run(['simulate', 'cart.journey.json', '--users', '2000', '--seed', '7', '--json'])).stdout) as SimulationReport;
    const out = result.stdout;
    expect(out).toContain('Cart abandonment');
    expect(out).toContain('2,000 users · fast engine · seed 7 · 1 replication · horizon 90 days');
    expect(out).toMatch(new RegExp(`Entered +${report.entered.toLocaleString('en')} users`));
    expect(out).toMatch(/Converted +[\d,]+ users · conversion rate \d+\.\d\d % \(95 % CI \d+\.\d\d % – \d+\.\d\d %\)/);
    const yuan = (value: number) => `${value.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} CNY`;
    expect(out).toMatch(new RegExp(`^ {2}Attributed revenue +${yuan(report.attributedRevenue)} from users while in the journey`, 'm'));
    for (const label of ['Purchases', 'Cost', 'Attributed ROI', 'CAC', 'ARPU', 'Revenue per converted', 'Customer value \\(12 months\\)', 'Churned', 'Unsubscribes', 'Touches', 'Quiet hours', 'Steps', 'Goals'])
      expect(out).toMatch(new RegExp(`^ *${label}`, 'm'));
    expect(out).not.toMatch(/LTV/);
    expect(out).toMatch(/^ {2}SMS +[\d,]+ +\d+ +[\d,]+ .*day \d+ \([\d,]+\)$/m);
    expect(out).toMatch(/^ {2}wait24 +Buys within 24 h\? +[\d,]+ +[\d,]+ +happened [\d,]+ · timeout [\d,]+$/m);
  });

  it('leads with the incremental figures and their intervals, then attributed revenue with what sets it apart', async () => {
    const args = ['simulate', 'cart.journey.json', '--users', '2000', '--seed', '7'];
    const out = (await run(args)).stdout;
    const report = JSON.parse((await run([...args, '--json'])).stdout) as SimulationReport;
    const results = out.slice(out.indexOf('Results\n')).split('\n').slice(1, 9).map((line) => line.trim().split(/ {2,}/)[0]);
    expect(results).toEqual(['Incremental conversions', 'Incremental revenue', 'Cost', 'Incremental ROI', 'Cost per incremental conversion', 'Without the journey', 'Attributed revenue', 'Attributed revenue counts everything users bought while in the journey, including what they would have bought anyway; incremental revenue is only what the journey added.']);
    const yuan = (value: number) => value.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const { revenue, roi } = report.incremental;
    expect(revenue.interval?.method).toBe('paired');
    expect(out).toMatch(new RegExp(`^ {2}Incremental revenue +${yuan(revenue.value).replace('.', '\\.')} CNY \\(95 % CI -?[\\d,.]+ CNY – -?[\\d,.]+ CNY\\)$`, 'm'));
    // ROI is a percentage, never a bare ratio.
    const percent = (value: number) => `${(value * 100).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`;
    expect(out).toMatch(new RegExp(`^ {2}Incremental ROI +${percent(roi.value).replace('.', '\\.')}`, 'm'));
    expect(out).toMatch(new RegExp(`^ {2}Attributed ROI +${percent(report.attributedRoi.value).replace('.', '\\.')}$`, 'm'));
    expect(out).toMatch(/^ {2}Incremental conversions +-?[\d,.]+ users beyond those who convert without the journey \(95 % CI -?[\d,.]+ – -?[\d,.]+\)$/m);
  });

  it('prints the global control group and the holdout’s true effect when the report has them', async () => {
    const args = ['simulate', 'churn.journey.json', '--users', '3000', '--seed', '4'];
    const report = JSON.parse((await run([...args, '--json'])).stdout) as SimulationReport;
    const journey = checkJourney(JSON.parse(files['churn.journey.json']!)).document!;
    expect(report.lift).not.toBeNull();
    const plain = formatSummary({ ...report, controlGroup: null }, journey, 'en');
    expect(plain).not.toContain('Global control group');
    expect(plain).toMatch(/^ {2}True effect \(without noise, from the twins\): [+−]?\d+\.\d\d pts/m);
    expect(formatSummary({ ...report, lift: { ...report.lift!, trueDifference: 0.0123, holdoutUsersNeeded: 4567 } }, journey, 'en')).toContain(
      'True effect (without noise, from the twins): +1.23 pts; a holdout needs 4,567 users to detect it (80 % power, two-sided 5 % test)',
    );
    const controlGroup = {
      share: 0.1,
      controlUsers: 300,
      treatedUsers: 2700,
      controlRate: 0.05,
      treatedRate: 0.08,
      difference: { value: 0.03, interval: { low: 0.01, high: 0.05, method: 'newcombe' as const } },
      controlRevenuePerUser: 20,
      treatedRevenuePerUser: 26,
      incrementalRevenue: { value: 16200, interval: { low: 9000, high: 23400, method: 't' as const } },
    };
    const withControl = formatSummary({ ...report, controlGroup }, journey, 'en');
    expect(withControl).toContain('Global control group (10.00 % of the cohort, held out of every journey)');
    expect(withControl).toMatch(/^ {2}Conversion +treated 8\.00 %, control 5\.00 %: difference \+3\.00 pts \(95 % CI \+1\.00 pts – \+5\.00 pts\)$/m);
    expect(withControl).toMatch(/^ {2}Revenue over the control +16,200\.00 CNY \(95 % CI 9,000\.00 CNY – 23,400\.00 CNY\)$/m);
    const chinese = formatSummary({ ...report, controlGroup }, journey, 'zh-CN');
    for (const words of ['全局对照组', '增量转化', '增量收入', '增量 ROI', '归因收入', '增量收入只计旅程额外带来的部分', '真实效果']) expect(chinese).toContain(words);
  });

  it('shows the split arms and the lift against the holdout', async () => {
    const result = await run(['simulate', 'churn.journey.json', '--users', '5000']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('A/B split holdoutSplit');
    expect(result.stdout).toMatch(/No touch \(holdout\) +[\d,]+/);
    expect(result.stdout).toMatch(/Lift vs holdout: [+−]?\d+\.\d\d pts \(treated .*95 % CI .* pts – .* pts\)/);
    expect(result.stdout).toMatch(/^ {2}arm +assigned +converted +conversion \(95 % CI\) +attributed revenue +cost +incremental conversions \(95 % CI\) +incremental revenue \(95 % CI\)$/m);
  });

  it('same seed, same output; another seed, another', async () => {
    const args = ['simulate', 'cart.journey.json', '--users', '2000', '--json'];
    const first = await run([...args, '--seed', '5']);
    expect((await run([...args, '--seed', '5'])).stdout).toBe(first.stdout);
    expect((await run([...args, '--seed', '6'])).stdout).not.toBe(first.stdout);
  });

  it('--json prints the report exactly as JSON.stringify(report, null, 2)', async () => {
    const result = await run(['simulate', 'cart.journey.json', '--preset', 'ecommerce', '--users', '1000', '--seed', '3', '--engine', 'reference', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as SimulationReport;
    expect(report).toMatchObject({ format: 'journey-lab-report', users: 1000, engine: 'reference', seed: 3, replications: 1, cohort: { id: 'ecommerce' } });
    expect(result.stdout).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });

  it('uses a cohort file, the cohort size by default, and replications', async () => {
    const result = await run(['simulate', 'cart.journey.json', '--cohort', 'shop.cohort.json', '--replications', '2', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as SimulationReport;
    expect(report.users).toBe(ecommercePreset.spec.size);
    expect(report.replications).toBe(2);
    expect(report.conversionRate.interval?.method).toBe('t');
  });

  it('--trace prints the user path one line per step', async () => {
    const traced = await run(['simulate', 'churn.journey.json', '--users', '2000', '--trace', '12', '--json']);
    const { report, trace } = JSON.parse(traced.stdout) as { report: SimulationReport; trace: { user: number; entries: TraceEntry[] } };
    expect(report.users).toBe(2000);
    expect(trace.user).toBe(12);
    expect(trace.entries.some((entry) => entry.type === 'enter')).toBe(true);

    const result = await run(['simulate', 'churn.journey.json', '--users', '2000', '--trace', '12']);
    expect(result.code).toBe(0);
    const lines = result.stdout.slice(result.stdout.indexOf('Path of user 12')).trimEnd().split('\n');
    expect(lines[0]).toBe(`Path of user 12 (${trace.entries.length} steps):`);
    expect(lines).toHaveLength(trace.entries.length + 1);
    lines.slice(1).forEach((line, index) => expect(line.startsWith(`  ${formatTraceTime(trace.entries[index]!.at)} `)).toBe(true));
    expect(result.stdout).toMatch(/^ {2}d\d+ \d\d:\d\d +enters churnWarning “Churn warning”$/m);
    expect(result.stdout).toMatch(/leaves the journey at /);
  });

  it('writes times as day and HH:MM after launch', () => {
    expect(formatTraceTime(0)).toBe('d0 00:00');
    expect(formatTraceTime(3 * 86_400_000 + 14 * 3_600_000 + 5 * 60_000 + 59_999)).toBe('d3 14:05');
  });

  it('speaks Chinese with --lang zh-CN', async () => {
    const result = await run(['simulate', 'cart-zh.journey.json', '--users', '2000', '--trace', '5', '--lang', 'zh-CN']);
    expect(result.code).toBe(0);
    for (const words of ['名用户', '进入旅程', '转化率', '95% 置信区间', '收入', '成本', '获客成本', '流失', '退订', '触达', '节点', '目标', '用户 5 的路径']) expect(result.stdout).toContain(words);
    expect(result.stdout).not.toMatch(/Entered|Converted|Revenue|Path of user/);
  });

  it('--help in both languages', async () => {
    expect(await run(['simulate', '--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: journey-lab simulate JOURNEY') });
    expect((await run(['simulate', '--help'])).stdout).toContain('Default: ecommerce');
    expect((await run(['simulate', '--help', '--lang', 'zh-CN'])).stdout).toContain('用法：journey-lab simulate');
    expect((await run(['--help'])).stdout).toContain('simulate JOURNEY');
  });
});

describe('journey-lab simulate: bad input', () => {
  it.each([
    [['simulate'], 'Missing FILE argument.'],
    [['simulate', 'cart.journey.json', '--preset', 'nowhere'], 'No cohort preset "nowhere". Presets: ecommerce, telecom, education, banking, automotive, food'],
    [['simulate', 'cart.journey.json', '--preset', 'telecom', '--cohort', 'shop.cohort.json'], 'Give either --cohort or --preset, not both.'],
    [['simulate', 'cart.journey.json', '--users', 'many'], '--users needs a number, not "many".'],
    [['simulate', 'cart.journey.json', '--workers', '0'], '--workers needs a whole number from 1 to 256, not "0".'],
    [['simulate', 'cart.journey.json', '--engine', 'turbo'], '--engine is fast or reference, not "turbo".'],
    [['simulate', 'cart.journey.json', '--trace', 'me'], '--trace needs a user number (0 or more), not "me".'],
    [['simulate', 'cart.journey.json', '--bogus'], "Unknown option '--bogus'"],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: journey-lab simulate');
  });

  it('exits 2 for a missing or unreadable file, naming it', async () => {
    const missing = await run(['simulate', 'absent.journey.json']);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('Cannot read absent.journey.json');
    const cohort = await run(['simulate', 'cart.journey.json', '--cohort', 'absent.cohort.json']);
    expect(cohort.code).toBe(2);
    expect(cohort.stderr).toContain('Cannot read absent.cohort.json');
    expect((await run(['simulate', 'newer.journey.json'])).code).toBe(2);
  });

  it('exits 1 for settings out of range, listing each with its code and path', async () => {
    const result = await run(['simulate', 'cart.journey.json', '--users', '0', '--replications', '500']);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain('ERROR simulation-settings (users): Users must be a whole number from 1 to 10,000,000, not 0.');
    expect(result.stderr).toContain('ERROR simulation-settings (replications)');
    const trace = await run(['simulate', 'cart.journey.json', '--users', '100', '--trace', '100']);
    expect(trace.code).toBe(1);
    expect(trace.stderr).toContain('ERROR simulation-settings (trace): User 100 is not in the run (users are 0 to 99).');
  });

  it('exits 1 for a cohort whose shares do not add up, with the problem in the cohort file', async () => {
    const result = await run(['simulate', 'cart.journey.json', '--cohort', 'bad-shares.cohort.json']);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain('The simulation cannot run:');
    expect(result.stderr).toMatch(/^ERROR cohort-shares bad-shares\.cohort\.json \(segments\): The segments' shares add up to 105 %/m);
    const zh = await run(['simulate', 'cart.journey.json', '--cohort', 'bad-shares.cohort.json', '--lang', 'zh-CN']);
    expect(zh.stderr).toContain('ERROR cohort-shares bad-shares.cohort.json (segments): 各细分占比合计为 105%');
  });

  it('exits 1 for a journey with errors, listing every problem', async () => {
    const result = await run(['simulate', 'bad.journey.json', '--cohort', 'bad-shares.cohort.json', '--users=-3']);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain('ERROR wait-without-duration node pause (nodes[6].params.duration): Wait "pause" has no duration.');
    expect(result.stderr).toContain('ERROR cohort-shares bad-shares.cohort.json (segments)');
    expect(result.stderr).toContain('ERROR simulation-settings (users)');
  });
});

describe('progress', () => {
  /** A clock that moves on 150 ms at every reading. */
  const ticking = () => {
    let time = 0;
    return () => (time += 150);
  };

  it('draws a bar on a terminal, on stderr only, and clears it', async () => {
    const result = await run(['simulate', 'cart.journey.json', '--users', '20000', '--json'], { stderrIsTTY: true, now: ticking() });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^\rSimulating \[#*-*\] \d+ %/);
    expect(result.stderr.endsWith('\r\x1b[K')).toBe(true);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  });

  it('stays quiet when stderr is not a terminal and the run is small, and logs tenths for big runs', () => {
    const err: string[] = [];
    const io = { stderr: (text: string) => err.push(text), now: ticking() } as unknown as CliIo;
    const small = createProgress(io, 199_999, 'Simulating');
    small.update(0.5);
    small.done();
    expect(err).toEqual([]);
    const big = createProgress(io, 200_000, 'Simulating');
    for (const fraction of [0.05, 0.1, 0.15, 0.37, 0.38, 1]) big.update(fraction);
    big.done();
    expect(err).toEqual(['Simulating: 10 %\n', 'Simulating: 30 %\n']);
  });

  it('updates a terminal at most ten times a second', () => {
    const err: string[] = [];
    let time = 0;
    const progress = createProgress({ stderr: (text: string) => err.push(text), stderrIsTTY: true, now: () => time } as unknown as CliIo, 10, 'Simulating');
    for (let step = 1; step <= 100; step++) {
      time += 10;
      progress.update(step / 100);
    }
    progress.done();
    expect(err.length - 1).toBeLessThanOrEqual(10);
    expect(err.at(-1)).toBe('\r\x1b[K');
  });
});

describe('the installed bin', () => {
  const dir = mkdtempSync(join(tmpdir(), 'journey-lab-simulate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const bin = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['bin/journey-lab.mjs', ...args]);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });

  it('gives the same output for the same seed with any number of workers', async () => {
    const journey = join(dir, 'churn.journey.json');
    const cohort = join(dir, 'shop.cohort.json');
    writeFileSync(journey, files['churn.journey.json']!);
    writeFileSync(cohort, files['shop.cohort.json']!);
    const args = [journey, '--cohort', cohort, '--users', '4000', '--seed', '11', '--json', '--trace', '12'];
    const one = await bin('simulate', ...args, '--workers', '1');
    const two = await bin('simulate', ...args, '--workers', '2');
    expect(one.stderr).toBe('');
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ report: { users: 4000, seed: 11 }, trace: { user: 12 } });
    expect(two.stdout).toBe(one.stdout);
  }, 60_000);

  it('exits 1 with the problems of a journey with errors, and 2 for a missing file', async () => {
    const bad = join(dir, 'bad.journey.json');
    writeFileSync(bad, files['bad.journey.json']!);
    const refused = await bin('simulate', bad, '--workers', '2');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('ERROR wait-without-duration');
    expect((await bin('simulate', join(dir, 'absent.json'))).status).toBe(2);
  }, 30_000);
});
