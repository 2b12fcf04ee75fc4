// Opening a journey (a template, say) and auto-layout frame it readably: never below the minimum
// readable zoom, the lanes filling the canvas's height, the first step clear of the lane names, and
// the entry in view when the journey is larger than the canvas (issue 17, "Editing").
import { screen, waitFor } from '@testing-library/react';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { getTemplate, instantiateTemplate } from '../../src/core/templates';
import { LANE_HEIGHT, laneTop } from '../../src/core/journey/lanes';
import { stages } from '../../src/core/journey/stages';
import { NODE_WIDTH } from '../../src/core/editor';
import { LABEL_GUTTER_PX, MIN_READABLE_ZOOM, readableViewport } from '../../src/app/canvas/fitJourney';
import { openEditor } from '../support/openEditor';

const LANES = stages.length * LANE_HEIGHT;
const row = (count: number, stage: (typeof stages)[number] = 'awareness') =>
  Array.from({ length: count }, (_, index) => ({ kind: index === 0 ? 'entry' : 'wait', stage, position: { x: 160 + index * 280, y: laneTop(stage) + 20 } }));

describe('readableViewport', () => {
  it('fills the height with the lanes when a short journey fits (1920×1080: canvas about 1400×1000)', () => {
    const view = readableViewport(row(3), { width: 1400, height: 1000 });
    expect(view.zoom).toBe(1);
    expect(view.y).toBe(0);
    expect(view.y + LANES * view.zoom).toBe(1000);
  });

  it('never goes below the readable zoom for a long journey, and shows its start right of the lane names', () => {
    const view = readableViewport(row(14), { width: 900, height: 900 });
    expect(view.zoom).toBe(MIN_READABLE_ZOOM);
    expect(view.x + 160 * view.zoom).toBeGreaterThanOrEqual(LABEL_GUTTER_PX);
    expect(view.x + 160 * view.zoom).toBeLessThan(900);
  });

  it('shows the entry’s lane when the lanes are taller than the canvas', () => {
    const nodes = row(2, 'decision');
    const view = readableViewport(nodes, { width: 1000, height: 500 });
    expect(view.zoom).toBe(MIN_READABLE_ZOOM);
    const entryTop = view.y + nodes[0]!.position.y * view.zoom;
    expect(entryTop).toBeGreaterThanOrEqual(0);
    expect(entryTop + 70 * view.zoom).toBeLessThanOrEqual(500);
  });

  it('zooms out to fit a journey wider than the canvas when that stays readable', () => {
    const nodes = row(5);
    const view = readableViewport(nodes, { width: 1200, height: 1000 });
    expect(view.zoom).toBeGreaterThanOrEqual(MIN_READABLE_ZOOM);
    expect(view.zoom).toBeLessThan(1);
    expect(view.x + (nodes.at(-1)!.position.x + NODE_WIDTH) * view.zoom).toBeLessThanOrEqual(1200);
  });
});

describe('canvas framing', () => {
  const size = { width: 1000, height: 600 };
  const descriptors = {
    offsetWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetWidth'),
    offsetHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight'),
  };
  beforeEach(() => {
    setLanguage('en');
    // jsdom lays nothing out: the canvas gets the size a 1024×768 window leaves it.
    Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get(this: HTMLElement) { return this.classList.contains('react-flow') ? size.width : 0; } });
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get(this: HTMLElement) { return this.classList.contains('react-flow') ? size.height : 0; } });
  });
  afterEach(() => {
    for (const [key, descriptor] of Object.entries(descriptors)) if (descriptor) Object.defineProperty(HTMLElement.prototype, key, descriptor);
  });

  it('opens a template at a readable zoom with its entry in view, clear of the lane names', async () => {
    const template = getTemplate('welcome-new-user')!;
    const journey = instantiateTemplate(template, 'en');
    await openEditor(journey);
    const canvas = screen.getByRole('region', { name: 'Journey canvas' });
    const viewport = canvas.querySelector<HTMLElement>('.react-flow__viewport')!;
    await waitFor(() => expect(viewport.style.transform).toMatch(/scale\(0\.75\)/));
    const [, x, y] = /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec(viewport.style.transform)!.map(Number) as [number, number, number];
    const entry = journey.nodes!.find((node) => node.kind === 'entry')!;
    const entryX = x + entry.position!.x * 0.75;
    const entryY = y + entry.position!.y * 0.75;
    expect(entryX).toBeGreaterThanOrEqual(LABEL_GUTTER_PX);
    expect(entryX).toBeLessThan(size.width);
    expect(entryY).toBeGreaterThanOrEqual(0);
    expect(entryY).toBeLessThan(size.height);
  });
});
