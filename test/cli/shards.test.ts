import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { getTemplate } from '../../src/core/templates/index';
import { harnessOptions, runShards } from '../../scripts/simShards';
import { runCli } from '../support/cliRun';

const json = (value: unknown) => JSON.stringify(value);
const cart = instantiateTemplate(getTemplate('cart-abandonment')!, 'en');
const files: Record<string, string> = {
  'cart.journey.json': json(cart),
  'churn.journey.json': json(instantiateTemplate(getTemplate('churn-win-back')!, 'en')),
  'shop.cohort.json': json(ecommercePreset.spec),
  'other.cohort.json': json({ ...ecommercePreset.spec, id: 'other-shop' }),
};

/** Runs every shard of a run in-process; its partials by shard index. */
async function shards(args: string[], count: number): Promise<string[]> {
  const partials: string[] = [];
  for (let index = 0; index < count; index++) {
    const result = await runCli(['simulate', ...args, '--shard', `${index}/${count}`, '--partial', `p${index}.json`], files);
    expect(result.code, result.stderr).toBe(0);
    partials.push(result.written[`p${index}.json`]!);
  }
  return partials;
}

/** Merges partials given as file contents, in the order given. */
const merge = (partials: string[], extra: string[] = []) => {
  const given = Object.fromEntries(partials.map((text, index) => [`m${index}.partial.json`, text]));
  return runCli(['merge', ...Object.keys(given), ...extra], { ...files, ...given });
};

/** A fixed shuffle (seeded), so a failure reproduces. */
function shuffled<T>(items: T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let at = result.length - 1; at > 0; at--) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const other = state % (at + 1);
    [result[at], result[other]] = [result[other]!, result[at]!];
  }
  return result;
}

describe('journey-lab simulate --shard and merge', () => {
  // 2,999 users: no split into 2, 3 or 5 is even.
  const run = ['cart.journey.json', '--cohort', 'shop.cohort.json', '--users', '2999', '--seed', '11', '--replications', '2'];

  it.each([1, 2, 3, 5])('merges %i uneven shards, in any order, into the one-machine report exactly', async (count) => {
    const single = await runCli(['simulate', ...run, '--json'], files);
    expect(single.code).toBe(0);
    const partials = await shards(run, count);
    const merged = await merge(shuffled(partials, count), ['--json']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(merged.stdout))).toBe(JSON.stringify(JSON.parse(single.stdout)));
    expect(merged.stdout).toBe(single.stdout);
    // The summary is simulate's too.
    expect((await merge(partials)).stdout).toBe((await runCli(['simulate', ...run], files)).stdout);
  });

  it('writes the shard ranges a one-machine worker pool uses, with safe-integer counters', async () => {
    const partials = (await shards(run, 3)).map((text) => JSON.parse(text) as { kind: string; schemaVersion: number; shard: { start: number; end: number }; counters: number[][] });
    expect(partials.map((partial) => [partial.shard.start, partial.shard.end])).toEqual([[0, 999], [999, 1999], [1999, 2999]]);
    for (const partial of partials) {
      expect([partial.kind, partial.schemaVersion]).toEqual(['journey-lab-partial', 1]);
      expect(partial.counters).toHaveLength(2);
      expect(partial.counters.flat().every(Number.isSafeInteger)).toBe(true);
    }
  });

  it('writes the merged report to --out', async () => {
    const merged = await merge(await shards(run, 2), ['--json', '--out', 'report.json']);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe('');
    expect(merged.written['report.json']).toBe((await runCli(['simulate', ...run, '--json'], files)).stdout);
  });
});

