// Fuzzing every entry point that reads untrusted journeys, cohorts and lessons: arbitrary JSON, and
// valid documents (the templates, the cohort presets, the builtin lessons) mutated at random places,
// never make them throw; each returns a document or problems, every problem registered and worded in
// both languages. Deep and huge inputs are refused without recursion. Each entry point gets 2,000
// cases; fixed seeds and bounded runs keep it fast and reproducible; the generous timeouts only catch a hang.
import fc from 'fast-check';
import { checkJourney, problemCatalogue } from '../../src/core/journey/validate';
import { parseJourneyFile, readJourney, type ReadJourneyResult } from '../../src/app/persist/files';
import { checkCohort, cohortProblems } from '../../src/core/cohort/schema';
import { cohortPresets } from '../../src/core/cohort/presets';
import { parseLesson, type ParsedLesson } from '../../src/core/lessons/load';
import { lessonProblems } from '../../src/core/lessons/problems';
import { builtinLessons } from '../../src/core/lessons/builtin';
import { instantiateTemplate, templates } from '../../src/core/templates';
import { severities, type Problem } from '../../src/core/journey/problems';
import { nestedArray, nestedCondition } from '../fixtures/journeys';
import { inEnglish, inChinese } from '../support/messages.ts';

const SEED = 20_240_612;
const HANG = 120_000;
const runs = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: true });

const journeyCodes = new Set(Object.keys(problemCatalogue()));
const cohortCodes = new Set(Object.keys(cohortProblems));
const lessonCodes = new Set(Object.keys(lessonProblems));

/** A problem as every screen and the CLI expect it: a registered code, both languages, a path. */
function expectWellFormed(problems: Problem[], codes: ReadonlySet<string>): void {
  for (const problem of problems) {
    expect(codes.has(problem.code), problem.code).toBe(true);
    expect(severities).toContain(problem.severity);
    expect(typeof inEnglish(problem.message) === 'string' && inEnglish(problem.message).length > 0).toBe(true);
    expect(typeof inChinese(problem.message) === 'string' && inChinese(problem.message).length > 0).toBe(true);
    expect(Array.isArray(problem.location.path)).toBe(true);
  }
}

const hasError = (problems: Problem[]) => problems.some((problem) => problem.severity === 'error');

function expectJourneyChecked(input: unknown): void {
  const { document, problems } = checkJourney(input);
  expectWellFormed(problems, journeyCodes);
  if (document === null) expect(hasError(problems)).toBe(true);
  else expect(Array.isArray(document.nodes)).toBe(true);
}

function expectJourneyRead(result: ReadJourneyResult): void {
  expectWellFormed(result.problems, journeyCodes);
  if (result.ok) expect(Array.isArray(result.document.nodes)).toBe(true);
  else expect(hasError(result.problems)).toBe(true);
}

function expectCohortChecked(input: unknown): void {
  const { spec, problems } = checkCohort(input);
  expectWellFormed(problems, cohortCodes);
  if (spec === null) expect(hasError(problems)).toBe(true);
  else expect(spec.segments.length).toBeGreaterThan(0);
}

function expectLessonParsed(result: ParsedLesson): void {
  if (result.ok) {
    expect(result.lesson.steps.length).toBeGreaterThan(0);
    expectWellFormed(result.warnings, lessonCodes);
  } else {
    expect(result.problems.length).toBeGreaterThan(0);
    expectWellFormed(result.problems, lessonCodes);
  }
}

// ---------------------------------------------------------------------------------------------------
// Mutations of valid documents

/** Values that probe the limits and the types: long texts, long durations, odd numbers, deep nesting. */
const awkward = fc.constantFrom<unknown>(
  'x'.repeat(201),
  'x'.repeat(10_001),
  'P3651D',
  'P1000000D',
  'P1e20D',
  'PT0.001S',
  '',
  '__proto__',
  1e308,
  -1e308,
  -1,
  0.5,
  0,
  null,
  true,
  [],
  {},
  nestedCondition(33),
  nestedCondition(60, 'all'),
  nestedArray(120),
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {}}}') as unknown,
);

const mutationArbitrary = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'awkward', 'delete', 'duplicate', 'rename'),
  value: fc.jsonValue({ maxDepth: 3 }),
  awkward,
});
type Mutation = typeof mutationArbitrary extends fc.Arbitrary<infer M> ? M : never;

type Slot = { parent: Record<string | number, unknown>; key: string | number };

/** Every place a value sits in a JSON document, found with an explicit stack. */
function slots(document: unknown): Slot[] {
  const found: Slot[] = [];
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    const parent = value as Record<string | number, unknown>;
    const keys: (string | number)[] = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
    for (const key of keys) {
      found.push({ parent, key });
      stack.push(parent[key]);
    }
  }
  return found;
}

function mutate(document: unknown, mutations: Mutation[]): unknown {
  const copy = structuredClone(document);
  for (const mutation of mutations) {
    const places = slots(copy);
    if (places.length === 0) break;
    const { parent, key } = places[mutation.at % places.length]!;
    switch (mutation.kind) {
      case 'replace':
        parent[key] = mutation.value;
        break;
      case 'awkward':
        parent[key] = structuredClone(mutation.awkward);
        break;
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
        break;
      case 'duplicate':
        // A second copy next to the first: duplicate ids, extra edges, repeated keys' values.
        if (Array.isArray(parent)) parent.push(structuredClone(parent[key]));
        else parent[`${key}_copy`] = structuredClone(parent[key]);
        break;
      case 'rename':
        if (!Array.isArray(parent)) {
          parent[`${key}x`] = parent[key];
          delete parent[key];
        }
        break;
    }
  }
  return copy;
}

