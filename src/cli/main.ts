import { parseArgs } from 'node:util';
import { dataLanguage } from '../core/i18n';
import { formatAlternatives } from '../app/i18n/format';
import { checkJourney } from '../core/journey';
import { compileJourneyInput } from '../core/compile';
import type { Problem } from '../core/journey';
import { getTemplate, industryNames, templates, templateSummaries } from '../core/templates';
import { instantiateTemplate } from '../core/templates';
import { cliLanguages, cliText, isCliLanguage, languageChoices, say, type CliLanguage } from './i18n';
import { errorDetail } from '../core/sim/engine';
import { EXIT, formatProblem, loadJson, single, terminalSafeIo, UsageError, VERSION_CODES, writeFileOrSay, type CliIo } from './commandIo';

export { EXIT, formatProblem, nodeIo, terminalSafe, type CliIo } from './commandIo';

function validateCommand(args: string[], lang: CliLanguage, io: CliIo): number {
  const text = cliText(lang);
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) return io.stdout(`${text('validateUsage', { languages: languageChoices() })}\n`), EXIT.ok;
  const file = single(positionals, lang);
  const loaded = loadJson(file, io, lang);
  if (!loaded.ok) return io.stderr(`${loaded.message}\n`), EXIT.unreadable;
  const { problems } = checkJourney(loaded.json);
  for (const problem of problems) io.stdout(`${formatProblem(problem, lang)}\n`);
  const count = (severity: Problem['severity']) => problems.filter((problem) => problem.severity === severity).length;
  io.stderr(`${text('summary', { errors: count('error'), warnings: count('warning'), infos: count('info') })}\n`);
  if (problems.some((problem) => VERSION_CODES.has(problem.code))) return EXIT.unreadable;
  return count('error') > 0 ? EXIT.problems : EXIT.ok;
}

function compileCommand(args: string[], lang: CliLanguage, io: CliIo): number {
  const text = cliText(lang);
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, output: { type: 'string', short: 'o' } },
  });
  if (values.help) return io.stdout(`${text('compileUsage', { languages: languageChoices() })}\n`), EXIT.ok;
  const file = single(positionals, lang);
  const loaded = loadJson(file, io, lang);
  if (!loaded.ok) return io.stderr(`${loaded.message}\n`), EXIT.unreadable;
  const result = compileJourneyInput(loaded.json);
  if (!result.ok) {
    io.stderr(`${text('refused')}\n`);
    for (const problem of result.problems) io.stderr(`${formatProblem(problem, lang)}\n`);
    return result.problems.some((problem) => VERSION_CODES.has(problem.code)) ? EXIT.unreadable : EXIT.problems;
  }
  const json = `${JSON.stringify(result.config, null, 2)}\n`;
  if (values.output) {
    if (!writeFileOrSay(values.output, json, io, lang)) return EXIT.unwritable;
    io.stderr(`${text('wrote', { file: values.output })}\n`);
  } else io.stdout(json);
  return EXIT.ok;
}

function templatesCommand(args: string[], lang: CliLanguage, io: CliIo): number {
  const text = cliText(lang);
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, export: { type: 'string' } },
  });
  if (values.help) return io.stdout(`${text('templatesUsage', { languages: languageChoices() })}\n`), EXIT.ok;
  if (positionals.length > 0) throw new UsageError(text('tooManyArguments'));
  if (values.export !== undefined) {
    const template = getTemplate(values.export);
    if (!template) {
      // Ids, not words: listed as they are typed, in any language.
      io.stderr(`${text('unknownTemplate', { id: values.export, known: templates.map((known) => known.id).join(', ') })}\n`);
      return EXIT.usage;
    }
    io.stdout(`${JSON.stringify(instantiateTemplate(template, dataLanguage(lang)), null, 2)}\n`);
    return EXIT.ok;
  }
  const summaries = templateSummaries(dataLanguage(lang));
  const width = summaries.reduce((widest, summary) => Math.max(widest, summary.id.length), 0);
  for (const summary of summaries)
    io.stdout(
      `${summary.id.padEnd(width)}  ${summary.name}  (${text('templateLine', { caseNumber: summary.caseNumber, industry: say(industryNames[summary.industry], lang), nodes: summary.nodeCount })})\n`,
    );
  return EXIT.ok;
}