describe('journey-lab merge refuses', () => {
  const base = ['cart.journey.json', '--cohort', 'shop.cohort.json', '--users', '300', '--seed', '5'];
  let partials: string[] = [];
  beforeAll(async () => {
    partials = await shards(base, 3);
  });
  const refused = async (given: string[], pattern: RegExp, code = 1) => {
    const result = await merge(given);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(pattern);
  };
  /** Shard `index` of the same split of another run. */
  const otherRun = async (args: string[], index = 1) => (await shards(args, 3))[index]!;
  const edited = (text: string, change: (document: Record<string, unknown>) => void) => {
    const document = JSON.parse(text) as Record<string, unknown>;
    change(document);
    return JSON.stringify(document);
  };

  it('a missing shard', () => refused([partials[0]!, partials[2]!], /Shard 1 of 3 is missing/));
  it('an overlapping shard', () => refused([partials[0]!, partials[1]!, partials[1]!, partials[2]!], /m2\.partial\.json and m1\.partial\.json are both shard 1 of 3/));
  it('a shard whose range is not its index’s', () =>
    refused([partials[0]!, edited(partials[1]!, (document) => Object.assign(document.shard as object, { start: 50 })), partials[2]!], /holds users 50 … 200 where that shard is users 100 … 200/));
  it('another journey', async () => refused([partials[0]!, await otherRun(['churn.journey.json', ...base.slice(1)]), partials[2]!], /is of another run than m0\.partial\.json: its journey is/));
  it('another cohort', async () => refused([partials[0]!, await otherRun(['cart.journey.json', '--cohort', 'other.cohort.json', ...base.slice(3)]), partials[2]!], /its cohort is/));
  it('another seed', async () => refused([partials[0]!, await otherRun([...base.slice(0, 5), '--seed', '6']), partials[2]!], /its seed is 6, not 5/));
  it('other users', async () => refused([partials[0]!, await otherRun([...base.slice(0, 3), '--users', '301', '--seed', '5']), partials[2]!], /its users is 301, not 300/));
  it('another horizon', () => refused([partials[0]!, edited(partials[1]!, (document) => (document.horizon = 'P30D')), partials[2]!], /its horizon is "P30D"/));
  it('other replications', async () => refused([partials[0]!, await otherRun([...base, '--replications', '2']), partials[2]!], /its replications is 2, not 1/));
  it('another engine', async () => refused([partials[0]!, await otherRun([...base, '--engine', 'reference']), partials[2]!], /its engine is "reference", not "fast"/));
  it('another number of shards', async () => refused([partials[0]!, (await shards(base, 2))[1]!, partials[2]!], /its shards is 2, not 3/));
  it('another format version, in both languages', async () => {
    const newer = edited(partials[1]!, (document) => (document.schemaVersion = 2));
    await refused([partials[0]!, newer, partials[2]!], /The partial file is format version 2, newer than the version this Journey Lab supports \(1\)/, 2);
    const chinese = await runCli(['merge', 'a.json', '--lang', 'zh-CN'], { 'a.json': newer });
    expect(chinese.stderr).toMatch(/该分片结果文件的格式版本为 2/);
  });
  it('a partial whose journey was changed after it was written', () =>
    refused([partials[0]!, edited(partials[1]!, (document) => ((document.journey as { document: { name: string } }).document.name = 'Edited')), partials[2]!], /journey does not match its SHA-256/, 2));
  it('in Chinese too', async () => {
    const result = await runCli(['merge', 'a.json', 'b.json', '--lang', 'zh-CN'], { 'a.json': partials[0]!, 'b.json': partials[2]! });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('未合并');
    expect(result.stderr).toContain('缺少第 1 个分片');
  });
});

describe('journey-lab simulate --shard: bad arguments', () => {
  it.each([
    [['--shard', '3/3', '--partial', 'p.json'], /--shard 3\/3 is not a shard/],
    [['--shard', '0/3'], /--shard K\/N and --partial FILE go together/],
    [['--shard', '0/3', '--partial', 'p.json', '--json'], /leave out --json and --trace/],
  ])('%j', async (args, pattern) => {
    const result = await runCli(['simulate', 'cart.journey.json', '--users', '100', ...args], files);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(pattern);
  });
  it('more shards than users', async () => {
    const result = await runCli(['simulate', 'cart.journey.json', '--users', '2', '--shard', '0/3', '--partial', 'p.json'], files);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/fewer than its 3 shards/);
  });
});

