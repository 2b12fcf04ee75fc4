// Editor shortcuts work wherever focus is on the editor screen, and the journey-name field never
// replays old input through the browser's own undo (issue 17, "Editing").
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { validJourney } from '../fixtures/journeys';
import { openEditor } from '../support/openEditor';

const ctrlZ = { key: 'z', ctrlKey: true };

describe('editor shortcuts', () => {
  beforeEach(() => setLanguage('en'));

  it('undoes with Ctrl+Z when focus is on the page body (after clicking the canvas background)', async () => {
    const { user } = await openEditor(validJourney());
    const name = screen.getByRole('textbox', { name: 'Journey name' });
    await user.clear(name);
    await user.type(name, 'Renamed{Enter}');
    expect(name).toHaveValue('Renamed');
    (document.activeElement as HTMLElement | null)?.blur();
    expect(document.activeElement).toBe(document.body);
    await user.keyboard('{Control>}z{/Control}');
    expect(name).toHaveValue('Basic cart reminder');
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(name).toHaveValue('Renamed');
  });

  it('leaves Ctrl+C to the browser when no step is selected', async () => {
    await openEditor(validJourney());
    expect(fireEvent.keyDown(document.body, { key: 'c', ctrlKey: true })).toBe(true);
  });

  it('does not undo the journey from keys typed into another field', async () => {
    const { user } = await openEditor(validJourney());
    const name = screen.getByRole('textbox', { name: 'Journey name' });
    await user.clear(name);
    await user.type(name, 'Renamed{Enter}');
    await user.click(name);
    await user.keyboard('{Control>}z{/Control}');
    await user.tab();
    expect(name).toHaveValue('Renamed');
  });
});

describe('journey name field', () => {
  beforeEach(() => setLanguage('en'));

  it('Ctrl+Z drops only the uncommitted edit, and the browser undo never runs in the field', async () => {
    const { user } = await openEditor(validJourney());
    const name = screen.getByRole('textbox', { name: 'Journey name' });
    await user.click(name);
    await user.type(name, ' v2');
    expect(name).toHaveValue('Basic cart reminder v2');
    // false: the browser's default (its own undo history of the field) was cancelled.
    expect(fireEvent.keyDown(name, ctrlZ)).toBe(false);
    expect(name).toHaveValue('Basic cart reminder');
    expect(fireEvent.keyDown(name, { key: 'y', ctrlKey: true })).toBe(false);
    expect(fireEvent.keyDown(name, { key: 'z', metaKey: true, shiftKey: true })).toBe(false);
    expect(name).toHaveValue('Basic cart reminder');
  });

  it('cancels undo and redo from the Edit menu (beforeinput) in the field', async () => {
    const { user } = await openEditor(validJourney());
    const name = screen.getByRole('textbox', { name: 'Journey name' });
    await user.click(name);
    await user.type(name, ' v2');
    for (const inputType of ['historyUndo', 'historyRedo']) {
      const event = new InputEvent('beforeinput', { inputType, bubbles: true, cancelable: true });
      let notCancelled = true;
      act(() => {
        notCancelled = name.dispatchEvent(event);
      });
      expect(notCancelled).toBe(false);
    }
    await waitFor(() => expect(name).toHaveValue('Basic cart reminder'));
  });

  it('shows the whole name in a tooltip and grows with it', async () => {
    const long = { ...validJourney(), name: 'Welcome SMS → coupon for first-time buyers in the spring campaign' };
    await openEditor(long);
    const name = screen.getByRole('textbox', { name: 'Journey name' });
    expect(name).toHaveAttribute('title', long.name);
    expect(Number(name.getAttribute('size'))).toBeGreaterThan(40);
  });
});
