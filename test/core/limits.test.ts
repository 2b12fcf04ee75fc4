// The limits of src/core/journey/limits.ts: each is refused with its code, naming the limit and where,
// in both languages; deep and huge inputs are refused before anything recurses; and checking stays
// linear: a journey at the node cap is checked, one far beyond it refused by the count.
import { checkJourney, journeyLimitProblems, problemCatalogue } from '../../src/core/journey/validate';
import { compileJourneyInput } from '../../src/core/compile/toMachine';
import { parseJourneyFile, readJourney } from '../../src/app/persist/files';
import { checkCohort, cohortProblems } from '../../src/core/cohort/schema';
import { grouped } from '../../src/core/i18n';
import { simulationProblems } from '../../src/core/sim/engine/simulate';
import { lessonProblems } from '../../src/core/lessons/problems';
import { cohortPresets } from '../../src/core/cohort/presets';
import { parseLesson } from '../../src/core/lessons/load';
import { builtinLessons } from '../../src/core/lessons/builtin';
import { buildGraph } from '../../src/core/journey/graph';
import { summarisePaths, MAX_PATHS } from '../../src/core/journey/analysis';
import { analysisBudget, isSatisfiable } from '../../src/core/journey/conditionLogic';
import { conditionDepth } from '../../src/core/journey/condition';
import { defaultRegistry } from '../../src/core/journey/registry';
import { checkDocumentText, limitProblems, measureDocument } from '../../src/core/journey/limitChecks';
import * as limits from '../../src/core/journey/limits';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { loadJson, type CliIo } from '../../src/cli/commandIo';
import { edge, largeJourney, nestedArray, nestedCondition, node, validJourney, withNode } from '../fixtures/journeys';
import { inEnglish, inChinese, inBoth } from '../support/messages.ts';

const codes = (input: unknown) => checkJourney(input).problems.map((problem) => problem.code);
const errorsOf = (input: unknown) => checkJourney(input).problems.filter((problem) => problem.severity === 'error');
const withHorizon = (horizon: string) => ({ ...validJourney(), settings: { horizon } });
const withFilter = (filter: unknown) => withNode('start', node('start', 'entry', { trigger: { type: 'event', event: 'add_to_cart' }, filter }));

