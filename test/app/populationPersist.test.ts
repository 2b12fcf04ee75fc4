// Populations kept with fitted cohorts, in IndexedDB (fake-indexeddb) and in memory alike: columns come
// back as the typed arrays they went in as, a summary lists each without reading its columns, and a
// cohort removed takes its population with it.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { createDexieRepository } from '../../src/app/persist/dexieRepository';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import type { JourneyRepository } from '../../src/app/persist/repository';
import type { PopulationData } from '../../src/core/calibration';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';

let counter = 0;

const population = (cohort: string, size = 4): PopulationData => ({
  cohort,
  asOf: 10_407,
  seed: 1,
  idsHashed: true,
  segments: ['all'],
  source: null,
  customer: Array.from({ length: size }, (_, index) => `c${index}`),
  population: {
    size,
    asOf: 10_407,
    segment: new Uint16Array(size),
    recency: new Uint8Array(size).fill(3),
    frequency: new Uint8Array(size).fill(2),
    monetary: new Uint8Array(size).fill(4),
    alive: Uint8Array.from({ length: size }, (_, index) => (index % 2 === 0 ? 1 : 0)),
    lambdaPerDay: new Float64Array(size).fill(0.01),
    dropout: new Float64Array(size).fill(0.2),
    spendRate: new Float64Array(size).fill(0.1),
    attributes: [{ key: 'city', kind: 'categorical', values: ['Shanghai'], codes: new Int32Array(size) }],
    tags: [{ key: 'vip', carriers: new Uint8Array(size).fill(1) }],
  },
});

describe.each<[string, () => { repository: JourneyRepository; reopen(): JourneyRepository }]>([
  [
    'dexie (fake-indexeddb)',
    () => {
      const name = `journey-lab-populations-${++counter}`;
      let at = 1_000;
      const now = () => (at += 1000);
      return { repository: createDexieRepository({ name, now }), reopen: () => createDexieRepository({ name, now }) };
    },
  ],
  [
    'memory',
    () => {
      const repository = createMemoryRepository({ now: () => 5_000 });
      return { repository, reopen: () => repository };
    },
  ],
])('populations in %s', (_, make) => {
  it('keeps columns as typed arrays, lists summaries, replaces and removes', async () => {
    const { repository, reopen } = make();
    const summary = await repository.populations.put(population('fitted'));
    expect(summary).toMatchObject({ cohortId: 'fitted', customers: 4, active: 2, asOf: 10_407, idsHashed: true });
    const again = reopen();
    const read = await again.populations.get('fitted');
    expect(read?.population.lambdaPerDay.constructor.name).toBe('Float64Array'); // (jsdom's realm has Float64Arrays of its own)
    expect([...read!.population.alive]).toEqual([1, 0, 1, 0]);
    expect(read?.population.attributes?.[0]).toMatchObject({ key: 'city', values: ['Shanghai'] });
    expect(read?.customer).toEqual(['c0', 'c1', 'c2', 'c3']);
    await again.populations.put(population('fitted', 6));
    expect((await again.populations.list()).map((found) => [found.cohortId, found.customers])).toEqual([['fitted', 6]]);
    await again.populations.remove('fitted');
    await again.populations.remove('missing');
    expect(await again.populations.get('fitted')).toBeUndefined();
    expect(await again.populations.list()).toEqual([]);
  });

  it('removes a cohort’s population with the cohort', async () => {
    const { repository } = make();
    await repository.cohorts.put({ ...structuredClone(ecommercePreset.spec), id: 'fitted' });
    await repository.populations.put(population('fitted'));
    await repository.populations.put(population('other'));
    await repository.cohorts.remove('fitted');
    expect(await repository.populations.get('fitted')).toBeUndefined();
    expect((await repository.populations.list()).map((found) => found.cohortId)).toEqual(['other']);
  });
});

describe('database version 5', () => {
  it('upgrades a version 4 database, keeping its cohorts, and adds the population tables', async () => {
    const name = `journey-lab-populations-upgrade-${++counter}`;
    const old = new Dexie(name);
    old.version(4).stores({ journeys: 'id, updatedAt', settings: 'key', cohorts: 'id, updatedAt', runs: 'journeyId', scenarios: 'id, journeyId, savedAt' });
    await old.table('cohorts').put({ id: 'kept', spec: { id: 'kept' }, updatedAt: 1 });
    old.close();
    const repository = createDexieRepository({ name });
    expect((await repository.cohorts.list()).map((record) => record.id)).toEqual(['kept']);
    await repository.populations.put(population('kept'));
    expect((await repository.populations.get('kept'))?.population.size).toBe(4);
  });

  it('ignores a broken stored population instead of handing it on', async () => {
    const name = `journey-lab-populations-broken-${++counter}`;
    const repository = createDexieRepository({ name });
    await repository.populations.put(population('fitted'));
    const raw = new Dexie(name);
    raw.version(5).stores({ populations: 'cohortId' });
    await raw.table('populations').update('fitted', { 'population.alive': [1, 2] });
    raw.close();
    expect(await createDexieRepository({ name }).populations.get('fitted')).toBeUndefined();
  });
});
