import { builtinLessons } from '../../../src/core/lessons/builtin';
import { parseLesson, type ParsedLesson } from '../../../src/core/lessons/load';
import { applyEdits, journeyAtStep } from '../../../src/core/lessons/edits';
import { checkChallenge } from '../../../src/core/lessons/challenge';
import { checkSize } from '../../../src/core/lessons/power';
import { simulate } from '../../../src/core/sim/engine/simulate';
import { inEnglish } from '../../support/messages.ts';

const CJK = /[\u4e00-\u9fff]/;

function parsed(input: unknown): Extract<ParsedLesson, { ok: true }> {
  const result = parseLesson(input);
  if (!result.ok) throw new Error(result.problems.map((problem) => inEnglish(problem.message)).join('\n'));
  return result;
}

describe('builtin lessons', () => {
  it('are the five lessons of issue 7, each with 3–5 steps, and at least two challenges', () => {
    expect(builtinLessons.map((lesson) => lesson.id)).toEqual(['lifecycle-stages', 'rfm-segmentation', 'cart-abandonment-coupon', 'frequency-caps', 'win-back-holdout']);
    for (const lesson of builtinLessons) expect(lesson.steps.length, lesson.id).toBeGreaterThanOrEqual(3);
    for (const lesson of builtinLessons) expect(lesson.steps.length, lesson.id).toBeLessThanOrEqual(5);
    expect(builtinLessons.filter((lesson) => lesson.steps.some((step) => step.challenge)).length).toBeGreaterThanOrEqual(2);
  });

  it.each(builtinLessons.map((lesson) => [lesson.id, lesson] as const))('%s parses without problems or warnings, Chinese text in Chinese', (_id, input) => {
    const { lesson, warnings } = parsed(input);
    expect(warnings).toEqual([]);
    const texts = [lesson.title, lesson.summary, ...lesson.steps.flatMap((step) => [step.title, step.text, ...step.lookAt.map((lookAt) => lookAt.text), ...(step.tryThis ? [step.tryThis.text] : [])])];
    for (const text of texts) {
      expect(text['zh-CN'], text.en).toMatch(CJK);
      expect(text.en, text['zh-CN']).not.toMatch(CJK);
    }
  });

  const challenges = builtinLessons.flatMap((input) => {
    const { lesson } = parsed(input);
    return lesson.steps.flatMap((step, index) => (step.challenge ? [[lesson.id, input, index] as const] : []));
  });

  it.each(challenges)('%s: the challenge baseline does not meet it, and the suggested edit does', async (_id, input, index) => {
    const { lesson, journey, cohort } = parsed(input);
    const step = lesson.steps[index]!;
    const baselineJourney = journeyAtStep(lesson, journey, index);
    const run = async (document: unknown) => (await simulate({ journey: document, cohort, users: lesson.users, seed: lesson.seed })).report;
    const baseline = await run(baselineJourney);
    expect(step.tryThis?.edits.length).toBeGreaterThan(0);
    const attempt = await run(applyEdits(baselineJourney, step.tryThis!.edits));
    expect(checkChallenge(step.challenge!, baseline, baseline).met).toBe(false);
    const result = checkChallenge(step.challenge!, baseline, attempt);
    for (const condition of result.conditions) expect(inEnglish(condition.text)).toMatch(/^✓/);
    expect(result.met).toBe(true);
  });

  it.each(challenges)('%s: checked as the trainer checks it (paired, sized for power), the suggested edit meets the challenge', async (_id, input, index) => {
    const { lesson, journey, cohort } = parsed(input);
    const step = lesson.steps[index]!;
    const baselineJourney = journeyAtStep(lesson, journey, index);
    const run = async (document: unknown, users: number) => (await simulate({ journey: document, cohort, users, seed: lesson.seed })).report;
    const size = checkSize(step.challenge!, await run(baselineJourney, lesson.users), lesson.users);
    // Every built-in challenge gets its 80 % power within what a check runs.
    expect(size.capped).toBe(false);
    const baseline = await run(baselineJourney, size.users);
    const result = checkChallenge(step.challenge!, baseline, await run(applyEdits(baselineJourney, step.tryThis!.edits), size.users), { lessonUsers: lesson.users, size });
    expect(result.met).toBe(true);
    expect(inEnglish(result.pairing)).toContain(`the same ${size.users.toLocaleString('en')} users with seed ${lesson.seed}`);
  });
});
