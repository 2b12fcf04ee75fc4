// The app's worker jobs pass a run's gate once: the page posts the journey as the editor holds it, the
// worker checks it once per run (checkSimulation), and no replication, report or recorded sample reads
// it again. The migration and the cohort check are counted through the modules they live in.
import type * as Migrate from '../../src/core/journey/migrate';
import type * as CohortSchema from '../../src/core/cohort/schema';
import { migrate } from '../../src/core/journey/migrate';
import { checkCohort } from '../../src/core/cohort/schema';
import { runSimulationJob } from '../../src/app/simulate/simulationJob';
import { runRecordingJob } from '../../src/app/trainer/playback/recordingJob';
import type { SimulationMessage } from '../../src/app/simulate/protocol';
import type { RecordingMessage } from '../../src/app/trainer/playback/recordingProtocol';
import { cohortPresets } from '../../src/core/cohort/presets';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';

vi.mock('../../src/core/journey/migrate', async (importOriginal) => {
  const original = await importOriginal<typeof Migrate>();
  return { ...original, migrate: vi.fn(original.migrate) };
});
vi.mock('../../src/core/cohort/schema', async (importOriginal) => {
  const original = await importOriginal<typeof CohortSchema>();
  return { ...original, checkCohort: vi.fn(original.checkCohort) };
});

// As the editor's store holds it (read when it was opened): a plain document, posted without any brand.
const journey = checkJourney(instantiateTemplate(getTemplate('churn-win-back')!, 'en')).document as JourneyDocument;
const cohort = cohortPresets[0]!.spec;
const migrations = vi.mocked(migrate);
const cohortChecks = vi.mocked(checkCohort);

beforeEach(() => {
  migrations.mockClear();
  cohortChecks.mockClear();
});

describe('the worker jobs pass the gate once per run', () => {
  it('checks a run of 3 replications once', () => {
    const messages: SimulationMessage[] = [];
    runSimulationJob({ journey, cohort, seed: 3, users: 150, replications: 3 }, (message) => messages.push(message));
    expect(messages.at(-1)?.type).toBe('done');
    expect(migrations).toHaveBeenCalledTimes(1);
    expect(cohortChecks).toHaveBeenCalledTimes(1);
  });

  it('checks a recording once, for the run and its sample', () => {
    const messages: RecordingMessage[] = [];
    runRecordingJob({ journey, cohort, seed: 2, users: 150, sampleSize: 10 }, (message) => messages.push(message));
    expect(messages.at(-1)?.type).toBe('recorded');
    expect(migrations).toHaveBeenCalledTimes(1);
    expect(cohortChecks).toHaveBeenCalledTimes(1);
  });
});
