import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { isMessage, localized, message, type Message } from '../core/i18n';
import { checkCohort, cohortPresets, getPreset, MAX_FITTED_SEGMENTS, type SourceFile } from '../core/cohort';
import { idSchema } from '../core/journey';
import {
  createTableReader,
  createDecoder,
  createCampaignReader,
  createProfileReader,
  guessCampaignMapping,
  ImportFailure,
  problemOf,
  SNIFF_ROWS,
  type CampaignImport,
  type TableLayout,
  type TableRow,
  dateFormats,
  duplicateRules,
  guessProfileMapping,
  importTransactions,
  isoDate,
  referenceDay,
  rejectedRowsCsv,
  sniffTransactions,
  SNIFF_BYTES,
  textEncodings,
  type Delimiter,
  type ProfileImport,
  type TextEncoding,
  type TransactionImportResult,
  type TransactionMapping,
} from '../core/calibration/import';
import { channelResponseFits, fitCustomers, fitReportOf, fittedCohortOf, rfmSummary, timingFromCampaigns, type SegmentBy } from '../core/calibration';
import { cliText, languageChoices, say, type CliLanguage } from './i18n';
import { createProgress } from './progress';
import { EXIT, fileErrorReason, single, UsageError, writeFileOrSay, type CliIo } from './commandIo';
import { formatCampaignImport, formatFit, formatImport } from './fitFormat';

/** `journey-lab fit TRANSACTIONS --out COHORT.json …`: a cohort fitted on the user's own purchases (docs/calibration.md). */

export const DEFAULT_FIT_PRESET = 'ecommerce';
const presetList = cohortPresets.map((preset) => preset.id).join(', ');
const delimiterNames: Record<string, Delimiter> = { comma: ',', tab: '\t', semicolon: ';', pipe: '|', whitespace: 'whitespace' };

const options = {
  help: { type: 'boolean', short: 'h' },
  out: { type: 'string', short: 'o' },
  report: { type: 'string' },
  rejected: { type: 'string' },
  json: { type: 'boolean' },
  'calibration-end': { type: 'string' },
  'segment-by': { type: 'string' },
  profiles: { type: 'string' },
  campaigns: { type: 'string' },
  preset: { type: 'string' },
  id: { type: 'string' },
  name: { type: 'string' },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  header: { type: 'string' },
  'id-column': { type: 'string' },
  'date-column': { type: 'string' },
  'amount-column': { type: 'string' },
  'quantity-column': { type: 'string' },
  'order-column': { type: 'string' },
  'date-format': { type: 'string' },
  'time-zone': { type: 'string' },
  currency: { type: 'string' },
  'reference-date': { type: 'string' },
  duplicates: { type: 'string' },
} as const;

/** A file read in chunks, hashed as it goes. */
function readChunked(io: CliIo, path: string): { size: number; chunks: Iterable<Uint8Array>; hash: () => string; bytes: () => number } {
  const file = io.readBytes ? io.readBytes(path) : { size: 0, chunks: [new TextEncoder().encode(io.readFile(path))] };
  const hasher = createHash('sha256');
  let size = 0;
  const chunks = (function* () {
    for (const chunk of file.chunks) {
      hasher.update(chunk);
      size += chunk.length;
      yield chunk;
    }
  })();
  return { size: file.size, chunks, hash: () => hasher.digest('hex'), bytes: () => size };
}

