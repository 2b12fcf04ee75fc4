// Regenerates schema/journey.schema.json from the zod schema (run by `npm run schema`).
// test/core/jsonSchema.test.ts fails when the committed file and the code disagree.
import { writeFileSync, mkdirSync } from 'node:fs';
import { journeyJsonSchema } from '../core/journey/jsonSchema';

mkdirSync('schema', { recursive: true });
writeFileSync('schema/journey.schema.json', `${JSON.stringify(journeyJsonSchema(), null, 2)}\n`);
console.log('wrote schema/journey.schema.json');
