// Presentation mode frames the nodes under discussion in the part of the canvas the caption leaves, at
// a zoom a room can read (src/app/trainer/presentation): the geometry, and the frame React Flow is told
// to show as the presentation starts, moves on and ends (React Flow's hooks stood in for: jsdom lays
// nothing out).
import { act, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { FocusFrame } from '../../src/app/trainer/presentation/FocusFrame';
import { frameBoxes, PRESENTATION_FRAME, type Box, type Covered, type Viewport } from '../../src/app/trainer/presentation/frame';
import { createTrainerStore, type TrainerStore } from '../../src/app/trainer/trainerStore';
import { TrainerStoreContext } from '../../src/app/trainer/TrainerStoreContext';

const pane = { width: 1280, height: 800 };
const covered: Covered = { top: 64, right: 0, bottom: 320, left: 0 };

/** Where a flow box lands on screen under a viewport. */
const onScreen = (box: Box, viewport: Viewport): Box => ({ x: box.x * viewport.zoom + viewport.x, y: box.y * viewport.zoom + viewport.y, width: box.width * viewport.zoom, height: box.height * viewport.zoom });

/** The box lies within the pane's free part (what the caption and the button leave). */
function expectInFreePart(box: Box) {
  expect(box.x).toBeGreaterThanOrEqual(covered.left);
  expect(box.x + box.width).toBeLessThanOrEqual(pane.width - covered.right);
  expect(box.y).toBeGreaterThanOrEqual(covered.top);
  expect(box.y + box.height).toBeLessThanOrEqual(pane.height - covered.bottom);
}

describe('frameBoxes', () => {
  const steps: Box[] = [
    { x: 900, y: 400, width: 220, height: 90 },
    { x: 1200, y: 420, width: 220, height: 90 },
    { x: 1500, y: 380, width: 220, height: 90 },
  ];

  it('puts the steps in the part of the canvas above the caption, at no less than a readable zoom', () => {
    const viewport = frameBoxes(steps, pane, covered)!;
    expect(viewport.zoom).toBeGreaterThanOrEqual(PRESENTATION_FRAME.minZoom);
    expect(viewport.zoom).toBeLessThanOrEqual(PRESENTATION_FRAME.maxZoom);
    for (const step of steps) expectInFreePart(onScreen(step, viewport));
  });

  it('enlarges a single small step up to the largest zoom, centred in the free part', () => {
    const viewport = frameBoxes([steps[0]!], pane, covered)!;
    expect(viewport.zoom).toBe(PRESENTATION_FRAME.maxZoom);
    const box = onScreen(steps[0]!, viewport);
    expectInFreePart(box);
    expect(box.x + box.width / 2).toBeCloseTo(pane.width / 2, 6);
    expect(box.y + box.height / 2).toBeCloseTo(covered.top + (pane.height - covered.top - covered.bottom) / 2, 6);
  });

  it('keeps the readable zoom for a journey too wide to fit, showing its beginning', () => {
    const wide: Box[] = Array.from({ length: 12 }, (_, index) => ({ x: index * 300, y: 0, width: 220, height: 90 }));
    const viewport = frameBoxes(wide, pane, covered)!;
    expect(viewport.zoom).toBe(PRESENTATION_FRAME.minZoom);
    expectInFreePart(onScreen(wide[0]!, viewport));
  });

  it('frames nothing without steps or without room', () => {
    expect(frameBoxes([], pane, covered)).toBeNull();
    expect(frameBoxes(steps, { width: 1280, height: 300 }, covered)).toBeNull();
  });
});

// React Flow's store and instance, stood in for: a pane of `pane`'s size and three measured steps.
const flow = vi.hoisted(() => ({
  viewport: { x: 10, y: 20, zoom: 0.37 },
  setViewport: vi.fn(),
  state: {} as Record<string, unknown>,
}));
vi.mock('@xyflow/react', () => ({
  useStore: <T,>(select: (state: Record<string, unknown>) => T) => select(flow.state),
  useStoreApi: () => ({ getState: () => flow.state }),
  useReactFlow: () => ({ getViewport: () => flow.viewport, setViewport: flow.setViewport }),
}));

const nodeBoxes: Record<string, Box> = {
  sms1: { x: 100, y: 900, width: 220, height: 90 },
  sms2: { x: 420, y: 900, width: 220, height: 90 },
  goal: { x: 2400, y: 100, width: 220, height: 90 },
};

function renderFrame(): TrainerStore {
  flow.state = {
    ...pane,
    nodeLookup: new Map(Object.entries(nodeBoxes).map(([id, box]) => [id, { id, internals: { positionAbsolute: { x: box.x, y: box.y } }, measured: { width: box.width, height: box.height } }])),
  };
  flow.setViewport.mockClear();
  const trainer = createTrainerStore();
  const Providers = ({ children }: { children: ReactNode }) => <TrainerStoreContext.Provider value={trainer}>{children}</TrainerStoreContext.Provider>;
  render(<FocusFrame />, { wrapper: Providers });
  return trainer;
}

const lastViewport = (): Viewport => flow.setViewport.mock.lastCall![0] as Viewport;

describe('FocusFrame', () => {
  it('leaves the view alone until the presentation starts', () => {
    const trainer = renderFrame();
    act(() => trainer.getState().setFocus(['sms1', 'sms2']));
    expect(flow.setViewport).not.toHaveBeenCalled();
  });

  it('frames the step’s nodes above the caption, follows the steps, and gives the view back at the end', () => {
    const trainer = renderFrame();
    act(() => {
      trainer.getState().setFocus(['sms1', 'sms2']);
      trainer.getState().setCaptionHeight(covered.bottom);
      trainer.getState().setPresenting(true);
    });
    let viewport = lastViewport();
    expect(viewport.zoom).toBeGreaterThanOrEqual(PRESENTATION_FRAME.minZoom);
    for (const id of ['sms1', 'sms2']) expectInFreePart(onScreen(nodeBoxes[id]!, viewport));

    // The next step points elsewhere: the frame moves there.
    act(() => trainer.getState().setFocus(['goal']));
    viewport = lastViewport();
    expectInFreePart(onScreen(nodeBoxes.goal!, viewport));

    // A taller caption: the frame rises above it.
    act(() => trainer.getState().setCaptionHeight(400));
    viewport = lastViewport();
    const goal = onScreen(nodeBoxes.goal!, viewport);
    expect(goal.y + goal.height).toBeLessThanOrEqual(pane.height - 400);

    act(() => trainer.getState().setPresenting(false));
    expect(lastViewport()).toEqual(flow.viewport);
  });
});
