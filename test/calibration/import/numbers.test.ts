import { currencyOf, parseAmount, parseFlag, parseNumber } from '../../../src/core/calibration/import';

describe('numbers as files write them', () => {
  it.each<[string, number]>([
    ['12', 12],
    ['12.5', 12.5],
    ['-3', -3],
    ['+0.5', 0.5],
    ['.5', 0.5],
    ['1,234.50', 1234.5],
    ['1,234,567', 1234567],
    ['¥12', 12],
    ['￥12.00', 12],
    ['$5', 5],
    ['HK$5', 5],
    ['RMB 12', 12],
    ['-¥12', -12],
    ['¥-12', -12],
    ['12.5元', 12.5],
    ['12 CNY', 12],
    ['(3.00)', -3],
    ['１２．５', 12.5],
    ['−4', -4],
  ])('reads the amount %j as %d', (text, value) => {
    expect(parseAmount(text)).toBe(value);
  });

  it.each(['', 'abc', '12,50', '1,23', '1e3', '12 cm', '--3', '1.2.3', '¥', '12元元'])('does not read %j as an amount', (text) => {
    expect(parseAmount(text)).toBeNull();
  });

  it('reads decimal commas when told to', () => {
    expect(parseAmount('1.234,50', true)).toBe(1234.5);
    expect(parseAmount('1 234,50 €', true)).toBe(1234.5);
    expect(parseAmount('12,5', true)).toBe(12.5);
    expect(parseAmount('1,234.50', true)).toBeNull();
  });

  it('reads plain numbers without currencies', () => {
    expect(parseNumber('3')).toBe(3);
    expect(parseNumber('1,000')).toBe(1000);
    expect(parseNumber('¥3')).toBeNull();
  });

  it('names the currency an amount shows', () => {
    expect(['¥12', '￥12', '12元', 'RMB 3', '5 USD', '$5', 'HK$5', '€3', '12'].map(currencyOf)).toEqual(['CNY', 'CNY', 'CNY', 'CNY', 'USD', 'USD', 'HKD', 'EUR', null]);
  });

  it('reads yes/no cells in English and Chinese', () => {
    expect(['1', 'TRUE', 'yes', 'Y', '是', '√', '0', 'false', 'No', '否', '', 'maybe'].map(parseFlag)).toEqual([true, true, true, true, true, true, false, false, false, false, null, null]);
  });
});
