// The worker's job, run directly: checks first, runs the users with throttled progress, and gives the
// same report as simulate() of the same input; problems come back as such.
import { runSimulationJob } from '../../src/app/simulate/simulationJob';
import type { SimulationMessage } from '../../src/app/simulate/protocol';
import { simulate } from '../../src/core/sim/engine/simulate';
import { REPORT_VERSION } from '../../src/core/sim/engine/report';
import { isCurrentReport } from '../../src/app/persist/runRepository';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { cohortPresets } from '../../src/core/cohort/presets';
import { problemFixtures } from '../fixtures/journeys';
import { inEnglish, inChinese } from '../support/messages.ts';

const journey = (id: string) => checkJourney(instantiateTemplate(getTemplate(id)!, 'en')).document as JourneyDocument;
const cohort = cohortPresets[0]!.spec;

function collect(run: (post: (message: SimulationMessage, transfer?: Transferable[]) => void) => void) {
  const messages: { message: SimulationMessage; transfer: Transferable[] }[] = [];
  run((message, transfer = []) => messages.push({ message, transfer }));
  return messages;
}

describe('simulation job', () => {
  it('reports progress and gives the report simulate() gives', async () => {
    let clock = 0;
    const messages = collect((post) =>
      runSimulationJob({ journey: journey('churn-win-back'), cohort, seed: 3, users: 2_500 }, post, { progressEveryUsers: 1_000, progressIntervalMs: 50, now: () => (clock += 20) }),
    );
    const progress = messages.flatMap(({ message }) => (message.type === 'progress' ? [message] : []));
    expect(progress[0]).toEqual({ type: 'progress', done: 0, total: 2_500 });
    expect(progress.at(-1)).toEqual({ type: 'progress', done: 2_500, total: 2_500 });
    const done = progress.map((message) => message.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    const last = messages.at(-1)!;
    expect(last.message.type).toBe('done');
    if (last.message.type !== 'done') return;
    const whole = await simulate({ journey: journey('churn-win-back'), cohort, seed: 3, users: 2_500, engine: 'fast', replications: 1 });
    expect(last.message.report).toEqual(whole.report);
    expect(last.message.report.lift).not.toBeNull();
    // Today's report format, with the incremental figures the app leads with (an older one opens marked outdated).
    expect(last.message.report.version).toBe(REPORT_VERSION);
    expect(isCurrentReport(last.message.report)).toBe(true);
  });

  it('runs replications with seeds seed, seed + 1, … and gives the report simulate() gives for them', async () => {
    const messages = collect((post) => runSimulationJob({ journey: journey('churn-win-back'), cohort, seed: 4, users: 1_200, replications: 3 }, post));
    const last = messages.at(-1)!.message;
    expect(last.type).toBe('done');
    if (last.type !== 'done') return;
    expect(last.report.replications).toBe(3);
    expect(last.report.conversionRate.interval?.method).toBe('t');
    const whole = await simulate({ journey: journey('churn-win-back'), cohort, seed: 4, users: 1_200, engine: 'fast', replications: 3 });
    expect(last.report).toEqual(whole.report);
    const progress = messages.flatMap(({ message }) => (message.type === 'progress' ? [message] : []));
    expect(progress.at(-1)).toEqual({ type: 'progress', done: 3_600, total: 3_600 });
  });

  it('posts progress no more often than the interval', () => {
    let clock = 0;
    const messages = collect((post) => runSimulationJob({ journey: journey('cart-abandonment'), cohort, seed: 1, users: 1_000 }, post, { progressEveryUsers: 100, now: () => (clock += 1) }));
    // A look at the clock every 100 users, a millisecond apart: only the first and the last progress are posted.
    expect(messages.filter(({ message }) => message.type === 'progress').map(({ message }) => message.type === 'progress' && message.done)).toEqual([0, 1_000]);
  });

  it('returns every problem of a journey that cannot run, and of bad settings', () => {
    const messages = collect((post) => runSimulationJob({ journey: problemFixtures['instant-loop'] as JourneyDocument, cohort, seed: 1.5, users: 0 }, post));
    expect(messages).toHaveLength(1);
    const { message } = messages[0]!;
    expect(message.type).toBe('problems');
    if (message.type !== 'problems') return;
    const codes = message.problems.map((problem) => problem.code);
    expect(codes).toEqual(expect.arrayContaining(['instant-loop', 'simulation-settings']));
    expect(codes.filter((code) => code === 'simulation-settings')).toHaveLength(2);
    expect(message.problems.every((problem) => inEnglish(problem.message) && inChinese(problem.message))).toBe(true);
  });
});
