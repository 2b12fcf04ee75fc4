import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { jsonSchemaOf, schemaFileOf, type JsonSchema, type VersionedFormat } from '../../../src/core/format';
import { publishedFormats } from '../../../src/core/format/published';
import { journeyFormat } from '../../../src/core/journey/migrate';
import { cohortFormat } from '../../../src/core/cohort/migrations';
import { lessonFormat } from '../../../src/core/lessons/migrations';
import { templates, instantiateTemplate } from '../../../src/core/templates';
import { cohortPresets } from '../../../src/core/cohort/presets';
import { builtinLessons } from '../../../src/core/lessons/builtin';
import { partialDocument, partialFormat, simulateShard } from '../../../src/core/sim/partialFile';
import { checkSimulation } from '../../../src/core/sim/engine';
import { ecommercePreset } from '../../../src/core/cohort/presets/ecommerce';
import { problemFixtures, validJourney } from '../../fixtures/journeys';
import { schemaErrors } from '../../support/jsonSchemaCheck';
import { examplesTagged } from '../../support/docExamples';

type Example = [name: string, document: unknown];

/** A partial as `simulate --shard 1/3` writes it, of a small run. */
async function partialExample(): Promise<unknown> {
  const checked = checkSimulation({ journey: instantiateTemplate(templates[0]!, 'en'), cohort: ecommercePreset.spec, users: 300, seed: 2, replications: 2, shards: 3 });
  if (!checked.ok) throw new Error('the example run does not check');
  const shard = { index: 1, count: 3 };
  return JSON.parse(JSON.stringify(partialDocument(checked.checked, shard, await simulateShard(checked.checked, shard))));
}

const docExamples = (file: string, tag: string): Example[] =>
  examplesTagged(readFileSync(`docs/${file}`, 'utf8'), tag).map((example, index): Example => [`docs/${file} example ${index + 1}`, JSON.parse(example.json)]);

/** Files each format's schema must accept: the test fixtures, the documented examples and what Journey Lab ships. */
const examplesOf = new Map<VersionedFormat, readonly Example[]>([
  [
    journeyFormat,
    [
      ['the valid journey fixture', validJourney()],
      ...docExamples('journey-format.md', 'journey'),
      ...templates.flatMap((template) => (['en', 'zh-CN'] as const).map((lang): Example => [`template ${template.id} (${lang})`, instantiateTemplate(template, lang)])),
    ],
  ],
  [cohortFormat, cohortPresets.map((preset): Example => [`preset ${preset.id}`, preset.spec])],
  [lessonFormat, [...builtinLessons.map((lesson): Example => [`built-in lesson ${lesson.id}`, lesson]), ...docExamples('lesson-format.md', 'lesson')]],
  [partialFormat, [['a partial of shard 1 of 3', await partialExample()]]],
]);

/** The field a document must have besides its version: its id, or (a partial has none) its kind. */
const identifying = (format: VersionedFormat) => (format === partialFormat ? 'kind' : 'id');

/** The object schema a document must match, where the root points to it. */
const documentSchemaOf = (schema: JsonSchema): JsonSchema => schema.$defs![schema.$ref!.slice('#/$defs/'.length)]!;

