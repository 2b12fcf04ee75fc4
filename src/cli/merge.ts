import { parseArgs } from 'node:util';
import { buildReport, checkSimulation, modelFor, type SimulationReport } from '../core/sim/engine';
import { MAX_PARTIAL_CHARS, readPartial, shardRange, type PartialDocument } from '../core/sim/partialFile';
import { cliText, languageChoices, say, type CliLanguage } from './i18n';
import { EXIT, fileErrorReason, formatProblem, oneLine, UsageError, writeFileOrSay, type CliIo } from './commandIo';
import { formatSummary } from './simulateFormat';

/**
 * `journey-lab merge PARTIAL… [--json] [--out FILE]`: adds the partials of a sharded run (`simulate
 * --shard K/N --partial OUT`) into the report one machine would have printed, or refuses partials that
 * are not every shard of one run exactly once.
 */

const options = { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' }, out: { type: 'string', short: 'o' } } as const;

/** What every partial of one run has in common, in the order a difference is reported. */
const SAME_RUN: readonly { field: string; of: (partial: PartialDocument) => unknown }[] = [
  { field: 'journey', of: (partial) => partial.journey.sha256 },
  { field: 'cohort', of: (partial) => partial.cohort.sha256 },
  { field: 'population', of: (partial) => partial.population },
  { field: 'seed', of: (partial) => partial.seed },
  { field: 'users', of: (partial) => partial.users },
  { field: 'horizon', of: (partial) => partial.horizon },
  { field: 'replications', of: (partial) => partial.replications },
  { field: 'engine', of: (partial) => partial.engine },
  { field: 'shards', of: (partial) => partial.shard.count },
];

interface Read {
  file: string;
  partial: PartialDocument;
}

function readPartialFile(file: string, io: CliIo, lang: CliLanguage): { ok: true; read: Read } | { ok: false; message: string } {
  const text = cliText(lang);
  let source: string;
  try {
    source = io.readFile(file);
  } catch (error) {
    return { ok: false, message: text('cannotRead', { file, reason: fileErrorReason(error, lang) }) };
  }
  if (source.length > MAX_PARTIAL_CHARS) return { ok: false, message: text('cannotRead', { file, reason: text('merge.tooLarge', { max: MAX_PARTIAL_CHARS }) }) };
  let json: unknown;
  try {
    json = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, message: text('notJson', { file, reason: oneLine(error instanceof Error ? error.message : String(error)) }) };
  }
  const read = readPartial(json);
  return read.ok ? { ok: true, read: { file, partial: read.partial } } : { ok: false, message: text('cannotRead', { file, reason: say(read.problem, lang) }) };
}

/** Why these partials are not every shard of one run exactly once; null when they are. */
function refusal(reads: Read[], lang: CliLanguage): string | null {
  const text = cliText(lang);
  const [first] = reads;
  for (const { field, of } of SAME_RUN)
    for (const read of reads.slice(1))
      if (of(read.partial) !== of(first!.partial))
        return text('merge.differ', { field, file: read.file, found: JSON.stringify(of(read.partial)), first: first!.file, expected: JSON.stringify(of(first!.partial)) });
  const count = first!.partial.shard.count;
  const byIndex = new Map<number, string>();
  for (const { file, partial } of reads) {
    const { index, start, end } = partial.shard;
    const other = byIndex.get(index);
    if (other !== undefined) return text('merge.overlap', { index, count, file, other });
    const [expectedStart, expectedEnd] = shardRange(partial.users, partial.shard);
    if (start !== expectedStart || end !== expectedEnd) return text('merge.otherRange', { file, index, count, start, end, expectedStart, expectedEnd });
    byIndex.set(index, file);
  }
  const missing = Array.from({ length: count }, (_, index) => index).filter((index) => !byIndex.has(index));
  return missing.length > 0 ? text('merge.missing', { missing: missing.slice(0, 20).join(', '), more: Math.max(0, missing.length - 20), count }) : null;
}

export function mergeCommand(args: string[], lang: CliLanguage, io: CliIo): number {
  const text = cliText(lang);
  const usageText = text('merge.usage', { languages: languageChoices() });
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    throw error instanceof Error ? new UsageError(error.message, usageText) : error;
  }
  const { values, positionals } = parsed;
  if (values.help) return io.stdout(`${usageText}\n`), EXIT.ok;
  if (positionals.length === 0) throw new UsageError(text('merge.noPartials'), usageText);

  const reads: Read[] = [];
  for (const file of positionals) {
    const loaded = readPartialFile(file, io, lang);
    if (!loaded.ok) return io.stderr(`${loaded.message}\n`), EXIT.unreadable;
    reads.push(loaded.read);
  }
  const refused = refusal(reads, lang);
  if (refused) return io.stderr(`${text('merge.refused')}\n${refused}\n`), EXIT.problems;

  const { partial } = reads[0]!;
  const checked = checkSimulation({ journey: partial.journey.document, cohort: partial.cohort.document, seed: partial.seed, users: partial.users, engine: partial.engine, replications: partial.replications, shards: partial.shard.count });
  if (!checked.ok) {
    io.stderr(`${text('merge.refused')}\n`);
    for (const problem of checked.problems) io.stderr(`${formatProblem(problem, lang)}\n`);
    return EXIT.problems;
  }
  // The report depends on the journey and the cohort only (which customers ran changes the counts,
  // not their layout), so the model is built without the population the shards ran.
  const model = modelFor({ ...checked.checked, population: null }, 0);
  const size = model.layout.size;
  for (const { file, partial: shard } of reads)
    if (shard.counters.some((counters) => counters.length !== size))
      return io.stderr(`${text('cannotRead', { file, reason: text('merge.otherLayout', { size }) })}\n`), EXIT.unreadable;
  // Whole numbers below 2^53 add exactly in any order: the shards' order does not matter.
  const replications = Array.from({ length: partial.replications }, (_, replication) => {
    const sum = new Float64Array(size);
    for (const read of reads) {
      const counters = read.partial.counters[replication]!;
      for (let index = 0; index < size; index++) sum[index]! += counters[index]!;
    }
    return sum;
  });
  const report: SimulationReport = buildReport(model, replications, { engine: partial.engine, seed: partial.seed });
  const output = values.json ? `${JSON.stringify(report, null, 2)}\n` : formatSummary(report, checked.checked.journey, lang);
  if (values.out === undefined) return io.stdout(output), EXIT.ok;
  if (!writeFileOrSay(values.out, output, io, lang)) return EXIT.unwritable;
  io.stderr(`${text('wrote', { file: values.out })}\n`);
  return EXIT.ok;
}
