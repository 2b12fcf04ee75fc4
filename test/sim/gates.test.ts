// Data passes each gate once: a run reads (migrates and parses) the journey and the cohort in
// checkSimulation, and nothing after it — a replication's model, a range, the report's model, the
// fast engine's plan — reads them again. The migration and the cohort check are counted through the
// modules they live in, so every caller is seen.
import type * as Migrate from '../../src/core/journey/migrate';
import type * as CohortSchema from '../../src/core/cohort/schema';
import { migrate } from '../../src/core/journey/migrate';
import { checkCohort } from '../../src/core/cohort/schema';
import { checkSimulation, modelFor, runTask, simulate, splitUsers } from '../../src/core/sim/engine/simulate';
import { assumptionsFor, sweep } from '../../src/core/sim/analysis/sensitivity';
import { compileJourney } from '../../src/core/compile/toMachine';
import { checkJourney } from '../../src/core/journey/validate';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';
import { getTemplate } from '../../src/core/templates/index';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { problemFixtures } from '../fixtures/journeys';

vi.mock('../../src/core/journey/migrate', async (importOriginal) => {
  const original = await importOriginal<typeof Migrate>();
  return { ...original, migrate: vi.fn(original.migrate) };
});
vi.mock('../../src/core/cohort/schema', async (importOriginal) => {
  const original = await importOriginal<typeof CohortSchema>();
  return { ...original, checkCohort: vi.fn(original.checkCohort) };
});

const journey = instantiateTemplate(getTemplate('cart-abandonment')!, 'en');
const input = { journey, cohort: ecommercePreset.spec, users: 120, seed: 3, replications: 3 };
const migrations = vi.mocked(migrate);
const cohortChecks = vi.mocked(checkCohort);

beforeEach(() => {
  migrations.mockClear();
  cohortChecks.mockClear();
});

describe('a run passes each gate once', () => {
  it('reads the journey and the cohort once for 3 replications of 2 ranges', async () => {
    const { report } = await simulate(input, { workers: 2, trace: [0] });
    expect(report.users).toBe(120);
    expect(migrations).toHaveBeenCalledTimes(1);
    expect(cohortChecks).toHaveBeenCalledTimes(1);
  });

  it('builds models, runs ranges and compiles checked documents without reading them again', () => {
    const checked = checkSimulation(input);
    if (!checked.ok) throw new Error('the template does not simulate');
    migrations.mockClear();
    cohortChecks.mockClear();
    for (let replication = 0; replication < 3; replication++) modelFor(checked.checked, replication);
    for (const [start, end] of splitUsers(120, 2)) runTask({ ...checked.checked, start, end });
    compileJourney(checked.checked.journey);
    expect(migrations).not.toHaveBeenCalled();
    expect(cohortChecks).not.toHaveBeenCalled();
  });

  it('brands only a document without errors', () => {
    const good = checkJourney(journey);
    expect(good.valid).not.toBeNull();
    expect(good.valid).toBe(good.document);
    // Readable, so the editor shows it, but with an error: nothing may compile or simulate it.
    const broken = checkJourney(problemFixtures['split-weights']);
    expect(broken.document).not.toBeNull();
    expect(broken.problems.map((problem) => problem.code)).toContain('split-weights');
    expect(broken.valid).toBeNull();
  });

  it('gives every point of a sweep its own gate, once', async () => {
    const checked = checkSimulation({ ...input, replications: 2 });
    if (!checked.ok) throw new Error('the template does not simulate');
    migrations.mockClear();
    cohortChecks.mockClear();
    const [assumption] = assumptionsFor(checked.checked.journey);
    await sweep(checked.checked, assumption!, [0.5, 1.5], 'incrementalRevenue', { workers: 2 });
    expect(migrations).toHaveBeenCalledTimes(2);
    expect(cohortChecks).toHaveBeenCalledTimes(2);
  });
});
