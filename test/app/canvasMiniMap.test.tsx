// The minimap (issue 18): a journey of hundreds of steps gets its steps drawn once, as one path in a
// layer of its own under React Flow's minimap, which then draws no step itself and keeps its name,
// its mask and its framing; the two layers frame the journey alike. A smaller journey keeps React
// Flow's minimap as it is, one rect per step.
import { screen, waitFor } from '@testing-library/react';
import { generateJourney } from '../../bench/journeys.mjs';
import { RENDER_VISIBLE_FROM_NODES } from '../../src/app/canvas/JourneyCanvas';
import { miniMapViewBox, outlineSteps } from '../../src/app/canvas/JourneyMiniMap';
import { measureOnObserve } from '../support/measureOnObserve';
import { openEditor } from '../support/openEditor';

let restore: () => void;
beforeEach(() => (restore = measureOnObserve()));
afterEach(() => restore());

const stepRects = () => document.querySelectorAll('rect.react-flow__minimap-node');
const picture = () => document.querySelector<SVGSVGElement>('.journey-minimap__steps svg');
/** React Flow's own minimap SVG, found by its accessible name. */
const namedMiniMap = () => screen.getByRole('img', { name: 'Mini map' });

describe('minimap of a large journey', () => {
  it('draws every step once in a layer under React Flow’s minimap, framed alike', async () => {
    const journey = generateJourney(90);
    expect(journey.nodes.length).toBeGreaterThanOrEqual(RENDER_VISIBLE_FROM_NODES);
    await openEditor(journey);
    await screen.findByRole('group', { name: 'Entry: Entry 1' });
    const named = namedMiniMap();
    await waitFor(() => expect(picture()).not.toBeNull());
    const path = picture()!.querySelector('path.react-flow__minimap-node')!.getAttribute('d')!;
    // One rectangle per step, though only the steps on screen are drawn on the canvas.
    expect(path.match(/M/g)).toHaveLength(journey.nodes.length);
    expect(stepRects()).toHaveLength(0);
    expect(picture()!.closest('[aria-hidden="true"]'), 'the picture is decorative: the minimap on top is named').not.toBeNull();
    // The picture lies exactly under React Flow's mask.
    await waitFor(() => expect(picture()!.getAttribute('viewBox')).toBe(named.getAttribute('viewBox')));
  });
});

describe('minimap of a smaller journey', () => {
  it('is React Flow’s, one rect per step', async () => {
    const journey = generateJourney(RENDER_VISIBLE_FROM_NODES - 1);
    await openEditor(journey);
    await screen.findByRole('group', { name: 'Entry: Entry 1' });
    expect(namedMiniMap()).toBeInTheDocument();
    await waitFor(() => expect(stepRects()).toHaveLength(journey.nodes.length));
    expect(picture()).toBeNull();
  });
});

describe('miniMapViewBox', () => {
  const steps = outlineSteps([
    { id: 'a', position: { x: 0, y: 0 }, data: {}, measured: { width: 200, height: 100 } },
    { id: 'b', position: { x: 1800, y: 500 }, data: {}, initialWidth: 200, initialHeight: 100 },
    { id: 'hidden', position: { x: 9000, y: 9000 }, data: {}, hidden: true, measured: { width: 200, height: 100 } },
  ]);

  it('outlines the visible steps, measured or estimated', () => {
    expect(steps.path).toBe('M0,0h200v100h-200zM1800,500h200v100h-200z');
    expect(steps.bounds).toEqual({ x: 0, y: 0, x2: 2000, y2: 600 });
  });

  it('frames the steps with a margin while the view lies inside them, and follows the view out', () => {
    // 2000 × 600 in a 200 × 150 box: 10 units a pixel, the height centred, 5 pixels' margin.
    const inside = { transform: [-100, -100, 1] as [number, number, number], width: 400, height: 300 };
    expect(miniMapViewBox(steps.bounds, inside)).toBe('-50 -500 2100 1600');
    // Panning inside the steps does not move the frame (the picture is not redrawn)…
    expect(miniMapViewBox(steps.bounds, { ...inside, transform: [-900, -200, 1] })).toBe('-50 -500 2100 1600');
    // …a view reaching past the last step widens it.
    expect(miniMapViewBox(steps.bounds, { ...inside, transform: [-3600, 0, 1] })).not.toBe('-50 -500 2100 1600');
  });
});