const mutations = fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 });
const journeys = templates.map((template, index) => instantiateTemplate(template, index % 2 === 0 ? 'en' : 'zh-CN'));
const mutatedJourney = fc.tuple(fc.constantFrom(...journeys), mutations).map(([journey, changes]) => mutate(journey, changes));
const mutatedCohort = fc.tuple(fc.constantFrom(...cohortPresets.map((preset) => preset.spec)), mutations).map(([spec, changes]) => mutate(spec, changes));
const mutatedLesson = fc.tuple(fc.constantFrom(...builtinLessons), mutations).map(([lesson, changes]) => mutate(lesson, changes));
const json = fc.jsonValue({ maxDepth: 5 });

// ---------------------------------------------------------------------------------------------------

describe('fuzzing journeys', () => {
  it('checkJourney returns a document or errors for any JSON', { timeout: HANG }, () => {
    fc.assert(fc.property(json, (input) => expectJourneyChecked(input)), runs(1_200));
  });

  it('checkJourney returns a document or errors for mutated templates', { timeout: HANG }, () => {
    fc.assert(fc.property(mutatedJourney, (input) => expectJourneyChecked(input)), runs(800));
  });

  it('readJourney returns a document or errors for any JSON and for mutated templates', { timeout: HANG }, () => {
    fc.assert(fc.property(json, (input) => expectJourneyRead(readJourney(input))), runs(1_200));
    fc.assert(fc.property(mutatedJourney, (input) => expectJourneyRead(readJourney(input))), runs(800));
  });

  it('parseJourneyFile returns a document or errors for any text, and for mutated templates as text', { timeout: HANG }, () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => expectJourneyRead(parseJourneyFile(text))), runs(1_200));
    fc.assert(fc.property(mutatedJourney, fc.nat(), (input, cut) => {
      const text = JSON.stringify(input);
      expectJourneyRead(parseJourneyFile(text));
      // A file cut short anywhere is not JSON: refused, never thrown.
      expectJourneyRead(parseJourneyFile(text.slice(0, cut % text.length)));
    }), runs(800));
  });
});

describe('fuzzing cohorts', () => {
  it('checkCohort returns a spec or errors for any JSON', { timeout: HANG }, () => {
    fc.assert(fc.property(json, (input) => expectCohortChecked(input)), runs(1_200));
  });

  it('checkCohort returns a spec or errors for mutated presets', { timeout: HANG }, () => {
    fc.assert(fc.property(mutatedCohort, (input) => expectCohortChecked(input)), runs(800));
  });
});

describe('fuzzing lessons', () => {
  it('parseLesson returns a lesson or problems for any JSON', { timeout: HANG }, () => {
    fc.assert(fc.property(json, (input) => expectLessonParsed(parseLesson(input))), runs(1_000));
    const shaped = fc.record({ format: fc.constant('journey-lab-lesson'), schemaVersion: fc.constant(1), steps: json, journey: json, id: json });
    fc.assert(fc.property(shaped, (input) => expectLessonParsed(parseLesson(input))), runs(500));
  });

  it('parseLesson returns a lesson or problems for mutated builtin lessons', { timeout: HANG }, () => {
    fc.assert(fc.property(mutatedLesson, (input) => expectLessonParsed(parseLesson(input))), runs(500));
  });
});

describe('nesting 10,000 deep', () => {
  // Built iteratively: a recursive builder (or JSON.stringify) would itself overflow the stack.
  const deepCondition = nestedCondition(10_000);
  const deepArray = nestedArray(10_000);
  const journey = journeys[0]!;

  it('is refused by every reader, without throwing', () => {
    const deepJourneys = [
      { ...journey, description: deepArray },
      { ...journey, nodes: [...journey.nodes!, { id: 'deep', kind: 'branch', stage: 'decision', params: { cases: [{ condition: deepCondition }] } }] },
      deepArray,
      deepCondition,
    ];
    for (const input of deepJourneys) {
      expect(checkJourney(input).problems.map((problem) => problem.code)).toEqual([expect.stringMatching(/^(document-too-deep|not-a-journey)$/)]);
      const read = readJourney(input);
      expect(read.ok).toBe(false);
      expectJourneyRead(read);
    }
    expect(parseJourneyFile(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`)).toMatchObject({ ok: false, problems: [{ code: 'document-too-deep' }] });
    const cohort = checkCohort({ ...cohortPresets[0]!.spec, segments: deepArray });
    expect(cohort).toMatchObject({ spec: null, problems: [{ code: 'cohort-invalid' }] });
    expect(checkCohort(deepArray)).toMatchObject({ spec: null, problems: [{ code: 'cohort-invalid' }] });
    for (const lesson of [{ ...builtinLessons[0]!, steps: deepArray }, { ...builtinLessons[0]!, journey: { document: { ...journey, description: deepArray } } }, deepCondition]) {
      const parsed = parseLesson(lesson);
      expect(parsed.ok).toBe(false);
      expectLessonParsed(parsed);
    }
  });
});