export function fitCommand(args: string[], lang: CliLanguage, io: CliIo): number {
  const text = cliText(lang);
  const usageText = text('fit.usage', { presets: presetList, defaultPreset: DEFAULT_FIT_PRESET, formats: dateFormats.join('|'), encodings: textEncodings.join('|'), languages: languageChoices() });
  const usage = (line: string) => new UsageError(line, usageText);
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    throw error instanceof Error ? usage(error.message) : error;
  }
  const { values, positionals } = parsed;
  if (values.help) return io.stdout(`${usageText}\n`), EXIT.ok;
  const transactionsFile = single(positionals, lang, usageText);
  if (values.out === undefined) throw usage(text('fit.missingOut'));
  const preset = getPreset(values.preset ?? DEFAULT_FIT_PRESET);
  if (!preset) throw usage(text('simulate.unknownPreset', { name: values.preset!, presets: presetList }));
  const pick = <T extends string>(option: keyof typeof values, allowed: readonly T[]): T | undefined => {
    const value = values[option];
    if (value === undefined || typeof value !== 'string') return undefined;
    if (!(allowed as readonly string[]).includes(value)) throw usage(text('fit.badChoice', { option, value, allowed: allowed.join(', ') }));
    return value as T;
  };
  const encoding = pick<TextEncoding>('encoding', textEncodings);
  const delimiterName = pick('delimiter', Object.keys(delimiterNames));
  const header = pick('header', ['yes', 'no']);
  const dateFormat = pick('date-format', dateFormats);
  const duplicates = pick('duplicates', duplicateRules);
  const calibrationEnd = values['calibration-end'] === undefined ? undefined : referenceDay(values['calibration-end']);
  if (calibrationEnd === null) throw usage(text('fit.badDate', { option: 'calibration-end', value: values['calibration-end']! }));
  if (values['reference-date'] !== undefined && referenceDay(values['reference-date']) === null) throw usage(text('fit.badDate', { option: 'reference-date', value: values['reference-date'] }));
  if (values.currency !== undefined && !/^[A-Z]{3}$/.test(values.currency)) throw usage(text('fit.badCurrency', { value: values.currency }));
  const segmentByOption = values['segment-by'] ?? 'none';
  const segmentBy: SegmentBy = segmentByOption === 'none' || segmentByOption === 'rfm' ? segmentByOption : { column: segmentByOption };
  if (typeof segmentBy === 'object' && values.profiles === undefined) throw usage(text('fit.segmentNeedsProfiles', { column: segmentBy.column }));
  const cohortId = values.id ?? 'fitted-customers';
  if (!idSchema.safeParse(cohortId).success) throw usage(text('fit.badId', { value: cohortId }));

  // Columns may be named by their 1-based number or by their header; names need the file's start.
  let file;
  try {
    file = readChunked(io, transactionsFile);
  } catch (error) {
    return io.stderr(`${text('cannotRead', { file: transactionsFile, reason: fileErrorReason(error, lang) })}\n`), EXIT.unreadable;
  }
  const stream = bufferedStart(file.chunks);
  let first: { bytes: Uint8Array; done: boolean };
  try {
    first = stream.next().value as { bytes: Uint8Array; done: boolean };
  } catch (error) {
    return io.stderr(`${text('cannotRead', { file: transactionsFile, reason: fileErrorReason(error, lang) })}\n`), EXIT.unreadable;
  }
  const sniffed = sniffTransactions(first.bytes, { encoding, delimiter: delimiterName ? delimiterNames[delimiterName] : 'auto', header: header === undefined ? 'auto' : header === 'yes', complete: first.done });
  const columnOf = (option: 'id-column' | 'date-column' | 'amount-column' | 'quantity-column' | 'order-column'): number | undefined => {
    const value = values[option];
    if (value === undefined) return undefined;
    if (/^\d+$/.test(value) && Number(value) >= 1) return Number(value) - 1;
    const index = sniffed.layout?.header?.findIndex((name) => name.trim() === value.trim()) ?? -1;
    if (index < 0) throw usage(text('fit.unknownColumn', { option, value, columns: sniffed.layout?.header?.join(', ') ?? text('fit.noHeader') }));
    return index;
  };
  const mapping: Partial<TransactionMapping> = {
    ...defined({ customerId: columnOf('id-column'), date: columnOf('date-column'), amount: columnOf('amount-column'), quantity: columnOf('quantity-column'), orderId: columnOf('order-column') }),
    ...defined({ dateFormat, duplicates, currency: values.currency, referenceDate: values['reference-date'] }),
    ...(values['time-zone'] === undefined ? {} : { timeZone: values['time-zone'] as TransactionMapping['timeZone'] }),
  };
  const progress = createProgress(io, Math.max(1, file.size), text('fit.reading'));
  let read = 0;
  let imported: TransactionImportResult;
  try {
    imported = importTransactions(
      (function* () {
        yield first.bytes;
        read = first.bytes.length;
        for (const chunk of stream) {
          read += chunk.bytes.length;
          progress.update(file.size > 0 ? Math.min(1, read / file.size) : 0);
          yield chunk.bytes;
        }
      })(),
      { ...defined({ encoding, header: header === undefined ? undefined : header === 'yes', delimiter: delimiterName ? delimiterNames[delimiterName] : undefined }), mapping },
    );
  } catch (error) {
    progress.done();
    return io.stderr(`${text('cannotRead', { file: transactionsFile, reason: fileErrorReason(error, lang) })}\n`), EXIT.unreadable;
  }
  progress.done();
  io.stderr(formatImport(imported, transactionsFile, lang));
  if (values.rejected !== undefined && !writeFileOrSay(values.rejected, rejectedRowsCsv(imported.report.rejected, (line) => say(line, lang)), io, lang)) return EXIT.unwritable;
  if (imported.problem) return io.stderr(`${text('fit.unusable', { file: transactionsFile, reason: say(imported.problem, lang) })}\n`), EXIT.problems;

  let profiles: ProfileImport | null = null;
  let profilesFile: SideFile | null = null;
  if (values.profiles !== undefined) {
    const loaded = readSideFile(io, values.profiles, lang, (layout, rows) => createProfileReader(guessProfileMapping(layout, rows), { customers: imported.customerIndex }));
    if ('error' in loaded) return io.stderr(`${text('cannotRead', { file: values.profiles, reason: loaded.error })}\n`), EXIT.unreadable;
    const problem = 'problem' in loaded ? loaded.problem : loaded.result.problem;
    if (problem) return io.stderr(`${text('fit.unusable', { file: values.profiles, reason: say(problem, lang) })}\n`), EXIT.problems;
    if (!('result' in loaded)) return EXIT.problems;
    profiles = loaded.result;
    profilesFile = loaded.file;
  }

  let campaigns: CampaignImport | null = null;
  let campaignsFile: SideFile | null = null;
  if (values.campaigns !== undefined) {
    const loaded = readSideFile(io, values.campaigns, lang, (layout, rows) => {
      const mapping = guessCampaignMapping(layout, rows);
      return mapping ? createCampaignReader(mapping, { customers: imported.customerIndex }) : message('cli.fit.campaignsWithoutChannel');
    });
    if ('error' in loaded) return io.stderr(`${text('cannotRead', { file: values.campaigns, reason: loaded.error })}\n`), EXIT.unreadable;
    const problem = 'problem' in loaded ? loaded.problem : loaded.result.problem;
    if (problem) return io.stderr(`${text('fit.unusable', { file: values.campaigns, reason: say(problem, lang) })}\n`), EXIT.problems;
    if (!('result' in loaded)) return EXIT.problems;
    campaigns = loaded.result;
    campaignsFile = loaded.file;
    io.stderr(formatCampaignImport(campaigns, values.campaigns, lang));
  }

  const { table, report } = imported;
  const lastDay = report.lastDay!;
  if (calibrationEnd !== undefined && (calibrationEnd < report.firstDay! || calibrationEnd > lastDay))
    return io.stderr(`${text('fit.calibrationOutside', { date: values['calibration-end']!, first: isoDate(report.firstDay!), last: isoDate(lastDay) })}\n`), EXIT.problems;
  const summary = rfmSummary(table, { calibrationEnd: calibrationEnd ?? lastDay });
  let valueOf: ((customer: number) => string | null) | undefined;
  if (typeof segmentBy === 'object' && profiles) {
    const attribute = profiles.profiles.attributes.find((candidate) => candidate.name === segmentBy.column);
    if (!attribute) return io.stderr(`${text('fit.unknownProfileColumn', { column: segmentBy.column, columns: profiles.profiles.attributes.map((known) => known.name).join(', ') })}\n`), EXIT.problems;
    const byCustomer = new Map<number, string>();
    for (let row = 0; row < profiles.profiles.length; row++) {
      const value = attribute.kind === 'categorical' ? (attribute.codes[row]! >= 0 ? attribute.values[attribute.codes[row]!]! : null) : Number.isFinite(attribute.values[row]!) ? String(attribute.values[row]) : null;
      if (value !== null) byCustomer.set(profiles.profiles.customer[row]!, value);
    }
    const distinct = new Set<string | null>();
    for (let i = 0; i < summary.count; i++) distinct.add(byCustomer.get(summary.customer[i]!) ?? null);
    if (distinct.size > MAX_FITTED_SEGMENTS)
      return io.stderr(`${text('fit.tooManySegments', { column: segmentBy.column, values: distinct.size, most: MAX_FITTED_SEGMENTS })}\n`), EXIT.problems;
    valueOf = (customer) => byCustomer.get(customer) ?? null;
  }
  const fitted = fitCustomers(summary, table, { segmentBy, lastDay, ...(valueOf ? { valueOf } : {}) });
  const segmentOfCustomer = new Map<number, string>();
  for (const segment of fitted.segments) for (const index of segment.members) segmentOfCustomer.set(summary.customer[index]!, segment.id);
  const measures = campaigns
    ? { responses: channelResponseFits(campaigns.summary, segmentBy === 'none' ? undefined : (customer) => segmentOfCustomer.get(customer) ?? null), timing: timingFromCampaigns(campaigns.summary) }
    : null;
  const fitReport = fitReportOf(fitted, summary, report, table.currency, segmentBy, measures);
  const sources: SourceFile[] = [{ role: 'transactions', fileName: basename(transactionsFile), sha256: file.hash(), bytes: file.bytes(), rows: report.rowsRead, accepted: report.accepted, rejected: report.rejectedCount }];
  if (campaigns && campaignsFile) sources.push({ ...campaignsFile, role: 'campaigns', rows: campaigns.report.rowsRead, accepted: campaigns.report.accepted, rejected: campaigns.report.rowsRead - campaigns.report.accepted });
  if (profiles && profilesFile) sources.push({ ...profilesFile, role: 'profiles', rows: profiles.report.rowsRead, accepted: profiles.report.accepted, rejected: profiles.report.rowsRead - profiles.report.accepted });
  const cohort = fittedCohortOf(fitted, fitReport, { id: cohortId, name: values.name ? localized(values.name, values.name) : localized('Your customers (fitted)', '您的客户（拟合）'), preset, sources });
  const checked = checkCohort(cohort);
  if (!checked.spec) {
    // A fault of ours, not of the data: the fitted cohort must always be valid.
    throw new Error(checked.problems.map((problem) => say(problem.message, 'en')).join('; '));
  }
  if (!writeFileOrSay(values.out, `${JSON.stringify(cohort, null, 2)}\n`, io, lang)) return EXIT.unwritable;
  if (values.report !== undefined && !writeFileOrSay(values.report, `${JSON.stringify(fitReport, null, 2)}\n`, io, lang)) return EXIT.unwritable;
  if (values.json) io.stdout(`${JSON.stringify(fitReport, null, 2)}\n`);
  else io.stdout(formatFit(fitReport, lang));
  io.stderr(`${text('wrote', { file: values.out })}\n`);
  return EXIT.ok;
}

