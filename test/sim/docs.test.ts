// Keeps docs/simulation.md honest: every run problem code has its section, and every report field is explained.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { simulationProblems } from '../../src/core/sim/engine/simulate';
import { runFailureProblems } from '../../src/core/sim/engine/runFailure';
import { codeHeadings, expectSectionsDescribe } from '../support/docExamples';
import { simulate } from '../../src/core/sim/engine/simulate';
import { templates } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';

const doc = readFileSync(resolve(import.meta.dirname, '../../docs/simulation.md'), 'utf8');

describe('docs/simulation.md', () => {
  it('has a section for every simulation problem code and none for a code that does not exist', () => {
    const headings = codeHeadings(doc).filter((heading) => heading.startsWith('simulation-'));
    const catalogue = { ...simulationProblems, ...runFailureProblems };
    expect(headings.sort()).toEqual(Object.keys(catalogue).sort());
    expectSectionsDescribe(doc, catalogue);
  });

  it('explains every field of the report', async () => {
    const { report } = await simulate({ journey: instantiateTemplate(templates[0]!, 'en'), cohort: ecommercePreset.spec, users: 200 });
    expect(Object.keys(report).filter((field) => !['format', 'version', 'journey', 'cohort'].includes(field) && !doc.includes(`\`${field}`))).toEqual([]);
  });
});
