// Import benchmark (issue 16, "Speed"): how much a whole import of a transaction file costs compared
// with parsing it alone, and how much memory it holds per row. Run it with `npm run bench:import` (or
// `node --expose-gc --import tsx bench/import.ts [options]`); `--help` lists the options.
//
// Files of 100,000 and 1,000,000 rows are generated in memory (bench/importData.ts) and pushed in 1 MiB
// chunks, in this thread. Phases, each timed --runs times and the median run reported:
//
//   parse       decode + table reader (createDecoder, createTableReader): text to rows, nothing kept —
//               the BASELINE every ratio divides by, measured in the same run
//   import      createTransactionImport: parse, check every row, rows to the columnar purchase table
//   summarise   rfmSummary of the table (calibration end: the last day, as `journey-lab fit` without
//               --calibration-end)
//   fit         fitCustomers with segmentBy none: BG/NBD and gamma-gamma fits and the diagnostics
//
// Memory: a further import of each file, with a full collection and a sample of heapUsed + arrayBuffers
// between chunks and after finish(); the peak minus the sample before the import, per row. The file's
// own bytes are generated before that first sample, so they are subtracted. The transient inside
// finish() (rows sorted into purchases) falls between two samples and is not seen.
//
// Benchmarks report; a missed target never fails the process, a wrong result does: every phase must
// have read every generated row and customer, rejected none, and the fit must have converged. Exit
// status: 0 when every figure was taken and right, 1 when a run failed or a result was wrong, 2 for bad
// arguments.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fitCustomers, rfmSummary, type BgNbdParams } from '../src/core/calibration';
import { checkTransactionMapping, createDecoder, createTableReader, createTransactionImport, sniffTransactions, type TransactionImportSettings } from '../src/core/calibration/import';
import { say } from '../src/cli/i18n';
import { chunksOf, generateTransactionFile, GENERATOR, type TransactionFile } from './importData';
import { measurePopulationThroughput, type PopulationThroughput } from './populationThroughput';
import { parsedOrExit, UsageError } from './benchCli';

// Targets of issue 16.
export const TARGETS = {
  /** (import + summarise + fit) ÷ parse alone. */
  wholeOverParse: 3,
  bytesPerRow: 100,
  /** A population's throughput ÷ the same cohort generated synthetically (not measurable yet). */
  populationThroughput: 0.8,
} as const;

const SEED = 1;
const POPULATION_NOT_RUN = 'not measured in this run';

export interface ImportBenchOptions {
  /** Rows of each generated file. */
  sizes: number[];
  /** Timed rounds per file; the median of each phase is reported. */
  runs: number;
  quick: boolean;
  log: (line: string) => void;
}

export const phases = ['parse', 'import', 'summarise', 'fit'] as const;
export type Phase = (typeof phases)[number];

export interface ImportFigures {
  rows: number;
  customers: number;
  fileBytes: number;
  /** Median seconds of each phase, and every run's. */
  seconds: Record<Phase, number>;
  runs: Record<Phase, number[]>;
  /** (import + summarise + fit) ÷ parse, and fit ÷ parse, of the medians. */
  wholeOverParse: number;
  fitOverParse: number;
  memory: {
    /** Highest heapUsed + arrayBuffers between chunks and after finish, over the sample before, per row. */
    peakBytesPerRow: number;
    /** The same after finish (the purchase table and the customer ids kept), per row. */
    keptBytesPerRow: number;
  };
  /** What each phase found, for the wrong-result checks. */
  found: { parsedRows: number; importedRows: number; rejectedRows: number; importProblem: string | null; importedCustomers: number; summarisedCustomers: number; fitConverged: boolean };
  /** The BG/NBD parameters the fit found (per day), beside GENERATOR's true ones. */
  fitted: BgNbdParams | null;
}

export interface TargetCheck {
  name: string;
  target: string;
  value: string;
  /** null when it cannot be measured yet. */
  met: boolean | null;
}

export interface ImportBenchResult {
  benchmark: 'import';
  machine: { availableParallelism: number; cpuModel: string; node: string; platform: string; arch: string };
  options: Omit<ImportBenchOptions, 'log'>;
  seed: number;
  gcExposed: boolean;
  files: ImportFigures[];
  targets: TargetCheck[];
}

// ---------------------------------------------------------------------------------------------------
// Measurements

/** global.gc, exposed by --expose-gc; otherwise switched on now (V8 allows it after start-up). */
function getGc(): { gc: () => void; exposed: boolean } {
  const exposed = typeof globalThis.gc === 'function';
  if (exposed) return { gc: () => globalThis.gc!(), exposed };
  setFlagsFromString('--expose-gc');
  return { gc: runInNewContext('gc') as () => void, exposed };
}

