import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { validJourney } from '../fixtures/journeys';
import { openEditor } from '../support/openEditor';

// Issue 13: keys and menus select through the journey's editor; what they then do acts on that selection.
async function openValidJourney() {
  const { user, services, id } = await openEditor(validJourney());
  const storedNodes = async () => {
    const loaded = await services.repository.load(id);
    if (!loaded.ok) throw new Error('not stored');
    return loaded.stored.document.nodes.map((node) => node.id);
  };
  return { user, storedNodes };
}

describe('selecting in the editor', () => {
  beforeEach(() => setLanguage('en'));

  it('selects every step with Ctrl+A, so Delete removes them all as one undoable step', async () => {
    const { user, storedNodes } = await openValidJourney();
    screen.getByRole('button', { name: /Journeys/ }).focus();
    await user.keyboard('{Control>}a{/Control}{Delete}');
    await waitFor(async () => expect(await storedNodes()).toEqual([]));
    await user.click(screen.getByRole('button', { name: /Undo/ }));
    await waitFor(async () => expect(await storedNodes()).toHaveLength(6));
  });

  it('selects the step right-clicked, so the menu deletes that step alone', async () => {
    const { user, storedNodes } = await openValidJourney();
    fireEvent.contextMenu(screen.getByText('remind'));
    const menu = await screen.findByRole('menu');
    await user.click(within(menu).getByRole('menuitem', { name: /Delete/ }));
    await waitFor(async () => expect(await storedNodes()).toEqual(['start', 'waitBuy', 'bought', 'done', 'giveUp']));
  });
});
