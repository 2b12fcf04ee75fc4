import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { createDexieRepository } from '../../src/app/persist/dexieRepository';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import type { JourneyRepository } from '../../src/app/persist/repository';
import { isComparableScenario, isScenarioRecord, newScenarioId, type ScenarioRecord } from '../../src/app/persist/scenarioRepository';
import type { SimulationReport } from '../../src/core/sim/engine/report';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { checkJourney } from '../../src/core/journey/validate';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';
import { validJourney } from '../fixtures/journeys';
import { createHttpRepository } from '../../src/app/persist/httpRepository';
import { createWorkspaceClient } from '../../src/app/workspace/client';
import { acceptDocument } from '../../src/server/documents';
import { createWorkspaceServer, mockApiForThisFile, PASSWORD } from '../support/workspaceServer';

// The team server's API, mocked (test/support/workspaceServer.ts), for the HTTP implementation.
const mockServer = mockApiForThisFile();

let counter = 0;

const journey = (id: string): JourneyDocument => checkJourney({ ...validJourney(), id }).document as JourneyDocument;

const scenario = (id: string, journeyId: string, savedAt: number, name = `Scenario ${id}`): ScenarioRecord => ({
  id,
  name,
  stale: false,
  journeyId,
  savedAt,
  journey: journey(journeyId),
  settings: { users: 2_000, seed: savedAt, replications: 1, presetId: 'ecommerce' },
  cohort: structuredClone(ecommercePreset.spec),
  report: { users: 2_000, seed: savedAt, nodes: [{ id: 'entry', entries: 2_000, users: 2_000 }] } as unknown as SimulationReport,
});

/** What a backend does with a value that is not a scenario: keeps it and leaves it out of reads, or refuses it. */
type Fixture = {
  repository: JourneyRepository;
  reopen(): JourneyRepository;
  refusesMalformed?: boolean;
  /** A record as this backend answers it back: as given, or as a server keeps it (its cohort checked, defaults filled in). */
  kept?(record: ScenarioRecord): unknown;
};

