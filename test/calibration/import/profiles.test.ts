import { createProfileReader, guessProfileMapping, Interner, profileMappingSchema } from '../../../src/core/calibration/import';
import { inEnglish } from '../../support/messages';
import { rowsOfText } from './support';

const FILE = ['会员ID,城市,年龄,标签,VIP', 'M1,上海,31,新客、高价值,是', 'M2,北京,abc,,否', 'M1,广州,40,,是', ',深圳,22,,否', 'M3,,45,价格敏感;高价值,1', 'M4,成都'].join('\n');

describe('reading customer profiles', () => {
  const { rows, layout } = rowsOfText([FILE]);

  it('guesses the id, a tag list, yes/no tags and attributes from the header and values', () => {
    expect(guessProfileMapping(layout!, rows.map((row) => row.cells))).toEqual({
      columnCount: 5,
      customerId: 0,
      tags: [
        { kind: 'list', column: 3 },
        { kind: 'flag', column: 4, tag: 'VIP' },
      ],
      attributes: [
        { column: 1, name: '城市', kind: 'categorical' },
        { column: 2, name: '年龄', kind: 'categorical' },
      ],
    });
  });

  it('stores attributes and tags per customer against the transactions’ customer indexes', () => {
    const customers = new Interner();
    ['M2', 'M1'].forEach((id) => customers.intern(id));
    const mapping = profileMappingSchema.parse({
      columnCount: 5,
      customerId: 0,
      attributes: [
        { column: 1, name: 'city', kind: 'categorical' },
        { column: 2, name: 'age', kind: 'numeric' },
      ],
      tags: [
        { kind: 'list', column: 3 },
        { kind: 'flag', column: 4, tag: 'VIP' },
      ],
    });
    const reader = createProfileReader(mapping, { customers });
    reader.push(rows);
    const { profiles, report, problem } = reader.finish();
    expect(problem).toBeNull();
    expect(customers.values).toEqual(['M2', 'M1', 'M3']);
    expect(Array.from(profiles.customer)).toEqual([1, 0, 2]);
    const [city, age] = profiles.attributes;
    expect(city).toEqual({ name: 'city', kind: 'categorical', values: ['上海', '北京'], codes: Int32Array.from([0, 1, -1]) });
    expect(age).toEqual({ name: 'age', kind: 'numeric', values: Float64Array.from([31, NaN, 45]) });
    expect(profiles.tags).toEqual([
      { name: '新客', customers: Int32Array.from([1]) },
      { name: '高价值', customers: Int32Array.from([1, 2]) },
      { name: 'VIP', customers: Int32Array.from([1, 2]) },
      { name: '价格敏感', customers: Int32Array.from([2]) },
    ]);
    expect(report).toMatchObject({ rowsRead: 6, accepted: 3, newCustomers: 1 });
    expect(report.rejected['duplicate-customer'].lines).toEqual([4]);
    expect(report.rejected['missing-id'].lines).toEqual([5]);
    expect(report.rejected['wrong-column-count'].lines).toEqual([7]);
    expect(report.badValues.lines).toEqual([3]);
  });

  it('says why when no profile row can be used', () => {
    const reader = createProfileReader({ columnCount: 2, customerId: 0, attributes: [], tags: [] });
    reader.push([{ line: 2, cells: ['', 'x'] }]);
    expect(inEnglish(reader.finish().problem!)).toBe('None of the 1 profile row could be used: each lacks a customer id, has the wrong number of columns or repeats a customer.');
  });
});
