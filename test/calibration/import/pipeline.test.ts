import { checkTransactionMapping, createTransactionImport, previewTransactions, sniffTransactions } from '../../../src/core/calibration/import';
import { gb18030 } from './support';

const lines = ['会员ID,下单时间,实付金额(元),备注'];
for (let index = 1; index <= 500; index++) lines.push(`M${index % 40},2024/1/${(index % 28) + 1} 10:${String(index % 60).padStart(2, '0')},${index}.50,第${index}单`);
const bytes = gb18030(`${lines.join('\r\n')}\r\n`);

describe('the mapping step, then the whole file', () => {
  it('sniffs the start of a file cut mid-row: encoding, layout, a guessed mapping, the dates as read, a preview', () => {
    const start = bytes.subarray(0, 3001);
    const sniffed = sniffTransactions(start, { complete: false });
    expect(sniffed.problem).toBeNull();
    expect(sniffed.encoding).toBe('gb18030');
    expect(sniffed.layout).toEqual({ delimiter: ',', header: ['会员ID', '下单时间', '实付金额(元)', '备注'], columnCount: 4 });
    // Only whole rows: the row cut at byte 3,001 is left for the full read.
    expect(sniffed.rows.at(-1)!.cells).toHaveLength(4);
    expect(sniffed.guess!.mapping).toMatchObject({ customerId: 0, date: 1, amount: 2, dateFormat: 'ymd-slash', currency: 'CNY' });
    expect(sniffed.guess!.dates!.examples[0]).toEqual({ text: '2024/1/2 10:01', read: '2024-01-02 10:01' });
    const { mapping } = checkTransactionMapping(sniffed.guess!.mapping, sniffed.layout!.header);
    expect(previewTransactions(sniffed.rows, mapping!, 2)).toEqual([
      { line: 2, cells: ['M1', '2024/1/2 10:01', '1.50', '第1单'], parsed: { reason: null, customer: 'M1', day: expect.any(Number), amount: 1.5, quantity: NaN, order: null, channel: null, category: null } },
      { line: 3, cells: ['M2', '2024/1/3 10:02', '2.50', '第2单'], parsed: expect.objectContaining({ reason: null, customer: 'M2', amount: 2.5 }) },
    ]);
    expect(previewTransactions([{ line: 9, cells: ['M1', 'soon', '1', ''] }], mapping!)).toEqual([{ line: 9, cells: ['M1', 'soon', '1', ''], parsed: { reason: 'bad-date' } }]);
  });

  it('reads the whole file with the settings chosen, reporting progress as it goes', () => {
    const { mapping } = checkTransactionMapping(sniffTransactions(bytes.subarray(0, 3000), { complete: false }).guess!.mapping);
    const stream = createTransactionImport({ encoding: null, delimiter: ',', header: true, mapping: mapping! });
    const progress: number[] = [];
    for (let start = 0; start < bytes.length; start += 1000) {
      stream.push(bytes.subarray(start, start + 1000));
      progress.push(stream.progress.bytes);
    }
    expect(progress.at(-1)).toBe(bytes.length);
    const result = stream.finish();
    expect(result).toMatchObject({ problem: null, encoding: 'gb18030', report: { rowsRead: 500, accepted: 500, purchases: 500, customers: 40 } });
    expect(stream.progress.rows).toBe(500);
  });
});
