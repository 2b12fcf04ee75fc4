import { readFileSync } from 'node:fs';
import { journeyJsonSchema } from '../../src/core/journey/jsonSchema';

describe('schema/journey.schema.json', () => {
  it('is exactly what the zod schema generates (run `npm run schema` after changing the format)', () => {
    const committed = JSON.parse(readFileSync('schema/journey.schema.json', 'utf8')) as unknown;
    expect(committed).toEqual(journeyJsonSchema());
  });

  it('describes every node kind and the condition language', () => {
    const text = JSON.stringify(journeyJsonSchema());
    for (const kind of ['entry', 'message', 'offer', 'wait', 'waitForEvent', 'branch', 'split', 'tag', 'goal', 'exit'])
      expect(text).toContain(`"const":"${kind}"`);
    expect(text).toContain('"Condition"');
  });
});
