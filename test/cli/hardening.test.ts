// The CLI against hostile but fair input (issue 12, item 9): no command name, output path, label or
// failure ever ends in a stack trace, and nothing a journey holds can drive the terminal.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { nodeIo } from '../../src/cli/main';
import { oneLine, terminalSafe } from '../../src/cli/commandIo';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { getTemplate } from '../../src/core/templates/index';
import { validJourney } from '../fixtures/journeys';
import { runBin as bin, runCli as run } from '../support/cliRun';

/** Every character a terminal acts on instead of showing (line feed and tab aside). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const STACK_FRAME = /^\s+at /m;

const fsError = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code });
const journeyFiles = { 'ok.json': JSON.stringify(validJourney()) };

describe('command names', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'])('%s is an unknown command, not a crash', async (command) => {
    const result = await run([command, 'ok.json'], journeyFiles);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Unknown command "${command}".`);
    expect(result.stderr).toMatch(/Usage: journey-lab/);
  });
});

describe('files that cannot be written', () => {
  it.each([
    ['EISDIR', 'illegal operation on a directory', 'Cannot write out: it is a directory', '无法写入 out：这是一个目录'],
    ['EACCES', 'permission denied', 'Cannot write out: permission denied', '无法写入 out：权限不足'],
    ['ENOENT', 'no such file or directory', 'Cannot write out: the directory it goes in does not exist', '无法写入 out：所在的目录不存在'],
    ['EROFS', 'read-only file system', 'Cannot write out: the file system is read-only', '无法写入 out：文件系统为只读'],
    ['EWHATEVER', 'something odd', 'Cannot write out: something odd', '无法写入 out：something odd'],
  ])('compile -o with %s: one line naming the file and why, exit 2', async (code, message, english, chinese) => {
    const writeFile = () => {
      throw fsError(code, message);
    };
    for (const [lang, line] of [
      ['en', english],
      ['zh-CN', chinese],
    ] as const) {
      const result = await run(['compile', 'ok.json', '-o', 'out', '--lang', lang], journeyFiles, { writeFile });
      expect(result).toMatchObject({ code: 2, stdout: '', stderr: `${line}\n` });
    }
  });

  it('says why with the real file system: a directory, or a folder that does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journey-lab-write-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const io = { ...nodeIo('0.0.0-test'), readFile: (path: string) => journeyFiles[path as 'ok.json'] };
    const intoDirectory = await run(['compile', 'ok.json', '-o', dir], {}, { readFile: io.readFile, writeFile: io.writeFile });
    expect(intoDirectory).toMatchObject({ code: 2, stdout: '', stderr: `Cannot write ${dir}: it is a directory\n` });
    const missing = join(dir, 'no', 'such', 'folder.json');
    const intoNowhere = await run(['compile', 'ok.json', '-o', missing, '--lang', 'zh-CN'], {}, { readFile: io.readFile, writeFile: io.writeFile });
    expect(intoNowhere).toMatchObject({ code: 2, stderr: `无法写入 ${missing}：所在的目录不存在\n` });
    // A path that works still works.
    const good = join(dir, 'machine.json');
    expect((await run(['compile', 'ok.json', '-o', good], {}, { readFile: io.readFile, writeFile: io.writeFile })).code).toBe(0);
    expect(JSON.parse(readFileSync(good, 'utf8'))).toHaveProperty('states');
  });

  it('reading explains itself in the user’s language too', async () => {
    const readFile = () => {
      throw fsError('EISDIR', 'illegal operation on a directory, read');
    };
    expect(await run(['validate', 'folder', '--lang', 'zh-CN'], {}, { readFile })).toMatchObject({ code: 2, stderr: '无法读取 folder：这是一个目录\n' });
  });
});

describe('terminal control characters', () => {
  const payload = 'A\u001b[31mRED\u001b]0;title\u0007\rB\u0000C\bD\u007fE\u009b2JF\u202eG\u2066H\u200fI\nJ\tK';
  const hostile = () => {
    const journey = instantiateTemplate(getTemplate('cart-abandonment')!, 'en');
    return {
      ...journey,
      name: `Name ${payload}`,
      nodes: journey.nodes!.map((node) => ({
        ...node,
        label: `${node.id} ${payload}`,
        params: node.kind === 'goal' ? { ...node.params, goal: `Goal ${payload}` } : node.params,
      })),
    };
  };
  const files = { 'evil.json': JSON.stringify(hostile()) };

  it('are escaped in the summary table and the trace, and lines stay lines', async () => {
    const result = await run(['simulate', 'evil.json', '--users', '300', '--seed', '1', '--trace', '0'], files);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    expect(result.stdout).toContain('Name A\\u001b[31mRED\\u001b]0;title\\u0007\\u000dB\\u0000C\\u0008D\\u007fE\\u009b2JF\\u202eG\\u2066H\\u200fI\\u000aJ\\u0009K');
    // Every row of the steps table is one line: the label's line feed cannot start a fake row.
    expect(result.stdout).not.toMatch(/^J/m);
    expect(result.stdout).toMatch(/^ {2}added +added A\\u001b\[31mRED.*K +[\d,]+ +[\d,]+ +next [\d,]+$/m);
    const trace = result.stdout.slice(result.stdout.indexOf('Path of user 0'));
    expect(trace).toMatch(/enters \w+ “\w+ A\\u001b\[31mRED/);
  });

  it('leave --json valid, with exactly the journey’s strings', async () => {
    const result = await run(['simulate', 'evil.json', '--users', '300', '--json', '--trace', '0'], files);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    const output = JSON.parse(result.stdout) as { report: { journey: { name: string }; nodes: { label: string }[] } };
    expect(output.report.journey.name).toBe(`Name ${payload}`);
    expect(output.report.nodes[0]!.label).toContain(payload);
  });

  it('are escaped in problems and in any message quoting the input', async () => {
    const broken = { ...validJourney(), nodes: [...validJourney().nodes, { ...validJourney().nodes[4]!, id: `x${payload}` }] };
    const validated = await run(['validate', 'broken.json'], { 'broken.json': JSON.stringify(broken) });
    expect(validated.stdout + validated.stderr).not.toMatch(RAW_CONTROL);
    expect(validated.stdout).toMatch(/^ERROR /m);
    for (const line of validated.stdout.trimEnd().split('\n')) expect(line).toMatch(/^(ERROR|WARNING|INFO) /);
    const unknown = await run([`\u001b[2J${payload}`]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).not.toMatch(RAW_CONTROL);
    expect(unknown.stderr).toContain('Unknown command "\\u001b[2JA');
    const notJson = await run(['validate', 'x.json'], { 'x.json': `{"a": "\u001b[31m` });
    expect(notJson.stderr).not.toMatch(RAW_CONTROL);
  });

  it('the progress bar alone keeps its carriage return and erase-line', async () => {
    const result = await run(['simulate', 'evil.json', '--users', '3000', '--json'], files, {
      stderrIsTTY: true,
      now: (() => {
        let time = 0;
        return () => (time += 150);
      })(),
    });
    expect(result.stderr).toMatch(/^\rSimulating \[/);
    expect(result.stderr.endsWith('\r\x1b[K')).toBe(true);
  });

  it('terminalSafe leaves no control character, and JSON escaped by it decodes to the same value', () => {
    const special = fc.constantFrom(...'\u0000\u0007\b\t\n\r\u001b\u007f\u0085\u009b\u061c\u200e\u200f\u2028\u2029\u202a\u202e\u2066\u2069\\"a中');
    const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    const text = fc.string({ unit: fc.oneof(special, anyCodeUnit), maxLength: 30 });
    fc.assert(
      fc.property(fc.dictionary(text, fc.oneof(text, fc.array(text, { maxLength: 3 }))), (value) => {
        const json = JSON.stringify(value, null, 2);
        const safe = terminalSafe(json);
        expect(safe).not.toMatch(RAW_CONTROL);
        expect(JSON.parse(safe)).toEqual(value);
        expect(terminalSafe(safe)).toBe(safe);
        expect(oneLine(JSON.stringify(value))).not.toMatch(/[\n\t]/);
      }),
      { seed: 9, numRuns: 300 },
    );
  });
});

describe('the last resort', () => {
  /** Output that fails in a way nothing expects: a fault the commands do not handle themselves. */
  const stdout = () => {
    throw new TypeError('the output \u001b[2Jbroke\nhere');
  };

  it('turns any unexpected error into one line and exit 2, in the user’s language', async () => {
    for (const command of ['validate', 'compile', 'simulate']) {
      const result = await run([command, 'ok.json', ...(command === 'simulate' ? ['--users', '50'] : [])], journeyFiles, { stdout });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('journey-lab: internal error: TypeError: the output \\u001b[2Jbroke here — please report it\n');
      expect(result.stderr).not.toMatch(STACK_FRAME);
    }
    const chinese = await run(['compile', 'ok.json', '--lang', 'zh-CN'], journeyFiles, { stdout });
    expect(chinese.stderr).toBe('journey-lab：内部错误：TypeError: the output \\u001b[2Jbroke here —— 请报告此问题\n');
    const fromEnvironment = await run(['simulate', 'ok.json', '--users', '50'], journeyFiles, { stdout, env: { JOURNEY_LAB_LANG: 'zh-CN' } });
    expect(fromEnvironment.stderr).toMatch(/^journey-lab：内部错误：/);
  });

  it('never throws, whatever the arguments', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom('validate', 'compile', 'templates', '--export', '-o', '--lang', '--help', 'ok.json', '-', '--', '__proto__'), fc.string()), { maxLength: 5 }), async (args) => {
        const result = await run(args, journeyFiles);
        expect([0, 1, 2]).toContain(result.code);
        expect(result.stderr).not.toMatch(STACK_FRAME);
        expect(result.stderr + result.stdout).not.toMatch(RAW_CONTROL);
      }),
      { seed: 3, numRuns: 200 },
    );
  });
});

describe('the installed bin', () => {
  it('prints one line and exits 2 for an inherited command name and an output path that is a directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journey-lab-bin-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const journey = join(dir, 'ok.journey.json');
    writeFileSync(journey, journeyFiles['ok.json']);
    const inherited = bin('constructor');
    expect(inherited.status).toBe(2);
    expect(inherited.stderr).toMatch(/^Unknown command "constructor"\./);
    const directory = bin('compile', journey, '-o', dir);
    expect(directory.status).toBe(2);
    expect(directory.stderr).toBe(`Cannot write ${dir}: it is a directory\n`);
  }, 30_000); // two cold starts of tsx on a busy two-core machine
});
