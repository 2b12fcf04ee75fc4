// Counts of rows with the lines they are on, kept short: a file of a million bad rows reports its count
// and the first MAX_LINES lines, which is what a person can look at.
import type { TableRow } from './records';

export const MAX_LINES = 1000;

export interface LineList {
  count: number;
  /** The first MAX_LINES of the lines counted, ascending. */
  lines: number[];
}

export interface RejectedRows extends LineList {
  /** The rows of `lines`, as read, for the download. */
  rows: TableRow[];
}

export const emptyLines = (): LineList => ({ count: 0, lines: [] });
export const emptyRejected = (): RejectedRows => ({ count: 0, lines: [], rows: [] });

export function countLine(list: LineList, line: number): void {
  list.count++;
  if (list.lines.length < MAX_LINES) list.lines.push(line);
}

export function countRow(list: RejectedRows, row: TableRow): void {
  countLine(list, row.line);
  if (list.rows.length < MAX_LINES) list.rows.push(row);
}

/** Lines counted out of file order (per customer): sorted, and the first MAX_LINES kept. */
export function sortLines(list: LineList): void {
  list.lines.sort((a, b) => a - b);
}

/** The reason with most rows, with its first line; null when none has any. */
export function commonest<R extends string>(lists: Readonly<Record<R, LineList>>): { reason: R; count: number; line: number } | null {
  let found: { reason: R; count: number; line: number } | null = null;
  for (const [reason, list] of Object.entries(lists) as [R, LineList][]) if (list.count > (found?.count ?? 0)) found = { reason, count: list.count, line: list.lines[0] ?? 0 };
  return found;
}
