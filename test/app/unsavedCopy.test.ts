import 'fake-indexeddb/auto';
import { createDexieRepository } from '../../src/app/persist/dexieRepository';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { copyIsNewer, createUnsavedCopies, loadForEditing, unsavedCopiesFor } from '../../src/app/persist/unsavedCopy';
import { renameJourney } from '../../src/core/editor/commands';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { validJourney } from '../fixtures/journeys';
import { MapStorage } from './mapStorage';

const journey = (id = 'basic', name = 'Basic cart reminder'): JourneyDocument => checkJourney({ ...validJourney(), id, name }).document!;

const KEY = 'journey-lab:unsaved:basic';
const envelope = (overrides: Record<string, unknown> = {}) => ({
  format: 'journey-lab-unsaved-copy',
  version: 1,
  journeyId: 'basic',
  baseRevision: 1,
  writer: 'tab-a',
  savedAt: 1,
  document: journey(),
  ...overrides,
});

describe('unsaved copies', () => {
  it('keep the document per journey, read it back checked, and remove it', () => {
    const storage = new MapStorage();
    const copies = createUnsavedCopies(() => storage, () => 42);
    const renamed = renameJourney(journey(), 'Renamed before the save');
    expect(copies.write({ document: renamed, baseRevision: 3, writer: 'tab-a' })).toBeNull();
    expect(copies.write({ document: journey('other', 'Other'), baseRevision: null, writer: 'tab-a' })).toBeNull();
    expect(copies.read('basic')).toEqual({ journeyId: 'basic', document: renamed, baseRevision: 3, writer: 'tab-a', savedAt: 42 });
    expect(copies.read('other')).toMatchObject({ baseRevision: null, document: { name: 'Other' } });
    copies.remove('basic');
    expect(copies.read('basic')).toBeNull();
    expect(copies.read('other')).not.toBeNull();
  });

  const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  it.each([
    ['not JSON', '{"format": "journey-lab-unsaved-copy", '],
    ['JSON that is not an object', '"just a string"'],
    ['null', 'null'],
    ['an object of another kind', JSON.stringify({ hello: 'world' })],
    ['another format', JSON.stringify(envelope({ format: 'something-else' }))],
    ['another version', JSON.stringify(envelope({ version: 2 }))],
    ['a negative revision', JSON.stringify(envelope({ baseRevision: -1 }))],
    ['an envelope for another journey', JSON.stringify(envelope({ journeyId: 'other' }))],
    ['a document of another journey', JSON.stringify(envelope({ document: journey('other') }))],
    ['a document of a newer format', JSON.stringify(envelope({ document: { ...journey(), schemaVersion: 99 } }))],
    ['a malformed document', JSON.stringify(envelope({ document: { ...journey(), nodes: 'none' } }))],
    ['a document with duplicate ids', JSON.stringify(envelope({ document: { ...journey(), nodes: [...journey().nodes, journey().nodes[0]] } }))],
    ['a prototype-polluting document', `{"format":"journey-lab-unsaved-copy","version":1,"journeyId":"basic","baseRevision":1,"writer":"x","savedAt":1,"document":{"__proto__":{"polluted":true}}}`],
    ['deeply nested JSON', `{"format":"journey-lab-unsaved-copy","version":1,"journeyId":"basic","baseRevision":1,"writer":"x","savedAt":1,"document":${deep}}`],
  ])('ignore and remove %s, never throwing', (_case, raw) => {
    const storage = new MapStorage();
    storage.setItem(KEY, raw);
    const copies = createUnsavedCopies(() => storage);
    expect(copies.read('basic')).toBeNull();
    expect(storage.getItem(KEY)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('report a full storage as quota and keep the earlier copy, which is still newer than what was committed', () => {
    const storage = new MapStorage(60_000);
    const copies = createUnsavedCopies(() => storage);
    expect(copies.write({ document: journey(), baseRevision: 1, writer: 'tab-a' })).toBeNull();
    const huge = { ...journey(), description: 'x'.repeat(100_000) };
    expect(copies.write({ document: huge, baseRevision: 1, writer: 'tab-a' })).toMatchObject({ code: 'quota' });
    expect(copies.read('basic')?.document.name).toBe('Basic cart reminder');
  });

  it('work without storage at all (site data blocked): nothing kept, nothing thrown', () => {
    const blocked = createUnsavedCopies(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(blocked.write({ document: journey(), baseRevision: 1, writer: 'tab-a' })).toMatchObject({ code: 'unavailable' });
    expect(blocked.read('basic')).toBeNull();
    expect(() => blocked.remove('basic')).not.toThrow();
    expect(createUnsavedCopies(() => null).write({ document: journey(), baseRevision: 1, writer: 'tab-a' })).toMatchObject({ code: 'unavailable' });
  });

  it.each([
    ['nothing committed since the copy was based', { revision: 4, writer: 'tab-b' }, { baseRevision: 4, writer: 'tab-a' }, true],
    ['the one commit since is the same tab’s own autosave', { revision: 5, writer: 'tab-a' }, { baseRevision: 4, writer: 'tab-a' }, true],
    ['the first save of a new journey was that tab’s', { revision: 1, writer: 'tab-a' }, { baseRevision: null, writer: 'tab-a' }, true],
    ['another tab saved since', { revision: 5, writer: 'tab-b' }, { baseRevision: 4, writer: 'tab-a' }, false],
    ['two saves since', { revision: 6, writer: 'tab-a' }, { baseRevision: 4, writer: 'tab-a' }, false],
    ['the copy is based on a later revision than stored (stale storage)', { revision: 3, writer: 'tab-a' }, { baseRevision: 4, writer: 'tab-a' }, false],
  ])('decide by revision whether the copy is newer: %s', (_case, stored, copy, newer) => {
    expect(copyIsNewer(stored, copy)).toBe(newer);
  });
});

let databaseCounter = 0;

describe('loading a journey to edit', () => {
  const writer = 'tab-before-reload';
  let repository: ReturnType<typeof createDexieRepository>;
  let storage: MapStorage;
  let copies: ReturnType<typeof createUnsavedCopies>;
  beforeEach(async () => {
    repository = createDexieRepository({ name: `journey-lab-unsaved-${++databaseCounter}` });
    storage = new MapStorage();
    copies = createUnsavedCopies(() => storage);
    expect(await repository.save(journey(), { expectedRevision: null, writer })).toMatchObject({ ok: true, stored: { revision: 1 } });
  });
  afterEach(() => repository.close());

  it('opens the committed journey when there is no copy', async () => {
    expect(await loadForEditing(repository, 'basic', copies)).toMatchObject({ ok: true, restored: false, revision: 1, document: { name: 'Basic cart reminder' } });
  });

  it('restores the unsaved copy when it is newer, to be saved against the stored revision', async () => {
    copies.write({ document: renameJourney(journey(), 'Renamed just before the reload'), baseRevision: 1, writer });
    expect(await loadForEditing(repository, 'basic', copies)).toMatchObject({ ok: true, restored: true, revision: 1, document: { name: 'Renamed just before the reload' } });
  });

  it('restores the copy when the tab’s own save committed but the tab died before removing it', async () => {
    copies.write({ document: renameJourney(journey(), 'Newer than the commit'), baseRevision: 1, writer });
    await repository.save(renameJourney(journey(), 'Committed'), { expectedRevision: 1, writer });
    expect(await loadForEditing(repository, 'basic', copies)).toMatchObject({ ok: true, restored: true, revision: 2, document: { name: 'Newer than the commit' } });
  });

  it('opens what another tab saved after the copy, and hands the copy over as set aside instead of dropping it silently', async () => {
    copies.write({ document: renameJourney(journey(), 'Older edit'), baseRevision: 1, writer });
    await repository.save(renameJourney(journey(), 'Another tab’s save'), { expectedRevision: 1, writer: 'another-tab' });
    const loaded = await loadForEditing(repository, 'basic', copies);
    expect(loaded).toMatchObject({ ok: true, restored: false, revision: 2, document: { name: 'Another tab’s save' } });
    expect(loaded.ok && loaded.setAside).toMatchObject({ baseRevision: 1, writer, document: { name: 'Older edit' } });
    // Out of storage: from here the editor holds it, and the next edit's copy cannot overwrite it.
    expect(storage.getItem(KEY)).toBeNull();
  });

  it('sets nothing aside when there is no copy, or the copy is restored', async () => {
    expect(await loadForEditing(repository, 'basic', copies)).not.toHaveProperty('setAside');
    copies.write({ document: renameJourney(journey(), 'Newer'), baseRevision: 1, writer });
    expect(await loadForEditing(repository, 'basic', copies)).not.toHaveProperty('setAside');
  });

  it('ignores a corrupt copy and opens the committed journey', async () => {
    storage.setItem(KEY, '{"format":"journey-lab-unsaved-copy","version":1,"journeyId":"basic","baseRevision":1,"writer":"x","savedAt":1,"document":{"id":"basic"}}');
    expect(await loadForEditing(repository, 'basic', copies)).toMatchObject({ ok: true, restored: false, document: { name: 'Basic cart reminder' } });
    expect(storage.getItem(KEY)).toBeNull();
  });

  it('drops the copy of a journey deleted since', async () => {
    copies.write({ document: journey(), baseRevision: 1, writer });
    await repository.remove('basic');
    expect(await loadForEditing(repository, 'basic', copies)).toEqual({ ok: false, reason: 'missing' });
    expect(storage.getItem(KEY)).toBeNull();
  });

  it('keeps no copies for the in-memory repository, whose journeys do not survive a reload', () => {
    const memory = createMemoryRepository();
    expect(unsavedCopiesFor(memory, copies)).toBeNull();
    expect(unsavedCopiesFor(repository, copies)).toBe(copies);
    memory.close();
  });
});
