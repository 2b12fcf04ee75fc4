// Transaction rows to a columnar table of purchases, with a report that accounts for every row.
//
// Rules (the report carries them in words, so the user sees them):
// - A row is rejected, for the first reason that applies, when it has more non-empty cells than the
//   mapping's column count or too few to reach a mapped column (wrong-column-count), no customer id
//   (missing-id), no date or one that is not a date in the chosen format (missing-date, bad-date), no
//   amount or one that is not a number (missing-amount, bad-amount; see numbers.ts parseAmount for what
//   is read: 1,234.50, ¥12, $5, 12.5元, (3.00)), a quantity that is not a number (bad-quantity), or a
//   date after the reference date (after-reference-date).
// - Duplicates are rows equal in every mapped column but the line (same customer, date-time, amount,
//   order id, quantity, channel, category). They are counted with their lines, and kept (default) or
//   dropped per the mapping; the first of them is never a duplicate.
// - Refunds: a negative amount is a refund, not a purchase. Without an order column, refund rows are
//   counted with their total and left out of the purchases, never subtracted from other purchases. With
//   an order column, the rows of one customer's order are one order: their amounts (refund lines
//   included) are summed, its quantity is their sum, its time the earliest of them; an order with a
//   refund line that nets to zero or below is counted as refunded and left out.
// - A zero amount (a free item, an order paid fully with a coupon) is a purchase of no value: it counts
//   as a purchase occasion (the customer bought), and the rows are counted so the user sees them. The
//   CDNOW sample has eight such first purchases; the published BG/NBD fit counts those customers.
import { hasWrongColumnCount, type TableRow } from './records';
import { message, type Message } from '../../i18n';
import { toCsv, type CsvCell } from '../../csv';
import type { DuplicateRule, TransactionMapping } from './columns';
import { parseDate, referenceDay } from './dates';
import { GrowableColumn, Interner } from './growable';
import { commonest, countLine, countRow, emptyLines, emptyRejected, sortLines, type LineList, type RejectedRows } from './lineLists';
import { parseAmount, parseNumber } from './numbers';
import { rejectionMessage, type RowReason } from './reasons';

export const transactionRejections = ['wrong-column-count', 'missing-id', 'missing-date', 'bad-date', 'missing-amount', 'bad-amount', 'bad-quantity', 'after-reference-date'] as const satisfies readonly RowReason[];
export type TransactionRejection = (typeof transactionRejections)[number];

/** Purchases, one per row (or order), ordered by customer and then time. */
export interface TransactionTable {
  /** Customer ids by index: `customer` holds indexes into it. Customers whose rows were all refunds are here too, with no purchase. */
  customers: readonly string[];
  length: number;
  customer: Int32Array;
  /** Days since 1970-01-01 in the mapping's time zone, the time of day as a fraction. */
  day: Float64Array;
  amount: Float64Array;
  /** NaN where a row had no quantity; null without a quantity column. */
  quantity: Float32Array | null;
  /** Indexes into `channels` / `categories` (-1 for none); null without the column. */
  channel: Int32Array | null;
  channels: readonly string[];
  category: Int32Array | null;
  categories: readonly string[];
  /** The line of the purchase's (first) row in the file. */
  line: Uint32Array;
  currency: string;
}

export interface TransactionReport {
  /** Data rows read (header and blank lines not counted). */
  rowsRead: number;
  /** Rows that passed every check (before duplicates, refunds and orders). */
  accepted: number;
  rejected: Record<TransactionRejection, RejectedRows>;
  rejectedCount: number;
  /** Rows with a negative amount, with their total (negative). */
  refunds: LineList & { total: number };
  /** Rows with an amount of zero (purchases of no value, kept). */
  zeroAmounts: LineList;
  /** With an order column: rows merged into an order's first row, and orders with a refund line netting to zero or below (left out). */
  orders: { mergedRows: number; refunded: LineList } | null;
  duplicates: LineList & { rule: DuplicateRule };
  purchases: number;
  /** Customers with at least one purchase, and those with rows but none (only refunds). */
  customers: number;
  customersWithoutPurchases: number;
  firstDay: number | null;
  lastDay: number | null;
  /** The rules applied, in words. */
  rules: Message[];
}

