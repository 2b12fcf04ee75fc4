import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EditorScreen } from '../../src/app/editor/EditorScreen';
import { ServicesContext, type AppServices } from '../../src/app/services';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { validJourney } from '../fixtures/journeys';

// Issue 13: keys and menus select through the journey's editor; what they then do acts on that selection.
async function openEditor() {
  const document = checkJourney(validJourney()).document as JourneyDocument;
  const services: AppServices = { repository: createMemoryRepository(), tabId: 'tab-a', storageWarning: null };
  await services.repository.save(document, { expectedRevision: null, writer: 'setup' });
  const user = userEvent.setup();
  render(
    <ServicesContext.Provider value={services}>
      <EditorScreen journeyId={document.id} onBack={() => {}} />
    </ServicesContext.Provider>,
  );
  await screen.findByRole('toolbar', { name: 'Journey tools' });
  const storedNodes = async () => {
    const loaded = await services.repository.load(document.id);
    if (!loaded.ok) throw new Error('not stored');
    return loaded.stored.document.nodes.map((node) => node.id);
  };
  return { user, storedNodes };
}

describe('selecting in the editor', () => {
  beforeEach(() => setLanguage('en'));

  it('selects every step with Ctrl+A, so Delete removes them all as one undoable step', async () => {
    const { user, storedNodes } = await openEditor();
    screen.getByRole('button', { name: /Journeys/ }).focus();
    await user.keyboard('{Control>}a{/Control}{Delete}');
    await waitFor(async () => expect(await storedNodes()).toEqual([]));
    await user.click(screen.getByRole('button', { name: /Undo/ }));
    await waitFor(async () => expect(await storedNodes()).toHaveLength(6));
  });

  it('selects the step right-clicked, so the menu deletes that step alone', async () => {
    const { user, storedNodes } = await openEditor();
    fireEvent.contextMenu(screen.getByText('remind'));
    const menu = await screen.findByRole('menu');
    await user.click(within(menu).getByRole('menuitem', { name: /Delete/ }));
    await waitFor(async () => expect(await storedNodes()).toEqual(['start', 'waitBuy', 'bought', 'done', 'giveUp']));
  });
});