describe.each<[string, () => Promise<Fixture>]>([
  [
    'dexie (fake-indexeddb)',
    async () => {
      const name = `journey-lab-scenarios-${++counter}`;
      return { repository: createDexieRepository({ name }), reopen: () => createDexieRepository({ name }) };
    },
  ],
  [
    'memory',
    async () => {
      const repository = createMemoryRepository();
      return { repository, reopen: () => repository };
    },
  ],
  [
    'http (the team server, msw)',
    async () => {
      const workspace = createWorkspaceServer();
      mockServer.use(...workspace.handlers);
      const client = createWorkspaceClient({ base: '/api' });
      const answer = await client.call('POST', '/session', { body: { email: 'editor@example.com', password: PASSWORD } });
      client.setCsrfToken((answer.body as { csrfToken: string }).csrfToken);
      const local = createMemoryRepository();
      // Reopening is a fresh page: nothing read before is remembered.
      const open = () => createHttpRepository({ client, local, channelName: `scenarios-${++counter}` });
      const kept = (record: ScenarioRecord) => {
        const accepted = acceptDocument('scenarios', record);
        if (!accepted.ok) throw new Error('the server refuses this scenario');
        return accepted.document;
      };
      return { repository: open(), reopen: open, refusesMalformed: true, kept };
    },
  ],
])('saved scenarios in %s', (_, make) => {
  it('keeps many scenarios per journey, lists every journey’s newest first, renames and removes them', async () => {
    const { repository, reopen, kept = (record: ScenarioRecord) => record } = await make();
    expect(await repository.scenarios.list()).toEqual([]);
    await repository.scenarios.put(scenario('s1', 'a', 1));
    await repository.scenarios.put(scenario('s2', 'a', 3));
    await repository.scenarios.put(scenario('s3', 'b', 2));
    const again = reopen();
    expect((await again.scenarios.list()).map((item) => item.id)).toEqual(['s2', 's3', 's1']);
    expect(await again.scenarios.get('s3')).toEqual(kept(scenario('s3', 'b', 2)));
    expect(await again.scenarios.rename('s1', 'Bigger coupon')).toBe(true);
    expect(await again.scenarios.rename('missing', 'Nothing')).toBe(false);
    expect((await again.scenarios.get('s1'))?.name).toBe('Bigger coupon');
    await again.scenarios.remove('s2');
    await again.scenarios.remove('missing');
    expect((await again.scenarios.list()).map((item) => item.id)).toEqual(['s3', 's1']);
  });

  it('keeps a journey’s scenarios when the journey (and its latest run) is removed', async () => {
    const { repository, kept = (record: ScenarioRecord) => record } = await make();
    await repository.save(journey('a'), { expectedRevision: null, writer: 'tab' });
    await repository.scenarios.put(scenario('s1', 'a', 1));
    await repository.remove('a');
    expect(await repository.scenarios.get('s1')).toEqual(kept(scenario('s1', 'a', 1)));
  });

  it('keeps its own copy: later changes to the object saved do not leak in', async () => {
    const { repository } = await make();
    const record = scenario('s1', 'a', 1);
    await repository.scenarios.put(record);
    record.journey.name = 'Changed after saving';
    expect((await repository.scenarios.get('s1'))?.journey.name).not.toBe('Changed after saving');
  });

  it('lists a scenario of an older report format (version 1) beside today’s, marked not comparable, never dropped', async () => {
    const { repository, reopen } = await make();
    const old = { ...scenario('old', 'a', 1, 'Old run'), report: { format: 'journey-lab-report', version: 1, cohort: { id: 'ecommerce' }, revenue: 5_000, ltv: { value: 80, interval: null }, nodes: [] } };
    const current = { ...scenario('new', 'a', 2, 'New run'), report: { ...scenario('new', 'a', 2).report, version: 2, incremental: {}, baseline: {} } };
    await repository.scenarios.put(old);
    await repository.scenarios.put(current);
    const listed = await reopen().scenarios.list();
    expect(listed.map((item) => [item.name, isComparableScenario(item)])).toEqual([
      ['New run', true],
      ['Old run', false],
    ]);
  });

  it('ignores a stored scenario that is not a scenario record (a server refuses it)', async () => {
    const fixture = await make();
    const { repository } = fixture;
    const kept = repository.scenarios.put({ id: 'bad', name: 'Bad' } as unknown as ScenarioRecord);
    if (fixture.refusesMalformed) await expect(kept).rejects.toMatchObject({ name: 'RepositoryError' });
    else await kept;
    expect(await repository.scenarios.get('bad')).toBeUndefined();
    expect(await repository.scenarios.list()).toEqual([]);
  });
});

describe('scenario records', () => {
  it('need an id, a name and the stale flag beside a run record', () => {
    const record = scenario('s1', 'a', 1);
    expect(isScenarioRecord(record)).toBe(true);
    expect(isScenarioRecord({ ...record, stale: 'no' })).toBe(false);
    expect(isScenarioRecord({ ...record, name: undefined })).toBe(false);
    expect(isScenarioRecord({ ...record, report: null })).toBe(false);
  });

  it('get ids of their own', () => {
    expect(newScenarioId()).toMatch(/^scenario-/);
    expect(newScenarioId()).not.toBe(newScenarioId());
  });
});

describe('database version 4', () => {
  it('upgrades a version 3 database, keeping its journeys, cohorts and runs, and adds the scenarios table', async () => {
    const name = `journey-lab-upgrade-scenarios-${++counter}`;
    const old = new Dexie(name);
    old.version(3).stores({ journeys: 'id, updatedAt', settings: 'key', cohorts: 'id, updatedAt', runs: 'journeyId' });
    await old.table('cohorts').put({ id: 'c', spec: { ...structuredClone(ecommercePreset.spec), id: 'c' }, updatedAt: 1 });
    await old.table('journeys').put({ id: 'basic', revision: 1, updatedAt: 1, writer: 'old', document: journey('basic') });
    const run = { ...scenario('unused', 'basic', 5) } as Partial<ScenarioRecord>;
    delete run.id;
    delete run.name;
    delete run.stale;
    await old.table('runs').put(run);
    old.close();
    const repository = createDexieRepository({ name });
    expect((await repository.cohorts.list()).map((item) => item.id)).toEqual(['c']);
    expect((await repository.list()).map((item) => item.id)).toEqual(['basic']);
    expect((await repository.runs.get('basic'))?.savedAt).toBe(5);
    await repository.scenarios.put(scenario('s1', 'basic', 6));
    expect((await repository.scenarios.list()).map((item) => item.id)).toEqual(['s1']);
    repository.close();
  });
});
