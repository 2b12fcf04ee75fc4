// The CDNOW sample read end to end by the import (the tests of the fits read it with their own short
// parser, test/calibration/cdnow.ts): the same summaries come out, and a few customers by hand.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dayNumber } from '../../../src/core/calendar';
import { assertCustomerSummaries } from '../../../src/core/calibration';
import { importTransactions } from '../../../src/core/calibration/import';
import { rfmSummary } from '../../../src/core/calibration/rfmSummary';
import { readCdnow } from '../cdnow';
import { chunksOf } from './support';

const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL('../../../../shared/data/CDNOW_sample.txt', import.meta.url))));
const imported = importTransactions(chunksOf(bytes, 64 * 1024));
const END = dayNumber('1997-09-30')!;
const weeks = rfmSummary(imported.table, { calibrationEnd: END, unit: 'weeks' });
const row = (id: string) => weeks.customer.indexOf(imported.table.customers.indexOf(id));

describe('the CDNOW sample through the import', () => {
  it('reads all 6,919 lines of 2,357 customers, with the guessed mapping and nothing rejected', () => {
    expect(imported.problem).toBeNull();
    expect(imported.layout).toEqual({ delimiter: 'whitespace', header: null, columnCount: 5 });
    expect(imported.guess?.mapping).toMatchObject({ customerId: 0, date: 2, quantity: 3, amount: 4, dateFormat: 'ymd-compact' });
    expect(imported.report).toMatchObject({ rowsRead: 6919, accepted: 6919, rejectedCount: 0, purchases: 6919, customers: 2357, customersWithoutPurchases: 0 });
    // Eight first purchases of $0.00 are purchases of no value; 21 lines repeat another of the same day.
    expect(imported.report.zeroAmounts.count).toBe(8);
    expect(imported.report.duplicates.count).toBe(21);
    expect(imported.report.firstDay).toBe(dayNumber('1997-01-01'));
    expect(imported.report.lastDay).toBe(dayNumber('1998-06-30'));
  });

  it('gives the same result read in 7-byte chunks', () => {
    const chunked = importTransactions(chunksOf(bytes, 7));
    expect(chunked.table).toEqual(imported.table);
    expect(chunked.report).toEqual(imported.report);
  });

  it('summarises, merged by day, to what the fits’ own reading of the file gives', () => {
    const reference = readCdnow();
    expect(weeks.count).toBe(2357);
    expect(weeks.timeUnitDays).toBe(7);
    expect(Array.from(weeks.frequency)).toEqual(Array.from(reference.weeks.frequency));
    expect(Array.from(weeks.recency)).toEqual(Array.from(reference.weeks.recency));
    expect(Array.from(weeks.age)).toEqual(Array.from(reference.weeks.age));
    weeks.meanRepeatValue.forEach((value, index) => (Number.isNaN(value) ? expect(reference.weeks.meanRepeatValue[index]).toBeNaN() : expect(value).toBeCloseTo(reference.weeks.meanRepeatValue[index]!, 9)));
    expect(Array.from(weeks.holdoutFrequency)).toEqual(Array.from(reference.holdout));
    expect(weeks.frequency.filter((x) => x > 0)).toHaveLength(946);
    expect(() => assertCustomerSummaries(weeks)).not.toThrow();
  });

  it('matches customers worked by hand', () => {
    // 00004: 1997-01-01, 01-18, 08-02 in calibration, 12-12 after: FHL 2005's worked example (x = 2, t_x = 30.43, T = 38.86).
    const first = row('00004');
    expect(weeks.frequency[first]).toBe(2);
    expect(weeks.recency[first]).toBeCloseTo(213 / 7, 12);
    expect(weeks.age[first]).toBeCloseTo(272 / 7, 12);
    expect(weeks.meanRepeatValue[first]).toBeCloseTo((29.73 + 14.96) / 2, 12);
    expect(weeks.monetary[first]).toBeCloseTo(29.33 + 29.73 + 14.96, 12);
    expect(weeks.holdoutFrequency[first]).toBe(1);
    expect(weeks.holdoutValue[first]).toBeCloseTo(26.48, 12);
    expect(weeks.firstDay[first]).toBe(dayNumber('1997-01-01'));
    expect(weeks.daysSinceLast[first]).toBe(END - dayNumber('1997-08-02')!);
    // 20873: first 1997-03-18 (day 76); four lines on 07-17 and two on 09-22 are one occasion each:
    // repeat days 07-17, 07-18, 07-28, 08-12, 09-05, 09-18, 09-22 (day 264); 21 purchase days after 09-30.
    const many = row('20873');
    expect(weeks.frequency[many]).toBe(7);
    expect(weeks.recency[many]).toBeCloseTo((264 - 76) / 7, 12);
    expect(weeks.age[many]).toBeCloseTo((272 - 76) / 7, 12);
    expect(weeks.meanRepeatValue[many]).toBeCloseTo((9.77 + 16.65 + 15.04 + 50.27 + 44.71 + 60.04 + 14.37 + 14.96 + 12.99 + 12.99 * 2) / 7, 9);
    expect(weeks.holdoutFrequency[many]).toBe(21);
    // 00050: one purchase on 1997-01-01 and none after.
    const once = row('00050');
    expect([weeks.frequency[once], weeks.recency[once], weeks.age[once], weeks.holdoutFrequency[once]]).toEqual([0, 0, 272 / 7, 0]);
    expect(weeks.meanRepeatValue[once]).toBeNaN();
  });

  it('summarises in days too', () => {
    const days = rfmSummary(imported.table, { calibrationEnd: END });
    expect(days.timeUnitDays).toBe(1);
    expect(days.recency[row('00004')]).toBe(213);
    expect(days.age[row('00004')]).toBe(272);
  });
});
