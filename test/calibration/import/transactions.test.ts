import { dayNumber } from '../../../src/core/calendar';
import {
  createTransactionImport,
  importTransactions,
  rejectedRowsCsv,
  transactionRejections,
  type TransactionMapping,
  type TransactionReport,
} from '../../../src/core/calibration/import';
import { inChinese, inEnglish } from '../../support/messages';
import { chunksOf, gb18030, mappingOf, utf8 } from './support';

const FILE = [
  '客户ID,下单时间,实付金额,数量,订单号', //         1 header
  'C1,2024-01-05 10:00,12.50,1,O1', //                2 order O1
  'C1,2024-01-05 11:00,7.50,2,O1', //                 3 order O1: merged into line 2
  ',2024-01-06,5,1,O2', //                            4 missing-id
  'C2,,5,1,O3', //                                    5 missing-date
  'C2,2024-13-01,5,1,O3', //                          6 bad-date
  'C2,2024-01-06,,1,O3', //                           7 missing-amount
  'C2,2024-01-06,abc,1,O3', //                        8 bad-amount
  'C2,2024-01-06,5,many,O3', //                       9 bad-quantity
  'C2,2024-03-01,5,1,O4', //                         10 after-reference-date
  'C2,2024-01-06,5', //                              11 wrong-column-count (too few)
  'C2,2024-01-06,5,1,O5,extra', //                   12 wrong-column-count (too many)
  'C3,2024-01-07,"1,234.50",1,O6', //                13 order O6 …
  'C3,2024-01-09,-1234.50,1,O6', //                  14 … refunded in full: left out
  'C3,2024-01-08,¥30,1,O7', //                       15 order O7
  'C3,2024-01-08,¥30,1,O7', //                       16 duplicate of 15
  'C2,2024-01-10,0,1,O8', //                         17 zero amount: a purchase of no value
  'C4,2024-01-11,-8,1,O9', //                        18 a refund of an order not in the file
].join('\r\n');

const MAPPING = mappingOf({ columnCount: 5, customerId: 0, date: 1, amount: 2, quantity: 3, orderId: 4, dateFormat: 'iso', referenceDate: '2024-02-29' });

function read(text: string, mapping: Partial<TransactionMapping> = {}, chunkSize = 1 << 16, bytes = utf8(text)) {
  const stream = createTransactionImport({ encoding: null, delimiter: ',', header: true, mapping: { ...MAPPING, ...mapping } });
  for (const chunk of chunksOf(bytes, chunkSize)) stream.push(chunk);
  return stream.finish();
}

const day = (text: string, hours = 0) => dayNumber(text)! + hours / 24;

