// The mapping step: which column holds what, guessed from the header (English and Chinese names) or,
// without one, from what the columns hold; the user corrects every guess before the file is read.
import { z } from 'zod';
import { message, type Message } from '../../i18n';
import { localizeIssue } from '../../journey/zodMessages';
import { matchNames, transactionFields, transactionNames, type TransactionField } from './columnNames';
import { dateFormats, detectDateFormat, referenceDay, type DateDetection } from './dates';
import { currencyOf, parseAmount, parseNumber } from './numbers';
import { importTimeZoneSchema } from './timeZones';
import type { TableLayout } from './table';

const column = z.int().min(0).max(100_000);

export const duplicateRules = ['keep', 'drop'] as const;
export type DuplicateRule = (typeof duplicateRules)[number];

export const transactionMappingSchema = z.strictObject({
  /** Cells per row; a row with another count is rejected (wrong-column-count). */
  columnCount: z.int().min(1).max(100_000),
  customerId: column,
  date: column,
  amount: column,
  quantity: column.nullable().default(null),
  /** Rows with the same customer and order id are one order (amounts summed). */
  orderId: column.nullable().default(null),
  channel: column.nullable().default(null),
  category: column.nullable().default(null),
  dateFormat: z.enum(dateFormats),
  /** The zone date-times without an offset are in, and the one those with an offset are converted to. */
  timeZone: importTimeZoneSchema.default('Asia/Shanghai'),
  /** ISO 4217 code of the amounts. */
  currency: z.string().regex(/^[A-Z]{3}$/).default('CNY'),
  /** The last day a purchase may have (YYYY-MM-DD, inclusive); later rows are rejected. Core has no clock: the user gives it. */
  referenceDate: z.string().nullable().default(null),
  duplicates: z.enum(duplicateRules).default('keep'),
  /** Amounts written with a decimal comma (1.234,50). */
  decimalComma: z.boolean().default(false),
});
export type TransactionMapping = z.output<typeof transactionMappingSchema>;
export type TransactionMappingInput = z.input<typeof transactionMappingSchema>;

/** A mapping being edited: the required columns may still be unknown. */
export type TransactionMappingDraft = Omit<TransactionMapping, 'customerId' | 'date' | 'amount' | 'dateFormat'> & {
  customerId: number | null;
  date: number | null;
  amount: number | null;
  dateFormat: TransactionMapping['dateFormat'] | null;
};

const fieldLabels: Record<TransactionField, Message> = {
  customerId: message('core.calibration.import.fields.customerId'),
  date: message('core.calibration.import.fields.date'),
  amount: message('core.calibration.import.fields.amount'),
  quantity: message('core.calibration.import.fields.quantity'),
  orderId: message('core.calibration.import.fields.orderId'),
  channel: message('core.calibration.import.fields.channel'),
  category: message('core.calibration.import.fields.category'),
};
export const transactionFieldLabel = (field: TransactionField): Message => fieldLabels[field];

/** A column as the user sees it: its header name, or "column 3" (1-based). */
export const columnLabel = (index: number, header: readonly string[] | null): Message =>
  header?.[index] ? message('core.calibration.import.columnNamed', { name: header[index], number: index + 1 }) : message('core.calibration.import.columnNumber', { number: index + 1 });

/**
 * A mapping checked: its shape (zod), then what makes it usable — the required columns chosen, every
 * column inside the row and used once, a real reference date. Problems name the field and column.
 */
export function checkTransactionMapping(input: unknown, header: readonly string[] | null = null): { mapping: TransactionMapping; problems: [] } | { mapping: null; problems: Message[] } {
  const draft = input as Partial<TransactionMappingDraft> | null;
  const missing = (['customerId', 'date', 'amount'] as const).filter((field) => draft?.[field] === null || draft?.[field] === undefined);
  if (missing.length > 0) return { mapping: null, problems: missing.map((field) => message('core.calibration.import.mapping.missingColumn', { field: fieldLabels[field] })) };
  if (draft?.dateFormat === null || draft?.dateFormat === undefined) return { mapping: null, problems: [message('core.calibration.import.mapping.noDateFormat')] };
  const parsed = transactionMappingSchema.safeParse(input);
  if (!parsed.success) return { mapping: null, problems: parsed.error.issues.map((issue) => message('core.calibration.import.mapping.invalid', { path: issue.path.join('.'), problem: localizeIssue(issue) })) };
  const mapping = parsed.data;
  const problems: Message[] = [];
  const usedBy = new Map<number, TransactionField>();
  for (const field of transactionFields) {
    const index = mapping[field];
    if (index === null) continue;
    if (index >= mapping.columnCount) problems.push(message('core.calibration.import.mapping.outsideRow', { field: fieldLabels[field], number: index + 1, count: mapping.columnCount }));
    const other = usedBy.get(index);
    if (other) problems.push(message('core.calibration.import.mapping.sameColumn', { field: fieldLabels[field], other: fieldLabels[other], column: columnLabel(index, header) }));
    usedBy.set(index, field);
  }
  if (mapping.referenceDate !== null && referenceDay(mapping.referenceDate) === null) problems.push(message('core.calibration.import.mapping.badReferenceDate', { text: mapping.referenceDate }));
  return problems.length > 0 ? { mapping: null, problems } : { mapping, problems: [] };
}

export type GuessSource = 'header' | 'content';

export interface TransactionGuess {
  mapping: TransactionMappingDraft;
  /** How each field found its column (absent: not found). */
  sources: Partial<Record<TransactionField, GuessSource>>;
  /** The date column's format as detected, with examples and whether day and month order is a guess. */
  dates: DateDetection | null;
}