export interface TransactionImport {
  table: TransactionTable;
  report: TransactionReport;
  /** Why the file cannot be used, in one sentence; null when it can. */
  problem: Message | null;
  /** The customer ids, for reading profiles and campaign history against the same indexes. */
  customerIndex: Interner;
}

export interface TransactionReader {
  push(rows: readonly TableRow[]): void;
  finish(): TransactionImport;
  readonly rowsRead: number;
}

type ParsedRow =
  | { reason: null; customer: string; day: number; amount: number; quantity: number; order: string | null; channel: string | null; category: string | null }
  | { reason: TransactionRejection };

/** A row checked against the mapping: its values, or the first reason it is rejected for. */
export function parseTransactionRow(
  cells: readonly string[],
  mapping: TransactionMapping,
  lastDay: number | null = mapping.referenceDate === null ? null : referenceDay(mapping.referenceDate),
  dayOf: (text: string) => number | null = (text) => parseDate(text, mapping.dateFormat, mapping.timeZone),
): ParsedRow {
  const reach = Math.max(mapping.customerId, mapping.date, mapping.amount, mapping.quantity ?? 0, mapping.orderId ?? 0, mapping.channel ?? 0, mapping.category ?? 0) + 1;
  if (hasWrongColumnCount(cells, reach, mapping.columnCount)) return { reason: 'wrong-column-count' };
  const customer = cells[mapping.customerId]!;
  if (customer === '') return { reason: 'missing-id' };
  const dateText = cells[mapping.date]!;
  if (dateText === '') return { reason: 'missing-date' };
  const day = dayOf(dateText);
  if (day === null) return { reason: 'bad-date' };
  const amountText = cells[mapping.amount]!;
  if (amountText === '') return { reason: 'missing-amount' };
  const amount = parseAmount(amountText, mapping.decimalComma);
  if (amount === null) return { reason: 'bad-amount' };
  let quantity = NaN;
  if (mapping.quantity !== null && cells[mapping.quantity] !== '') {
    const parsed = parseNumber(cells[mapping.quantity]!, mapping.decimalComma);
    if (parsed === null) return { reason: 'bad-quantity' };
    quantity = parsed;
  }
  if (lastDay !== null && Math.floor(day) > lastDay) return { reason: 'after-reference-date' };
  return { reason: null, customer, day, amount, quantity, order: optionalCell(cells, mapping.orderId), channel: optionalCell(cells, mapping.channel), category: optionalCell(cells, mapping.category) };
}

/** An optional column's cell: null without the column, '' when the row is short of it. */
const optionalCell = (cells: readonly string[], index: number | null): string | null => (index === null ? null : (cells[index] ?? ''));

/** The first rows as the mapping reads them, for the mapping step's preview. */
export function previewTransactions(rows: readonly TableRow[], mapping: TransactionMapping, count = 10): { line: number; cells: string[]; parsed: ParsedRow }[] {
  return rows.slice(0, count).map((row) => ({ line: row.line, cells: row.cells, parsed: parseTransactionRow(row.cells, mapping) }));
}

