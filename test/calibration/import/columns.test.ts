import { checkTransactionMapping, guessTransactionMapping, type TransactionMappingDraft } from '../../../src/core/calibration/import';
import { inChinese, inEnglish } from '../../support/messages';

const draft = (changes: Partial<TransactionMappingDraft> = {}): TransactionMappingDraft => ({
  columnCount: 4,
  customerId: 0,
  date: 1,
  amount: 2,
  quantity: null,
  orderId: null,
  channel: null,
  category: null,
  dateFormat: 'iso',
  timeZone: 'Asia/Shanghai',
  currency: 'CNY',
  referenceDate: null,
  duplicates: 'keep',
  decimalComma: false,
  ...changes,
});

describe('guessing the columns of a transaction file', () => {
  it('reads Chinese header names', () => {
    const header = ['订单号', '会员ID', '下单时间', '商品类目', '件数', '实付金额(元)', '渠道'];
    const rows = [['O1', 'M1', '2024/1/5 10:00', '饮料', '2', '12.50', '天猫']];
    const guess = guessTransactionMapping({ delimiter: ',', header, columnCount: 7 }, rows);
    expect(guess.mapping).toMatchObject({ orderId: 0, customerId: 1, date: 2, category: 3, quantity: 4, amount: 5, channel: 6, dateFormat: 'ymd-slash', currency: 'CNY' });
    expect(guess.sources).toEqual({ orderId: 'header', customerId: 'header', date: 'header', category: 'header', quantity: 'header', amount: 'header', channel: 'header' });
  });

  it('reads English header names, however they are spelled', () => {
    const header = ['Order Date', 'Customer_ID', 'Order Amount', 'Qty', 'Order No.'];
    const rows = [['01/25/2024', 'C1', '$12.50', '1', 'A-1']];
    const guess = guessTransactionMapping({ delimiter: ',', header, columnCount: 5 }, rows);
    expect(guess.mapping).toMatchObject({ date: 0, customerId: 1, amount: 2, quantity: 3, orderId: 4, dateFormat: 'mdy', currency: 'USD' });
    expect(guess.dates).toMatchObject({ format: 'mdy', ambiguous: false });
  });

  it('guesses the CDNOW columns from their content: id 1, date 3, quantity 4, amount 5', () => {
    const rows = [
      ['00004', '0001', '19970101', '2', '29.33'],
      ['00004', '0001', '19970118', '2', '29.73'],
      ['00021', '0002', '19970101', '3', '63.34'],
      ['00021', '0002', '19970113', '1', '11.77'],
    ];
    const guess = guessTransactionMapping({ delimiter: 'whitespace', header: null, columnCount: 5 }, rows);
    expect(guess.mapping).toMatchObject({ customerId: 0, date: 2, quantity: 3, amount: 4, orderId: null, dateFormat: 'ymd-compact' });
    expect(guess.sources).toEqual({ customerId: 'content', date: 'content', quantity: 'content', amount: 'content' });
  });

  it('guesses from content when the header names nothing it knows', () => {
    const rows = [
      ['x', '2024-01-05', 'alice', '100'],
      ['y', '2024-01-06', 'bob', '250'],
      ['z', '2024-01-07', 'alice', '80'],
    ];
    const guess = guessTransactionMapping({ delimiter: ',', header: ['a', 'b', 'c', 'd'], columnCount: 4 }, rows);
    expect(guess.mapping).toMatchObject({ date: 1, customerId: 2, amount: 3 });
  });

  it('leaves a column it cannot find unknown, which the check then names', () => {
    const guess = guessTransactionMapping({ delimiter: ',', header: ['名字', '备注'], columnCount: 2 }, [['张三', '好']]);
    expect(guess.mapping).toMatchObject({ date: null, amount: null });
    const { problems } = checkTransactionMapping(guess.mapping);
    expect(problems.map(inEnglish)).toEqual(['Choose the column with the date: none was recognised.', 'Choose the column with the amount: none was recognised.']);
    expect(problems.map(inChinese)).toEqual(['请选择日期所在的列：没有识别出来。', '请选择金额所在的列：没有识别出来。']);
  });
});

describe('checking a mapping', () => {
  it('accepts a complete one and fills in defaults', () => {
    const { mapping, problems } = checkTransactionMapping({ columnCount: 3, customerId: 0, date: 1, amount: 2, dateFormat: 'iso' });
    expect(problems).toEqual([]);
    expect(mapping).toMatchObject({ quantity: null, orderId: null, timeZone: 'Asia/Shanghai', currency: 'CNY', referenceDate: null, duplicates: 'keep', decimalComma: false });
  });

  it('names a column used twice, a column outside the row and a bad reference date', () => {
    const { problems } = checkTransactionMapping(draft({ amount: 1, quantity: 7, referenceDate: '2024-02-30' }), ['客户', '日期', '金额', '备注']);
    expect(problems.map(inEnglish)).toEqual([
      'The amount and the date are both set to column 2 “日期”: a column can hold only one of them.',
      'The quantity is set to column 8, but rows have only 4 columns.',
      'The reference date “2024-02-30” is not a date written YYYY-MM-DD.',
    ]);
    expect(inChinese(problems[0]!)).toBe('金额和日期都设在第 2 列“日期”：一列只能对应其中一项。');
  });

  it('names the field of a value of the wrong kind', () => {
    const { problems } = checkTransactionMapping({ ...draft(), timeZone: 'Mars/Olympus' });
    expect(problems).toHaveLength(1);
    expect(inEnglish(problems[0]!)).toMatch(/^The mapping is not valid at “timeZone”: /);
  });

  it('asks for the date format when none reads the dates', () => {
    expect(checkTransactionMapping(draft({ dateFormat: null })).problems.map(inEnglish)).toEqual(['Choose the date format: none of the formats reads the date column.']);
  });
});
