import { createDecoder, ImportFailure, type TextEncoding } from '../../../src/core/calibration/import';
import { inChinese, inEnglish } from '../../support/messages';
import { chunksOf, gb18030, utf8 } from './support';

const CHINESE = '客户ID,下单时间,实付金额\n张三,2024/1/5,￥12.50\n李四,2024/1/6,30元\n';

function decodeAll(chunks: readonly Uint8Array[], encoding?: TextEncoding) {
  const decoder = createDecoder(encoding);
  let text = '';
  for (const chunk of chunks) text += decoder.push(chunk);
  text += decoder.finish();
  return { text, encoding: decoder.encoding, bytes: decoder.bytesRead };
}

function failureOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportFailure) return error.problem;
    throw error;
  }
  throw new Error('expected an ImportFailure');
}

describe('decoding', () => {
  it.each([1, 2, 3, 7, 64, 100_000])('detects UTF-8 and keeps characters split across %i-byte chunks whole', (size) => {
    expect(decodeAll(chunksOf(utf8(CHINESE), size))).toEqual({ text: CHINESE, encoding: 'utf-8', bytes: utf8(CHINESE).length });
  });

  it.each([1, 2, 3, 7, 64, 100_000])('detects GB18030 (what Chinese Excel writes) in %i-byte chunks', (size) => {
    const bytes = gb18030(CHINESE);
    expect(decodeAll(chunksOf(bytes, size))).toEqual({ text: CHINESE, encoding: 'gb18030', bytes: bytes.length });
  });

  it('detects GB18030 when the first non-ASCII byte comes after a long ASCII start', () => {
    const text = `${'id,date,amount\n'.repeat(5000)}张三,2024-01-05,12\n`;
    expect(decodeAll(chunksOf(gb18030(text), 4096))).toMatchObject({ text, encoding: 'gb18030' });
  });

  it('reads an ASCII file as UTF-8', () => {
    expect(decodeAll([utf8('a,b\n1,2\n')])).toEqual({ text: 'a,b\n1,2\n', encoding: 'utf-8', bytes: 8 });
    expect(decodeAll([])).toEqual({ text: '', encoding: 'utf-8', bytes: 0 });
  });

  it('skips a UTF-8 BOM and reads UTF-16 by its BOM', () => {
    expect(decodeAll(chunksOf(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(CHINESE)]), 2))).toMatchObject({ text: CHINESE, encoding: 'utf-8' });
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...CHINESE].flatMap((char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8])]);
    expect(decodeAll(chunksOf(utf16, 3))).toMatchObject({ text: CHINESE, encoding: 'utf-16le' });
  });

  it('decodes in the encoding the user chose, whatever the bytes look like', () => {
    expect(decodeAll(chunksOf(gb18030(CHINESE), 5), 'gb18030').text).toBe(CHINESE);
    expect(decodeAll([gb18030('张')], 'utf-8').text).toContain('\ufffd');
  });

  it('fails with a message asking for the encoding when a file detected as UTF-8 stops being UTF-8', () => {
    const bytes = new Uint8Array([...utf8(`名字\n${'x'.repeat(5000)}\n`), ...gb18030('张三\n')]);
    const problem = failureOf(() => decodeAll(chunksOf(bytes, 1000)));
    expect(problem.key).toBe('core.calibration.import.file.notUtf8');
    expect(inEnglish(problem)).toMatch(/not valid UTF-8.*GB18030/);
    expect(inChinese(problem)).toMatch(/GB18030/);
  });

  it('refuses Excel workbooks and binary files with one sentence', () => {
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]);
    expect(inEnglish(failureOf(() => decodeAll(chunksOf(xlsx, 3))))).toMatch(/Excel workbook.*save it as CSV/);
    expect(inEnglish(failureOf(() => decodeAll([Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])])))).toMatch(/Excel workbook/);
    expect(inChinese(failureOf(() => decodeAll([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])])))).toMatch(/不是文本文件/);
  });
});