/** A 53-bit hash of an order id (cyrb53): orders are grouped within one customer, where two ids sharing a hash is practically impossible. */
function orderHash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export function createTransactionReader(mapping: TransactionMapping, options: { customers?: Interner } = {}): TransactionReader {
  const lastDay = mapping.referenceDate === null ? null : referenceDay(mapping.referenceDate);
  const customers = options.customers ?? new Interner();
  const channels = new Interner();
  const categories = new Interner();
  let rows: RowColumns | null = {
    customer: new GrowableColumn(Int32Array),
    day: new GrowableColumn(Float64Array),
    amount: new GrowableColumn(Float64Array),
    line: new GrowableColumn(Uint32Array),
    quantity: mapping.quantity === null ? null : new GrowableColumn(Float32Array),
    order: mapping.orderId === null ? null : new GrowableColumn(Float64Array),
    channel: mapping.channel === null ? null : new GrowableColumn(Int32Array),
    category: mapping.category === null ? null : new GrowableColumn(Int32Array),
  };
  const rejected = Object.fromEntries(transactionRejections.map((reason) => [reason, emptyRejected()])) as Record<TransactionRejection, RejectedRows>;
  const refunds = { ...emptyLines(), total: 0 };
  const zeroAmounts = emptyLines();
  let rowsRead = 0;
  let rejectedCount = 0;

  const dayOf = memoisedDates(mapping);
  const interned = (interner: Interner, text: string | null) => (text === null || text === '' ? -1 : interner.intern(text));

  return {
    get rowsRead() {
      return rowsRead;
    },
    push(batch) {
      if (!rows) throw new Error('createTransactionReader: push after finish');
      for (const row of batch) {
        rowsRead++;
        const parsed = parseTransactionRow(row.cells, mapping, lastDay, dayOf);
        if (parsed.reason !== null) {
          countRow(rejected[parsed.reason], row);
          rejectedCount++;
          continue;
        }
        rows.customer.push(customers.intern(parsed.customer));
        rows.day.push(parsed.day);
        rows.amount.push(parsed.amount);
        rows.line.push(row.line);
        rows.quantity?.push(parsed.quantity);
        rows.order?.push(parsed.order === null || parsed.order === '' ? -1 : orderHash(parsed.order));
        rows.channel?.push(interned(channels, parsed.channel));
        rows.category?.push(interned(categories, parsed.category));
        if (parsed.amount < 0) {
          countLine(refunds, row.line);
          refunds.total += parsed.amount;
        } else if (parsed.amount === 0) countLine(zeroAmounts, row.line);
      }
    },
    finish() {
      if (!rows) throw new Error('createTransactionReader: finish twice');
      const built = buildPurchases(rows, customers.size, mapping);
      const accepted = rows.line.length;
      rows = null; // the rows' columns go before the caller keeps the table: a million rows' worth
      const table: TransactionTable = {
        customers: customers.values,
        channels: channels.values,
        categories: categories.values,
        currency: mapping.currency,
        ...built.table,
      };
      const report: TransactionReport = {
        rowsRead,
        accepted,
        rejected,
        rejectedCount,
        refunds,
        zeroAmounts,
        orders: built.orders,
        duplicates: { ...built.duplicates, rule: mapping.duplicates },
        purchases: table.length,
        customers: built.customersWithPurchases,
        customersWithoutPurchases: customers.size - built.customersWithPurchases,
        firstDay: table.length ? Math.floor(minOf(table.day)) : null,
        lastDay: table.length ? Math.floor(maxOf(table.day)) : null,
        rules: [
          mapping.orderId === null ? message('core.calibration.import.rules.refundsByRow') : message('core.calibration.import.rules.refundsByOrder'),
          mapping.duplicates === 'keep' ? message('core.calibration.import.rules.duplicatesKept') : message('core.calibration.import.rules.duplicatesDropped'),
        ],
      };
      return { table, report, problem: problemOf(report), customerIndex: customers };
    },
  };
}

/** Why a read file cannot be used, in one sentence, or null. */
function problemOf(report: TransactionReport): Message | null {
  if (report.rowsRead === 0) return message('core.calibration.import.file.noRows');
  if (report.accepted === 0) {
    const top = commonest(report.rejected)!;
    return message('core.calibration.import.file.allRejected', { rows: report.rowsRead, count: top.count, reason: rejectionMessage(top.reason), line: top.line });
  }
  if (report.purchases === 0) return message('core.calibration.import.file.onlyRefunds', { rows: report.accepted });
  return null;
}