describe('limits', () => {
  it('registers every limit code with a title and a fix in both languages', () => {
    for (const [code, definition] of Object.entries(limitProblems)) {
      expect(problemCatalogue()[code]).toEqual(definition);
      expect(inChinese(definition.fix)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('writes numbers grouped by thousands, the same in English and Chinese', () => {
    expect([0, 999, 1_000, 20_000_000, -12_345, 1.5, 0.12345].map(grouped)).toEqual(['0', '999', '1,000', '20,000,000', '-12,345', '1.5', '0.12345']);
    const definitions = [...Object.values(problemCatalogue()), ...Object.values(simulationProblems), ...Object.values(cohortProblems), ...Object.values(lessonProblems)];
    for (const text of definitions.flatMap((definition) => [...Object.values(inBoth(definition.title)), ...Object.values(inBoth(definition.fix))])) expect(text).not.toMatch(/\d{4}/);
  });

  it('keeps the numbers the README and the formats document', () => {
    expect(limits).toMatchObject({
      MAX_DURATION_DAYS: 3_650,
      MAX_NODES: 5_000,
      MAX_EDGES: 10_000,
      MAX_CONDITION_DEPTH: 32,
      MAX_LABEL_CHARS: 200,
      MAX_TEXT_CHARS: 10_000,
      MAX_USERS: 10_000_000,
      MAX_DOCUMENT_CHARS: 20_000_000,
      MAX_DOCUMENT_VALUES: 500_000,
    });
  });

  it('lists at most 1,000 format problems, and counts the rest', () => {
    const { problems } = checkJourney({ ...validJourney(), edges: new Array(5_000).fill(1) });
    expect(problems).toHaveLength(limits.MAX_LISTED_PROBLEMS + 1);
    expect(inEnglish(problems.at(-1)!.message)).toBe('…and 4,000 more problems like these, not listed: fix the ones above first.');
    const cohort = checkCohort({ ...cohortPresets[0]!.spec, tags: new Array(5_000).fill(1) });
    expect(cohort.problems.filter((problem) => inEnglish(problem.message).startsWith('…and 4,000 more'))).toHaveLength(1);
    // 30 steps (the most a lesson has) of 50 focus ids (the most a step has) that are not texts: 1,500 issues.
    const step = { title: { en: 'Step', 'zh-CN': '步骤' }, text: { en: 'Read.', 'zh-CN': '阅读。' }, focus: new Array(50).fill(1) };
    const lesson = parseLesson({ ...builtinLessons[0]!, steps: new Array(30).fill(step) });
    if (lesson.ok) throw new Error('a lesson with 1,500 bad ids was accepted');
    expect(lesson.problems).toHaveLength(limits.MAX_LISTED_PROBLEMS + 1);
    expect(lesson.problems[0]).toMatchObject({ code: 'lesson-invalid', location: { path: ['steps', 0, 'focus', 0] } });
    expect(inBoth(lesson.problems.at(-1)!.message)).toEqual({
      en: '…and 500 more problems like these, not listed: fix the ones above first.',
      'zh-CN': '……另有 500 个类似问题未列出：请先修正上面的问题。',
    });
  });
});

describe('durations', () => {
  it('takes up to 3,650 days in any unit', () => {
    for (const horizon of ['P3650D', 'P521W', 'PT87600H', 'P3649DT24H']) expect(errorsOf(withHorizon(horizon)), horizon).toEqual([]);
  });

  it('refuses longer ones with duration-too-long, naming the value and the limit in both languages', () => {
    for (const horizon of ['P3651D', 'P1000000D', 'P100000000D', 'P99999999999999999999999D', 'P522W', 'PT87601H']) {
      const [problem, ...more] = errorsOf(withHorizon(horizon));
      expect(more).toEqual([]);
      expect(problem).toMatchObject({ code: 'duration-too-long', location: { path: ['settings', 'horizon'] } });
      expect(inEnglish(problem!.message)).toContain(horizon);
      expect(inEnglish(problem!.message)).toContain('3,650 days');
      expect(inChinese(problem!.message)).toContain('3,650 天');
    }
  });

  it('refuses exponent notation as not a duration', () => {
    expect(codes(withHorizon('P1e20D'))).toEqual(['schema-invalid']);
  });

  it('bounds every duration, not only the horizon', () => {
    const wait = withNode('remind', node('remind', 'wait', { duration: 'P4000D' }));
    expect(errorsOf(wait)).toMatchObject([{ code: 'duration-too-long', location: { nodeId: 'remind', path: ['nodes', 4, 'params', 'duration'] } }]);
    const window = { ...validJourney(), settings: { frequencyCap: { touches: 1, window: 'P9999D' } } };
    expect(errorsOf(window).map((problem) => problem.code)).toEqual(['duration-too-long']);
    const goal = { ...validJourney(), goals: [{ metric: 'revenue', comparison: '>=', target: 1, withinDays: 3_651 }] };
    expect(errorsOf(goal)).toMatchObject([{ code: 'duration-too-long', location: { path: ['goals', 0, 'withinDays'] } }]);
    expect(errorsOf(withFilter({ event: 'visit', within: 'P5000D', op: '>=', count: 1 })).map((problem) => problem.code)).toEqual(['duration-too-long']);
  });
});

describe('texts', () => {
  it('refuses a label over 200 characters and a description over 10,000 with text-too-long', () => {
    const label = withNode('remind', { ...node('remind', 'message', { channel: 'push' }), label: 'x'.repeat(201) });
    const [problem] = errorsOf(label);
    expect(problem).toMatchObject({ code: 'text-too-long', location: { nodeId: 'remind', path: ['nodes', 4, 'label'] } });
    expect(inEnglish(problem!.message)).toBe('The text has 201 characters; the limit here is 200.');
    expect(inChinese(problem!.message)).toContain('200');
    expect(errorsOf({ ...validJourney(), description: 'x'.repeat(10_000) })).toEqual([]);
    expect(errorsOf({ ...validJourney(), description: 'x'.repeat(10_001) })).toMatchObject([{ code: 'text-too-long', location: { path: ['description'] } }]);
    expect(errorsOf({ ...validJourney(), name: 'x'.repeat(201) }).map((problem) => problem.code)).toEqual(['text-too-long']);
  });

  it('bounds texts inside conditions and tag values too', () => {
    expect(errorsOf(withFilter({ attribute: 'city', op: '=', value: 'x'.repeat(201) })).map((problem) => problem.code)).toContain('text-too-long');
    const tag = withNode('remind', node('remind', 'tag', { action: 'set', attribute: 'tier', value: 'x'.repeat(201) }));
    expect(errorsOf(tag).map((problem) => problem.code)).toEqual(['text-too-long']);
  });
});

describe('conditions', () => {
  it('takes 32 levels of all / any / not and refuses 33 with condition-too-deep at the condition', () => {
    expect(errorsOf(withFilter(nestedCondition(32)))).toEqual([]);
    expect(errorsOf(withFilter(nestedCondition(32, 'all')))).toEqual([]);
    for (const wrap of ['not', 'all'] as const) {
      const [problem, ...more] = errorsOf(withFilter(nestedCondition(40, wrap)));
      expect(more).toEqual([]);
      expect(problem).toMatchObject({ code: 'condition-too-deep', location: { nodeId: 'start', path: ['nodes', 0, 'params', 'filter'] } });
      expect(inEnglish(problem!.message)).toContain('40 levels deep; the limit is 32');
    }
  });

  it('measures depth without recursion, whatever the depth', () => {
    expect(conditionDepth({ tag: 'vip' })).toBe(0);
    expect(conditionDepth(nestedCondition(100_000))).toBe(100_000);
    expect(conditionDepth(nestedCondition(100_000), 32)).toBe(33);
  });
});

describe('deep nesting', () => {
  const deep = withFilter(nestedCondition(10_000));

  it('refuses a condition nested 10,000 deep before anything recurses, at every entry point', () => {
    const [problem, ...more] = checkJourney(deep).problems;
    expect(more).toEqual([]);
    expect(problem).toMatchObject({ code: 'document-too-deep', location: { nodeId: 'start' } });
    expect(problem!.location.path.slice(0, 4)).toEqual(['nodes', 0, 'params', 'filter']);
    expect(inEnglish(problem!.message)).toContain('96 levels');
    expect(compileJourneyInput(deep)).toMatchObject({ ok: false, problems: [{ code: 'document-too-deep' }] });
    expect(readJourney(deep)).toMatchObject({ ok: false, problems: [{ code: 'document-too-deep' }] });
    // Written out by hand: JSON.stringify itself recurses.
    const head = '{"schemaVersion":2,"id":"deep","name":"Deep","nodes":[{"id":"start","kind":"entry","stage":"decision","params":{"filter":';
    const text = `${head}${'{"not":'.repeat(10_000)}{"tag":"vip"}${'}'.repeat(10_000)}}}]}`;
    expect(parseJourneyFile(text)).toMatchObject({ ok: false, problems: [{ code: 'document-too-deep', location: { nodeId: 'start' } }] });
    expect(parseJourneyFile(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toMatchObject({ ok: false, problems: [{ code: 'document-too-deep' }] });
  });

  it('refuses any value nested deeper than 96 levels, and takes 96', () => {
    expect(measureDocument(nestedArray(96))).toBeNull();
    expect(measureDocument(nestedArray(97))).toMatchObject({ code: 'document-too-deep' });
    expect(codes({ ...validJourney(), description: nestedArray(100_000) })).toEqual(['document-too-deep']);
  });

  it('refuses deep cohorts and lessons with their own codes, naming where', () => {
    const cohort = { ...cohortPresets[0]!.spec, description: nestedArray(10_000) };
    const checked = checkCohort(cohort);
    expect(checked.spec).toBeNull();
    expect(checked.problems).toMatchObject([{ code: 'cohort-invalid' }]);
    // The path names where the nesting starts (its first 16 steps).
    expect(checked.problems[0]!.location.path).toEqual(['description', ...new Array<number>(15).fill(0)]);
    expect(inEnglish(checked.problems[0]!.message)).toMatch(/^description\[0\]\[0\].*: Arrays and objects are nested more than 96 levels deep here\.$/);
    const lesson = { ...builtinLessons[0]!, journey: { document: deep } };
    const parsed = parseLesson(lesson);
    expect(parsed.ok ? [] : parsed.problems.map((problem) => problem.code)).toEqual(['lesson-invalid']);
  });
});

describe('document size', () => {
  it('refuses a file over 20,000,000 characters before parsing it', () => {
    const text = `{"schemaVersion":2,"id":"big","name":"Big","description":"${'x'.repeat(20_000_000)}"}`;
    const result = parseJourneyFile(text);
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'document-too-large' }] });
    expect(result.ok ? '' : inEnglish(result.problems[0]!.message)).toContain('the limit is 20,000,000');
    expect(checkDocumentText('x'.repeat(20_000_000))).toBeNull();
  });

  it('makes the CLI refuse a file over 20,000,000 characters before parsing it, in the chosen language', () => {
    const text = `"${'x'.repeat(20_000_000)}"`;
    const io: CliIo = { stdout: () => {}, stderr: () => {}, readFile: () => text, writeFile: () => {}, env: {}, version: 'test' };
    expect(loadJson('big.json', io, 'en')).toEqual({ ok: false, message: 'Cannot read big.json: The document has 20,000,002 characters; the limit is 20,000,000 (about 20 MB).' });
    expect(loadJson('big.json', io, 'zh-CN')).toMatchObject({ ok: false, message: expect.stringContaining('上限为 20,000,000') });
    expect(loadJson('small.json', { ...io, readFile: () => '"x"' }, 'en')).toEqual({ ok: true, json: 'x' });
  });

  it('refuses a value with more than 500,000 values or 20,000,000 characters of text', () => {
    expect(measureDocument(new Array(limits.MAX_DOCUMENT_VALUES - 1).fill(0))).toBeNull();
    expect(codes({ ...validJourney(), description: new Array(limits.MAX_DOCUMENT_VALUES).fill(0) })).toEqual(['document-too-large']);
    expect(codes({ ...validJourney(), description: 'x'.repeat(20_000_001) })).toEqual(['document-too-large']);
  });

  it('bounds a cohort’s size by the users a run may have', () => {
    const spec = cohortPresets[0]!.spec;
    expect(checkCohort({ ...spec, size: limits.MAX_USERS }).spec).not.toBeNull();
    expect(checkCohort({ ...spec, size: limits.MAX_USERS + 1 }).problems.map((problem) => problem.location.path)).toEqual([['size']]);
  });

  it('refuses a cohort name over 200 characters, naming the field and the limit', () => {
    const { problems } = checkCohort({ ...cohortPresets[0]!.spec, name: 'x'.repeat(201) });
    expect(problems.map((problem) => problem.code)).toContain('cohort-invalid');
    expect(problems.some((problem) => inEnglish(problem.message).startsWith('name: The text has 201 characters; the limit here is 200.'))).toBe(true);
  });
});

describe('scale', () => {
  it('checks a journey of 5,000 nodes with the right problems', () => {
    const journey = largeJourney(limits.MAX_NODES);
    const { document, problems } = checkJourney(journey);
    expect(document?.nodes).toHaveLength(5_000);
    expect(problems.map((problem) => problem.code)).toEqual(['path-summary']);
    expect(inEnglish(problems[0]!.message)).toContain('1 distinct path(s)');
    // A problem on its last node is located by index, found through a map.
    journey.nodes[4_999] = { ...journey.nodes[4_999]!, label: 'x'.repeat(201) };
    expect(errorsOf(journey)).toMatchObject([{ code: 'text-too-long', location: { nodeId: 'end', path: ['nodes', 4_999, 'label'] } }]);
  });

  it('checks 10,000 edges, and names the port with two of them', () => {
    const journey = largeJourney(5_000);
    for (let index = 0; journey.edges.length < limits.MAX_EDGES; index++) journey.edges.push(edge(`n${(index % 4_998) + 1}`, 'next', 'end', `extra${index}`));
    const found = codes(journey);
    expect(found.filter((code) => code === 'port-multiple-edges')).toHaveLength(limits.MAX_EDGES - 4_999);
  });

  it('refuses a journey of 60,000 nodes by its count, before the format check', () => {
    const problems = journeyLimitProblems(largeJourney(60_000));
    expect(problems.map((problem) => problem.code)).toEqual(['too-many-nodes', 'too-many-edges']);
    expect(inBoth(problems[0]!.message)).toEqual({ en: 'The journey has 60,000 nodes; the limit is 5,000.', 'zh-CN': '旅程有 60,000 个节点，上限为 5,000 个节点。' });
    // Even with every node broken, only the count is reported: nothing else was read.
    const broken = largeJourney(60_000);
    broken.nodes = broken.nodes.map((candidate) => ({ ...candidate, kind: 'nonsense' }));
    expect(codes(broken)).toEqual(['too-many-nodes', 'too-many-edges']);
    expect(readJourney(broken)).toMatchObject({ ok: false, problems: [{ code: 'too-many-nodes' }, { code: 'too-many-edges' }] });
  });
});

describe('bounded analysis', () => {
  // Two splits of 100 variants in a row, then a long chain: 10,000 simple paths, each 4,000 nodes long.
  function manyLongPaths(): JourneyDocument {
    const variants = Array.from({ length: 100 }, (_, index) => ({ label: `v${index}`, weight: 1 }));
    const journey = validJourney();
    journey.nodes = [node('start', 'entry', { trigger: { type: 'event', event: 'add_to_cart' } }), node('a', 'split', { variants }), node('b', 'split', { variants })];
    journey.edges = [edge('start', 'next', 'a')];
    for (let index = 1; index <= 100; index++) journey.edges.push(edge('a', `variant-${index}`, 'b'), edge('b', `variant-${index}`, 'm0'));
    for (let index = 0; index < 4_000; index++) {
      journey.nodes.push(node(`m${index}`, 'message', { channel: 'push' }));
      journey.edges.push(edge(`m${index}`, 'next', index === 3_999 ? 'end' : `m${index + 1}`));
    }
    journey.nodes.push(node('end', 'exit'));
    return checkJourney(journey).document!;
  }

  it('stops the path summary after a bounded walk, and says there are more paths', () => {
    const document = manyLongPaths();
    const summary = summarisePaths(buildGraph(document, defaultRegistry), document.settings);
    expect(summary.truncated).toBe(true);
    // Without the step budget it would count MAX_PATHS paths of 4,000 nodes each.
    expect(summary.paths).toBeLessThan(MAX_PATHS);
    expect(summary.paths * 4_000).toBeLessThanOrEqual(2 * limits.MAX_GRAPH_WALK_STEPS);
    const info = checkJourney(document).problems.find((problem) => problem.code === 'path-summary');
    expect(inEnglish(info?.message)).toContain(`more than ${summary.paths} distinct path(s)`);
  });

  it('calls a condition undecided, never unsatisfiable, once its analysis budget is spent', () => {
    const contradiction = { all: [{ tag: 'vip', present: true }, { tag: 'vip', present: false }] };
    expect(isSatisfiable(contradiction)).toBe(false);
    expect(isSatisfiable(contradiction, analysisBudget(0))).toBe(true);
    const budget = analysisBudget(10);
    const wide = { all: Array.from({ length: 50 }, (_, index) => ({ attribute: 'age', op: '>' as const, value: index })) };
    expect(isSatisfiable(wide, budget)).toBe(true);
    expect(budget.left).toBe(0);
  });
});