interface ColumnFacts {
  filled: number;
  numbers: number;
  /** Values with a fraction or a currency sign: amounts rather than counts. */
  money: number;
  integers: number;
  zeroPadded: number;
  text: number;
  max: number;
  mean: number;
  repeats: boolean;
  dates: DateDetection;
}

function factsOf(values: readonly string[]): ColumnFacts {
  const filled = values.filter((value) => value !== '');
  const amounts = filled.map((value) => parseAmount(value));
  const numbers = amounts.filter((value): value is number => value !== null);
  const plain = filled.filter((value) => parseNumber(value) !== null);
  return {
    filled: filled.length,
    numbers: numbers.length,
    money: filled.filter((value, index) => amounts[index] !== null && (/[.,]\d{1,2}$/.test(value) || currencyOf(value) !== null)).length,
    integers: plain.filter((value) => /^[+-]?\d+$/.test(value)).length,
    zeroPadded: filled.filter((value) => /^0\d/.test(value)).length,
    text: filled.length - numbers.length,
    max: numbers.reduce((max, value) => Math.max(max, value), -Infinity),
    mean: numbers.reduce((sum, value) => sum + value, 0) / Math.max(1, numbers.length),
    repeats: new Set(filled).size < filled.length,
    dates: detectDateFormat(filled),
  };
}

const most = (count: number, of: number): boolean => of > 0 && count >= 0.9 * of;

/**
 * A first mapping for a transaction file from its layout and first rows (a few hundred are plenty).
 * Names in the header decide first; columns still unknown are guessed from content: dates (any written
 * format; Excel serials only when nothing else reads as dates), amounts (numbers with cents or a
 * currency), the customer id (text or zero-padded numbers, repeating), quantities (small whole numbers),
 * and, when no amount has cents, the remaining whole-number column with the largest values. For the
 * CDNOW sample (no header: id, sample id, yyyymmdd, CDs, dollars) this gives id 1, date 3, quantity 4,
 * amount 5.
 */
export function guessTransactionMapping(layout: TableLayout, rows: readonly (readonly string[])[]): TransactionGuess {
  const count = layout.columnCount;
  const columns = Array.from({ length: count }, (_, index) => rows.map((row) => row[index] ?? ''));
  const facts = columns.map(factsOf);
  const found: Partial<Record<TransactionField, number>> = layout.header ? matchNames(layout.header, transactionNames, transactionFields) : {};
  const sources: Partial<Record<TransactionField, GuessSource>> = {};
  for (const field of transactionFields) if (found[field] !== undefined) sources[field] = 'header';
  const free = (index: number) => !Object.values(found).includes(index);
  const take = (field: TransactionField, index: number | undefined) => {
    if (index === undefined || found[field] !== undefined) return;
    found[field] = index;
    sources[field] = 'content';
  };
  const indexes = facts.map((_, index) => index);

  const dated = indexes.filter((index) => free(index) && facts[index]!.dates.format !== null && most(facts[index]!.dates.matched, facts[index]!.filled));
  take('date', dated.find((index) => facts[index]!.dates.format !== 'excel-serial') ?? dated[0]);

  const money = indexes.filter((index) => free(index) && most(facts[index]!.numbers, facts[index]!.filled) && facts[index]!.money > 0);
  take('amount', largestMean(money, facts));

  const idScore = (index: number): number => {
    const fact = facts[index]!;
    if (!free(index) || !most(fact.filled, rows.length) || fact.money > 0 || fact.filled === 0) return 0;
    const kind = fact.text > 0 || fact.zeroPadded > 0 ? 3 : fact.integers === fact.filled && fact.max > 1000 ? 2 : 1;
    return kind * 2 + (fact.repeats ? 1 : 0);
  };
  const bestId = indexes.reduce((best, index) => (idScore(index) > (best < 0 ? 0 : idScore(best)) ? index : best), -1);
  take('customerId', bestId >= 0 ? bestId : undefined);

  const counts = indexes.filter((index) => free(index) && facts[index]!.filled > 0 && facts[index]!.integers === facts[index]!.filled && facts[index]!.zeroPadded === 0);
  if (found.amount === undefined) take('amount', largestMean(counts, facts));
  take('quantity', counts.filter((index) => free(index) && facts[index]!.max <= 1000)[0]);

  const dateColumn = found.date;
  const dates = dateColumn === undefined ? null : facts[dateColumn]!.dates;
  const amountColumn = found.amount;
  const currency = (amountColumn === undefined ? [] : [...(layout.header ? [layout.header[amountColumn]!] : []), ...columns[amountColumn]!]).map(currencyOf).find((code) => code !== null) ?? 'CNY';
  const at = (field: TransactionField) => found[field] ?? null;
  return {
    mapping: {
      columnCount: count,
      customerId: at('customerId'),
      date: at('date'),
      amount: at('amount'),
      quantity: at('quantity'),
      orderId: at('orderId'),
      channel: at('channel'),
      category: at('category'),
      dateFormat: dates?.format ?? null,
      timeZone: 'Asia/Shanghai',
      currency,
      referenceDate: null,
      duplicates: 'keep',
      decimalComma: false,
    },
    sources,
    dates,
  };
}

function largestMean(candidates: readonly number[], facts: readonly ColumnFacts[]): number | undefined {
  return candidates.reduce<number | undefined>((best, index) => (best === undefined || facts[index]!.mean > facts[best]!.mean ? index : best), undefined);
}