const minOf = (values: Float64Array): number => values.reduce((min, value) => Math.min(min, value), Infinity);
const maxOf = (values: Float64Array): number => values.reduce((max, value) => Math.max(max, value), -Infinity);

interface RowColumns {
  customer: GrowableColumn<Int32Array>;
  day: GrowableColumn<Float64Array>;
  amount: GrowableColumn<Float64Array>;
  line: GrowableColumn<Uint32Array>;
  quantity: GrowableColumn<Float32Array> | null;
  order: GrowableColumn<Float64Array> | null;
  channel: GrowableColumn<Int32Array> | null;
  category: GrowableColumn<Int32Array> | null;
}

/**
 * Rows to purchases: rows grouped by customer (a counting sort), each customer's rows sorted so that
 * duplicates sit next to each other (and an order's rows too), then duplicates, orders and the refund
 * rule applied, and the customer's purchases written in time order.
 */
function buildPurchases(rows: RowColumns, customerCount: number, mapping: TransactionMapping) {
  const n = rows.line.length;
  const customer = rows.customer.values();
  const day = rows.day.values();
  const amount = rows.amount.values();
  const line = rows.line.values();
  const quantity = rows.quantity?.values() ?? null;
  const order = rows.order?.values() ?? null;
  const channel = rows.channel?.values() ?? null;
  const category = rows.category?.values() ?? null;

  const starts = new Int32Array(customerCount + 1);
  for (let row = 0; row < n; row++) starts[customer[row]! + 1]!++;
  for (let index = 0; index < customerCount; index++) starts[index + 1]! += starts[index]!;
  const sorted = new Uint32Array(n);
  const next = starts.slice(0, customerCount);
  for (let row = 0; row < n; row++) sorted[next[customer[row]!]!++] = row;

  const compareKey = (a: number, b: number): number =>
    (order ? order[a]! - order[b]! : 0) ||
    day[a]! - day[b]! ||
    amount[a]! - amount[b]! ||
    (quantity ? compareNumbers(quantity[a]!, quantity[b]!) : 0) ||
    (channel ? channel[a]! - channel[b]! : 0) ||
    (category ? category[a]! - category[b]! : 0);

  // Purchases are at most the rows: written into arrays of that length, cut only when orders merged or
  // rows were left out, so the peak holds the rows and the purchases once each.
  const out = {
    customer: new Int32Array(n),
    day: new Float64Array(n),
    amount: new Float64Array(n),
    line: new Uint32Array(n),
    quantity: quantity ? new Float32Array(n) : null,
    channel: channel ? new Int32Array(n) : null,
    category: category ? new Int32Array(n) : null,
  };
  let length = 0;
  const duplicates = emptyLines();
  const orders = order ? { mergedRows: 0, refunded: emptyLines() } : null;
  let customersWithPurchases = 0;
  const write = (who: number, row: number, total: number, count: number) => {
    out.customer[length] = who;
    out.day[length] = day[row]!;
    out.amount[length] = total;
    out.line[length] = line[row]!;
    if (out.quantity) out.quantity[length] = count;
    if (out.channel) out.channel[length] = channel![row]!;
    if (out.category) out.category[length] = category![row]!;
    length++;
  };

  for (let who = 0; who < customerCount; who++) {
    const slice = sorted.subarray(starts[who]!, starts[who + 1]!);
    slice.sort((a, b) => compareKey(a, b) || line[a]! - line[b]!);
    const kept: number[] = [];
    for (let index = 0; index < slice.length; index++) {
      const row = slice[index]!;
      if (index > 0 && compareKey(slice[index - 1]!, row) === 0) {
        countLine(duplicates, line[row]!);
        if (mapping.duplicates === 'drop') continue;
      }
      kept.push(row);
    }
    const before = length;
    if (!order) {
      for (const row of kept) if (amount[row]! >= 0) write(who, row, amount[row]!, quantity ? quantity[row]! : NaN);
    } else {
      const groups: { row: number; total: number; count: number }[] = [];
      for (let start = 0; start < kept.length; ) {
        const first = kept[start]!;
        let end = start;
        let total = 0;
        let gross = 0;
        let refunded = false;
        let count = NaN;
        // Rows without an order id are orders of their own.
        do {
          const row = kept[end]!;
          total += amount[row]!;
          gross += Math.abs(amount[row]!);
          refunded ||= amount[row]! < 0;
          if (quantity && !Number.isNaN(quantity[row]!)) count = (Number.isNaN(count) ? 0 : count) + quantity[row]!;
          end++;
        } while (end < kept.length && order[first] !== -1 && order[kept[end]!] === order[first]);
        orders!.mergedRows += end - start - 1;
        // Sums of cents in floating point: a fully refunded order nets to a few 1e-15, which is zero.
        if (refunded && total <= 1e-9 * gross) countLine(orders!.refunded, line[first]!);
        else groups.push({ row: first, total: Math.max(0, total), count });
        start = end;
      }
      groups.sort((a, b) => day[a.row]! - day[b.row]! || line[a.row]! - line[b.row]!);
      for (const group of groups) write(who, group.row, group.total, group.count);
    }
    if (length > before) customersWithPurchases++;
  }
  sortLines(duplicates);
  if (orders) sortLines(orders.refunded);
  const cut = <T extends Int32Array | Uint32Array | Float64Array | Float32Array>(values: T): T => (length === n ? values : (values.slice(0, length) as T));
  return {
    table: {
      length,
      customer: cut(out.customer),
      day: cut(out.day),
      amount: cut(out.amount),
      line: cut(out.line),
      quantity: out.quantity && cut(out.quantity),
      channel: out.channel && cut(out.channel),
      category: out.category && cut(out.category),
    },
    duplicates,
    orders,
    customersWithPurchases,
  };
}

