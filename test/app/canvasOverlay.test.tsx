// The canvas on its own: JourneyCanvas draws a journey with no simulation or trainer around it, and
// draws what a host's overlay hands it (canvas/overlay.ts) — node badges and classes, edge widths,
// labels, tooltips and names, and an extra layer — from the overlay alone.
import { screen, within } from '@testing-library/react';
import type { CanvasOverlay, EdgeWeight } from '../../src/app/canvas/overlay';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { measureOnObserve } from '../support/measureOnObserve';
import { renderCanvas } from '../support/renderCanvas';

const nodeFrame = (id: string) => document.querySelector(`.react-flow__node[data-id="${id}"] .journey-node`);

const weight = (share: number, label: string): EdgeWeight => ({
  share,
  label,
  title: `Weighed ${label}`,
  stale: false,
  name: (edgeName) => `${edgeName}, weighing ${label}`,
});

/** A host's overlay with fixed contents, standing in for the simulation's and the trainer's. */
const fakeOverlay: CanvasOverlay = {
  useNodeBadges: () => new Map([['start', <span key="badge" data-testid="fake-badge">42</span>]]),
  useNodeClasses: () => new Map([['waitBuy', 'journey-node--pointed-at']]),
  useEdgeWeights: () => new Map([['start-next', weight(1, 'heavy')], ['waitBuy-happened', weight(0.25, 'light')]]),
  Layer: () => <div data-testid="fake-layer" />,
};

describe('the canvas on its own', () => {
  let restore: () => void;
  beforeEach(() => {
    setLanguage('en');
    restore = measureOnObserve();
  });
  afterEach(() => restore());

  it('draws a journey with no simulation or trainer around it', async () => {
    await renderCanvas();
    for (const id of ['start', 'waitBuy', 'bought']) expect(nodeFrame(id)).not.toBeNull();
    expect(document.querySelector('.simulation-badge')).toBeNull();
    expect(document.querySelector('.journey-node--focused')).toBeNull();
  });

  it('draws node badges, node classes and an extra layer from the host’s overlay', async () => {
    await renderCanvas({ overlay: fakeOverlay });
    expect(within(nodeFrame('start') as HTMLElement).getByTestId('fake-badge')).toHaveTextContent('42');
    expect(screen.getAllByTestId('fake-badge')).toHaveLength(1);
    expect(nodeFrame('waitBuy')).toHaveClass('journey-node', 'journey-node--pointed-at');
    expect(nodeFrame('start')).not.toHaveClass('journey-node--pointed-at');
    // The layer is drawn inside React Flow, where it pans and zooms with the journey.
    expect(screen.getByTestId('fake-layer').closest('.react-flow')).not.toBeNull();
  });

  it('draws edge widths, labels, tooltips and names from the host’s overlay', async () => {
    await renderCanvas({ overlay: fakeOverlay });
    const widthOf = (group: HTMLElement) => Number.parseFloat((group.querySelector('.port-edge__path') as SVGPathElement).style.strokeWidth);
    const heavy = screen.getByRole('group', { name: 'Connection next from start to waitBuy, weighing heavy' });
    expect(widthOf(heavy)).toBe(10);
    expect(heavy.querySelector('.react-flow__edge-text')).toHaveTextContent('next · heavy');
    expect(heavy.querySelector('title')).toHaveTextContent('Weighed heavy');
    const light = screen.getByRole('group', { name: /^Connection \S+ from waitBuy to bought, weighing light$/ });
    // The width grows with the square root of the share: a quarter is half way from thinnest to widest.
    expect(widthOf(light)).toBeCloseTo(1.5 + 8.5 * 0.5);
    const plain = screen.getByRole('group', { name: /^Connection \S+ from waitBuy to remind$/ });
    expect(plain.querySelector('.port-edge__path')).not.toHaveClass('port-edge--flow');
  });

  it('draws plain edges without an overlay', async () => {
    await renderCanvas();
    const group = screen.getByRole('group', { name: 'Connection next from start to waitBuy' });
    expect(group.querySelector('.port-edge__path')).not.toHaveClass('port-edge--flow');
    expect(group.querySelector('.react-flow__edge-text')).toHaveTextContent(/^next$/);
  });
});
