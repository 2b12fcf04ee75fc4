// The simulation store with a RunRepository: what it keeps when a run finishes, and what it shows again.
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { RepositoryError, toStorageError } from '../../src/app/persist/repository';
import { isCurrentReport, type RunRepository } from '../../src/app/persist/runRepository';
import { createSimulationStore } from '../../src/app/simulate/simulationStore';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { validJourney } from '../fixtures/journeys';
import { instantRunner } from '../support/instantRunner';


const journey = () => checkJourney(validJourney()).document as JourneyDocument;

describe('kept simulation runs', () => {
  it('keeps a finished run with its clock time, and a new store shows it again, fresh for an equal journey', async () => {
    const { runs } = createMemoryRepository();
    const store = createSimulationStore(instantRunner, { runs, now: () => 42 });
    store.getState().setSettings({ users: '500', seed: '9', replications: '2' });
    const simulated = journey();
    store.getState().start(simulated);
    expect(store.getState().phase).toBe('done');
    await vi.waitFor(async () => expect(await runs.get('basic')).toBeDefined());
    const saved = (await runs.get('basic'))!;
    expect(saved).toMatchObject({ journeyId: 'basic', savedAt: 42, settings: { users: 500, seed: 9, replications: 2, presetId: 'ecommerce' } });
    expect(saved.journey).toEqual(simulated);
    expect(saved.report).toEqual(store.getState().report);

    const reloaded = createSimulationStore(instantRunner, { runs });
    await reloaded.getState().restore(journey());
    const state = reloaded.getState();
    expect(state).toMatchObject({ phase: 'done', stale: false, report: saved.report, settings: { users: '500', seed: '9', replications: '2' } });
    expect(state.run).toMatchObject({ journey: simulated, users: 500, seed: 9, presetId: 'ecommerce' });
    if (!isCurrentReport(saved.report)) throw new Error('a run saved now is in the current report format');
    expect([...state.nodeCounts!.keys()].sort()).toEqual(saved.report.nodes.map((node) => node.id).sort());
  });

  it('leaves a store that has started a run alone', async () => {
    const { runs } = createMemoryRepository();
    await runs.put({ journeyId: 'basic', savedAt: 1, journey: journey(), settings: { users: 1, seed: 1, replications: 1, presetId: 'x' }, cohort: null, report: { nodes: [] } as never });
    const store = createSimulationStore(instantRunner, { runs });
    const restoring = store.getState().restore(journey());
    store.getState().setSettings({ users: '300' });
    store.getState().start(journey());
    await restoring;
    expect(store.getState().run?.users).toBe(300);
  });

  it('reports a run it could not keep, without failing the run', async () => {
    const failing: RunRepository = {
      get: () => Promise.reject(new RepositoryError(toStorageError(new Error('read broke')))),
      put: () => Promise.reject(new RepositoryError(toStorageError(new Error('disk full')))),
      remove: () => Promise.resolve(),
    };
    const store = createSimulationStore(instantRunner, { runs: failing });
    await store.getState().restore(journey());
    expect(store.getState()).toMatchObject({ phase: 'idle', error: expect.stringContaining('read broke') });
    store.getState().start(journey());
    await vi.waitFor(() => expect(store.getState().error).toContain('disk full'));
    expect(store.getState().phase).toBe('done');
  });
});
