import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { createDexieRepository } from '../../src/app/persist/dexieRepository';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import type { JourneyRepository } from '../../src/app/persist/repository';
import { isCurrentReport, storedCohortId, type RunRecord } from '../../src/app/persist/runRepository';
import type { SimulationReport } from '../../src/core/sim/engine/report';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { checkJourney } from '../../src/core/journey/validate';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';
import { validJourney } from '../fixtures/journeys';

let counter = 0;

const journey = (id: string): JourneyDocument => checkJourney({ ...validJourney(), id }).document as JourneyDocument;

const record = (journeyId: string, seed = 1): RunRecord => ({
  journeyId,
  savedAt: 1_700_000_000_000 + seed,
  journey: journey(journeyId),
  settings: { users: 2_000, seed, replications: 1, presetId: 'ecommerce' },
  cohort: structuredClone(ecommercePreset.spec),
  report: { users: 2_000, seed, nodes: [{ id: 'entry', entries: 2_000, users: 2_000 }] } as unknown as SimulationReport,
});

describe.each<[string, () => { repository: JourneyRepository; reopen(): JourneyRepository }]>([
  [
    'dexie (fake-indexeddb)',
    () => {
      const name = `journey-lab-runs-${++counter}`;
      return { repository: createDexieRepository({ name }), reopen: () => createDexieRepository({ name }) };
    },
  ],
  [
    'memory',
    () => {
      const repository = createMemoryRepository();
      return { repository, reopen: () => repository };
    },
  ],
])('saved runs in %s', (_, make) => {
  it('keeps the latest run of each journey, reads it back as saved, and removes it', async () => {
    const { repository, reopen } = make();
    expect(await repository.runs.get('a')).toBeUndefined();
    await repository.runs.put(record('a', 1));
    await repository.runs.put(record('b', 2));
    await repository.runs.put(record('a', 3));
    const again = reopen();
    expect(await again.runs.get('a')).toEqual(record('a', 3));
    expect((await again.runs.get('b'))?.settings.seed).toBe(2);
    await again.runs.remove('a');
    await again.runs.remove('missing');
    expect(await again.runs.get('a')).toBeUndefined();
    expect(await again.runs.get('b')).toBeDefined();
  });

  it('removes a journey’s run when the journey is removed, and only that one', async () => {
    const { repository, reopen } = make();
    for (const id of ['a', 'b']) {
      await repository.save(journey(id), { expectedRevision: null, writer: 'tab' });
      await repository.runs.put(record(id));
    }
    await repository.remove('a');
    const again = reopen();
    expect(await again.runs.get('a')).toBeUndefined();
    expect(await again.runs.get('b')).toEqual(record('b'));
    // A run left without its journey goes too when the (missing) journey is removed.
    await again.runs.put(record('orphan'));
    await again.remove('orphan');
    expect(await again.runs.get('orphan')).toBeUndefined();
  });

  it('keeps a run of an older report format (version 1, or none) and reads it back marked outdated, never dropped', async () => {
    const { repository, reopen } = make();
    // As an older build wrote it: revenue, roi and ltv under their old names, no incremental figures.
    const old = { ...record('v1'), report: { format: 'journey-lab-report', version: 1, cohort: { id: 'ecommerce' }, users: 2_000, revenue: 5_000, roi: { value: 50.46, interval: null }, nodes: [] } };
    await repository.runs.put(old);
    await repository.runs.put(record('none'));
    const again = reopen();
    const v1 = await again.runs.get('v1');
    expect(v1).toEqual(old);
    expect(isCurrentReport(v1!.report)).toBe(false);
    expect(storedCohortId(v1!.report)).toBe('ecommerce');
    expect(isCurrentReport((await again.runs.get('none'))!.report)).toBe(false);
    // Today's format, with its incremental figures, is current.
    const current = { ...record('v2'), report: { ...record('v2').report, version: 2, incremental: {}, baseline: {} } };
    await again.runs.put(current);
    expect(isCurrentReport((await again.runs.get('v2'))!.report)).toBe(true);
  });

  it('ignores a stored run that is not a run record', async () => {
    const { repository } = make();
    await repository.runs.put({ journeyId: 'bad' } as unknown as RunRecord);
    expect(await repository.runs.get('bad')).toBeUndefined();
  });
});

describe('database version 3', () => {
  it('upgrades a version 2 database, keeping its journeys, settings and cohorts, and adds the runs table', async () => {
    const name = `journey-lab-upgrade-runs-${++counter}`;
    const old = new Dexie(name);
    old.version(2).stores({ journeys: 'id, updatedAt', settings: 'key', cohorts: 'id, updatedAt' });
    await old.table('settings').put({ key: 'lastJourneyId', value: 'kept' });
    await old.table('cohorts').put({ id: 'c', spec: { ...structuredClone(ecommercePreset.spec), id: 'c' }, updatedAt: 1 });
    await old.table('journeys').put({ id: 'basic', revision: 1, updatedAt: 1, writer: 'old', document: journey('basic') });
    old.close();
    const repository = createDexieRepository({ name });
    expect(await repository.getSetting('lastJourneyId')).toBe('kept');
    expect((await repository.cohorts.list()).map((item) => item.id)).toEqual(['c']);
    expect((await repository.list()).map((item) => item.id)).toEqual(['basic']);
    await repository.runs.put(record('basic'));
    expect(await repository.runs.get('basic')).toEqual(record('basic'));
    repository.close();
  });
});
