// The global control group's two format fields (issue 14 §2): the cohort's `controlGroupShare` and a
// journey's `settings.optOutOfControlGroup` — defaults, the range checked, and the messages in both languages.
import { checkCohort, MAX_CONTROL_GROUP_SHARE } from '../../src/core/cohort/schema';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';
import { checkJourney, validate } from '../../src/core/journey/validate';
import { settingsSchema } from '../../src/core/journey/schema';
import { validJourney } from '../fixtures/journeys';
import { inChinese, inEnglish } from '../support/messages.ts';

const spec = (controlGroupShare: unknown) => ({ ...structuredClone(ecommercePreset.spec), controlGroupShare });

describe('cohort controlGroupShare', () => {
  it('defaults to 0 (no control group)', () => {
    const { spec: checked, problems } = checkCohort(structuredClone(ecommercePreset.spec));
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(checked?.controlGroupShare).toBe(0);
  });

  it.each([0, 0.05, 0.1, MAX_CONTROL_GROUP_SHARE])('accepts %s', (share) => {
    const { spec: checked, problems } = checkCohort(spec(share));
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(checked?.controlGroupShare).toBe(share);
  });

  it.each([-0.01, 0.51, 1, 10])('refuses %s at controlGroupShare, saying what the field is and its range in both languages', (share) => {
    const { spec: checked, problems } = checkCohort(spec(share));
    expect(checked).toBeNull();
    expect(problems.map((problem) => [problem.code, problem.location.path])).toEqual([['cohort-invalid', ['controlGroupShare']]]);
    const [problem] = problems;
    expect(inEnglish(problem!.message)).toBe(
      'controlGroupShare: The global control group (controlGroupShare) is a proportion of the cohort from 0 to 0.5, that is 0–50 % of users (0 = no control group)',
    );
    expect(inChinese(problem!.message)).toBe('controlGroupShare：全局对照组（controlGroupShare）是人群中的比例，须在 0 到 0.5 之间，即 0–50% 的用户（0 表示不设对照组）');
  });

  it('refuses a value that is not a number at its path', () => {
    const { spec: checked, problems } = checkCohort(spec('10%'));
    expect(checked).toBeNull();
    expect(problems.map((problem) => [problem.code, problem.location.path])).toEqual([['cohort-invalid', ['controlGroupShare']]]);
  });
});

describe('journey settings.optOutOfControlGroup', () => {
  it('defaults to false: a journey keeps the cohort’s control group out', () => {
    expect(settingsSchema.parse({}).optOutOfControlGroup).toBe(false);
    expect(checkJourney(validJourney()).document?.settings.optOutOfControlGroup).toBe(false);
  });

  it('reads true, and refuses anything but a boolean at its path', () => {
    expect(checkJourney({ ...validJourney(), settings: { optOutOfControlGroup: true } }).document?.settings.optOutOfControlGroup).toBe(true);
    const problems = validate({ ...validJourney(), settings: { optOutOfControlGroup: 1 } });
    expect(problems.map((problem) => [problem.code, problem.location.path])).toEqual([['schema-invalid', ['settings', 'optOutOfControlGroup']]]);
  });
});
