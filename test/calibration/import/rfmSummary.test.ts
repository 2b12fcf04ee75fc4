import { dayNumber } from '../../../src/core/calendar';
import { createTransactionReader } from '../../../src/core/calibration/import';
import { mappingOf } from './support';
import { quintileScores, rfmSummary } from '../../../src/core/calibration/rfmSummary';

const MAPPING = mappingOf({ columnCount: 3, customerId: 0, date: 1, amount: 2, dateFormat: 'iso' });

function tableOf(rows: string[][]) {
  const reader = createTransactionReader(MAPPING);
  reader.push(rows.map((cells, index) => ({ line: index + 1, cells })));
  return reader.finish().table;
}

const D = (text: string) => dayNumber(text)!;

describe('the RFM summary', () => {
  const table = tableOf([
    ['A', '2024-01-01 09:00', '10'],
    ['A', '2024-01-01 18:00', '5'], // same day: one occasion of 15
    ['A', '2024-01-08', '20'],
    ['A', '2024-01-15', '0'], // a repeat of no value
    ['A', '2024-02-01', '40'], // after the end
    ['B', '2024-01-10', '7'],
    ['C', '2024-02-05', '9'], // first purchase after the end: left out
    ['D', '2024-01-03', '-5'], // only a refund: no purchase
  ]);

  it('merges a day’s purchases into one occasion and counts x, t_x, T up to the inclusive end', () => {
    const summary = rfmSummary(table, { calibrationEnd: D('2024-01-31') });
    expect(summary).toMatchObject({ count: 2, timeUnitDays: 1, unit: 'days', calibrationEnd: D('2024-01-31'), firstAfterEnd: 1, withoutPurchases: 1 });
    expect(Array.from(summary.customer).map((index) => table.customers[index])).toEqual(['A', 'B']);
    expect(Array.from(summary.frequency)).toEqual([2, 0]);
    expect(Array.from(summary.recency)).toEqual([14, 0]);
    expect(Array.from(summary.age)).toEqual([30, 21]);
    expect(summary.meanRepeatValue[0]).toBe(10); // (20 + 0) / 2
    expect(summary.meanRepeatValue[1]).toBeNaN();
    expect(Array.from(summary.monetary)).toEqual([35, 7]);
    expect(Array.from(summary.holdoutFrequency)).toEqual([1, 0]);
    expect(Array.from(summary.holdoutValue)).toEqual([40, 0]);
    expect(Array.from(summary.firstDay)).toEqual([D('2024-01-01'), D('2024-01-10')]);
    expect(Array.from(summary.daysSinceLast)).toEqual([16, 21]);
  });

  it('takes the last purchase day as the end when none is given, and weeks when asked', () => {
    const summary = rfmSummary(table, { unit: 'weeks' });
    expect(summary.calibrationEnd).toBe(D('2024-02-05'));
    expect(summary.count).toBe(3);
    expect(summary.age[0]).toBeCloseTo(35 / 7, 12);
    expect(summary.recency[0]).toBeCloseTo(31 / 7, 12);
    expect(summary.timeUnitDays).toBe(7);
  });

  it('leaves a repeat mean of zero unknown: the gamma-gamma model needs positive values', () => {
    const summary = rfmSummary(tableOf([['A', '2024-01-01', '3'], ['A', '2024-01-02', '0']]));
    expect(summary.frequency[0]).toBe(1);
    expect(summary.meanRepeatValue[0]).toBeNaN();
  });

  it('scores RFM by quintile, ties sharing the mid-rank score', () => {
    expect(Array.from(quintileScores(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    // Six of ten bought once: all score 2 (mid-rank 30%), not spread over 1–3 by reading order.
    expect(Array.from(quintileScores(Float64Array.from([1, 1, 1, 1, 1, 1, 2, 2, 3, 9])))).toEqual([2, 2, 2, 2, 2, 2, 4, 4, 5, 5]);
    const summary = rfmSummary(table, { calibrationEnd: D('2024-01-31') });
    // A: most recent, most frequent, highest spend of the two.
    expect([summary.rfm.recency[0], summary.rfm.frequency[0], summary.rfm.monetary[0]]).toEqual([4, 4, 4]);
    expect([summary.rfm.recency[1], summary.rfm.frequency[1], summary.rfm.monetary[1]]).toEqual([2, 2, 2]);
  });

  it('gives scores that split a large population into fifths', () => {
    const values = Float64Array.from({ length: 1000 }, (_, index) => (index * 7919) % 1000);
    const scores = quintileScores(values);
    for (let score = 1; score <= 5; score++) expect(scores.filter((value) => value === score)).toHaveLength(200);
  });
});