type SideFile = Pick<SourceFile, 'fileName' | 'sha256' | 'bytes'>;
interface SideReader<T> {
  push(rows: readonly TableRow[]): void;
  finish(): T;
}

/**
 * A profiles or campaign-history file, read against the transactions' customer ids: its encoding
 * detected on its own (it may come from another system than the orders; --encoding is the orders'),
 * its mapping guessed from its first rows by `start` (a message when none can be), then read to the end.
 */
function readSideFile<T>(io: CliIo, path: string, lang: CliLanguage, start: (layout: TableLayout, rows: readonly (readonly string[])[]) => SideReader<T> | Message): { result: T; file: SideFile } | { error: string } | { problem: Message } {
  let file;
  try {
    file = readChunked(io, path);
  } catch (error) {
    return { error: fileErrorReason(error, lang) };
  }
  const decoder = createDecoder();
  const table = createTableReader({ delimiter: 'auto', header: 'auto' });
  const pending: TableRow[] = [];
  let reader: SideReader<T> | Message | null = null;
  const begin = () => {
    reader = start(table.layout!, pending.map((row) => row.cells));
    if (!isMessage(reader)) reader.push(pending.splice(0));
  };
  const feed = (rows: readonly TableRow[]) => {
    if (reader && isMessage(reader)) return;
    if (reader) return reader.push(rows);
    for (const row of rows) pending.push(row);
    if (pending.length >= SNIFF_ROWS && table.layout) begin();
  };
  try {
    for (const chunk of file.chunks) feed(table.push(decoder.push(chunk)));
    feed(table.push(decoder.finish()));
    feed(table.finish());
  } catch (error) {
    return error instanceof ImportFailure ? { problem: problemOf(error) } : { error: fileErrorReason(error, lang) };
  }
  if (!reader) {
    if (!table.layout || pending.length === 0) return { problem: message('core.calibration.import.file.noRows') };
    begin();
  }
  const done = reader as unknown as SideReader<T> | Message;
  if (isMessage(done)) return { problem: done };
  return { result: done.finish(), file: { fileName: basename(path), sha256: file.hash(), bytes: file.bytes() } };
}

const defined = <T extends Record<string, unknown>>(object: T): Partial<T> => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;

/** The chunks of a file, the first SNIFF_BYTES gathered into one so the sniff sees the file's start. */
function* bufferedStart(chunks: Iterable<Uint8Array>): Generator<{ bytes: Uint8Array; done: boolean }> {
  const iterator = chunks[Symbol.iterator]();
  const start: Uint8Array[] = [];
  let size = 0;
  let next = iterator.next();
  while (!next.done && size < SNIFF_BYTES) {
    start.push(next.value);
    size += next.value.length;
    next = iterator.next();
  }
  yield { bytes: concatenate(start.map((bytes) => ({ bytes }))), done: next.done === true };
  while (!next.done) {
    yield { bytes: next.value, done: false };
    next = iterator.next();
  }
}

function concatenate(parts: readonly { bytes: Uint8Array }[]): Uint8Array {
  const size = parts.reduce((total, part) => total + part.bytes.length, 0);
  const joined = new Uint8Array(size);
  parts.reduce((offset, part) => (joined.set(part.bytes, offset), offset + part.bytes.length), 0);
  return joined;
}

