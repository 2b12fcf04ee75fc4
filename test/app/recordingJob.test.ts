// The recording job when the sample's run stops: a loop it runs into is reported with that loop's own
// problem (as the full run reports it), anything else as simulation-failed; the job never throws.
import { runRecordingJob } from '../../src/app/trainer/playback/recordingJob';
import type { RecordingMessage } from '../../src/app/trainer/playback/recordingProtocol';
import type * as Sample from '../../src/core/trainer/sample';
import { RunawayError, StepBudgetError } from '../../src/core/sim/engine/world';
import { cohortPresets } from '../../src/core/cohort/presets';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { inEnglish, inChinese } from '../support/messages.ts';

const failure = vi.hoisted(() => ({ error: null as unknown }));
vi.mock('../../src/core/trainer/sample', async (importOriginal) => {
  const original = await importOriginal<typeof Sample>();
  return {
    ...original,
    recordSample: (...args: Parameters<typeof original.recordSample>) => {
      if (failure.error) throw failure.error;
      return original.recordSample(...args);
    },
  };
});
afterEach(() => {
  failure.error = null;
});

const journey = checkJourney(instantiateTemplate(getTemplate('churn-win-back')!, 'en')).document as JourneyDocument;
const cohort = cohortPresets[0]!.spec;

function lastMessage(): RecordingMessage {
  const messages: RecordingMessage[] = [];
  runRecordingJob({ journey, cohort, users: 200, seed: 2, sampleSize: 20 }, (message) => messages.push(message));
  return messages.at(-1)!;
}

describe('recording job when the sample stops', () => {
  it('reports a used-up step budget as simulation-step-budget, naming the loop in both languages', () => {
    failure.error = new StepBudgetError(['remind', 'wait'], 90_000, 7, 20_000);
    const last = lastMessage();
    expect(last).toMatchObject({ type: 'problems', problems: [{ code: 'simulation-step-budget', severity: 'error' }] });
    if (last.type !== 'problems') return;
    expect(inEnglish(last.problems[0]!.message)).toContain('remind → wait');
    expect(inChinese(last.problems[0]!.message)).toContain('旅程循环过快');
  });

  it('reports a loop without time passing as simulation-runaway', () => {
    failure.error = new RunawayError(['a', 'b'], 0, 3);
    expect(lastMessage()).toMatchObject({ type: 'problems', problems: [{ code: 'simulation-runaway' }] });
  });

  it('reports anything else as simulation-failed', () => {
    failure.error = new RangeError('Invalid typed array length: 2.3e+21');
    const failed = lastMessage();
    expect(failed).toMatchObject({ type: 'failed', problem: { code: 'simulation-failed' } });
    expect(failed.type === 'failed' && inEnglish(failed.problem.message)).toContain('RangeError: Invalid typed array length');
  });

  it('records the sample when nothing stops it', () => {
    expect(lastMessage().type).toBe('recorded');
  });
});
