// SMART goals as part of the journey document (format v2): the editor command that sets them, and the
// format check that keeps them to three well-formed goals.
import { setGoals, emptyJourney } from '../../src/core/editor/commands';
import type { GoalSpec } from '../../src/core/journey/goals';
import { checkJourney } from '../../src/core/journey/validate';
import { validJourney } from '../fixtures/journeys';

const journey = () => checkJourney(validJourney()).document!;
const goal = (fields: Partial<GoalSpec> = {}): GoalSpec => ({ metric: 'conversionRate', comparison: '>=', target: 0.15, ...fields });

describe('goals on the journey', () => {
  it('are empty on a new journey and on a file that leaves them out', () => {
    expect(emptyJourney('j', 'J').goals).toEqual([]);
    expect(journey().goals).toEqual([]);
  });

  it('setGoals replaces the goals and leaves the rest of the journey as it was', () => {
    const before = journey();
    const frozen = JSON.stringify(before);
    const after = setGoals(before, [goal({ withinDays: 30 }), goal({ metric: 'cac', comparison: '<=', target: 40 })]);
    expect(after.goals).toEqual([goal({ withinDays: 30 }), { metric: 'cac', comparison: '<=', target: 40 }]);
    expect(after.nodes).toBe(before.nodes);
    expect(after.settings).toBe(before.settings);
    expect(JSON.stringify(before)).toBe(frozen);
    expect(setGoals(after, []).goals).toEqual([]);
    expect(checkJourney(after).document).toEqual(after);
  });

  it.each([
    ['a fourth goal', [goal(), goal(), goal(), goal()]],
    ['an unknown metric', [{ ...goal(), metric: 'clicks' }]],
    ['days that are not whole', [goal({ withinDays: 1.5 })]],
    ['zero days', [goal({ withinDays: 0 })]],
    ['an unknown field', [{ ...goal(), note: 'x' }]],
  ])('setGoals refuses %s', (_case, goals) => {
    const before = journey();
    expect(() => setGoals(before, goals as GoalSpec[])).toThrow();
  });

  it('are checked with the rest of the file, with the path of what is wrong', () => {
    const { problems } = checkJourney({ ...validJourney(), goals: [goal(), { ...goal(), target: 'high' }] });
    expect(problems.map((problem) => [problem.code, problem.location.path])).toEqual([['schema-invalid', ['goals', 1, 'target']]]);
  });

  it('take the incremental metrics, and keep a stored ROI goal as the attributed ROI it always measured', () => {
    const incremental = [goal({ metric: 'incrementalRevenue', target: 5000 }), goal({ metric: 'incrementalRoi', target: 0.2 }), goal({ metric: 'costPerIncrementalConversion', comparison: '<=', target: 30 })];
    expect(checkJourney({ ...validJourney(), goals: incremental }).document!.goals).toEqual(incremental);
    expect(checkJourney({ ...validJourney(), goals: [goal({ metric: 'incrementalConversions', target: 100 })] }).problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(checkJourney({ ...validJourney(), goals: [goal({ metric: 'attributedRoi' as GoalSpec['metric'] })] }).problems.map((problem) => problem.code)).toContain('schema-invalid');
    // A journey saved before incremental figures existed: its 'roi' and 'revenue' goals load unchanged.
    const stored = [goal({ metric: 'roi', target: 1.5 }), goal({ metric: 'revenue', target: 10_000 })];
    expect(checkJourney({ ...validJourney(), goals: stored }).document!.goals).toEqual(stored);
  });
});
