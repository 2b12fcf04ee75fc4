// Every template and every built-in lesson fits the preset cohort it is meant for (issue 15): nothing it
// reads is missing from the cohort, and a short run on that cohort sends users down every case of every
// branch and every arm of every split.
import { templates } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { builtinLessons } from '../../src/core/lessons/builtin';
import { parseLesson } from '../../src/core/lessons/load';
import { cohortPresets, getPreset } from '../../src/core/cohort/presets';
import { checkCohort, type CheckedCohortSpec } from '../../src/core/cohort/schema';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocumentInput } from '../../src/core/journey/schema';
import { checkJourneyAgainstCohort } from '../../src/core/sim/engine/cohortFit';
import { simulate } from '../../src/core/sim/engine/simulate';
import { inEnglish } from '../support/messages';

/** The preset a template's industry runs on, as test/sim/agreement.test.ts picks it (e-commerce for the rest). */
const PRESET_OF: Record<string, string> = { education: 'education', b2b: 'education', banking: 'banking', telecom: 'telecom', automotive: 'automotive', food: 'food' };

const USERS = 4_000;

interface Case {
  name: string;
  journey: JourneyDocumentInput;
  preset: string;
}

const cases: Case[] = [
  ...templates.map((template) => ({
    name: `template ${template.id}`,
    journey: instantiateTemplate(template, 'en'),
    preset: PRESET_OF[template.industry] ?? 'ecommerce',
  })),
  ...builtinLessons.map((input) => {
    const parsed = parseLesson(input);
    if (!parsed.ok) throw new Error(`lesson ${input.id} does not parse`);
    return { name: `lesson ${parsed.lesson.id}`, journey: parsed.journey, preset: parsed.lesson.cohort ?? 'ecommerce' };
  }),
];

/** The preset, checked. */
function cohortOf(item: Case): CheckedCohortSpec {
  const checked = checkCohort(getPreset(item.preset)!.spec);
  if (!checked.spec) throw new Error(checked.problems.map((found) => inEnglish(found.message)).join('\n'));
  return checked.spec;
}

/** The fit warnings, each as its code, node and what it is about (the event, tag, attribute or segment). */
const fitOf = (item: Case, cohort: CheckedCohortSpec) => {
  const checked = checkJourney(item.journey);
  if (!checked.valid) throw new Error(`${item.name} has errors`);
  return checkJourneyAgainstCohort(checked.valid, cohort).map((found) => {
    const values = found.message.values ?? {};
    return { code: found.code, node: found.location.nodeId, about: values.event ?? values.tag ?? values.attribute ?? values.segment ?? inEnglish(found.message) };
  });
};

describe('templates and lessons fit their presets', () => {
  it.each(cases.map((item) => [item.name, item] as const))('%s reads nothing its preset lacks', (_, item) => {
    expect(fitOf(item, cohortOf(item))).toEqual([]);
  });

  it.each(cases.map((item) => [item.name, item] as const))(
    '%s sends users down every case and arm on its preset',
    async (_, item) => {
      const cohort = cohortOf(item);
      const { report } = await simulate({ journey: item.journey, cohort, users: USERS, seed: 15 });
      const routing = report.nodes.filter((node) => node.kind === 'branch' || node.kind === 'split');
      const empty = routing.flatMap((node) => Object.entries(node.ports).flatMap(([port, users]) => (users > 0 ? [] : [`${node.id}.${port}`])));
      expect(empty).toEqual([]);
      // The run exercised the journey: someone entered.
      expect(report.entered).toBeGreaterThan(0);
    },
    60_000,
  );

  it('runs every template on the preset of its own industry where there is one', () => {
    for (const preset of cohortPresets.filter((candidate) => candidate.industry !== 'ecommerce')) expect(PRESET_OF[preset.industry], preset.id).toBe(preset.id);
    for (const template of templates) expect(getPreset(PRESET_OF[template.industry] ?? 'ecommerce'), template.id).toBeDefined();
  });
});
