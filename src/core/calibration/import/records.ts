// Text to records, chunk by chunk, each with the physical line it starts on. Delimited text is parsed
// by papaparse, handed only whole records: a record ends at a line break outside quotes, found by a
// scanner that reads quotes the way papaparse does (a field is quoted only when a quote opens it; `""`
// inside is a quote; a quote closes the field only before a delimiter or a line break, spaces allowed
// in between). The text after the last whole record waits for the next chunk.
import Papa from 'papaparse';
import { message } from '../../i18n';
import { ImportFailure } from './failure';

export type Delimiter = ',' | '\t' | ';' | '|' | 'whitespace';

export interface TableRow {
  /** The physical line (1-based) the row starts on, quoted line breaks and blank lines counted. */
  line: number;
  cells: string[];
}

export interface RecordSplitter {
  push(text: string): TableRow[];
  finish(): TableRow[];
}

/**
 * The longest text a record may take while it waits for its end: a quoted field left open would
 * otherwise swallow the rest of a file of several hundred MB into memory.
 */
export const MAX_RECORD_CHARS = 1 << 20;

export const createSplitter = (delimiter: Delimiter): RecordSplitter => (delimiter === 'whitespace' ? whitespaceSplitter() : delimitedSplitter(delimiter));

/** The line break a text uses, from its first one: `\r\n`, `\n` or (old Mac files) `\r`; null when it has none yet. */
function lineBreakOf(text: string): '\r\n' | '\n' | '\r' | null {
  const index = text.search(/[\r\n]/);
  if (index < 0 || (text[index] === '\r' && index === text.length - 1)) return null;
  if (text[index] === '\n') return '\n';
  return text[index + 1] === '\n' ? '\r\n' : '\r';
}

/** How many times `char` occurs in text[from, to). */
function countOf(text: string, char: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf(char, from); index >= 0 && index < to; index = text.indexOf(char, index + 1)) count++;
  return count;
}

/** A cell as written: spaces around it trimmed, and Excel's `="00123"` (text kept as text) unwrapped. */
export function cleanCell(cell: string): string {
  const value = cell.trim();
  return value.startsWith('="') && value.endsWith('"') && value.length >= 3 ? value.slice(2, -1).replaceAll('""', '"') : value;
}

function delimitedSplitter(delimiter: string): RecordSplitter {
  let buffer = '';
  let line = 1; // the line the buffer starts on
  let lineBreak: '\r\n' | '\n' | '\r' | null = null;
  // Scanner state at `scanned` (the buffer before it is read).
  let scanned = 0;
  let quoted = false;
  let fieldStart = true;
  let boundary = 0; // end of the last whole record in the buffer

  const breakChar = () => (lineBreak === '\r' ? '\r' : '\n');

  /** Reads the buffer from `scanned` on, stopping where a quote needs characters not yet there. */
  const scan = () => {
    const end = breakChar();
    const text = buffer;
    let index = scanned;
    while (index < text.length) {
      const char = text[index]!;
      if (quoted) {
        const next = text.indexOf('"', index);
        if (next < 0) {
          index = text.length;
          break;
        }
        let after = next + 1;
        if (text[after] === '"') {
          index = after + 1;
          continue;
        }
        while (text[after] === ' ') after++;
        if (after >= text.length) {
          index = next; // decided by what follows
          break;
        }
        const following = text[after]!;
        if (following === delimiter || following === '\n' || following === '\r') quoted = false;
        index = next + 1;
        continue;
      }
      if (char === '"' && fieldStart) {
        quoted = true;
        index++;
        continue;
      }
      if (char === delimiter) fieldStart = true;
      else if (char === end) {
        fieldStart = true;
        boundary = index + 1;
      } else fieldStart = false;
      index++;
    }
    scanned = index;
  };

  const parse = (text: string): TableRow[] => {
    const rows: TableRow[] = [];
    let from = 0;
    const counted = breakChar();
    Papa.parse<string[]>(text, {
      delimiter,
      newline: lineBreak ?? '\n',
      quoteChar: '"',
      header: false,
      skipEmptyLines: false,
      step: (result) => {
        const to = result.meta.cursor;
        if (from >= text.length) return; // the empty record papaparse reads after the last line break
        rows.push({ line, cells: result.data.map(cleanCell) });
        line += countOf(text, counted, from, to);
        from = to;
      },
    });
    line += countOf(text, counted, from, text.length);
    return rows;
  };

  return {
    push(text) {
      buffer += text;
      lineBreak ??= lineBreakOf(buffer);
      if (lineBreak === null) return tooLong(buffer, line);
      scan();
      if (boundary === 0) return tooLong(buffer, line);
      const whole = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary);
      scanned -= boundary;
      boundary = 0;
      const rows = parse(whole);
      tooLong(buffer, line);
      return rows;
    },
    finish() {
      const rest = buffer;
      buffer = '';
      return rest === '' ? [] : parse(rest);
    },
  };
}

function tooLong(waiting: string, line: number): TableRow[] {
  if (waiting.length > MAX_RECORD_CHARS) throw new ImportFailure(message('core.calibration.import.file.recordTooLong', { line, limit: MAX_RECORD_CHARS }));
  return [];
}

/** Whitespace-separated text: no quotes; each line trimmed and split at runs of spaces and tabs. */
function whitespaceSplitter(): RecordSplitter {
  let buffer = '';
  let line = 1;
  let lineBreak: '\r\n' | '\n' | '\r' | null = null;
  const split = (text: string): TableRow[] =>
    text.split(lineBreak ?? '\n').map((row) => {
      const trimmed = row.trim();
      return { line: line++, cells: trimmed === '' ? [''] : trimmed.split(/[ \t]+/) };
    });
  return {
    push(text) {
      buffer += text;
      lineBreak ??= lineBreakOf(buffer);
      const last = lineBreak === null ? -1 : buffer.lastIndexOf(lineBreak === '\r' ? '\r' : '\n');
      if (last < 0) return tooLong(buffer, line);
      const whole = buffer.slice(0, last + 1 - (lineBreak === '\r\n' ? 2 : 1));
      buffer = buffer.slice(last + 1);
      const rows = split(whole);
      tooLong(buffer, line);
      return rows;
    },
    finish() {
      const rest = buffer;
      buffer = '';
      return rest === '' ? [] : split(rest);
    },
  };
}

/**
 * Whether a row has the wrong number of cells: too few to reach every mapped column (`reach`), or
 * non-empty cells beyond the file's `columnCount` (trailing empty cells, as spreadsheets write them, are fine).
 */
export const hasWrongColumnCount = (cells: readonly string[], reach: number, columnCount: number): boolean =>
  cells.length < reach || (cells.length > columnCount && cells.slice(columnCount).some((cell) => cell !== ''));
