import { transactionMappingSchema, type TransactionMapping, type TransactionMappingInput } from '../../../src/core/calibration/import';
// Helpers for the import tests: a GB18030 encoder for test files (Node's TextEncoder writes only UTF-8)
// and ways of cutting bytes into chunks.
import { createDecoder, createTableReader, type TableOptions, type TableRow, type TextEncoding } from '../../../src/core/calibration/import';

let twoByte: Map<string, [number, number]> | null = null;

/** Text as GB18030 bytes, for the characters of GBK (two bytes each) and ASCII: every Chinese character a test needs. */
export function gb18030(text: string): Uint8Array {
  if (!twoByte) {
    twoByte = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && char !== '\ufffd' && !twoByte.has(char)) twoByte.set(char, [lead, trail]);
      }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = twoByte.get(char);
      if (!pair) throw new Error(`no GBK bytes for ${char}`);
      bytes.push(...pair);
    }
  }
  return Uint8Array.from(bytes);
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Bytes cut into chunks of `size`. */
export function chunksOf(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += size) chunks.push(bytes.subarray(start, start + size));
  return chunks;
}

/** Text cut into pieces of `size` characters. */
export function piecesOf(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size));
  return pieces;
}

/** Chunks decoded and split into rows, as an import does. */
export function readRows(chunks: readonly Uint8Array[], options: TableOptions = {}, encoding?: TextEncoding) {
  const decoder = createDecoder(encoding);
  const table = createTableReader(options);
  const rows: TableRow[] = [];
  for (const chunk of chunks) rows.push(...table.push(decoder.push(chunk)));
  rows.push(...table.push(decoder.finish()), ...table.finish());
  return { rows, layout: table.layout, encoding: decoder.encoding, blankLines: table.blankLines };
}

/** Text pieces split into rows. */
export function rowsOfText(pieces: readonly string[], options: TableOptions = {}) {
  const table = createTableReader(options);
  const rows: TableRow[] = [];
  for (const piece of pieces) rows.push(...table.push(piece));
  rows.push(...table.finish());
  return { rows, layout: table.layout, blankLines: table.blankLines };
}

/** A mapping with the schema's defaults for everything not given (time zone, currency, duplicates …). */
export const mappingOf = (fields: TransactionMappingInput): TransactionMapping => transactionMappingSchema.parse(fields);
