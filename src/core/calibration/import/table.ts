// A chunk-driven table reader: text in, rows out, with the delimiter and whether the first row is a
// header detected from the start of the file unless the user has said.
import { isKnownColumnName } from './columnNames';
import { dateFormats, parseDate } from './dates';
import { parseAmount, parseNumber } from './numbers';
import { createSplitter, type Delimiter, type RecordSplitter, type TableRow } from './records';

export type { Delimiter, TableRow } from './records';
export const delimiters: readonly Delimiter[] = [',', '\t', ';', '|', 'whitespace'];

export interface TableOptions {
  delimiter?: Delimiter | 'auto';
  header?: boolean | 'auto';
}

export interface TableLayout {
  delimiter: Delimiter;
  /** The header row's cells, or null when the file has none. */
  header: string[] | null;
  /** Cells per row: the header's, else the most common count among the first rows. */
  columnCount: number;
}

export interface TableReader {
  /** Rows of the text so far that are whole (none while the layout is still being detected). */
  push(text: string): TableRow[];
  finish(): TableRow[];
  /** Known once enough rows have been seen (always after finish). */
  readonly layout: TableLayout | null;
  /** Lines with nothing in them (or only delimiters), skipped. */
  readonly blankLines: number;
}

/** Lines of text looked at to detect the delimiter, and rows to detect the header and column count. */
const SNIFF_LINES = 50;
const SNIFF_CHARS = 256 * 1024;
const SNIFF_ROWS = 50;

export function createTableReader(options: TableOptions = {}): TableReader {
  const delimiterWanted = options.delimiter ?? 'auto';
  const headerWanted = options.header ?? 'auto';
  let splitter: RecordSplitter | null = delimiterWanted === 'auto' ? null : createSplitter(delimiterWanted);
  let delimiter: Delimiter | null = delimiterWanted === 'auto' ? null : delimiterWanted;
  let sniffed = '';
  let waiting: TableRow[] = [];
  let layout: TableLayout | null = null;
  let blankLines = 0;

  const settle = (rows: TableRow[], final: boolean): TableRow[] => {
    const kept = rows.filter((row) => {
      const blank = row.cells.every((cell) => cell === '');
      if (blank) blankLines++;
      return !blank;
    });
    if (layout) return kept;
    for (const row of kept) waiting.push(row);
    if (!final && waiting.length < SNIFF_ROWS) return [];
    const first = waiting.map((row) => row.cells);
    const header = headerWanted === 'auto' ? looksLikeHeader(first) : headerWanted && first.length > 0;
    const body = header ? waiting.slice(1) : waiting;
    layout = { delimiter: delimiter!, header: header ? first[0]! : null, columnCount: header ? first[0]!.length : commonLength(body.map((row) => row.cells)) };
    waiting = [];
    return body;
  };

  const start = (text: string): TableRow[] => {
    delimiter = detectDelimiter(text);
    splitter = createSplitter(delimiter);
    return splitter.push(text);
  };

  return {
    push(text) {
      if (splitter) return settle(splitter.push(text), false);
      sniffed += text;
      if (sniffed.length < SNIFF_CHARS && countLines(sniffed) < SNIFF_LINES) return [];
      const all = sniffed;
      sniffed = '';
      return settle(start(all), false);
    },
    finish() {
      const rows = splitter ? [] : start(sniffed);
      sniffed = '';
      for (const row of splitter!.finish()) rows.push(row);
      return settle(rows, true);
    },
    get layout() {
      return layout;
    },
    get blankLines() {
      return blankLines;
    },
  };
}

function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index >= 0 && count < SNIFF_LINES; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

/** The most common number of cells (the larger on a tie); 0 without rows. */
function commonLength(rows: readonly string[][]): number {
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [length, count] of counts) if (count > bestCount || (count === bestCount && length > best)) [best, bestCount] = [length, count];
  return best;
}

/** Delimiters in the order they win a tie: a tab is rarely inside data, a comma often is. */
const delimiterCandidates = ['\t', ',', ';', '|'] as const;

/**
 * The delimiter of a text from its first lines: the candidate found (outside quotes) the same number
 * of times, at least once, on the most lines; else `whitespace` when the lines split at runs of spaces
 * into the same number of fields (two or more), some of them numbers; else a comma (one column).
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text.split(/\r\n|\n|\r/).slice(0, SNIFF_LINES).filter((line) => line.trim() !== '');
  if (text.length >= SNIFF_CHARS || /[^\r\n]$/.test(text)) lines.length = Math.max(1, lines.length - (lines.length > 1 ? 1 : 0));
  let best: Delimiter | null = null;
  let bestShare = 0;
  for (const candidate of delimiterCandidates) {
    const counts = lines.map((line) => occurrencesOutsideQuotes(line, candidate));
    const typical = commonValue(counts);
    if (typical === 0) continue;
    const share = counts.filter((count) => count === typical).length / lines.length;
    if (share > bestShare) [best, bestShare] = [candidate, share];
  }
  if (best !== null && bestShare >= 0.5) return best;
  const fields = lines.map((line) => line.trim().split(/[ \t]+/));
  const width = commonValue(fields.map((cells) => cells.length));
  const consistent = fields.filter((cells) => cells.length === width).length / lines.length >= 0.8;
  // Words with spaces between them are text in one column, unless some of them are numbers.
  if (width >= 2 && consistent && fields.some((cells) => cells.some((cell) => parseNumber(cell) !== null))) return 'whitespace';
  return best ?? ',';
}

function occurrencesOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count++;
  }
  return count;
}

function commonValue(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [value, count] of counts) if (count > bestCount || (count === bestCount && value > best)) [best, bestCount] = [value, count];
  return best;
}

/** A cell that is data rather than a name: a number, an amount or a date in any format. */
const isValue = (cell: string): boolean => parseAmount(cell) !== null || dateFormats.some((format) => parseDate(cell, format, 'UTC') !== null);

/**
 * Whether the first row is a header: none of its cells is a number or date, and either a column has
 * text there but numbers or dates in most rows below, or one of its cells is a column name the imports
 * know (客户ID, amount …).
 */
export function looksLikeHeader(rows: readonly (readonly string[])[]): boolean {
  const [first, ...rest] = rows;
  if (!first || first.every((cell) => cell === '') || first.some((cell) => cell !== '' && isValue(cell))) return false;
  if (first.some(isKnownColumnName)) return true;
  return first.some((_, column) => {
    const below = rest.map((row) => row[column] ?? '').filter((cell) => cell !== '');
    return below.length > 0 && below.filter(isValue).length * 2 > below.length;
  });
}
