import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machineFromConfig } from '../../src/core/compile/toMachine';
import { validate } from '../../src/core/journey/validate';
import type { MachineConfig } from '../../src/core/compile/machineConfig';
import { templates } from '../../src/core/templates/index';
import { problemFixtures, validJourney } from '../fixtures/journeys';
import { runBin as bin, runCliNow as run } from '../support/cliRun';

const json = (value: unknown) => JSON.stringify(value);

describe('journey-lab validate', () => {
  it('exits 0 for a journey without errors and prints its info lines', () => {
    const result = run(['validate', 'ok.json'], { 'ok.json': json(validJourney()) });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^INFO path-summary \(document\): 2 distinct path/m);
  });

  it('exits 1 and prints SEVERITY code location: message for errors', () => {
    const result = run(['validate', 'bad.json'], { 'bad.json': json(problemFixtures['wait-without-duration']) });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('ERROR wait-without-duration node pause (nodes[6].params.duration): Wait "pause" has no duration.');
    expect(result.stderr).toContain('1 error(s)');
  });

  it('exits 0 with warnings only', () => {
    const result = run(['validate', 'warn.json'], { 'warn.json': json(problemFixtures['unreachable-node']) });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('WARNING unreachable-node node orphan');
  });

  it('exits 2 when the file is missing, not JSON, or of an unsupported version', () => {
    expect(run(['validate', 'missing.json']).code).toBe(2);
    const notJson = run(['validate', 'x.json'], { 'x.json': '{ nope' });
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('x.json is not valid JSON');
    const newer = run(['validate', 'v9.json'], { 'v9.json': json({ ...validJourney(), schemaVersion: 9 }) });
    expect(newer.code).toBe(2);
    expect(newer.stdout).toContain('format version 9');
    expect(run(['validate', 'arr.json'], { 'arr.json': '[]' }).code).toBe(2);
  });

  it('speaks Chinese with --lang zh-CN', () => {
    const result = run(['validate', 'bad.json', '--lang', 'zh-CN'], { 'bad.json': json(problemFixtures['wait-without-duration']) });
    expect(result.stdout).toContain('ERROR wait-without-duration 节点 pause (nodes[6].params.duration): 等待节点「pause」没有设置时长。');
    expect(result.stderr).toContain('1 个错误');
  });
});

describe('journey-lab compile', () => {
  it('prints the machine config, which loads back into a machine', () => {
    const result = run(['compile', 'ok.json'], { 'ok.json': json(validJourney()) });
    expect(result.code).toBe(0);
    const config = JSON.parse(result.stdout) as MachineConfig;
    expect(config.id).toBe('journey');
    expect(() => machineFromConfig(config)).not.toThrow();
  });

  it('writes to -o OUT', () => {
    const result = run(['compile', 'ok.json', '-o', 'out.json'], { 'ok.json': json(validJourney()) });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.written['out.json']!)).toHaveProperty('states');
  });

  it('refuses a journey with errors (exit 1) and an unreadable file (exit 2)', () => {
    const refused = run(['compile', 'bad.json'], { 'bad.json': json(problemFixtures['instant-loop']) });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('ERROR instant-loop');
    expect(run(['compile', 'nope.json']).code).toBe(2);
  });
});

describe('journey-lab templates', () => {
  it('lists every template', () => {
    const result = run(['templates']);
    expect(result.code).toBe(0);
    for (const template of templates) expect(result.stdout).toContain(template.id);
  });

  it('exports a template as a valid journey file in the chosen language', () => {
    const result = run(['templates', '--export', 'cart-abandonment', '--lang', 'zh-CN']);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as { name: string };
    expect(document.name).toMatch(/[\u4e00-\u9fff]/);
    expect(validate(document).filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('exits 2 for an unknown template id', () => {
    const result = run(['templates', '--export', 'no-such-thing']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cart-abandonment');
  });
});

describe('arguments', () => {
  it.each([
    [['frobnicate']],
    [['validate']],
    [['validate', 'a.json', 'b.json']],
    [['compile', '--bogus', 'a.json']],
    [['templates', 'extra']],
    [['validate', 'a.json', '--lang', 'fr']],
    [[]],
  ])('%j gets usage and exit 2', (args) => {
    const result = run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Usage: journey-lab/);
  });

  it.each(['validate', 'compile', 'templates'])('%s --help prints its usage and exits 0', (command) => {
    const result = run([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: journey-lab ${command}`);
  });

  it('offers the languages it has catalogs for, by their tags', () => {
    const unknown = run(['validate', 'a.json', '--lang', 'fr']);
    expect(unknown.stderr).toContain('Unknown language "fr"; use en or zh-CN.');
    expect(unknown.stderr).toContain('--lang en|zh-CN');
    expect(run(['validate', '--help']).stdout).toContain('[--lang en|zh-CN]');
  });

  it('--help and --version at the top level', () => {
    expect(run(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Commands:') });
    expect(run(['--version']).stdout).toBe('0.0.0-test\n');
    expect(run(['--help', '--lang', 'zh-CN']).stdout).toContain('用法');
  });
});

describe('the installed bin', () => {
  it('runs straight from the sources with real files and exit codes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journey-lab-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const good = join(dir, 'good.journey.json');
    const bad = join(dir, 'bad.journey.json');
    writeFileSync(good, json(validJourney()));
    writeFileSync(bad, json(problemFixtures['split-weights']));
    expect(bin('validate', good).status).toBe(0);
    const refused = bin('validate', bad);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('ERROR split-weights');
    expect(bin('validate', join(dir, 'absent.json')).status).toBe(2);
    const out = join(dir, 'machine.json');
    expect(bin('compile', good, '-o', out).status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('initial', '__outside');
  }, 30_000); // four cold starts of tsx: more than the default 5 s on a busy two-core machine
});
