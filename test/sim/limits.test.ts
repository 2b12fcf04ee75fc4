import { checkSimulation, MAX_SHARDED_USERS, MAX_USERS, modelFor, problemsOfFailure, simulate, SimulationError, simulationProblems } from '../../src/core/sim/engine/simulate';
import { runRange, SimulationCancelled } from '../../src/core/sim/engine/runRange';
import { MIN_STEP_BUDGET, RunawayError, StepBudgetError, stepBudget } from '../../src/core/sim/engine/world';
import type { JourneyDocumentInput } from '../../src/core/journey/schema';
import { compileJourneyInput } from '../../src/core/compile/toMachine';
import { checkJourney } from '../../src/core/journey/validate';
import { buildModel } from '../../src/core/sim/engine/model';
import { buildReport } from '../../src/core/sim/engine/report';
import { edge } from '../fixtures/journeys';
import { cohort, DAY, HOUR, journey, model } from './support';
import { inEnglish, inChinese, withText } from '../support/messages.ts';

/**
 * Issue 12, item 5: a loop that time hardly moves through (tag → wait 1 ms → tag) passed validation
 * and kept a one-user run busy for minutes. Both engines now stop it after the step budget of the
 * horizon, with the same problem. And item 11: whatever a run throws reaches users as a problem.
 */

/** The journey: tag → wait PT0.001S → back to the tag, for ever. */
function fastLoop(horizon?: string): JourneyDocumentInput {
  const document = journey(
    [
      { id: 'mark', kind: 'tag', params: { tag: 'x' } },
      { id: 'pause', kind: 'wait', params: { duration: 'PT0.001S' } },
    ],
    horizon ? { horizon } : {},
  );
  document.edges = [...document.edges!.filter((candidate) => candidate.source !== 'pause'), edge('pause', 'next', 'mark')];
  return document;
}

function failureOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
}