describe('reading transactions', () => {
  it('rejects rows for each reason, with their lines and the rows for download', () => {
    const { report } = read(FILE);
    const lines = Object.fromEntries(transactionRejections.map((reason) => [reason, report.rejected[reason].lines]));
    expect(lines).toEqual({
      'wrong-column-count': [11, 12],
      'missing-id': [4],
      'missing-date': [5],
      'bad-date': [6],
      'missing-amount': [7],
      'bad-amount': [8],
      'bad-quantity': [9],
      'after-reference-date': [10],
    });
    expect(report.rejected['bad-amount'].rows).toEqual([{ line: 8, cells: ['C2', '2024-01-06', 'abc', '1', 'O3'] }]);
    expect(report).toMatchObject({ rowsRead: 17, accepted: 8, rejectedCount: 9 });
  });

  it('merges the rows of an order, nets refunds against their order, and keeps zero amounts as purchases', () => {
    const { table, report, problem } = read(FILE);
    expect(problem).toBeNull();
    expect(table.customers).toEqual(['C1', 'C3', 'C2', 'C4']);
    const purchases = Array.from({ length: table.length }, (_, index) => ({
      customer: table.customers[table.customer[index]!],
      day: table.day[index],
      amount: table.amount[index],
      quantity: table.quantity![index],
      line: table.line[index],
    }));
    expect(purchases).toEqual([
      { customer: 'C1', day: day('2024-01-05', 10), amount: 20, quantity: 3, line: 2 },
      { customer: 'C3', day: day('2024-01-08'), amount: 60, quantity: 2, line: 15 },
      { customer: 'C2', day: day('2024-01-10'), amount: 0, quantity: 1, line: 17 },
    ]);
    expect(report.orders).toEqual({ mergedRows: 3, refunded: { count: 2, lines: [13, 18] } });
    expect(report.refunds).toEqual({ count: 2, lines: [14, 18], total: -1242.5 });
    expect(report.zeroAmounts).toEqual({ count: 1, lines: [17] });
    expect(report.duplicates).toEqual({ count: 1, lines: [16], rule: 'keep' });
    expect(report).toMatchObject({ purchases: 3, customers: 3, customersWithoutPurchases: 1, firstDay: dayNumber('2024-01-05'), lastDay: dayNumber('2024-01-10') });
    expect(report.rules.map(inEnglish)).toEqual([expect.stringMatching(/^The rows of one customer’s order are one purchase/), expect.stringMatching(/duplicates and kept\.$/)]);
  });

  it('without an order column, leaves refund rows out of the purchases and never subtracts them', () => {
    const { table, report } = read(FILE, { orderId: null });
    expect(Array.from(table.amount)).toEqual([12.5, 7.5, 1234.5, 30, 30, 0]);
    expect(Array.from(table.line)).toEqual([2, 3, 13, 15, 16, 17]);
    expect(report.orders).toBeNull();
    expect(report.refunds).toEqual({ count: 2, lines: [14, 18], total: -1242.5 });
    expect(report.duplicates).toEqual({ count: 1, lines: [16], rule: 'keep' });
    expect(inChinese(report.rules[0]!)).toMatch(/^金额为负的行是退款/);
  });

  it('drops duplicates when asked, keeping the first', () => {
    const { table, report } = read(FILE, { orderId: null, duplicates: 'drop' });
    expect(Array.from(table.line)).toEqual([2, 3, 13, 15, 17]);
    expect(report.duplicates).toEqual({ count: 1, lines: [16], rule: 'drop' });
  });

  it('counts rows that differ in any mapped column as different', () => {
    const text = 'id,date,amount,qty\nA,2024-01-05,5,1\nA,2024-01-05,5,2\nA,2024-01-05 00:00:01,5,1\nA,2024-01-05,5,1\n';
    const { report } = read(text, { columnCount: 4, quantity: 3, orderId: null, referenceDate: null });
    expect(report.duplicates.lines).toEqual([5]);
  });

  it('gives the same result for a Chinese file in UTF-8 and GB18030, in one chunk or in 7-byte chunks', () => {
    const text = FILE.replaceAll('¥', '￥');
    const whole = read(text);
    for (const bytes of [utf8(text), gb18030(text)]) {
      const chunked = read(text, {}, 7, bytes);
      expect(chunked.table).toEqual(whole.table);
      expect(chunked.report).toEqual(whole.report);
    }
    expect(read(text, {}, 7, gb18030(text)).encoding).toBe('gb18030');
  });

  it('writes the rejected rows as CSV in file order, formulas neutralised', () => {
    const { report } = read(`${FILE}\r\n=cmd(),2024-01-05,x,1,O1`);
    const csv = rejectedRowsCsv(report.rejected, inEnglish).split('\r\n');
    expect(csv[0]).toBe('line,reason,explanation,column 1,column 2,column 3,column 4,column 5,column 6');
    expect(csv[1]).toBe('4,missing-id,no customer id,,2024-01-06,5,1,O2');
    expect(csv.at(-2)).toBe("19,bad-amount,amount is not a number,'=cmd(),2024-01-05,x,1,O1");
    expect(csv).toHaveLength(12);
  });

  it('keeps the first thousand lines of a reason and counts the rest', () => {
    const text = `id,date,amount\n${'A,bad,1\n'.repeat(1500)}B,2024-01-05,1\n`;
    const { report } = read(text, { columnCount: 3, quantity: null, orderId: null });
    expect(report.rejected['bad-date'].count).toBe(1500);
    expect(report.rejected['bad-date'].lines).toHaveLength(1000);
    expect(report.rejected['bad-date'].lines.at(-1)).toBe(1001);
  });
});

describe('a file that cannot be used says why in one sentence', () => {
  const problemOf = (bytes: Uint8Array) => importTransactions([bytes]).problem;

  it('has no rows', () => {
    expect(inEnglish(problemOf(utf8('')))).toBe('The file has no data rows.');
    expect(inChinese(problemOf(utf8('客户ID,日期,金额\r\n')))).toBe('文件中没有数据行。');
  });

  it('has every row rejected', () => {
    const problem = read('id,date,amount\nA,2024-01-05,x\nB,2024-01-06,y\nC,,1\n', { columnCount: 3, quantity: null, orderId: null }).problem;
    expect(inEnglish(problem)).toBe('None of the 3 rows could be used: 2 were rejected for “amount is not a number” (the first on line 2).');
    expect(inChinese(problem)).toBe('3 行数据都无法使用：其中 2 行因“金额不是数字”被拒绝（第一处在第 2 行）。');
  });

  it('has only refunds', () => {
    const problem = read('id,date,amount\nA,2024-01-05,-3\n', { columnCount: 3, quantity: null, orderId: null }).problem;
    expect(inEnglish(problem)).toBe('None of the 1 row read is a purchase: every amount is below zero (refunds).');
  });

  it('has no column that could be an amount', () => {
    expect(inEnglish(problemOf(utf8('客户ID,日期\nA,2024-01-05\nB,2024-01-06\n')))).toBe('The file cannot be read as transactions: Choose the column with the amount: none was recognised.');
  });

  it('is a workbook', () => {
    expect(inEnglish(problemOf(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0])))).toMatch(/^This is an Excel workbook/);
  });

  it('is read in the encoding the user forces on it (replacement characters and all), and detected otherwise', () => {
    const bytes = new Uint8Array([...utf8('id,date,amount\n'), ...gb18030('张三,2024-01-05,3\n')]);
    expect(importTransactions([bytes]).table.customers).toEqual(['张三']);
    expect(importTransactions([bytes], { encoding: 'utf-8' }).table.customers[0]).toMatch(/\ufffd/);
  });
});

describe('the report', () => {
  it('is plain data (it travels from the worker by structured clone)', () => {
    const { report } = read(FILE);
    const copy: TransactionReport = structuredClone(report);
    expect(copy).toEqual(report);
  });
});
