// A journey of hundreds of steps keeps only what is on screen in the DOM (issue 18): a step off screen
// is not drawn until it is brought into view, and then it is drawn with its name; its problems are
// listed as for any journey. A small journey keeps every step in the DOM and the accessibility tree.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { generateJourney } from '../../bench/journeys.mjs';
import { RENDER_VISIBLE_FROM_NODES } from '../../src/app/canvas/JourneyCanvas';
import { measureOnObserve } from '../support/measureOnObserve';
import { openEditor } from '../support/openEditor';

let restore: () => void;
beforeEach(() => (restore = measureOnObserve()));
afterEach(() => restore());

const drawnIds = () => [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((node) => node.dataset.id);

describe('canvas of a large journey', () => {
  it('draws only the steps on screen, and a step brought into view appears with its name', async () => {
    const journey = generateJourney(90);
    expect(journey.nodes.length).toBeGreaterThanOrEqual(RENDER_VISIBLE_FROM_NODES);
    await openEditor(journey);
    // The first step (framing starts at the entry) is drawn, named as always…
    await screen.findByRole('group', { name: 'Entry: Entry 1' });
    await waitFor(() => expect(drawnIds().length).toBeGreaterThan(0));
    // …and a step six blocks along (1,300 px to the right) is not, until a click on its problem centres it.
    expect(drawnIds()).not.toContain('b6_coupon');
    expect(drawnIds().length).toBeLessThan(journey.nodes.length);
    // Its problems are listed once validated, which for a large journey follows its drawing.
    fireEvent.click(await screen.findByRole('button', { name: /node b6_coupon/ }));
    const far = await screen.findByRole('group', { name: 'Offer: Coupon' }, { timeout: 3000 });
    expect(far.dataset.id).toBe('b6_coupon');
    expect(drawnIds(), 'the entry, now off screen, is no longer drawn').not.toContain('b1_entry');
  });

  it('keeps every step of a small journey in the DOM, though most lie off the canvas', async () => {
    const journey = generateJourney(RENDER_VISIBLE_FROM_NODES - 1);
    await openEditor(journey);
    await screen.findByRole('group', { name: 'Entry: Entry 1' });
    await waitFor(() => expect(drawnIds().length).toBe(journey.nodes.length));
  });
});