type Command = (args: string[], lang: CliLanguage, io: CliIo) => number | Promise<number>;

// A Map, not an object: a command typed as `constructor` or `__proto__` must be unknown, not found on
// Object.prototype.
const commands = new Map<string, Command>([
  ['validate', validateCommand],
  ['compile', compileCommand],
  ['templates', templatesCommand],
  // Loaded on demand, so the other commands do not pay for loading the simulation engine.
  ['simulate', async (args, lang, io) => (await import('./simulate')).simulateCommand(args, lang, io)],
  ['fit', async (args, lang, io) => (await import('./fit')).fitCommand(args, lang, io)],
  ['merge', async (args, lang, io) => (await import('./merge')).mergeCommand(args, lang, io)],
  // The team server: Fastify, the database drivers and the app's build load only for it.
  ['serve', async (args, lang, io) => (await import('./serve')).serveCommand(args, lang, io)],
]);

/** Pulls `--lang X` / `--lang=X` out of the arguments, so every command accepts it. */
function takeLang(args: string[], env: CliIo['env']): { lang: CliLanguage; rest: string[]; bad?: string } {
  const rest: string[] = [];
  let chosen: string | undefined = env.JOURNEY_LAB_LANG;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--lang') chosen = args[++i] ?? '';
    else if (arg.startsWith('--lang=')) chosen = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  if (chosen === undefined) return { lang: 'en', rest };
  return isCliLanguage(chosen) ? { lang: chosen, rest } : { lang: 'en', rest, bad: chosen };
}

/**
 * The one line printed for an error nobody expected (a fault in Journey Lab): in the language the
 * arguments and environment ask for, and without a stack trace. bin/journey-lab.mjs prints it too, for
 * what escapes main.
 */
export function internalErrorLine(argv: string[], env: CliIo['env'], error: unknown): string {
  let lang: CliLanguage = 'en';
  try {
    lang = takeLang(argv, env).lang;
  } catch {
    // Arguments that cannot even be read: English.
  }
  return cliText(lang)('internalError', { message: errorDetail(error) });
}

/**
 * Runs the CLI and returns its exit status: at once for the synchronous commands, as a promise for
 * `simulate` (callers await it: `process.exitCode = await main(…)`). It never throws: an unexpected
 * error is one line on standard error and exit status 2.
 */
export function main(argv: string[], rawIo: CliIo): number | Promise<number> {
  const io = terminalSafeIo(rawIo);
  const internal = (error: unknown): number => {
    try {
      io.stderr(`${internalErrorLine(argv, io.env, error)}\n`);
    } catch {
      // Standard error itself is gone: the exit status is all that is left.
    }
    return EXIT.failed;
  };
  try {
    const { lang, rest, bad } = takeLang(argv, io.env);
    const text = cliText(lang);
    const usage = text('usage', { languages: languageChoices() });
    if (bad !== undefined) return io.stderr(`${text('badLang', { lang: bad, languages: formatAlternatives(cliLanguages, lang) })}\n${usage}\n`), EXIT.usage;
    const [command, ...args] = rest;
    if (command === '--version' || command === '-v') return io.stdout(`${io.version}\n`), EXIT.ok;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help')
      return (command === undefined ? io.stderr : io.stdout)(`${usage}\n`), command === undefined ? EXIT.usage : EXIT.ok;
    const run = commands.get(command);
    if (!run) return io.stderr(`${text('unknownCommand', { command })}\n\n${usage}\n`), EXIT.usage;
    const failed = (error: unknown): number => {
      // parseArgs throws on unknown or malformed options: the user gets the command's usage.
      if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')))
        return io.stderr(`${error.message}\n\n${(error instanceof UsageError && error.usage) || usage}\n`), EXIT.usage;
      return internal(error);
    };
    try {
      const status = run(args, lang, io);
      return typeof status === 'number' ? status : status.catch(failed);
    } catch (error) {
      return failed(error);
    }
  } catch (error) {
    return internal(error);
  }
}