function heldBytes(gc: () => void): number {
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** The settings `journey-lab fit` would read the file with: sniffed from its first chunk, the guessed mapping taken. */
function settingsOf(file: TransactionFile): TransactionImportSettings {
  const first = chunksOf(file.bytes)[0]!;
  const sniffed = sniffTransactions(first, { complete: first.length === file.bytes.length });
  if (sniffed.problem || !sniffed.layout || !sniffed.guess) throw new Error(`The generated file cannot be sniffed: ${sniffed.problem ? say(sniffed.problem, 'en') : 'no layout'}`);
  const checked = checkTransactionMapping(sniffed.guess.mapping, sniffed.layout.header);
  if (!checked.mapping) throw new Error(`The generated file's columns are not recognised: ${say(checked.problems[0]!, 'en')}`);
  return { encoding: null, delimiter: sniffed.layout.delimiter, header: sniffed.layout.header !== null, mapping: checked.mapping };
}

/** Decode and split into rows, keeping nothing: the baseline. */
function parseOnly(chunks: readonly Uint8Array[], settings: TransactionImportSettings): number {
  const decoder = createDecoder(settings.encoding ?? undefined);
  const table = createTableReader({ delimiter: settings.delimiter, header: settings.header });
  let rows = 0;
  for (const chunk of chunks) rows += table.push(decoder.push(chunk)).length;
  rows += table.push(decoder.finish()).length;
  return rows + table.finish().length;
}

function importAll(chunks: readonly Uint8Array[], settings: TransactionImportSettings, between: () => void = () => {}) {
  const stream = createTransactionImport(settings);
  for (const chunk of chunks) {
    stream.push(chunk);
    between();
  }
  return stream.finish();
}

function timed<T>(gc: () => void, work: () => T): { value: T; seconds: number } {
  gc();
  const start = performance.now();
  const value = work();
  return { value, seconds: (performance.now() - start) / 1000 };
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1]!;

/** One file: every phase `runs` times, then the memory pass. */
function measureFile(file: TransactionFile, runs: number, gc: () => void, log: (line: string) => void): ImportFigures {
  const chunks = chunksOf(file.bytes);
  const settings = settingsOf(file);
  const times: Record<Phase, number[]> = { parse: [], import: [], summarise: [], fit: [] };
  let found: ImportFigures['found'] | null = null;
  let fitted: BgNbdParams | null = null;
  for (let round = 0; round < runs; round++) {
    const parsed = timed(gc, () => parseOnly(chunks, settings));
    const imported = timed(gc, () => importAll(chunks, settings));
    const { table, report, problem } = imported.value;
    const lastDay = report.lastDay ?? 0;
    const summary = timed(gc, () => rfmSummary(table, { calibrationEnd: lastDay }));
    const fit = timed(gc, () => fitCustomers(summary.value, table, { segmentBy: 'none', lastDay }));
    for (const [phase, run] of [['parse', parsed], ['import', imported], ['summarise', summary], ['fit', fit]] as const) times[phase].push(run.seconds);
    const bgnbd = fit.value.segments[0]?.bgnbd ?? null;
    fitted = bgnbd?.params ?? null;
    found = {
      parsedRows: parsed.value,
      importedRows: report.rowsRead,
      rejectedRows: report.rejectedCount,
      importProblem: problem ? say(problem, 'en') : null,
      importedCustomers: report.customers,
      summarisedCustomers: summary.value.count,
      fitConverged: bgnbd?.converged ?? false,
    };
    log(`  round ${round + 1}: ${phases.map((phase) => `${phase} ${times[phase][round]!.toFixed(2)} s`).join(', ')}`);
  }
  const before = heldBytes(gc);
  let peak = before;
  const result = importAll(chunks, settings, () => (peak = Math.max(peak, heldBytes(gc))));
  const kept = heldBytes(gc);
  peak = Math.max(peak, kept);
  if (result.report.rowsRead !== file.rows) throw new Error(`The memory pass read ${result.report.rowsRead} rows of ${file.rows}.`);
  const seconds = Object.fromEntries(phases.map((phase) => [phase, median(times[phase])])) as Record<Phase, number>;
  return {
    rows: file.rows,
    customers: file.customers,
    fileBytes: file.bytes.length,
    seconds,
    runs: times,
    wholeOverParse: (seconds.import + seconds.summarise + seconds.fit) / seconds.parse,
    fitOverParse: seconds.fit / seconds.parse,
    memory: { peakBytesPerRow: (peak - before) / file.rows, keptBytesPerRow: (kept - before) / file.rows },
    found: found!,
    fitted,
  };
}

export function targetChecks(files: readonly ImportFigures[], population: PopulationThroughput | null = null): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const file of files) {
    const rows = file.rows.toLocaleString('en');
    checks.push(
      { name: `whole import ÷ parse, ${rows} rows`, target: `≤ ${TARGETS.wholeOverParse}×`, value: fmtRatio(file.wholeOverParse), met: file.wholeOverParse <= TARGETS.wholeOverParse },
      { name: `peak memory per row, ${rows} rows`, target: `≤ ${TARGETS.bytesPerRow} B/row`, value: `${file.memory.peakBytesPerRow.toFixed(0)} B/row`, met: file.memory.peakBytesPerRow <= TARGETS.bytesPerRow },
    );
  }
  checks.push(
    population
      ? {
          name: `${population.customers.toLocaleString('en')}-customer population ÷ synthetic cohort`,
          target: `≥ ${TARGETS.populationThroughput * 100} % of the throughput`,
          value: `${(population.ratio * 100).toFixed(0)} % (${population.populationSeconds.toFixed(2)} s against ${population.syntheticSeconds.toFixed(2)} s)`,
          met: population.ratio >= TARGETS.populationThroughput,
        }
      : { name: 'population ÷ synthetic cohort', target: `≥ ${TARGETS.populationThroughput * 100} % of the throughput`, value: POPULATION_NOT_RUN, met: null },
  );
  return checks;
}

