// The size and handles a node is placed with before React Flow has measured it (nodeGeometry.ts), held
// to what Chromium draws from canvas.css for steps whose summary takes one line (measured with the
// editor benchmark's journey at 100 %), and the flow elements of a large journey (flowElements.ts).
import { defaultRegistry } from '../../src/core/journey/registry.ts';
import type { JourneyDocument, JourneyNode } from '../../src/core/journey/schema.ts';
import { estimateNodeGeometry, nodeShape } from '../../src/app/canvas/nodeGeometry.ts';
import { createFlowElementCache } from '../../src/app/canvas/flowElements.ts';
import { noSelection } from '../../src/app/store/editorStore.ts';
import { generateJourney } from '../../bench/journeys.mjs';

const journey = generateJourney(30) as JourneyDocument;
const node = (id: string) => journey.nodes.find((candidate) => candidate.id === id) as JourneyNode;
const place = (id: string) => {
  const { width, height, handles } = estimateNodeGeometry(nodeShape(node(id)));
  return { width, height, handles: handles.map(({ id: handle, type, x, y }) => `${type}:${handle ?? ''}@${x},${y}`) };
};

describe('estimated node geometry', () => {
  it('matches the drawn frame and handles of steps with a one-line summary', () => {
    // Measured in Chromium: the frame's size and each handle's top-left corner, relative to the frame.
    expect(place('b1_mail')).toEqual({ width: 220, height: 112, handles: ['source:next@213,86', 'target:@-4,50'] });
    expect(place('b1_buy')).toEqual({ width: 220, height: 136, handles: ['source:happened@213,86', 'source:timeout@213,110', 'target:@-4,62'] });
    expect(place('b1_lapsed')).toEqual({ width: 220, height: 75, handles: ['target:@-4,32'] });
    // An entry takes no incoming edge: no input handle.
    expect(place('b1_entry')).toEqual({ width: 220, height: 112, handles: ['source:next@213,86'] });
  });

  it('has a handle for every port the kind gives, and none for a kind this build does not know', () => {
    const branch = node('b1_segment');
    const ports = defaultRegistry.get('branch')!.ports(branch.params as never).map((port) => port.id);
    expect(nodeShape(branch).ports.map((port) => port.id)).toEqual(ports);
    expect(ports).toHaveLength(4);
    expect(nodeShape({ ...branch, kind: 'teleport' })).toMatchObject({ ports: [], hasInput: true });
  });
});

describe('flow elements of a large journey', () => {
  it('estimates the size and handles of nodes not yet measured, and keeps the measured size of the others', () => {
    const cache = createFlowElementCache();
    const measured = new Map([['b1_mail', { width: 220, height: 130 }]]);
    const nodes = cache.nodes(journey, noSelection, [], measured, 'en', undefined, { estimate: true });
    const mail = nodes.find((flowNode) => flowNode.id === 'b1_mail')!;
    const buy = nodes.find((flowNode) => flowNode.id === 'b1_buy')!;
    expect(mail).toMatchObject({ measured: { width: 220, height: 130 } });
    expect(mail.handles).toBeUndefined();
    expect(buy).toMatchObject({ initialWidth: 220, initialHeight: 136 });
    expect(buy.handles?.map((handle) => handle.id)).toEqual(['happened', 'timeout', null]);
    // Without the estimate (a small journey) React Flow measures every node itself.
    const plain = createFlowElementCache().nodes(journey, noSelection, [], new Map(), 'en');
    expect(plain.every((flowNode) => flowNode.handles === undefined && flowNode.initialWidth === undefined)).toBe(true);
  });

  it('hands React Flow the same edges array when a drag only moves nodes', () => {
    const cache = createFlowElementCache();
    const before = cache.edges(journey, noSelection, [], 'en');
    const moved: JourneyDocument = { ...journey, nodes: journey.nodes.map((step, index) => (index === 3 ? { ...step, position: { x: step.position.x + 40, y: step.position.y } } : step)) };
    expect(cache.edges(moved, noSelection, [], 'en')).toBe(before);
    const renamed: JourneyDocument = { ...moved, nodes: moved.nodes.map((step) => (step.id === 'b1_mail' ? { ...step, label: 'Weekly digest' } : step)) };
    const after = cache.edges(renamed, noSelection, [], 'en');
    expect(after).not.toBe(before);
    expect(after.find((edge) => edge.id === 'b1_mail-next')?.ariaLabel).toMatch(/Weekly digest/);
  });
});
