import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { createDexieRepository } from '../../src/app/persist/dexieRepository';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import type { JourneyRepository } from '../../src/app/persist/repository';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';

let counter = 0;
const spec = (id: string, name = id) => ({ ...structuredClone(ecommercePreset.spec), id, name });

describe.each<[string, () => { repository: JourneyRepository; reopen(): JourneyRepository }]>([
  [
    'dexie (fake-indexeddb)',
    () => {
      const name = `journey-lab-cohorts-${++counter}`;
      let at = 1_000;
      const now = () => (at += 1000);
      return { repository: createDexieRepository({ name, now }), reopen: () => createDexieRepository({ name, now }) };
    },
  ],
  [
    'memory',
    () => {
      const repository = createMemoryRepository({ now: (() => { let at = 1_000; return () => (at += 1000); })() });
      return { repository, reopen: () => repository };
    },
  ],
])('saved cohorts in %s', (_, make) => {
  it('saves, lists newest first, reads, replaces and removes cohorts', async () => {
    const { repository, reopen } = make();
    await repository.cohorts.put(spec('a', 'First'));
    await repository.cohorts.put(spec('b', 'Second'));
    expect((await repository.cohorts.list()).map((record) => record.id)).toEqual(['b', 'a']);
    await repository.cohorts.put(spec('a', 'First, renamed'));
    const again = reopen();
    expect((await again.cohorts.list()).map((record) => record.id)).toEqual(['a', 'b']);
    expect((await again.cohorts.get('a'))?.spec).toMatchObject({ name: 'First, renamed', segments: ecommercePreset.spec.segments });
    await again.cohorts.remove('a');
    await again.cohorts.remove('missing');
    expect((await again.cohorts.list()).map((record) => record.id)).toEqual(['b']);
    expect(await again.cohorts.get('a')).toBeUndefined();
  });
});

describe('database version 2', () => {
  it('upgrades a version 1 database, keeping its journeys and settings, and adds the cohorts table', async () => {
    const name = `journey-lab-upgrade-${++counter}`;
    const old = new Dexie(name);
    old.version(1).stores({ journeys: 'id, updatedAt', settings: 'key' });
    await old.table('settings').put({ key: 'lastJourneyId', value: 'kept' });
    old.close();
    const repository = createDexieRepository({ name });
    expect(await repository.getSetting('lastJourneyId')).toBe('kept');
    await repository.cohorts.put(spec('c'));
    expect((await repository.cohorts.list()).map((record) => record.id)).toEqual(['c']);
    repository.close();
  });
});
