// Unsaved edits from before a reload that another tab's save overtook: the editor opens the other
// tab's version and says so, and the user can take their own back — restored as one undoable change,
// or downloaded as a journey file — instead of losing it without a word.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EditorScreen } from '../../src/app/editor/EditorScreen';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { readFileAsText } from '../../src/app/persist/files';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { persistMessages } from '../../src/app/persist/persistMessages';
import { createUnsavedCopies } from '../../src/app/persist/unsavedCopy';
import { ServicesContext, type AppServices } from '../../src/app/services';
import { renameJourney } from '../../src/core/editor/commands';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { validJourney } from '../fixtures/journeys';
import { MapStorage } from './mapStorage';
import { inEnglish } from '../support/messages.ts';

const journey = (): JourneyDocument => checkJourney(validJourney()).document!;

/** This tab left an unsaved edit in its copy; then another tab saved the journey. */
async function reloadAfterAnotherTabSaved() {
  // The in-memory repository, standing in for IndexedDB: copies are kept only for one that persists.
  const repository = { ...createMemoryRepository(), persistent: true };
  const storage = new MapStorage();
  const unsavedCopies = createUnsavedCopies(() => storage);
  const services: AppServices = { repository, tabId: 'tab-a', storageWarning: null, unsavedCopies };
  await repository.save(journey(), { expectedRevision: null, writer: 'tab-a' });
  unsavedCopies.write({ document: renameJourney(journey(), 'My unsaved edit'), baseRevision: 1, writer: 'tab-a' });
  await repository.save(renameJourney(journey(), 'Their version'), { expectedRevision: 1, writer: 'tab-b' });
  render(
    <ServicesContext.Provider value={services}>
      <EditorScreen journeyId="basic" onBack={() => {}} />
    </ServicesContext.Provider>,
  );
  await screen.findByRole('toolbar', { name: 'Journey tools' });
  return { services, user: userEvent.setup(), name: () => screen.getByRole('textbox', { name: 'Journey name' }) };
}

const storedName = async (services: AppServices) => {
  const loaded = await services.repository.load('basic');
  return loaded.ok ? loaded.stored.document.name : null;
};

describe('unsaved edits overtaken by another tab', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => vi.unstubAllGlobals());

  it('opens the other tab’s version, says so, and restores mine as one undoable change that is saved', async () => {
    const { services, user, name } = await reloadAfterAnotherTabSaved();
    expect(name()).toHaveValue('Their version');
    expect(screen.getByRole('alert')).toHaveTextContent(inEnglish(persistMessages.unsavedCopySetAside));

    await user.click(screen.getByRole('button', { name: 'Restore my unsaved version' }));
    expect(name()).toHaveValue('My unsaved edit');
    expect(screen.queryByText(inEnglish(persistMessages.unsavedCopySetAside))).toBeNull();
    await waitFor(async () => expect(await storedName(services)).toBe('My unsaved edit'));

    await user.click(screen.getByRole('button', { name: /Undo/ }));
    expect(name()).toHaveValue('Their version');
    await waitFor(async () => expect(await storedName(services)).toBe('Their version'));
  });

  it('downloads mine as a journey file, or lets the notice go, keeping the other tab’s version', async () => {
    const blobs: Blob[] = [];
    vi.stubGlobal('URL', Object.assign(class extends URL {}, { createObjectURL: (blob: Blob) => (blobs.push(blob), 'blob:set-aside'), revokeObjectURL: () => {} }));
    const { services, user, name } = await reloadAfterAnotherTabSaved();
    await user.click(screen.getByRole('button', { name: 'Download my unsaved version' }));
    expect(blobs).toHaveLength(1);
    expect(JSON.parse(await readFileAsText(blobs[0]!))).toMatchObject({ id: 'basic', name: 'My unsaved edit' });

    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByText(inEnglish(persistMessages.unsavedCopySetAside))).toBeNull();
    expect(name()).toHaveValue('Their version');
    expect(await storedName(services)).toBe('Their version');
  });
});