describe.each(publishedFormats.map((format) => ({ name: format.name, format })))('the $name JSON Schema', ({ format }) => {
  const schema = jsonSchemaOf(format);
  const examples = examplesOf.get(format)!;
  const agree = (document: unknown) => expect(schemaErrors(schema, document).length === 0, 'JSON Schema and zod agree').toBe(format.schema().safeParse(document).success);

  it(`is committed as ${schemaFileOf(format)}, exactly as generated (run \`npm run schema\` after changing the format)`, () => {
    expect(JSON.parse(readFileSync(schemaFileOf(format), 'utf8'))).toEqual(schema);
  });

  it('is draft 2020-12 with an id, title and description naming the current version, and requires that version', () => {
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `urn:journey-lab:schema:${format.name}:v${format.current}` });
    expect(schema.title).toBe(`${format.describedAs.title} (format version ${format.current})`);
    expect(schema.description).toBe(format.describedAs.description);
    const document = documentSchemaOf(schema);
    expect(document.required).toEqual(expect.arrayContaining(['schemaVersion', identifying(format)]));
    expect(document.properties?.schemaVersion).toMatchObject({ const: format.current });
    expect(document.additionalProperties).toBe(false);
  });

  it('accepts every fixture and shipped file, as zod does', () => {
    expect(examples.length).toBeGreaterThan(0);
    for (const [name, document] of examples) {
      expect(schemaErrors(schema, document), name).toEqual([]);
      expect(format.schema().safeParse(document).success, name).toBe(true);
    }
  });

  it('rejects another version, a missing required field and an unknown field, as zod does', () => {
    const [, example] = examples[0]!;
    const { [identifying(format)]: _id, ...withoutId } = example as Record<string, unknown>;
    const wrong = {
      newerVersion: { ...(example as object), schemaVersion: format.current + 1 },
      olderVersion: { ...(example as object), schemaVersion: format.current - 1 },
      missingId: withoutId,
      unknownField: { ...(example as object), colour: 'red' },
    };
    expect(schemaErrors(schema, wrong.newerVersion)).toEqual([`/schemaVersion: expected ${format.current}`]);
    expect(schemaErrors(schema, wrong.olderVersion)).toEqual([`/schemaVersion: expected ${format.current}`]);
    expect(schemaErrors(schema, wrong.missingId)).toEqual([`/: missing required "${identifying(format)}"`]);
    expect(schemaErrors(schema, wrong.unknownField)).toEqual(['/colour: no value is allowed here']);
    for (const document of Object.values(wrong)) agree(document);
  });
});

describe('jsonSchemaOf', () => {
  it('describes every node kind and the condition language in the journey schema', () => {
    const text = JSON.stringify(jsonSchemaOf(journeyFormat));
    for (const kind of ['entry', 'message', 'offer', 'wait', 'waitForEvent', 'branch', 'split', 'tag', 'goal', 'exit']) expect(text).toContain(`"const":"${kind}"`);
    expect(text).toContain('"Condition"');
  });

  it('rejects the journeys whose fields break the format, as zod does', () => {
    const schema = jsonSchemaOf(journeyFormat);
    for (const code of ['schema-invalid', 'unknown-kind', 'text-too-long']) {
      expect(schemaErrors(schema, problemFixtures[code]), code).not.toEqual([]);
      expect(journeyFormat.schema().safeParse(problemFixtures[code]).success, code).toBe(false);
    }
  });

  it('describes the cohort and its behaviour parameters in the cohort schema', () => {
    const text = JSON.stringify(jsonSchemaOf(cohortFormat));
    expect(text).toContain('"CohortSpec"');
    for (const field of ['"segments"', '"reach"', '"purchase"', '"orderValue"', '"responseWindowDays"', '"wechat_oa"']) expect(text).toContain(field);
  });

  it('writes the input form: a field with a default may be left out', () => {
    const lesson = documentSchemaOf(jsonSchemaOf(lessonFormat));
    expect(lesson.required).not.toContain('users');
    expect(lesson.properties?.users).toMatchObject({ default: 2000 });
  });

  it('refuses a format whose zod schema does not require the version the format declares', () => {
    expect(() => jsonSchemaOf({ ...cohortFormat, current: cohortFormat.current + 1 })).toThrow(`The cohort schema does not require schemaVersion ${cohortFormat.current + 1}`);
    const optionalVersion = z.strictObject({ schemaVersion: z.literal(cohortFormat.current).optional() });
    expect(() => jsonSchemaOf({ ...cohortFormat, schema: () => optionalVersion })).toThrow('does not require schemaVersion');
  });

  it('refuses a zod schema JSON Schema cannot express, rather than publishing a looser one', () => {
    const dated = z.strictObject({ schemaVersion: z.literal(cohortFormat.current), createdAt: z.date() });
    expect(() => jsonSchemaOf({ ...cohortFormat, schema: () => dated })).toThrow();
  });

  it('puts its heading on a schema zod did not name, over the title zod gave it', () => {
    const unnamed = z.strictObject({ schemaVersion: z.literal(cohortFormat.current) }).meta({ title: 'From zod' });
    const schema = jsonSchemaOf({ ...cohortFormat, schema: () => unnamed });
    expect(Object.keys(schema).slice(0, 4)).toEqual(['$schema', '$id', 'title', 'description']);
    expect(schema.title).toBe(`Journey Lab cohort (format version ${cohortFormat.current})`);
    expect(schema.required).toEqual(['schemaVersion']);
    expect(schemaErrors(schema, { schemaVersion: cohortFormat.current })).toEqual([]);
  });
});
