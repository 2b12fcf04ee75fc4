import { parseArgs } from 'node:util';
import { message } from '../core/i18n';
import { pathText, type Problem } from '../core/journey';
import { engines, type EngineName } from '../core/sim/engine';
import { checkSimulation, cohortFitProblems, problemsOfFailure, simulateChecked, simulationProblems } from '../core/sim/engine';
import { cohortPresets, getPreset } from '../core/cohort';
import { populationForCohort, readPopulation, type PopulationRead } from '../core/calibration';
import type { SimulationPopulation } from '../core/sim/engine';
import { runFailureProblems } from '../core/sim/engine';
import { cliText, languageChoices, say, type CliLanguage } from './i18n';
import { createProgress } from './progress';
import { EXIT, fileErrorReason, formatProblem, loadJson, oneLine, single, UsageError, VERSION_CODES, type CliIo } from './commandIo';
import { formatSummary, formatTrace } from './simulateFormat';
import { createWorkerPool } from './workerPool';
import { parseShard, writeShard } from './shard';

/** `journey-lab simulate JOURNEY …`: runs a journey on a cohort and prints the report (see the usage text). */

export const DEFAULT_PRESET = 'ecommerce';
const presetList = cohortPresets.map((preset) => preset.id).join(', ');

const MAX_WORKERS = 256;
/** Problems that mean a file is of a format version this Journey Lab cannot read: exit 2, as `validate` does. */
const UNREADABLE_CODES = new Set([...VERSION_CODES, 'cohort-unsupported-version']);
/** Problems that are not the input's: exit 2, as for any failure of the tool itself. */
const FAILURE_CODES = new Set(Object.keys(runFailureProblems));

const options = {
  help: { type: 'boolean', short: 'h' },
  cohort: { type: 'string' },
  preset: { type: 'string' },
  users: { type: 'string' },
  seed: { type: 'string' },
  engine: { type: 'string' },
  workers: { type: 'string' },
  replications: { type: 'string' },
  json: { type: 'boolean' },
  trace: { type: 'string' },
  population: { type: 'string' },
  shard: { type: 'string' },
  partial: { type: 'string' },
} as const;

