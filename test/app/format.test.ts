// Lists and numbers through Intl (src/app/i18n/format.ts), as the app and the CLI write them.
import { formatList, listSeparators, numberFormat } from '../../src/app/i18n/format';

describe('formatList', () => {
  it('joins like items in the way of each language, with no "and"', () => {
    expect(formatList(['SMS', 'Push', 'E-mail'], 'en')).toBe('SMS, Push, E-mail');
    expect(formatList(['短信', '推送', '邮件'], 'zh-CN')).toBe('短信、推送、邮件');
    expect(formatList(['one'], 'en')).toBe('one');
    expect(formatList([], 'zh-CN')).toBe('');
  });

  it('gives the separators of such a list, for items that are not text', () => {
    expect(listSeparators(3, 'en')).toEqual(['', ', ', ', ']);
    expect(listSeparators(2, 'zh-CN')).toEqual(['', '、']);
    expect(listSeparators(0, 'en')).toEqual([]);
  });
});

describe('numberFormat', () => {
  it('formats in the language asked for and keeps one formatter per language and options', () => {
    expect(numberFormat('en', { maximumFractionDigits: 1 }).format(12345.67)).toBe('12,345.7');
    expect(numberFormat('en', { maximumFractionDigits: 1 })).toBe(numberFormat('en', { maximumFractionDigits: 1 }));
    expect(numberFormat('zh-CN', { maximumFractionDigits: 1 })).not.toBe(numberFormat('en', { maximumFractionDigits: 1 }));
  });
});
