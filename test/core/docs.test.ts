// Keeps docs/journey-format.md and docs/problems.md honest: every problem code, every field of the file
// format and every node kind is documented, nothing is documented that does not exist, and the JSON
// examples marked with `<!-- example: … -->` parse and behave as the text says.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { checkJourney, problemCatalogue, validate } from '../../src/core/journey/validate';
import { defaultRegistry } from '../../src/core/journey/registry';
import { conditionSchema } from '../../src/core/journey/condition';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { cartAbandonment } from '../../src/core/templates/cartAbandonment';
import { codeHeadings, examples, examplesTagged, expectSectionsDescribe, propertyNames } from '../support/docExamples';
import { problemFixtures } from '../fixtures/journeys';
import { checkJourneyAgainstCohort, cohortFitProblems } from '../../src/core/sim/engine/cohortFit';
import { checkCohort } from '../../src/core/cohort/schema';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';

const readDoc = (name: string) => readFileSync(resolve(import.meta.dirname, '../../docs', name), 'utf8');
const formatDoc = readDoc('journey-format.md');
const problemsDoc = readDoc('problems.md');

const errorsOf = (input: unknown) => validate(input).filter((problem) => problem.severity === 'error');

/** The codes a journey raises against the cohort it runs on: their examples run on the e-commerce preset. */
const fitCodes = new Set(Object.keys(cohortFitProblems));
const raisedBy = (example: unknown, code: string): string[] => {
  if (!fitCodes.has(code)) return validate(example).map((problem) => problem.code);
  const checked = checkJourney(example);
  expect(checked.valid, code).not.toBeNull();
  return checkJourneyAgainstCohort(checked.valid!, checkCohort(ecommercePreset.spec).spec!).map((problem) => problem.code);
};

describe('docs/problems.md', () => {
  const catalogue = { ...problemCatalogue(), ...cohortFitProblems };
  const headings = codeHeadings(problemsDoc);

  it('has a "### `code`" section for every problem code', () => {
    const missing = Object.keys(catalogue).filter((code) => !headings.includes(code));
    expect(missing).toEqual([]);
  });

  it('has no section for a code that does not exist, and none twice', () => {
    expect(headings.filter((code) => !(code in catalogue))).toEqual([]);
    expect(headings.length).toBe(new Set(headings).size);
  });

  it('states each code’s severity and its English and Chinese titles', () => expectSectionsDescribe(problemsDoc, catalogue));

  // Examples of these limits are too large to show: the section says so and describes the journey,
  // and its fixture (built as described) stands in for it.
  const tooLargeToShow = ['document-too-large', 'document-too-deep', 'too-many-nodes', 'too-many-edges', 'condition-too-deep', 'text-too-long'];

  it('gives every code an example journey that raises it', () => {
    const sections = problemsDoc.split(/^(?=###?\s)/m);
    for (const code of Object.keys(catalogue)) {
      if (tooLargeToShow.includes(code)) {
        expect(sections.find((text) => text.startsWith(`### \`${code}\``)), code).toContain('**Example.** Too large to show');
        expect(examplesTagged(problemsDoc, `problem ${code}`)).toEqual([]);
        expect(validate(problemFixtures[code]).map((problem) => problem.code)).toContain(code);
        continue;
      }
      const [example, ...more] = examplesTagged(problemsDoc, `problem ${code}`);
      expect(example, `example for ${code}`).toBeDefined();
      expect(more).toEqual([]);
      expect(raisedBy(JSON.parse(example!.json), code), code).toContain(code);
    }
  });

  it('marks no example for an unknown code', () => {
    const tagged = examples(problemsDoc).map((example) => example.tag);
    expect(tagged.filter((tag) => !tag.startsWith('problem ') || !(tag.slice('problem '.length) in catalogue))).toEqual([]);
  });
});

describe('docs/journey-format.md', () => {
  it('names every property of the generated JSON Schema in backticks', () => {
    const schema = z.toJSONSchema(defaultRegistry.documentSchema, { io: 'input' });
    const names = [...propertyNames(schema)];
    expect(names.length).toBeGreaterThan(40);
    expect(names.filter((name) => !formatDoc.includes(`\`${name}\``))).toEqual([]);
  });

  it('has a section for every node kind', () => {
    const headings = [...formatDoc.matchAll(/^###\s+`?([A-Za-z]+)`?\s*$/gm)].map((match) => match[1] ?? '');
    const missing = defaultRegistry.kinds.map((kind) => kind.kind).filter((kind) => !headings.includes(kind));
    expect(missing).toEqual([]);
  });

  it('has full example journeys that parse and validate without errors', () => {
    const journeys = examplesTagged(formatDoc, 'journey');
    expect(journeys.length).toBeGreaterThan(0);
    for (const example of journeys) {
      const document: unknown = JSON.parse(example.json);
      expect(errorsOf(document)).toEqual([]);
    }
  });

  it('shows the cart-abandonment template as its first example journey', () => {
    const [first] = examplesTagged(formatDoc, 'journey');
    expect(JSON.parse(first!.json)).toEqual(instantiateTemplate(cartAbandonment, 'en'));
  });

  it('has example nodes that pass the format check, at least one of every kind', () => {
    const nodes = examplesTagged(formatDoc, 'node').map((example) => JSON.parse(example.json) as { kind: string });
    expect(nodes.map((node) => node.kind).sort()).toEqual(expect.arrayContaining(defaultRegistry.kinds.map((kind) => kind.kind)));
    for (const node of nodes) {
      const { document, problems } = checkJourney({ schemaVersion: 1, id: 'example', name: 'Example', nodes: [node] });
      expect(problems.filter((problem) => problem.code === 'schema-invalid' || problem.code === 'unknown-kind'), JSON.stringify(node)).toEqual([]);
      expect(document).not.toBeNull();
    }
  });

  it('has example conditions that parse', () => {
    const conditions = examplesTagged(formatDoc, 'condition');
    expect(conditions.length).toBeGreaterThan(0);
    for (const example of conditions) expect(conditionSchema.safeParse(JSON.parse(example.json)).success, example.json).toBe(true);
  });

  it('marks no example of an unknown sort', () => {
    const tags = examples(formatDoc).map((example) => example.tag);
    expect(tags.filter((tag) => !['journey', 'node', 'condition'].includes(tag))).toEqual([]);
  });
});