/** What the benchmark found wrong, as opposed to slow; empty when all is right. */
export function wrongResults(files: readonly ImportFigures[]): string[] {
  const wrong: string[] = [];
  for (const { rows, customers, found } of files) {
    const of = `the ${rows.toLocaleString('en')}-row file`;
    if (found.parsedRows !== rows) wrong.push(`Parsing ${of} gave ${found.parsedRows} rows.`);
    if (found.importProblem !== null) wrong.push(`Importing ${of} failed: ${found.importProblem}`);
    if (found.importedRows !== rows || found.rejectedRows !== 0) wrong.push(`Importing ${of} read ${found.importedRows} rows and rejected ${found.rejectedRows}.`);
    if (found.importedCustomers !== customers || found.summarisedCustomers !== customers)
      wrong.push(`Of ${customers} customers in ${of}, the import found ${found.importedCustomers} and the summary ${found.summarisedCustomers}.`);
    if (!found.fitConverged) wrong.push(`The BG/NBD fit of ${of} did not converge.`);
  }
  return wrong;
}

export function defaultOptions(quick: boolean): Omit<ImportBenchOptions, 'log'> {
  return quick ? { sizes: [100_000], runs: 1, quick } : { sizes: [100_000, 1_000_000], runs: 3, quick };
}

export function runImportBench(options: ImportBenchOptions): ImportBenchResult {
  const { log } = options;
  const { gc, exposed } = getGc();
  // A small file through every phase first, so no file's first round pays for compiling the code.
  measureFile(generateTransactionFile(Math.min(20_000, ...options.sizes), SEED + 1), 1, gc, () => {});
  const files: ImportFigures[] = [];
  for (const rows of options.sizes) {
    log(`${rows.toLocaleString('en')} rows: generating`);
    files.push(measureFile(generateTransactionFile(rows, SEED), options.runs, gc, log));
  }
  const { log: _log, ...shown } = options;
  return {
    benchmark: 'import',
    machine: { availableParallelism: os.availableParallelism(), cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown', node: process.version, platform: process.platform, arch: process.arch },
    options: shown,
    seed: SEED,
    gcExposed: exposed,
    files,
    targets: targetChecks(files),
  };
}

// ---------------------------------------------------------------------------------------------------
// Output

const fmtRatio = (ratio: number) => `${ratio.toFixed(2)}×`;
const fmtParams = (params: BgNbdParams) => `r ${params.r.toPrecision(3)}, α ${params.alpha.toPrecision(3)}, a ${params.a.toPrecision(3)}, b ${params.b.toPrecision(3)}`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

function phaseCell(file: ImportFigures, phase: Phase): string {
  const runs = file.runs[phase];
  const spread = runs.length > 1 ? `, median of ${runs.length}: ${Math.min(...runs).toFixed(2)}–${Math.max(...runs).toFixed(2)}` : '';
  const perSecond = file.rows / file.seconds[phase];
  return `${file.seconds[phase].toFixed(2)} s (${perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)} M` : `${(perSecond / 1e3).toFixed(0)} k`} rows/s${spread})`;
}

export function formatTable(result: ImportBenchResult): string {
  const { machine } = result;
  const row = (label: string, cell: (file: ImportFigures) => string) => [label, ...result.files.map(cell)];
  const lines = [
    `Import benchmark: generated CSV (seed ${result.seed}), 1 MiB chunks, one thread; ${machine.availableParallelism} CPU(s) (${machine.cpuModel}), Node ${machine.node}`,
    '',
    table([
      ['', ...result.files.map((file) => `${file.rows.toLocaleString('en')} rows`)],
      row('file', (file) => `${(file.fileBytes / 1024 / 1024).toFixed(1)} MiB, ${file.customers.toLocaleString('en')} customers`),
      row('parse alone (baseline)', (file) => phaseCell(file, 'parse')),
      row('import (parse + table)', (file) => phaseCell(file, 'import')),
      row('summarise (rfmSummary)', (file) => phaseCell(file, 'summarise')),
      row('fit (fitCustomers)', (file) => phaseCell(file, 'fit')),
      row('whole import ÷ parse', (file) => fmtRatio(file.wholeOverParse)),
      row('fit ÷ parse', (file) => fmtRatio(file.fitOverParse)),
      row('peak memory per row', (file) => `${file.memory.peakBytesPerRow.toFixed(0)} B`),
      row('kept after import per row', (file) => `${file.memory.keptBytesPerRow.toFixed(0)} B`),
      row('fitted BG/NBD (per day)', (file) => (file.fitted ? fmtParams(file.fitted) : 'no fit')),
    ]),
    `True BG/NBD of the generated customers: ${fmtParams(GENERATOR.purchases)}.`,
    '',
    'Targets (issue 16); a missed target does not fail the run',
    table([['figure', 'target', 'measured', 'result'], ...result.targets.map((target) => [target.name, target.target, target.value, target.met === null ? '—' : target.met ? 'PASS' : 'MISS'])]),
    '',
    'Whole import = import + summarise + fit. Memory: heapUsed + arrayBuffers after a full collection, sampled between',
    'chunks and after finish(), minus the sample before the import; the transient inside finish() is not sampled.',
  ];
  if (!result.gcExposed) lines.push('', 'Memory: gc() was switched on at run time; run node with --expose-gc to have it from the start.');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Command line

const USAGE = `Import benchmark: parse, import, summarise and fit generated transaction files, each phase timed and
divided by parsing alone, and the import's peak memory per row.

