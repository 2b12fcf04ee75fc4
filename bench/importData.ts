// The transaction files of the import benchmark (bench/import.ts), generated in memory: customers drawn
// from a known BG/NBD model (purchases) with gamma-gamma order values, written as the CSV an order
// system exports — one row per purchase, ordered by date, with a header:
//
//   customer_id,order_date,amount
//   C0000417,2023-01-01,86.40
//
// Each customer's first purchase falls on a day drawn uniformly over two years; simulateCustomers (the
// calibration's own simulation of the BG/NBD process) draws how many repeat purchases follow until the
// end of the second year (x), when the last of them falls (t_x) and their mean value. The other x − 1
// repeat purchases are then placed uniformly in (0, t_x): given x events of a Poisson process with the
// last at t_x, the others are independent and uniform before it, so the file follows the model exactly.
// Each row's amount is the customer's mean ±40 % (uniform), to the cent. The file stops at exactly the
// number of rows asked for (the last customer's later purchases are cut). Everything is seeded, so a
// file depends on its seed and size only.
import { simulateCustomers, type BgNbdParams, type GammaGammaParams } from '../src/core/calibration';
import { isoDate } from '../src/core/calibration/import';
import { seededUniforms } from './benchCli';

/** The true model of the generated customers: about one purchase a month while active, a 1-in-6 chance of lapsing after each, ¥80 a mean order. */
export const GENERATOR: { purchases: BgNbdParams; spend: GammaGammaParams; firstDay: number; days: number } = {
  purchases: { r: 0.5, alpha: 20, a: 0.8, b: 4 },
  spend: { p: 6, q: 4, gamma: 40 },
  firstDay: Date.UTC(2023, 0, 1) / 86_400_000,
  days: 730,
};

/** Bytes the benchmark pushes at a time, as the CLI and the app's worker read a file. */
export const CHUNK_BYTES = 1 << 20;

export interface TransactionFile {
  /** The CSV, UTF-8 (all ASCII). */
  bytes: Uint8Array;
  /** Data rows (the header not counted). */
  rows: number;
  /** Customers with at least one row. */
  customers: number;
  /** Days since 1970-01-01 of the first and last row. */
  firstDay: number;
  lastDay: number;
}

/** Customers enough for `rows` rows (doubled until they are: the first days are drawn in the same order, so the first customers stay the same). */
function customersFor(rows: number, seed: number) {
  const end = GENERATOR.days - 1;
  for (let count = Math.ceil(rows / 3); ; count *= 2) {
    const next = seededUniforms(seed);
    const firstPurchase = Float64Array.from({ length: count }, () => Math.floor(next() * GENERATOR.days));
    const { summaries } = simulateCustomers({ params: GENERATOR.purchases, spend: GENERATOR.spend, firstPurchase, calibrationEnd: end, seed });
    if (summaries.frequency.reduce((total, x) => total + 1 + x, 0) >= rows) return { firstPurchase, ...summaries };
  }
}

/** Purchases of `rows` rows as columns: customer index, day offset, amount in cents, in generation order. */
function drawPurchases(rows: number, seed: number) {
  const customer = new Int32Array(rows);
  const day = new Int32Array(rows);
  const cents = new Int32Array(rows);
  const { firstPurchase, frequency, recency, meanRepeatValue } = customersFor(rows, seed);
  const { p, q, gamma } = GENERATOR.spend;
  const next = seededUniforms(seed ^ 0x5bd1e995);
  const amount = (mean: number) => Math.max(1, Math.round(100 * mean * (0.6 + 0.8 * next())));
  let row = 0;
  let customers = 0;
  for (let who = 0; row < rows; who++, customers++) {
    const first = firstPurchase[who]!;
    const x = frequency[who]!;
    const mean = Number.isFinite(meanRepeatValue[who]) ? meanRepeatValue[who]! : (p * gamma) / (q - 1);
    const times = Array.from({ length: x }, (_, k) => (k === x - 1 ? recency[who]! : next() * recency[who]!)).sort((a, b) => a - b);
    for (let purchase = 0; purchase <= x && row < rows; purchase++, row++) {
      customer[row] = who;
      day[row] = first + (purchase === 0 ? 0 : Math.floor(times[purchase - 1]!));
      cents[row] = amount(mean);
    }
  }
  return { customer, day, cents, customers };
}

/** Row indexes ordered by day (a counting sort: stable, so one day's rows keep their generation order). */
function byDay(day: Int32Array, days: number): Uint32Array {
  const starts = new Uint32Array(days + 1);
  for (const value of day) starts[value + 1]!++;
  for (let index = 0; index < days; index++) starts[index + 1]! += starts[index]!;
  const order = new Uint32Array(day.length);
  for (let row = 0; row < day.length; row++) order[starts[day[row]!]!++] = row;
  return order;
}

/** A CSV of `rows` generated purchases (see the top of this file). */
export function generateTransactionFile(rows: number, seed: number): TransactionFile {
  if (!(Number.isInteger(rows) && rows >= 1)) throw new RangeError(`generateTransactionFile: rows must be a whole number ≥ 1, not ${rows}`);
  const { customer, day, cents, customers } = drawPurchases(rows, seed);
  const dates = Array.from({ length: GENERATOR.days }, (_, offset) => isoDate(GENERATOR.firstDay + offset));
  const order = byDay(day, GENERATOR.days);
  // Text in pieces of 50,000 rows, then copied into one buffer: ASCII, so one character is one byte.
  const pieces = ['customer_id,order_date,amount\n'];
  for (let start = 0; start < rows; start += 50_000) {
    const lines: string[] = [];
    for (let at = start; at < Math.min(rows, start + 50_000); at++) {
      const row = order[at]!;
      lines.push(`C${String(customer[row]! + 1).padStart(7, '0')},${dates[day[row]!]},${(cents[row]! / 100).toFixed(2)}\n`);
    }
    pieces.push(lines.join(''));
  }
  const bytes = new Uint8Array(pieces.reduce((total, piece) => total + piece.length, 0));
  const encoder = new TextEncoder();
  pieces.reduce((offset, piece) => offset + encoder.encodeInto(piece, bytes.subarray(offset)).written, 0);
  return { bytes, rows, customers, firstDay: GENERATOR.firstDay + day[order[0]!]!, lastDay: GENERATOR.firstDay + day[order[rows - 1]!]! };
}

/** The file in chunks of CHUNK_BYTES (views: no copy), cut wherever the bytes fall, mid-line included. */
export function chunksOf(bytes: Uint8Array, size = CHUNK_BYTES): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) chunks.push(bytes.subarray(offset, offset + size));
  return chunks;
}
