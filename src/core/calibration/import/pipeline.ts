// Bytes to purchases: the stages chained, for the app's worker (which posts progress between chunks and
// stops pushing to cancel) and the CLI (which reads a file in chunks). Two steps, as the user sees them:
// sniff the start of the file (encoding, delimiter, header, a guessed mapping, a preview), let the user
// correct it, then read the whole file with the settings fixed.
import { message, type Message } from '../../i18n';
import { checkTransactionMapping, guessTransactionMapping, type TransactionGuess, type TransactionMapping } from './columns';
import { createDecoder, type TextEncoding } from './decode';
import { firstFailure, problemOf } from './failure';
import { Interner } from './growable';
import type { TableRow } from './records';
import { createTableReader, type Delimiter, type TableLayout, type TableOptions } from './table';
import { createTransactionReader, type TransactionImport } from './transactions';

/** Bytes of the start of a file that the mapping step looks at. */
export const SNIFF_BYTES = 1 << 20;
/** Rows of the start of a file kept for guessing and the preview. */
export const SNIFF_ROWS = 200;

export interface SniffOptions extends TableOptions {
  encoding?: TextEncoding;
  /** True when `bytes` is the whole file (else the last, possibly cut, line is left out). */
  complete: boolean;
}

export interface Sniffed {
  encoding: TextEncoding | null;
  layout: TableLayout | null;
  rows: TableRow[];
  problem: Message | null;
}

/** The start of a file read: encoding, delimiter, header and the first rows. */
export function sniffTable(bytes: Uint8Array, options: SniffOptions): Sniffed {
  const decoder = createDecoder(options.encoding);
  const table = createTableReader(options);
  try {
    let text = decoder.push(bytes) + decoder.finish();
    if (!options.complete) text = text.slice(0, Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1);
    const rows = table.push(text);
    for (const row of table.finish()) rows.push(row);
    const problem = rows.length === 0 ? message('core.calibration.import.file.noRows') : null;
    return { encoding: decoder.encoding, layout: table.layout, rows: rows.slice(0, SNIFF_ROWS), problem };
  } catch (error) {
    return { encoding: decoder.encoding, layout: null, rows: [], problem: problemOf(error) };
  }
}

/** The start of a transaction file read, with a first mapping to show and correct. */
export function sniffTransactions(bytes: Uint8Array, options: SniffOptions): Sniffed & { guess: TransactionGuess | null } {
  const sniffed = sniffTable(bytes, options);
  return { ...sniffed, guess: sniffed.layout ? guessTransactionMapping(sniffed.layout, sniffed.rows.map((row) => row.cells)) : null };
}

export interface TransactionImportSettings {
  /** Null: detect (as the sniff did). */
  encoding: TextEncoding | null;
  delimiter: Delimiter;
  header: boolean;
  mapping: TransactionMapping;
  /** Customer ids already known (from profiles read first), to share their indexes. */
  customers?: Interner;
}

export interface TransactionImportResult extends TransactionImport {
  encoding: TextEncoding | null;
  layout: TableLayout | null;
  blankLines: number;
}

export interface TransactionImportStream {
  push(bytes: Uint8Array): void;
  finish(): TransactionImportResult;
  /** Bytes pushed and rows read so far, for a progress bar (the shell knows the file's size). */
  readonly progress: { bytes: number; rows: number };
}

/** A whole transaction file read chunk by chunk with fixed settings. A file that cannot be used ends with `problem` set. */
export function createTransactionImport(settings: TransactionImportSettings): TransactionImportStream {
  const decoder = createDecoder(settings.encoding ?? undefined);
  const table = createTableReader({ delimiter: settings.delimiter, header: settings.header });
  const reader = createTransactionReader(settings.mapping, { customers: settings.customers ?? new Interner() });
  const failure = firstFailure();
  return {
    push(bytes) {
      failure.run(() => reader.push(table.push(decoder.push(bytes))));
    },
    finish() {
      failure.run(() => {
        reader.push(table.push(decoder.finish()));
        reader.push(table.finish());
      });
      const result = reader.finish();
      return { ...result, problem: failure.problem ?? result.problem, encoding: decoder.encoding, layout: table.layout, blankLines: table.blankLines };
    },
    get progress() {
      return { bytes: decoder.bytesRead, rows: reader.rowsRead };
    },
  };
}

/**
 * A transaction file read start to end with every setting detected and the guessed mapping taken as it
 * is (the CLI, tests): the first SNIFF_BYTES are sniffed, then everything is read. A guess that leaves a
 * required column unknown is the file's problem.
 */
export function importTransactions(chunks: Iterable<Uint8Array>, overrides: { encoding?: TextEncoding; delimiter?: Delimiter; header?: boolean; mapping?: Partial<TransactionMapping> } = {}): TransactionImportResult & { guess: TransactionGuess | null } {
  const iterator = chunks[Symbol.iterator]();
  const start: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < SNIFF_BYTES) {
    const next = iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    start.push(next.value);
    size += next.value.length;
  }
  const head = new Uint8Array(size);
  start.reduce((offset, chunk) => (head.set(chunk, offset), offset + chunk.length), 0);
  const sniffed = sniffTransactions(head, { encoding: overrides.encoding, delimiter: overrides.delimiter ?? 'auto', header: overrides.header ?? 'auto', complete: done });
  const unusable = (problem: Message) => ({ ...createTransactionImport(placeholderSettings).finish(), problem, guess: sniffed.guess, encoding: sniffed.encoding, layout: sniffed.layout });
  if (sniffed.problem || !sniffed.layout || !sniffed.guess) return unusable(sniffed.problem ?? message('core.calibration.import.file.noRows'));
  const checked = checkTransactionMapping({ ...sniffed.guess.mapping, ...overrides.mapping }, sniffed.layout.header);
  if (!checked.mapping) return unusable(message('core.calibration.import.file.noMapping', { problem: checked.problems[0]! }));
  // Detected again rather than fixed: a file that is ASCII for its first megabyte may be GB18030 after it.
  const stream = createTransactionImport({ encoding: overrides.encoding ?? null, delimiter: sniffed.layout.delimiter, header: sniffed.layout.header !== null, mapping: checked.mapping });
  for (const chunk of start) stream.push(chunk);
  if (!done) for (let next = iterator.next(); !next.done; next = iterator.next()) stream.push(next.value);
  return { ...stream.finish(), guess: sniffed.guess };
}

const placeholderSettings: TransactionImportSettings = {
  encoding: 'utf-8',
  delimiter: ',',
  header: false,
  mapping: { columnCount: 3, customerId: 0, date: 1, amount: 2, quantity: null, orderId: null, channel: null, category: null, dateFormat: 'iso', timeZone: 'UTC', currency: 'CNY', referenceDate: null, duplicates: 'keep', decimalComma: false },
};