/** Numbers with NaN (no quantity) ordered after every number and equal to itself. */
const compareNumbers = (a: number, b: number): number => (Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : a - b);

/**
 * The rejected rows as CSV for download, in file order: line, reason (its code), reason in words (as
 * `describe` renders it; the shell passes its translator), then the row's cells. Formula-like cells are
 * neutralised (csv.ts).
 */
export function rejectedRowsCsv(rejected: Readonly<Partial<Record<RowReason, RejectedRows>>>, describe: (text: Message) => string = (text) => text.key): string {
  const rows = (Object.entries(rejected) as [RowReason, RejectedRows][]).flatMap(([reason, list]) => list.rows.map((row) => ({ reason, row })));
  rows.sort((a, b) => a.row.line - b.row.line);
  const width = rows.reduce((max, { row }) => Math.max(max, row.cells.length), 0);
  const header: CsvCell[] = [describe(message('core.calibration.import.download.line')), describe(message('core.calibration.import.download.reason')), describe(message('core.calibration.import.download.explanation'))];
  for (let index = 0; index < width; index++) header.push(describe(message('core.calibration.import.columnNumber', { number: index + 1 })));
  return toCsv([header, ...rows.map(({ reason, row }): CsvCell[] => [row.line, reason, describe(rejectionMessage(reason)), ...row.cells])]);
}

/** Distinct date texts a reader remembers: a file's rows share few dates (two years are 731), so most are read once. */
const DATE_MEMO_LIMIT = 50_000;

/** `parseDate` in the mapping's format and zone, remembering what it read (bounded: date-times rarely repeat). */
function memoisedDates(mapping: TransactionMapping): (text: string) => number | null {
  const known = new Map<string, number | null>();
  return (text) => {
    let day = known.get(text);
    if (day === undefined) {
      day = parseDate(text, mapping.dateFormat, mapping.timeZone);
      if (known.size < DATE_MEMO_LIMIT) known.set(text, day);
    }
    return day;
  };
}
