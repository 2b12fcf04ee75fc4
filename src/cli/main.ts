import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { isLang, type Lang } from '../core/i18n';
import { checkJourney } from '../core/journey/validate';
import { compileJourney } from '../core/compile/toMachine';
import { formatLocation, type Problem } from '../core/journey/problems';
import { getTemplate, industryNames, templates, templateSummaries } from '../core/templates/index';
import { instantiateTemplate } from '../core/templates/defineTemplate';
import { cliMessages, type CliMessages } from './messages';

/** Exit statuses, as documented in the usage text. */
export const EXIT = { ok: 0, problems: 1, usage: 2, unreadable: 2 } as const;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  env: Record<string, string | undefined>;
  version: string;
}

export const nodeIo = (version: string): CliIo => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
  writeFile: (path, text) => writeFileSync(path, text),
  env: process.env,
  version,
});

class UsageError extends Error {}

export const formatProblem = (problem: Problem, lang: Lang) =>
  `${problem.severity.toUpperCase()} ${problem.code} ${formatLocation(problem.location, lang)}: ${problem.message[lang]}`;

type Loaded = { ok: true; json: unknown } | { ok: false; message: string };

function loadJson(file: string, io: CliIo, text: CliMessages): Loaded {
  let source: string;
  try {
    source = io.readFile(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^[A-Z]+: /, '') : String(error);
    return { ok: false, message: text.cannotRead(file, reason) };
  }
  try {
    return { ok: true, json: JSON.parse(source.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    return { ok: false, message: text.notJson(file, error instanceof Error ? error.message : String(error)) };
  }
}

const VERSION_CODES = new Set(['unsupported-version', 'not-a-journey']);

function single(positionals: string[], text: CliMessages): string {
  if (positionals.length === 0) throw new UsageError(text.missingFile);
  if (positionals.length > 1) throw new UsageError(text.tooManyArguments);
  return positionals[0]!;
}

function validateCommand(args: string[], lang: Lang, io: CliIo): number {
  const text = cliMessages[lang];
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) return io.stdout(`${text.validateUsage}\n`), EXIT.ok;
  const file = single(positionals, text);
  const loaded = loadJson(file, io, text);
  if (!loaded.ok) return io.stderr(`${loaded.message}\n`), EXIT.unreadable;
  const { problems } = checkJourney(loaded.json);
  for (const problem of problems) io.stdout(`${formatProblem(problem, lang)}\n`);
  const count = (severity: Problem['severity']) => problems.filter((problem) => problem.severity === severity).length;
  io.stderr(`${text.summary(count('error'), count('warning'), count('info'))}\n`);
  if (problems.some((problem) => VERSION_CODES.has(problem.code))) return EXIT.unreadable;
  return count('error') > 0 ? EXIT.problems : EXIT.ok;
}

function compileCommand(args: string[], lang: Lang, io: CliIo): number {
  const text = cliMessages[lang];
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, output: { type: 'string', short: 'o' } },
  });
  if (values.help) return io.stdout(`${text.compileUsage}\n`), EXIT.ok;
  const file = single(positionals, text);
  const loaded = loadJson(file, io, text);
  if (!loaded.ok) return io.stderr(`${loaded.message}\n`), EXIT.unreadable;
  const result = compileJourney(loaded.json);
  if (!result.ok) {
    io.stderr(`${text.refused}\n`);
    for (const problem of result.problems) io.stderr(`${formatProblem(problem, lang)}\n`);
    return result.problems.some((problem) => VERSION_CODES.has(problem.code)) ? EXIT.unreadable : EXIT.problems;
  }
  const json = `${JSON.stringify(result.config, null, 2)}\n`;
  if (values.output) {
    io.writeFile(values.output, json);
    io.stderr(`${text.wrote(values.output)}\n`);
  } else io.stdout(json);
  return EXIT.ok;
}

function templatesCommand(args: string[], lang: Lang, io: CliIo): number {
  const text = cliMessages[lang];
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, export: { type: 'string' } },
  });
  if (values.help) return io.stdout(`${text.templatesUsage}\n`), EXIT.ok;
  if (positionals.length > 0) throw new UsageError(text.tooManyArguments);
  if (values.export !== undefined) {
    const template = getTemplate(values.export);
    if (!template) {
      io.stderr(`${text.unknownTemplate(values.export, templates.map((known) => known.id).join(', '))}\n`);
      return EXIT.usage;
    }
    io.stdout(`${JSON.stringify(instantiateTemplate(template, lang), null, 2)}\n`);
    return EXIT.ok;
  }
  const summaries = templateSummaries(lang);
  const width = Math.max(...summaries.map((summary) => summary.id.length));
  for (const summary of summaries)
    io.stdout(`${summary.id.padEnd(width)}  ${summary.name}  (${text.templateLine(summary.caseNumber, industryNames[summary.industry][lang], summary.nodeCount)})\n`);
  return EXIT.ok;
}

const commands: Record<string, (args: string[], lang: Lang, io: CliIo) => number> = {
  validate: validateCommand,
  compile: compileCommand,
  templates: templatesCommand,
};

/** Pulls `--lang X` / `--lang=X` out of the arguments, so every command accepts it. */
function takeLang(args: string[], io: CliIo): { lang: Lang; rest: string[]; bad?: string } {
  const rest: string[] = [];
  let chosen: string | undefined = io.env.JOURNEY_LAB_LANG;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--lang') chosen = args[++i] ?? '';
    else if (arg.startsWith('--lang=')) chosen = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  if (chosen === undefined) return { lang: 'en', rest };
  return isLang(chosen) ? { lang: chosen, rest } : { lang: 'en', rest, bad: chosen };
}

/** Runs the CLI and returns its exit status. */
export function main(argv: string[], io: CliIo): number {
  const { lang, rest, bad } = takeLang(argv, io);
  const text = cliMessages[lang];
  if (bad !== undefined) return io.stderr(`${text.badLang(bad)}\n${text.usage}\n`), EXIT.usage;
  const [command, ...args] = rest;
  if (command === '--version' || command === '-v') return io.stdout(`${io.version}\n`), EXIT.ok;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help')
    return (command === undefined ? io.stderr : io.stdout)(`${text.usage}\n`), command === undefined ? EXIT.usage : EXIT.ok;
  const run = commands[command];
  if (!run) return io.stderr(`${text.unknownCommand(command)}\n\n${text.usage}\n`), EXIT.usage;
  try {
    return run(args, lang, io);
  } catch (error) {
    // parseArgs throws on unknown or malformed options: the user gets the command's usage.
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')))
      return io.stderr(`${error.message}\n\n${text.usage}\n`), EXIT.usage;
    throw error;
  }
}
