// Regenerates the JSON Schema of every file format — schema/journey.schema.json, cohort.schema.json,
// lesson.schema.json and partial.schema.json (a shard's counters) — through the versioned-format module (run by `npm run schema`).
// test/core/format/jsonSchema.test.ts fails when a committed file and the code disagree.
import { writeFileSync, mkdirSync } from 'node:fs';
import { jsonSchemaOf, schemaFileOf } from '../core/format';
import { publishedFormats } from '../core/format/published';

mkdirSync('schema', { recursive: true });
for (const format of publishedFormats) {
  writeFileSync(schemaFileOf(format), `${JSON.stringify(jsonSchemaOf(format), null, 2)}\n`);
  console.log(`wrote ${schemaFileOf(format)}`);
}
