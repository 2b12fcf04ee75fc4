// Level of detail (issue 18): zoomed out below SIMPLIFY_BELOW_ZOOM a step is drawn simplified — frame,
// stage accent, icon and title — in the same box: everything that takes space is still there, with the
// same handles, and its accessible name and port names are complete. Back above the threshold it is
// drawn in full again.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useEffect } from 'react';
import { act, render, screen, within } from '@testing-library/react';
import { ReactFlow, useStoreApi } from '@xyflow/react';
import { defaultRegistry } from '../../src/core/journey/registry.ts';
import type { JourneyNode } from '../../src/core/journey/schema.ts';
import { nodeTypes, toFlowNode } from '../../src/app/canvas/nodes/index.ts';
import { SIMPLIFY_BELOW_ZOOM } from '../../src/app/canvas/levelOfDetail.ts';

const split: JourneyNode = {
  id: 'split_1',
  kind: 'split',
  stage: 'decision',
  label: 'Coupon test',
  position: { x: 40, y: 40 },
  params: defaultRegistry.get('split')!.params.parse({ variants: [{ label: 'A', weight: 50 }, { label: 'B', weight: 50 }] }) as Record<string, unknown>,
};

let flowStore: ReturnType<typeof useStoreApi> | undefined;
function KeepStore() {
  const store = useStoreApi();
  useEffect(() => {
    flowStore = store;
  }, [store]);
  return null;
}

function renderAtZoom(zoom: number) {
  const node = { ...toFlowNode(split, [], 'en'), initialWidth: 220, initialHeight: 140 };
  render(
    <div style={{ width: 1000, height: 800 }}>
      <ReactFlow nodes={[node]} nodeTypes={nodeTypes} defaultViewport={{ x: 0, y: 0, zoom }} minZoom={0.1} onError={() => {}}>
        <KeepStore />
      </ReactFlow>
    </div>,
  );
  return screen.getByRole('group', { name: 'A/B split: Coupon test' });
}

const zoomTo = (zoom: number) => act(() => flowStore!.setState({ transform: [0, 0, zoom] }));
const frameOf = (group: HTMLElement) => group.querySelector<HTMLElement>('.journey-node')!;
/** The step's content with the frame's own classes left out: what decides its size and handles. */
const contentOf = (group: HTMLElement) => frameOf(group).innerHTML;
const handles = (group: HTMLElement) =>
  [...group.querySelectorAll('.react-flow__handle')].map((handle) => `${handle.getAttribute('data-handleid')}:${handle.getAttribute('data-handlepos')}`);

describe('steps zoomed far out', () => {
  it('are drawn simplified below the threshold, in the same box, named in full', () => {
    const group = renderAtZoom(1);
    expect(frameOf(group)).not.toHaveClass('journey-node--simplified');
    const full = { content: contentOf(group), handles: handles(group) };
    expect(full.handles).toEqual(['null:left', 'variant-1:right', 'variant-2:right']);

    zoomTo(SIMPLIFY_BELOW_ZOOM - 0.01);
    expect(frameOf(group)).toHaveClass('journey-node--simplified');
    // Nothing that takes space was removed or changed: the summary, each port row and every handle are
    // there as before, so the box and the edges' ends do not move.
    expect(contentOf(group)).toBe(full.content);
    expect(handles(group)).toEqual(full.handles);
    // Still complete for a screen reader: the step's name and its outputs' names.
    expect(screen.getByRole('group', { name: 'A/B split: Coupon test' })).toBe(group);
    const outputs = within(within(group).getByRole('list', { name: 'Outputs' })).getAllByRole('listitem');
    expect(outputs.map((item) => item.textContent)).toEqual(['A 50%', 'B 50%']);

    zoomTo(SIMPLIFY_BELOW_ZOOM);
    expect(frameOf(group)).not.toHaveClass('journey-node--simplified');
  });

  it('starts simplified when the canvas opens zoomed out', () => {
    const group = renderAtZoom(0.2);
    expect(frameOf(group)).toHaveClass('journey-node--simplified');
    expect(group.querySelector('.journey-node__summary')).toHaveTextContent('A 50%');
  });

  it('is styled with paint alone: no rule for simplified steps changes a box', () => {
    const css = readFileSync(path.resolve(__dirname, '../../src/app/canvas/canvas.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const rules = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].filter(([, selector]) => selector!.includes('--simplified'));
    expect(rules.length).toBeGreaterThan(0);
    const paintOnly = new Set(['color', 'box-shadow', 'transition']);
    for (const [, selector, body] of rules) {
      const properties = body!.split(';').map((declaration) => declaration.split(':')[0]!.trim()).filter(Boolean);
      expect(properties.filter((property) => !paintOnly.has(property)), selector!.trim()).toEqual([]);
    }
  });
});
