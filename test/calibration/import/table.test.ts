import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTableReader, detectDelimiter, looksLikeHeader, MAX_RECORD_CHARS, type ImportFailure } from '../../../src/core/calibration/import';
import { inEnglish } from '../../support/messages';
import { piecesOf, rowsOfText } from './support';

const CDNOW = fileURLToPath(new URL('../../../../shared/data/CDNOW_sample.txt', import.meta.url));

// Quoted fields holding delimiters, quotes and line breaks (CRLF and LF), a blank line, and an Excel ="…" cell.
const TRICKY = 'id,note,amount\r\n"A1","says ""hi"", then\r\nleaves",12.5\r\n\r\nA2,plain,3\r\n"A3","x,y\nz",="007"\r\nA4,last,9';
const TRICKY_ROWS = [
  { line: 2, cells: ['A1', 'says "hi", then\r\nleaves', '12.5'] },
  { line: 5, cells: ['A2', 'plain', '3'] },
  { line: 6, cells: ['A3', 'x,y\nz', '007'] },
  { line: 8, cells: ['A4', 'last', '9'] },
];

describe('reading a table in chunks', () => {
  it('reads quoted fields with delimiters, quotes and line breaks, with the physical line each row starts on', () => {
    const { rows, layout, blankLines } = rowsOfText([TRICKY]);
    expect(layout).toEqual({ delimiter: ',', header: ['id', 'note', 'amount'], columnCount: 3 });
    expect(rows).toEqual(TRICKY_ROWS);
    expect(blankLines).toBe(1);
  });

  it.each([1, 2, 3, 5, 7, 11, 16])('gives the same rows and lines however the text is cut (%i characters a piece)', (size) => {
    expect(rowsOfText(piecesOf(TRICKY, size))).toMatchObject({ rows: TRICKY_ROWS, blankLines: 1 });
  });

  it('finds the delimiter: comma, tab, semicolon, pipe, or whitespace', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1,5\t2\t3\n')).toBe('\t');
    expect(detectDelimiter('id;amount\n1;1,50\n2;12,00\n')).toBe(';');
    expect(detectDelimiter('id|amount\n1|2\n')).toBe('|');
    expect(detectDelimiter(' 00004 0001 19970101  2   29.33\r\n 00004 0001 19970118  2   29.73\r\n')).toBe('whitespace');
    expect(detectDelimiter('"a,b",c\n"d,e",f\n')).toBe(',');
    expect(detectDelimiter('just one column\nof words\n')).toBe(',');
  });

  it('reads TSV', () => {
    const { rows, layout } = rowsOfText(piecesOf('客户ID\t日期\t金额\nC1\t2024-01-05\t12\nC2\t2024-01-06\t"1,234.50"\n', 4));
    expect(layout).toEqual({ delimiter: '\t', header: ['客户ID', '日期', '金额'], columnCount: 3 });
    expect(rows).toEqual([
      { line: 2, cells: ['C1', '2024-01-05', '12'] },
      { line: 3, cells: ['C2', '2024-01-06', '1,234.50'] },
    ]);
  });

  it('reads the CDNOW sample: whitespace-separated, leading spaces, CRLF, no header', () => {
    const text = readFileSync(CDNOW, 'latin1');
    const { rows, layout } = rowsOfText(piecesOf(text, 4096));
    expect(layout).toEqual({ delimiter: 'whitespace', header: null, columnCount: 5 });
    expect(rows).toHaveLength(6919);
    expect(rows[0]).toEqual({ line: 1, cells: ['00004', '0001', '19970101', '2', '29.33'] });
    expect(rows.at(-1)!.line).toBe(6919);
  });

  it('detects a header from numbers below text, or from a column name it knows, and no header above data', () => {
    expect(looksLikeHeader([['a', 'b'], ['x', '1'], ['y', '2']])).toBe(true);
    expect(looksLikeHeader([['会员ID', '城市'], ['M1', '上海']])).toBe(true);
    expect(looksLikeHeader([['M1', '上海'], ['M2', '北京']])).toBe(false);
    expect(looksLikeHeader([['C1', '2024-01-05', '12'], ['C2', '2024-01-06', '13']])).toBe(false);
    expect(looksLikeHeader([['00004', '19970101', '29.33']])).toBe(false);
    expect(rowsOfText(['C1,2024-01-05,12\nC2,2024-01-06,13\n']).layout).toEqual({ delimiter: ',', header: null, columnCount: 3 });
  });

  it('takes the delimiter and header the user gives', () => {
    const { rows, layout } = rowsOfText(['a;b\n1;2\n'], { delimiter: ';', header: false });
    expect(layout).toEqual({ delimiter: ';', header: null, columnCount: 2 });
    expect(rows.map((row) => row.line)).toEqual([1, 2]);
  });

  it('fails with the line of a quote that is never closed instead of reading the rest of the file into one field', () => {
    const reader = createTableReader({ delimiter: ',', header: false });
    reader.push('a,b\n1,"never closed\n');
    let problem = null;
    try {
      for (let piece = 0; piece < 12; piece++) reader.push('x'.repeat(MAX_RECORD_CHARS / 10) + '\n');
    } catch (error) {
      problem = (error as ImportFailure).problem;
    }
    expect(problem?.key).toBe('core.calibration.import.file.recordTooLong');
    expect(inEnglish(problem!)).toMatch(/line 2 .*quote/);
  });
});
