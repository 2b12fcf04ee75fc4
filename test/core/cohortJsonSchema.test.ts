import { readFileSync } from 'node:fs';
import { cohortJsonSchema } from '../../src/core/cohort/jsonSchema';

describe('schema/cohort.schema.json', () => {
  it('is exactly what the zod schema generates (run `npm run schema` after changing the format)', () => {
    const committed = JSON.parse(readFileSync('schema/cohort.schema.json', 'utf8')) as unknown;
    expect(committed).toEqual(cohortJsonSchema());
  });

  it('describes the cohort and its behaviour parameters', () => {
    const schema = cohortJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const text = JSON.stringify(schema);
    expect(text).toContain('"CohortSpec"');
    for (const field of ['"segments"', '"reach"', '"purchase"', '"orderValue"', '"responseWindowDays"', '"wechat_oa"']) expect(text).toContain(field);
  });
});
