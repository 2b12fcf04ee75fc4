// Tab in a large journey (issue 18): only the steps on screen are in the page, yet Tab from a step goes
// to the next step in the journey's order, drawing it first when it lies off screen, and Shift+Tab
// comes back; so every step can be reached from the keyboard on the canvas.
import { act, screen, waitFor } from '@testing-library/react';
import { generateJourney } from '../../bench/journeys.mjs';
import { measureOnObserve } from '../support/measureOnObserve';
import { openEditor } from '../support/openEditor';

let restore: () => void;
beforeEach(() => (restore = measureOnObserve()));
afterEach(() => restore());

const drawnIds = () => [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((node) => node.dataset.id);
const focusedStep = () => (document.activeElement as HTMLElement | null)?.dataset.id;

describe('Tab on the canvas of a large journey', () => {
  it('reaches steps that were off screen, in the journey’s order, and back', async () => {
    const journey = generateJourney(90);
    const { user } = await openEditor(journey);
    const entry = await screen.findByRole('group', { name: 'Entry: Entry 1' });
    await waitFor(() => expect(drawnIds().length).toBeGreaterThan(0));
    const order = journey.nodes.map((node: { id: string }) => node.id);
    const firstOffScreen = order.findIndex((id: string) => !drawnIds().includes(id));
    expect(firstOffScreen, 'some step starts off screen').toBeGreaterThan(0);
    expect(order[0]).toBe(entry.dataset.id);

    act(() => entry.focus());
    for (let index = 1; index <= firstOffScreen; index += 1) {
      await user.tab();
      await waitFor(() => expect(focusedStep()).toBe(order[index]));
    }
    expect(drawnIds()).toContain(order[firstOffScreen]);

    await user.tab({ shift: true });
    await waitFor(() => expect(focusedStep()).toBe(order[firstOffScreen - 1]));
  });
});
