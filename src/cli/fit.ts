import { parseArgs } from 'node:util';
import { createHash, randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { localized, type Message } from '../core/i18n';
import { cohortPresets, getPreset, type SourceFile } from '../core/cohort';
import { idSchema } from '../core/journey';
import {
  createCampaignImport,
  createProfileImport,
  dateFormats,
  duplicateRules,
  importTransactions,
  referenceDay,
  rejectedRowsCsv,
  sniffTransactions,
  SNIFF_BYTES,
  textEncodings,
  type Delimiter,
  type SideImportStream,
  type TextEncoding,
  type TransactionImportResult,
  type TransactionMapping,
} from '../core/calibration/import';
import { fitImported, populationDocument, populationOfFit, type SegmentBy } from '../core/calibration';
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
  population: { type: 'string' },
  'keep-ids': { type: 'boolean' },
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

  const side = <T extends { problem: Message | null }>(path: string, stream: SideImportStream<T>): { result: T; file: SideFile } | number => {
    let file;
    try {
      file = readChunked(io, path);
      for (const chunk of file.chunks) stream.push(chunk);
    } catch (error) {
      return io.stderr(`${text('cannotRead', { file: path, reason: fileErrorReason(error, lang) })}\n`), EXIT.unreadable;
    }
    const result = stream.finish();
    if (result.problem) return io.stderr(`${text('fit.unusable', { file: path, reason: say(result.problem, lang) })}\n`), EXIT.problems;
    return { result, file: { fileName: basename(path), sha256: file.hash(), bytes: file.bytes() } };
  };
  const profiles = values.profiles === undefined ? null : side(values.profiles, createProfileImport(imported.customerIndex));
  if (typeof profiles === 'number') return profiles;
  const campaigns = values.campaigns === undefined ? null : side(values.campaigns, createCampaignImport(imported.customerIndex));
  if (typeof campaigns === 'number') return campaigns;
  if (campaigns) io.stderr(formatCampaignImport(campaigns.result, values.campaigns!, lang));

  const { report } = imported;
  const sources: SourceFile[] = [{ role: 'transactions', fileName: basename(transactionsFile), sha256: file.hash(), bytes: file.bytes(), rows: report.rowsRead, accepted: report.accepted, rejected: report.rejectedCount }];
  for (const [role, loaded] of [['profiles', profiles], ['campaigns', campaigns]] as const)
    if (loaded) sources.push({ ...loaded.file, role, rows: loaded.result.report.rowsRead, accepted: loaded.result.report.accepted, rejected: loaded.result.report.rowsRead - loaded.result.report.accepted });
  const fitted = fitImported(
    imported,
    profiles?.result ?? null,
    { calibrationEnd: calibrationEnd ?? null, segmentBy, preset, id: cohortId, name: values.name ? localized(values.name, values.name) : localized('Your customers (fitted)', '您的客户（拟合）'), sources },
    campaigns?.result ?? null,
  );
  if (fitted.problem) return io.stderr(`${text('fit.unusable', { file: transactionsFile, reason: say(fitted.problem, lang) })}\n`), EXIT.problems;
  const { cohort, report: fitReport } = fitted;
  if (!writeFileOrSay(values.out, `${JSON.stringify(cohort, null, 2)}\n`, io, lang)) return EXIT.unwritable;
  if (values.report !== undefined && !writeFileOrSay(values.report, `${JSON.stringify(fitReport, null, 2)}\n`, io, lang)) return EXIT.unwritable;
  if (values.population !== undefined) {
    const salt = values['keep-ids'] ? null : randomBytes(16).toString('hex');
    const data = populationOfFit(imported, fitted, { segmentBy, seed: 1, salt });
    const document = populationDocument(data);
    if (!writeFileOrSay(values.population, `${JSON.stringify(document)}\n`, io, lang)) return EXIT.unwritable;
    const alive = data.population.alive.reduce((sum, value) => sum + value, 0);
    io.stderr(`${text('fit.populationWritten', { file: values.population, customers: data.population.size.toLocaleString(lang), alive: alive.toLocaleString(lang), date: document.asOf })}\n`);
  }
  if (values.json) io.stdout(`${JSON.stringify(fitReport, null, 2)}\n`);
  else io.stdout(formatFit(fitReport, lang));
  io.stderr(`${text('wrote', { file: values.out })}\n`);
  return EXIT.ok;
}

type SideFile = Pick<SourceFile, 'fileName' | 'sha256' | 'bytes'>;

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