Usage:
  npm run bench:import [-- options]
  node --expose-gc --import tsx bench/import.ts [options]

Options:
  --rows N[,N…]   rows of each generated file (default 100000,1000000)
  --runs N        timed rounds per file; the median of each phase is reported (default 3)
  --quick         a smoke run: 100000 rows, 1 round
  --json          print one JSON object instead of the table
  -h, --help      show this help

Targets (issue 16): whole import (import + summarise + fit) ≤ ${TARGETS.wholeOverParse}× parsing alone; ≤ ${TARGETS.bytesPerRow} B per
transaction row at peak; a 1,000,000-customer population simulates at ≥ ${TARGETS.populationThroughput * 100} % of the synthetic cohort's
throughput (churn win-back, one thread; 100,000 customers with --quick).
Every ratio is measured within one run. A missed target does not fail the run; a wrong result does (rows
or customers lost, rows rejected, a fit that did not converge). Exit status: 0 when every figure was
taken and right, 1 when a run failed or a result was wrong, 2 for bad arguments.`;


function positiveInteger(name: string, text: string): number {
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${name} must be a whole number ≥ 1, not "${text}".`);
  return value;
}

export function parseOptions(argv: string[]): { options: ImportBenchOptions; json: boolean } | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        rows: { type: 'string' },
        runs: { type: 'string' },
        quick: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  const defaults = defaultOptions(values.quick);
  return {
    json: values.json,
    options: {
      sizes: values.rows === undefined ? defaults.sizes : values.rows.split(',').map((text) => positiveInteger('rows', text.trim())),
      runs: values.runs === undefined ? defaults.runs : positiveInteger('runs', values.runs),
      quick: values.quick,
      log: values.json ? () => {} : (line) => process.stderr.write(`${line}\n`),
    },
  };
}

async function main(argv: string[]): Promise<number> {
  const options = parsedOrExit(() => parseOptions(argv), USAGE);
  if ('exit' in options) return options.exit;
  const { parsed } = options;
  try {
    const result = runImportBench(parsed.options);
    parsed.options.log(`${(parsed.options.quick ? 100_000 : 1_000_000).toLocaleString('en')}-customer population against synthetic users: simulating`);
    const population = await measurePopulationThroughput(parsed.options.quick ? 100_000 : 1_000_000, parsed.options.runs);
    result.targets = targetChecks(result.files, population);
    process.stdout.write(parsed.json ? `${JSON.stringify(result, null, 2)}\n` : `\n${formatTable(result)}\n`);
    const wrong = wrongResults(result.files);
    for (const line of wrong) process.stderr.write(`The import benchmark found a wrong result: ${line}\n`);
    return wrong.length > 0 ? 1 : 0;
  } catch (error) {
    process.stderr.write(`The import benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
