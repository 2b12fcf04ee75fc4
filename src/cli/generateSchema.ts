// Regenerates schema/journey.schema.json and schema/cohort.schema.json from the zod schemas (run by
// `npm run schema`). test/core/jsonSchema.test.ts and test/core/cohortJsonSchema.test.ts fail when the
// committed files and the code disagree.
import { writeFileSync, mkdirSync } from 'node:fs';
import { journeyJsonSchema } from '../core/journey/jsonSchema';
import { cohortJsonSchema } from '../core/cohort/jsonSchema';

mkdirSync('schema', { recursive: true });
writeFileSync('schema/journey.schema.json', `${JSON.stringify(journeyJsonSchema(), null, 2)}\n`);
console.log('wrote schema/journey.schema.json');
writeFileSync('schema/cohort.schema.json', `${JSON.stringify(cohortJsonSchema(), null, 2)}\n`);
console.log('wrote schema/cohort.schema.json');