describe('the step budget over the horizon', () => {
  it('is 5,000 node entries per day of the horizon, and at least 20,000', () => {
    expect(stepBudget(90 * DAY)).toBe(450_000);
    expect(stepBudget(3_650 * DAY)).toBe(18_250_000);
    expect(stepBudget(HOUR)).toBe(MIN_STEP_BUDGET);
    expect(MIN_STEP_BUDGET).toBe(20_000);
  });

  it('stops a loop through a 1 ms wait in both engines at the same step, naming the loop', () => {
    // An hour's horizon: the budget is its floor (20,000 entries), little work even for the reference runner.
    const m = model(fastLoop('PT1H'), cohort(), 2);
    const [fast, reference] = (['fast', 'reference'] as const).map((engine) => failureOf(() => runRange(m, engine, 0, 2)));
    expect(fast).toBeInstanceOf(StepBudgetError);
    expect(reference).toBeInstanceOf(StepBudgetError);
    const error = fast as StepBudgetError;
    expect(error.user).toBe(0);
    expect(error.budget).toBe(MIN_STEP_BUDGET);
    expect([...error.nodes].sort()).toEqual(['mark', 'pause']);
    // 10,000 rounds of 1 ms: the 20,001st entry comes just before 10 s.
    expect(error.at).toBe(9_999);
    expect(error.message).toMatch(/loops too fast: user 0 entered 20,000 nodes within 9 s of launch, going round (mark → pause|pause → mark)\./);
    const other = reference as StepBudgetError;
    expect([other.user, other.at, other.budget, other.message]).toEqual([error.user, error.at, error.budget, error.message]);
    expect(problemsOfFailure(reference)).toEqual(problemsOfFailure(fast));
  });

  it('fails the issue’s one-user run (default horizon of 90 days) with simulation-step-budget in both languages', async () => {
    const failure = await simulate({ journey: fastLoop(), cohort: cohort(), users: 1 }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(SimulationError);
    const [problem, ...more] = (failure as SimulationError).problems;
    expect(more).toEqual([]);
    expect(problem).toMatchObject({ code: 'simulation-step-budget', severity: 'error', location: { path: ['nodes'] } });
    expect(inEnglish(problem!.message)).toMatch(/450,000 nodes within 3 min 44 s of launch.*mark/);
    expect(inChinese(problem!.message)).toMatch(/旅程循环过快：用户 0 在开始后 3分钟44秒 内已进入节点 450,000 次.*mark/);
  });

  it('still reports a loop within one instant as a runaway, before the budget', () => {
    const m = model(fastLoop('PT1H'), cohort(), 1);
    // The same loop with the wait made instant behind validation's back (as a custom kind could).
    const pause = m.config.states!.__journey!.states!.pause!;
    pause.always = Object.values(pause.after!)[0];
    delete pause.after;
    expect(failureOf(() => runRange(m, 'fast', 0, 1))).toBeInstanceOf(RunawayError);
  });
});

describe('run sizes are checked before anything is allocated', () => {
  /** A checked journey, its horizon changed after the check (a model is built within the run's limits all the same). */
  function checkedJourney(horizon?: string) {
    const checked = checkJourney(journey([])).valid;
    if (!checked) throw new Error('the journey does not check');
    return horizon ? { ...checked, settings: { ...checked.settings, horizon } } : checked;
  }

  it.each(['P100000000D', 'P1000000D', 'P3651D'])('refuses a horizon of %s as a problem, not a thrown RangeError', (horizon) => {
    const checked = checkSimulation({ journey: journey([], { horizon }), cohort: cohort(), users: 1 });
    expect(checked.ok).toBe(false);
    const problems = checked.ok ? [] : checked.problems;
    // The journey's own limits refuse it first; the run's check (simulation-settings) is there for any way round them.
    expect(problems.some((problem) => problem.severity === 'error' && problem.location.path.includes('horizon'))).toBe(true);
    const built = failureOf(() => modelFor({ journey: checkedJourney(horizon), cohort: cohort(), seed: 1, users: 1 }, 0));
    expect(built).toBeInstanceOf(SimulationError);
  });

  it.each([0, -1, 1.5, MAX_USERS + 1, MAX_SHARDED_USERS + 1, 2.3e21, Number.NaN])('refuses %s users on one machine up front', (users) => {
    const checked = checkSimulation({ journey: journey([]), cohort: cohort(), users });
    expect(checked.ok ? [] : checked.problems.map((problem) => [problem.code, problem.location.path])).toEqual([['simulation-settings', ['users']]]);
  });

  it('lets a run split into shards go past one machine, each shard within it', () => {
    const sharded = (users: number, shards: number) => checkSimulation({ journey: journey([]), cohort: cohort(), users, shards });
    expect(sharded(MAX_SHARDED_USERS, 100).ok).toBe(true);
    expect(sharded(MAX_SHARDED_USERS, 99).ok).toBe(false);
    expect(sharded(MAX_SHARDED_USERS + 1, 1_000).ok).toBe(false);
    expect(sharded(MAX_USERS + 1, 1).ok).toBe(false);
  });

  // A model indexes users and allocates nothing per user: one range of a sharded run builds the model of the whole run.
  it.each([0, -1, 1.5, MAX_SHARDED_USERS + 1, 2.3e21, Number.NaN])('refuses %s users when a model is built directly', (users) => {
    const built = failureOf(() => modelFor({ journey: checkedJourney(), cohort: cohort(), seed: 1, users }, 0));
    expect(built).toBeInstanceOf(SimulationError);
    expect(inChinese((built as SimulationError).problems[0]?.message)).toMatch(/用户数/);
  });

  it('refuses an engine it does not have', () => {
    const checked = checkSimulation({ journey: journey([]), cohort: cohort(), users: 1, engine: 'warp' as never });
    expect(checked.ok ? [] : checked.problems.map((problem) => problem.location.path)).toEqual([['engine']]);
  });
});

describe('problemsOfFailure: every failure as a problem', () => {
  it('keeps a SimulationError’s problems, and turns loops into their own codes', () => {
    const settings = checkSimulation({ journey: journey([]), cohort: cohort(), users: 0 });
    if (settings.ok) throw new Error('should not check');
    expect(problemsOfFailure(new SimulationError(settings.problems))).toEqual(settings.problems);
    expect(problemsOfFailure(new RunawayError(['a', 'b'], 5, 3)).map((problem) => problem.code)).toEqual(['simulation-runaway']);
    expect(withText(problemsOfFailure(new StepBudgetError(['a', 'b'], 5, 3, 20_000))[0]!)).toMatchObject({ code: 'simulation-step-budget', message: { 'zh-CN': expect.stringContaining('a → b') } });
  });

  it('names at most twelve nodes of a long loop, in both languages', () => {
    const loop = Array.from({ length: 64 }, (_, index) => `step_${index}`);
    for (const error of [new RunawayError(loop, 5, 3), new StepBudgetError(loop, 5, 3, 20_000)]) {
      const [found] = problemsOfFailure(error);
      expect(inEnglish(found!.message)).toContain('step_0 → step_1');
      expect(inEnglish(found!.message)).toContain('step_11 → … and 52 more nodes');
      expect(inEnglish(found!.message)).not.toContain('step_12');
      expect(inChinese(found!.message)).toContain('step_11 → …以及另外 52 个节点');
      expect(inChinese(found!.message)).not.toContain('step_12');
    }
  });

  it('turns anything else into simulation-failed, with the original message as detail in both languages', () => {
    const [problem, ...more] = problemsOfFailure(new RangeError('Invalid typed array length: 2.3e+21'));
    expect(more).toEqual([]);
    expect(problem).toMatchObject({ code: 'simulation-failed', severity: 'error' });
    expect(inEnglish(problem!.message)).toContain('Invalid typed array length: 2.3e+21');
    expect(inChinese(problem!.message)).toContain('Invalid typed array length: 2.3e+21');
    expect(inChinese(simulationProblems['simulation-failed'].fix)).toMatch(/[\u4e00-\u9fff]/);
    for (const thrown of [undefined, null, 42, 'text', { toString: () => { throw new Error('no'); } }, new SimulationCancelled()])
      expect(problemsOfFailure(thrown).map((found) => found.code)).toEqual(['simulation-failed']);
  });
});

describe('no large array is spread into a call', () => {
  it('builds the report of a horizon with more days than a call takes arguments', () => {
    // Past the 3,650-day limit on purpose (built behind the checks' back): the report once spread its
    // day series into Math.max and died with a RangeError on a million-day horizon.
    const compiled = compileJourneyInput(journey([{ id: 'sms', kind: 'message' }]));
    if (!compiled.ok) throw new Error('should compile');
    const document = { ...compiled.document, settings: { ...compiled.document.settings, horizon: 'P200000D' } };
    const m = buildModel(document, compiled.config, cohort(), { seed: 1, users: 2 });
    expect(m.days).toBe(200_000);
    const report = buildReport(m, [runRange(m, 'fast', 0, 2).counters], { engine: 'fast', seed: 1 });
    expect(report.operations.peakSends).toBeGreaterThan(0);
    expect(report.channels.push.sentByDay).toHaveLength(200_000);
  });
});