export async function simulateCommand(args: string[], lang: CliLanguage, io: CliIo): Promise<number> {
  const text = cliText(lang);
  const usageText = text('simulate.usage', { presets: presetList, defaultPreset: DEFAULT_PRESET, languages: languageChoices() });
  const usage = (message: string) => new UsageError(message, usageText);
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    throw error instanceof Error ? usage(error.message) : error;
  }
  const { values, positionals } = parsed;
  if (values.help) return io.stdout(`${usageText}\n`), EXIT.ok;
  const journeyFile = single(positionals, lang, usageText);
  if (values.cohort !== undefined && values.preset !== undefined) throw usage(text('simulate.bothCohorts'));

  // Numbers: what is not a number at all is a usage error; a number out of range is a settings problem
  // that checkSimulation reports with its code, like every other problem.
  const number = (option: 'users' | 'seed' | 'replications'): number | undefined => {
    const value = values[option];
    if (value === undefined) return undefined;
    if (!/^\s*[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?\s*$/i.test(value)) throw usage(text('simulate.badNumber', { option, value }));
    return Number(value);
  };
  const users = number('users');
  const seed = number('seed');
  const replications = number('replications');
  const workers = values.workers === undefined ? 1 : Number(values.workers);
  if (values.workers !== undefined && !(/^\d+$/.test(values.workers) && workers >= 1 && workers <= MAX_WORKERS)) throw usage(text('simulate.badWorkers', { value: values.workers }));
  const traceUser = values.trace === undefined ? undefined : Number(values.trace);
  if (values.trace !== undefined && !/^\d+$/.test(values.trace)) throw usage(text('simulate.badTraceUser', { value: values.trace }));
  if (values.engine !== undefined && !(engines as readonly string[]).includes(values.engine)) throw usage(text('simulate.badEngine', { value: values.engine }));
  const engine = values.engine as EngineName | undefined;
  const shard = parseShard(values, text, usage);
  const preset = values.cohort === undefined ? getPreset(values.preset ?? DEFAULT_PRESET) : undefined;
  if (values.cohort === undefined && !preset) throw usage(text('simulate.unknownPreset', { name: values.preset!, presets: presetList }));

  const journey = loadJson(journeyFile, io, lang);
  if (!journey.ok) return io.stderr(`${journey.message}\n`), EXIT.unreadable;
  let cohort: unknown = preset?.spec;
  if (values.cohort !== undefined) {
    const loaded = loadJson(values.cohort, io, lang);
    if (!loaded.ok) return io.stderr(`${loaded.message}\n`), EXIT.unreadable;
    cohort = loaded.json;
  }
  let population: SimulationPopulation | null = null;
  if (values.population !== undefined) {
    if (values.cohort === undefined) throw usage(text('simulate.populationNeedsCohort'));
    const read = readPopulationFile(values.population, io, lang);
    if (!read.ok) return io.stderr(`${read.message}\n`), EXIT.unreadable;
    const fitted = populationForCohort(read.read, (cohort ?? {}) as Parameters<typeof populationForCohort>[1]);
    if (!fitted.ok) return io.stderr(`${text('cannotRead', { file: values.population, reason: say(fitted.problem, lang) })}\n`), EXIT.problems;
    population = fitted.population;
  }

  // Cohort problems are located in the cohort file, the others in the journey (or the settings): the
  // journey's misfits with the cohort (cohort-missing-*, path-never-taken) point at the journey's nodes.
  const describe = (problem: Problem) =>
    problem.code.startsWith('cohort-') && !Object.hasOwn(cohortFitProblems, problem.code)
      ? oneLine(`${problem.severity.toUpperCase()} ${problem.code} ${[values.cohort ?? preset!.id, pathText(problem.location.path) && `(${pathText(problem.location.path)})`].filter(Boolean).join(' ')}: ${say(problem.message, lang)}`)
      : formatProblem(problem, lang);
  const report = (heading: string, problems: Problem[]) => {
    io.stderr(`${heading}\n`);
    for (const problem of problems) io.stderr(`${describe(problem)}\n`);
    if (problems.some((problem) => FAILURE_CODES.has(problem.code))) return EXIT.failed;
    return problems.some((problem) => UNREADABLE_CODES.has(problem.code)) ? EXIT.unreadable : EXIT.problems;
  };

  const checked = checkSimulation({ journey: journey.json, cohort, seed, users, engine, replications, population, ...(shard ? { shards: shard.count } : {}) });
  if (!checked.ok) return report(text('simulate.refused'), checked.problems);
  const run = checked.checked;
  if (traceUser !== undefined && traceUser >= run.users)
    return report(text('simulate.refused'), [
      {
        severity: simulationProblems['simulation-settings'].severity,
        code: 'simulation-settings',
        message: message('cli.simulate.traceOutside', { user: traceUser, lastUser: run.users - 1 }),
        location: { path: ['trace'] },
      },
    ]);

  // What does not fit the cohort is said before the run, which goes ahead.
  if (checked.warnings.length > 0) {
    io.stderr(`${text('simulate.warnings')}\n`);
    for (const problem of checked.warnings) io.stderr(`${describe(problem)}\n`);
  }

  if (shard) return writeShard(run, shard, { workers, io, lang, text, partial: values.partial!, report });

  const pool = workers > 1 ? createWorkerPool(workers) : null;
  const progress = createProgress(io, run.users * run.replications, text('simulate.progress'));
  let result;
  try {
    result = await simulateChecked(run, {
      workers,
      ...(pool ? { runner: pool.runner } : {}),
      onProgress: (fraction) => progress.update(fraction),
      trace: traceUser === undefined ? [] : [traceUser],
    });
  } catch (error) {
    progress.done();
    // A problem of the run (a loop without time passing, say) comes with its own code; anything else —
    // a worker that crashed or ran out of memory, a fault of ours — becomes `simulation-failed`.
    return report(text('simulate.failed'), problemsOfFailure(error));
  } finally {
    progress.done();
    await pool?.close();
  }

  const entries = traceUser === undefined ? undefined : (result.traces.get(traceUser) ?? []);
  if (values.json) {
    const output = traceUser === undefined ? result.report : { report: result.report, trace: { user: traceUser, entries } };
    io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    io.stdout(formatSummary(result.report, run.journey, lang));
    if (traceUser !== undefined) io.stdout(`\n${formatTrace(traceUser, entries!, run.journey, lang)}`);
  }
  return EXIT.ok;
}

/** A population file (large: customer-level columns), read without the journey documents' size limit. */
function readPopulationFile(file: string, io: CliIo, lang: CliLanguage): { ok: true; read: Extract<PopulationRead, { ok: true }> } | { ok: false; message: string } {
  const text = cliText(lang);
  let json: unknown;
  try {
    json = JSON.parse(io.readFile(file).replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof SyntaxError ? text('notJson', { file, reason: oneLine(error.message) }) : text('cannotRead', { file, reason: fileErrorReason(error, lang) });
    return { ok: false, message: reason };
  }
  const read = readPopulation(json);
  return read.ok ? { ok: true, read } : { ok: false, message: text('cannotRead', { file, reason: say(read.problem, lang) }) };
}
