// Keeps docs/cohort-format.md honest: every field of the cohort format and every cohort problem code is
// documented, nothing is documented that does not exist, and the JSON examples marked with
// `<!-- example: … -->` behave as the text says.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkCohort, cohortProblems } from '../../src/core/cohort/schema';
import { cohortFormat } from '../../src/core/cohort/migrations';
import { jsonSchemaOf } from '../../src/core/format';
import { cohortPresets } from '../../src/core/cohort/presets';
import { channels } from '../../src/core/journey/channels';
import { codeHeadings, examples, expectSectionsDescribe, propertyNames } from '../support/docExamples';

const doc = readFileSync(resolve(import.meta.dirname, '../../docs/cohort-format.md'), 'utf8');

describe('docs/cohort-format.md', () => {
  const headings = codeHeadings(doc);
  const sections = doc.split(/^(?=###?\s)/m);

  it('names every property of the cohort JSON Schema in backticks, and every channel', () => {
    const names = [...propertyNames(jsonSchemaOf(cohortFormat))];
    expect(names.length).toBeGreaterThan(30);
    expect(names.filter((name) => !doc.includes(`\`${name}\``))).toEqual([]);
    expect(channels.filter((channel) => !doc.includes(`\`${channel}\``))).toEqual([]);
  });

  it('has a "### `code`" section for every cohort problem code, and none for a code that does not exist', () => {
    expect(Object.keys(cohortProblems).filter((code) => !headings.includes(code))).toEqual([]);
    const problemHeadings = headings.filter((heading) => heading.startsWith('cohort-'));
    expect(problemHeadings.filter((code) => !(code in cohortProblems))).toEqual([]);
    expect(problemHeadings.length).toBe(new Set(problemHeadings).size);
  });

  it('states each code’s severity and its English and Chinese titles', () => expectSectionsDescribe(doc, cohortProblems));

  it('gives every code an example spec that raises it', () => {
    for (const code of Object.keys(cohortProblems)) {
      const tagged = examples(doc).filter((example) => example.tag === `problem ${code}`);
      expect(tagged, `example for ${code}`).toHaveLength(1);
      const raised = checkCohort(JSON.parse(tagged[0]!.json)).problems.map((problem) => problem.code);
      expect(raised, code).toContain(code);
    }
  });

  it('has a complete example that validates with no problem and uses every field', () => {
    const complete = examples(doc).filter((example) => example.tag === 'cohort');
    expect(complete).toHaveLength(1);
    const { spec, problems } = checkCohort(JSON.parse(complete[0]!.json));
    expect(problems).toEqual([]);
    expect(spec).not.toBeNull();
    const used = new Set<string>();
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (typeof value === 'object' && value !== null)
        for (const [key, inner] of Object.entries(value)) {
          used.add(key);
          walk(inner);
        }
    };
    walk(JSON.parse(complete[0]!.json));
    expect([...propertyNames(jsonSchemaOf(cohortFormat))].filter((name) => !used.has(name))).toEqual([]);
  });

  it('marks no example of an unknown sort', () => {
    const tags = examples(doc).map((example) => example.tag);
    expect(tags.filter((tag) => tag !== 'cohort' && !(tag.startsWith('problem ') && tag.slice('problem '.length) in cohortProblems))).toEqual([]);
  });

  it('has a section for every preset, giving its segments', () => {
    for (const preset of cohortPresets) {
      const section = sections.find((text) => text.startsWith(`### \`${preset.id}\``)) ?? '';
      expect(section, preset.id).toContain(preset.name['zh-CN']);
      for (const segment of checkCohort(preset.spec).spec!.segments) expect(section, `${preset.id} ${segment.id}`).toContain(`\`${segment.id}\` ${segment.share} %`);
    }
  });
});
