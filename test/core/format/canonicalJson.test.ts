import { canonicalJson } from '../../../src/core/format';
import { validJourney } from '../../fixtures/journeys';

describe('canonicalJson', () => {
  it('writes equal values as equal text whatever order their keys came in', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"e":3,"f":2}]},"b":1}');
    expect(canonicalJson({ a: { c: 'x', d: [1, { e: 3, f: 2 }] }, b: 1 })).toBe(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: 'x' } }));
  });

  it('leaves out keys whose value is undefined and writes undefined in an array as null, as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, null, 1] })).toBe('{"b":[null,null,1]}');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('is JSON of the same value with its keys sorted, for a journey', () => {
    const sortKeys = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(sortKeys) : value && typeof value === 'object' ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])])) : value;
    const journey = validJourney();
    expect(canonicalJson(journey)).toBe(JSON.stringify(sortKeys(journey)));
    expect(JSON.parse(canonicalJson(journey))).toEqual(journey);
  });
});
