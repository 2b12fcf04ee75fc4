import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseLesson } from '../../../src/core/lessons/load';
import { lessonProblems } from '../../../src/core/lessons/problems';
import { migrateLesson } from '../../../src/core/lessons/migrations';
import { encodeLesson, decodeLesson } from '../../../src/core/lessons/share';
import { builtinLessons } from '../../../src/core/lessons/builtin';
import type { LessonInput } from '../../../src/core/lessons/schema';
import { MAX_SEED } from '../../../src/core/sim/engine/simulate';
import { codeHeadings, examplesTagged, expectSectionsDescribe } from '../../support/docExamples';
import { inEnglish, inChinese } from '../../support/messages.ts';

const doc = readFileSync(resolve(import.meta.dirname, '../../../docs/lesson-format.md'), 'utf8');
const example = (): LessonInput => JSON.parse(examplesTagged(doc, 'lesson')[0]!.json) as LessonInput;
const codes = (input: unknown) => {
  const result = parseLesson(input);
  return result.ok ? [] : result.problems.map((problem) => problem.code);
};
const problems = (input: unknown) => {
  const result = parseLesson(input);
  if (result.ok) throw new Error('expected a refusal');
  return result.problems;
};

describe('parseLesson', () => {
  it('reads the example of docs/lesson-format.md and fills in defaults', () => {
    const result = parseLesson(example());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.lesson.steps[0]!.setup).toEqual([]);
    expect(result.journey.nodes?.some((node) => node.id === 'coupon')).toBe(true);
    expect(result.cohort.id).toBe('ecommerce');
  });

  it('takes any seed the simulation takes, and no other', () => {
    expect(codes({ ...example(), seed: MAX_SEED })).toEqual([]);
    expect(codes({ ...example(), seed: MAX_SEED + 1 })).not.toEqual([]);
  });

  it('refuses what is not a lesson, naming the field', () => {
    expect(codes(null)).toEqual(['lesson-invalid']);
    expect(codes({ ...example(), format: 'journey-lab-report' })).toEqual(['lesson-invalid']);
    const [missing] = problems({ ...example(), title: { en: 'Only English' } });
    expect(missing!.location.path).toEqual(['title', 'zh-CN']);
    expect(inEnglish(missing!.message)).toContain('title.zh-CN');
  });

  it('refuses a newer format version naming both versions', () => {
    const [problem] = problems({ ...example(), schemaVersion: 3 });
    expect(problem!.code).toBe('lesson-newer-version');
    expect(inEnglish(problem!.message)).toMatch(/version 3, newer than .*\(1\)/);
    expect(inChinese(problem!.message)).toContain('3');
  });

  it('refuses a missing node wherever it is named, with its path', () => {
    const lesson = example();
    lesson.steps[0]!.focus = ['remind', 'nowhere'];
    lesson.steps[0]!.tryThis!.edits = [{ type: 'setParam', node: 'ghost', param: 'value', value: 1 }];
    const found = problems(lesson);
    expect(found.map((problem) => [problem.code, problem.location.nodeId])).toEqual([
      ['lesson-missing-node', 'nowhere'],
      ['lesson-missing-node', 'ghost'],
    ]);
    expect(inEnglish(found[0]!.message)).toBe('steps[0].focus[1]: the journey has no node "nowhere".');
    expect(inChinese(found[0]!.message)).toContain('nowhere');
  });

  it('refuses an unknown template or cohort, an embedded journey with errors and an edit that breaks the journey', () => {
    expect(codes({ ...example(), journey: { template: 'no-such-journey' } })).toEqual(['lesson-unknown-template']);
    expect(codes({ ...example(), cohort: 'martians' })).toEqual(['lesson-unknown-cohort']);
    const broken = problems({ ...example(), journey: { document: { schemaVersion: 2, id: 'j', name: 'J', nodes: [{ id: 'a', kind: 'teleport', stage: 'awareness' }] } } });
    expect(broken[0]!.code).toBe('lesson-journey-invalid');
    expect(broken[0]!.location.path.slice(0, 2)).toEqual(['journey', 'document']);
    const lesson = example();
    lesson.steps[0]!.tryThis!.edits = [{ type: 'setParam', node: 'coupon', param: 'value', value: -5 }];
    const [edit] = problems(lesson);
    expect(edit!.code).toBe('lesson-edit-invalid');
    expect(edit!.location.path).toEqual(['steps', 0, 'tryThis', 'edits']);
  });

  it('warns when a step reads the lift of a journey without a holdout', () => {
    const lesson = example();
    lesson.steps[0]!.lookAt = [{ target: 'lift', text: { en: 'Lift', 'zh-CN': '提升' } }];
    const result = parseLesson(lesson);
    expect(result.ok && result.warnings.map((warning) => warning.code)).toEqual(['lesson-no-holdout']);
  });

  it('runs named migrations up to the current version and refuses a version it has no step for', () => {
    const up = { name: 'AddNothing', from: 1, up: (document: Record<string, unknown>) => ({ ...document, added: true }), down: (document: Record<string, unknown>) => document };
    const migrated = migrateLesson({ schemaVersion: 1 }, { migrations: [up], current: 2 });
    expect(migrated).toEqual({ ok: true, document: { schemaVersion: 2, added: true }, from: 1, applied: ['AddNothing'] });
    expect(migrateLesson({ schemaVersion: 1 }, { migrations: [], current: 2 }).ok).toBe(false);
  });
});

describe('lesson links', () => {
  it('round-trip every builtin lesson, URL-safe, also when percent-encoded on the way', () => {
    for (const lesson of builtinLessons) {
      const encoded = encodeLesson(lesson);
      expect(encoded).toMatch(/^[A-Za-z0-9+\-$]+$/);
      const decoded = decodeLesson(encoded);
      expect(decoded.ok && decoded.lesson.id).toBe(lesson.id);
      expect(decodeLesson(encodeURIComponent(encoded)).ok).toBe(true);
    }
  });

  it('refuse damaged links and check decoded lessons like files', () => {
    expect(codes(null)).toEqual(['lesson-invalid']);
    for (const bad of ['', 'not a link!', 'AAAA', '%E0%A4%A'])
      expect(decodeLesson(bad)).toMatchObject({ ok: false, problems: [{ code: 'lesson-invalid' }] });
    const decoded = decodeLesson(encodeLesson({ ...example(), schemaVersion: 2 as 1 }));
    expect(decoded.ok ? [] : decoded.problems.map((problem) => problem.code)).toEqual(['lesson-newer-version']);
  });
});

describe('docs/lesson-format.md', () => {
  it('has a section for every lesson problem code and none for a code that does not exist', () => {
    expect(codeHeadings(doc).sort()).toEqual(Object.keys(lessonProblems).sort());
    expectSectionsDescribe(doc, lessonProblems);
  });
});
