import { readJourney } from '../../src/app/persist/files';
import * as format from '../../src/core/format';
import type * as Format from '../../src/core/format';
import { validJourney } from '../fixtures/journeys';

// Counts every pass through the migration gate (the journey format's `upgrade` calls), keeping what it does.
vi.mock('../../src/core/format', async (importOriginal) => {
  const actual = await importOriginal<typeof Format>();
  return { ...actual, upgrade: vi.fn(actual.upgrade) };
});

describe('importing a journey file', () => {
  it('migrates the document once, also when it repairs it', () => {
    const upgrade = vi.mocked(format.upgrade);
    const { schemaVersion: _version, goals: _goals, ...fields } = validJourney();
    upgrade.mockClear();
    expect(readJourney({ ...fields, schemaVersion: 1 })).toMatchObject({ ok: true, migratedFrom: 1 });
    expect(upgrade).toHaveBeenCalledTimes(1);

    const journey = validJourney();
    const dangling = { ...journey, edges: [...journey.edges, { ...journey.edges[0]!, id: 'dangling', target: 'nowhere' }] };
    upgrade.mockClear();
    expect(readJourney(dangling)).toMatchObject({ ok: true, droppedEdges: ['dangling'] });
    expect(upgrade).toHaveBeenCalledTimes(1);
  });
});
