// Every template and every built-in lesson fits the preset cohort it is meant for (issue 15): nothing it
// reads is missing from the cohort, and a short run on that cohort sends users down every case of every
// branch and every arm of every split. A template that only a cohort of its own industry can serve is
// listed below with what it lacks, and is run with exactly that added.
import { templates } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { builtinLessons } from '../../src/core/lessons/builtin';
import { parseLesson } from '../../src/core/lessons/load';
import { getPreset } from '../../src/core/cohort/presets';
import { checkCohort, type CheckedCohortSpec, type CohortSpecInput } from '../../src/core/cohort/schema';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocumentInput } from '../../src/core/journey/schema';
import { checkJourneyAgainstCohort } from '../../src/core/sim/engine/cohortFit';
import { simulate } from '../../src/core/sim/engine/simulate';
import { inEnglish } from '../support/messages';

/** The preset a template's industry runs on, as test/sim/agreement.test.ts picks it (e-commerce for the rest). */
const PRESET_OF: Record<string, string> = { education: 'education', b2b: 'education', banking: 'banking', telecom: 'telecom' };

/**
 * Templates whose trigger is a feed of an industry no preset covers: they are deliberately not fitted
 * to a preset (that would change the case they teach), and the fit check must name exactly this.
 */
const NEEDS_OWN_COHORT: Record<string, { why: string; events: string[]; tags: string[] }> = {
  'rfm-service-reminder': { why: 'a car dealer’s service-due dates; no preset is an automotive cohort', events: ['service_due'], tags: [] },
  'rainy-day-lunch': { why: 'a weather feed and regular lunch orderers; no preset is a food-delivery cohort', events: ['weather_rain'], tags: ['lunch_orderer'] },
};

const USERS = 4_000;

interface Case {
  name: string;
  journey: JourneyDocumentInput;
  preset: string;
  gaps?: { events: string[]; tags: string[] };
}

const cases: Case[] = [
  ...templates.map((template) => ({
    name: `template ${template.id}`,
    journey: instantiateTemplate(template, 'en'),
    preset: PRESET_OF[template.industry] ?? 'ecommerce',
    ...(NEEDS_OWN_COHORT[template.id] ? { gaps: NEEDS_OWN_COHORT[template.id] } : {}),
  })),
  ...builtinLessons.map((input) => {
    const parsed = parseLesson(input);
    if (!parsed.ok) throw new Error(`lesson ${input.id} does not parse`);
    return { name: `lesson ${parsed.lesson.id}`, journey: parsed.journey, preset: parsed.lesson.cohort ?? 'ecommerce' };
  }),
];

/** The preset, with what a cohort of the template's own industry would have added (nothing for most). */
function cohortOf(item: Case): CheckedCohortSpec {
  const spec = structuredClone(getPreset(item.preset)!.spec) as CohortSpecInput & { tags: string[]; segments: { tags?: Record<string, number>; behaviour: { events?: Record<string, { perDay: number }> } }[] };
  for (const tag of item.gaps?.tags ?? []) spec.tags.push(tag);
  for (const segment of spec.segments) {
    for (const event of item.gaps?.events ?? []) (segment.behaviour.events ??= {})[event] = { perDay: 0.05 };
    for (const tag of item.gaps?.tags ?? []) (segment.tags ??= {})[tag] = 0.5;
  }
  const checked = checkCohort(spec);
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
    const fit = fitOf(item, checkCohort(getPreset(item.preset)!.spec).spec!);
    const expected = [...(item.gaps?.events ?? []).map((event) => ['cohort-missing-event', event]), ...(item.gaps?.tags ?? []).map((tag) => ['cohort-missing-tag', tag])];
    expect(fit.filter((found) => found.code !== 'path-never-taken').map((found) => [found.code, found.about])).toEqual(expected);
    // What a template without a preset lacks may close its way in (a filter on a tag nobody has), never a branch.
    const entries = new Set((item.journey.nodes ?? []).filter((node) => node.kind === 'entry').map((node) => node.id));
    for (const found of fit.filter((candidate) => candidate.code === 'path-never-taken')) {
      expect(item.gaps).toBeDefined();
      expect(entries.has(found.node!), String(found.about)).toBe(true);
    }
  });

  it.each(cases.map((item) => [item.name, item] as const))(
    '%s sends users down every case and arm on its preset',
    async (_, item) => {
      const cohort = cohortOf(item);
      expect(fitOf(item, cohort)).toEqual([]);
      const { report } = await simulate({ journey: item.journey, cohort, users: USERS, seed: 15 });
      const routing = report.nodes.filter((node) => node.kind === 'branch' || node.kind === 'split');
      const empty = routing.flatMap((node) => Object.entries(node.ports).flatMap(([port, users]) => (users > 0 ? [] : [`${node.id}.${port}`])));
      expect(empty).toEqual([]);
      // The run exercised the journey: someone entered.
      expect(report.entered).toBeGreaterThan(0);
    },
    60_000,
  );

  it('leaves without a preset only templates of industries no preset covers', () => {
    const covered = new Set(['ecommerce', ...Object.keys(PRESET_OF).filter((industry) => PRESET_OF[industry] === industry)]);
    for (const id of Object.keys(NEEDS_OWN_COHORT)) {
      const template = templates.find((candidate) => candidate.id === id);
      expect(template, id).toBeDefined();
      expect(covered.has(template!.industry), id).toBe(false);
    }
  });
});
