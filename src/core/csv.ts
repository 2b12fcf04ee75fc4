/**
 * Writing CSV (RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote
 * or a line break). Every CSV Journey Lab writes goes through here, because its text cells come from
 * journeys and cohorts that other people wrote: a label such as `=HYPERLINK(…)` must reach a
 * spreadsheet as text, never as a formula.
 */

/** A cell: text, or a number written as a number. */
export type CsvCell = string | number;

/**
 * Characters that make a spreadsheet read a cell as a formula when they start it (OWASP, "CSV
 * Injection"): `=`, `+`, `-`, `@`, tab and carriage return.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Quoted beyond what RFC 4180 needs: `;` too, because spreadsheets set to a `;` separator (common in
 * Europe) would otherwise split a cell there and start the next one with whatever follows it.
 */
const NEEDS_QUOTES = /[",;\r\n]/;

/**
 * One text cell as CSV: a cell that a spreadsheet would read as a formula gets a leading `'` (OWASP's
 * rule; spreadsheets show the rest as plain text), then the cell is quoted if it needs to be.
 */
export function csvText(text: string): string {
  const neutral = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(neutral) ? `"${neutral.replaceAll('"', '""')}"` : neutral;
}

/**
 * One cell as CSV. Numbers are written as JavaScript prints them (String(n), so a negative number keeps
 * its minus sign and stays a number); a number that is not finite has no CSV spelling and is left
 * empty, as JSON writes it null.
 */
export function csvCell(cell: CsvCell): string {
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return csvText(cell);
}

/** Rows of cells as a CSV file: CRLF after every row, the last one included. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