describe('a national-size run (more users than one machine simulates)', () => {
  const national = ['cart.journey.json', '--cohort', 'shop.cohort.json', '--users', '150000000', '--seed', '3'];

  it('on one machine, is refused with the number of shards it needs, in both languages', async () => {
    const result = await runCli(['simulate', ...national], files);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('150,000,000 users are more than one machine simulates (10,000,000): split the run into at least 15 shards');
    const zh = await runCli(['simulate', ...national, '--lang', 'zh-CN'], files);
    expect(zh.stderr).toContain('请把这次运行拆成至少 15 个分片');
  });

  it('in shards too big for one machine, is refused with the number it needs', async () => {
    const result = await runCli(['simulate', ...national, '--shard', '0/14', '--partial', 'p.json'], files);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('14 shards of 150,000,000 users give each shard 10,714,286 users');
    expect(result.stderr).toContain('use at least 15 shards');
    expect(result.written['p.json']).toBeUndefined();
  });

  it('runs one shard of 15,000 (its 10,000 users) and merge reads its partial', async () => {
    const result = await runCli(['simulate', ...national, '--shard', '14999/15000', '--partial', 'p.json'], files);
    expect(result.code, result.stderr).toBe(0);
    const partial = JSON.parse(result.written['p.json']!) as { users: number; shard: { start: number; end: number } };
    expect(partial.users).toBe(150_000_000);
    expect(partial.shard).toMatchObject({ start: 149_990_000, end: 150_000_000 });
    // Read and checked like any partial: what is refused is only that the other 14,999 shards are missing.
    const merged = await merge([result.written['p.json']!]);
    expect(merged.code).toBe(1);
    expect(merged.stderr).toMatch(/Shards 0, 1, 2, .* and 14,979 more of 15000 are missing/);
  });
});

describe('a sharded run of real customers (a population)', () => {
  const CDNOW = readFileSync(fileURLToPath(new URL('../../../shared/data/CDNOW_sample.txt', import.meta.url)), 'utf8');

  it('merges into the one-machine report of the same customers', { timeout: 60_000 }, async () => {
    const fitted = await runCli(['fit', 'cdnow.txt', '--out', 'c.json', '--population', 'p.json'], { 'cdnow.txt': CDNOW });
    expect(fitted.code, fitted.stderr).toBe(0);
    const inputs = { ...files, 'c.json': fitted.written['c.json']!, 'p.json': fitted.written['p.json']! };
    const run = ['churn.journey.json', '--cohort', 'c.json', '--population', 'p.json', '--seed', '4', '--workers', '1'];
    const single = await runCli(['simulate', ...run, '--json'], inputs);
    expect(single.code, single.stderr).toBe(0);
    const partials: Record<string, string> = {};
    for (let index = 0; index < 3; index++) {
      const shard = await runCli(['simulate', ...run, '--shard', `${index}/3`, '--partial', `q${index}.json`], inputs);
      expect(shard.code, shard.stderr).toBe(0);
      partials[`q${index}.json`] = shard.written[`q${index}.json`]!;
    }
    expect(JSON.parse(partials['q0.json']!).population).toMatch(/^[0-9a-f]{64}$/);
    const merged = await runCli(['merge', 'q2.json', 'q0.json', 'q1.json', '--json'], { ...inputs, ...partials });
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(single.stdout);
  });
});

describe('npm run sim:shards (the local harness)', () => {
  it('runs 3 shard processes, merges them, and the report is the one-machine report', { timeout: 120_000 }, async () => {
    const directory = mkdtempSync(join(tmpdir(), 'journey-lab-harness-'));
    try {
      const journey = join(directory, 'cart.journey.json');
      writeFileSync(journey, files['cart.journey.json']!);
      const args = [journey, '--users', '2000', '--seed', '4'];
      const { output, identical } = await runShards(['--shards', '3', '--check', '--json', ...args]);
      expect(identical).toBe(true);
      expect(output).toBe((await runCli(['simulate', 'cart.journey.json', '--users', '2000', '--seed', '4', '--json'], files)).stdout);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('speaks the language asked for, and passes it on to every shard and the merge', async () => {
    expect(() => harnessOptions(['journey.json'], {})).toThrow('Usage: npm run sim:shards -- --shards N');
    expect(() => harnessOptions(['journey.json', '--lang', 'zh-CN'], {})).toThrow('用法：npm run sim:shards -- --shards N');
    expect(() => harnessOptions(['journey.json'], { JOURNEY_LAB_LANG: 'zh-CN' })).toThrow('N 是要运行的分片数');
    expect(harnessOptions(['--shards', '2', 'journey.json', '--lang=zh-CN', '--users', '10'], {})).toMatchObject({ lang: 'zh-CN', simulateArgs: ['journey.json', '--users', '10'] });
    // A shard that fails says so in that language, with the CLI's own words.
    const refused = await runShards(['--shards', '2', '--lang', 'zh-CN', 'no-such.journey.json']).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(refused).toMatch(/^journey-lab simulate no-such\.journey\.json --lang zh-CN --shard \d\/2 .*已停止，退出状态 \d：/s);
  });
});
