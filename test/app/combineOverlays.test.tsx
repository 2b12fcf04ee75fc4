import { render, renderHook, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { combineOverlays, filledOverlay, type CanvasOverlay } from '../../src/app/canvas/overlay';

const badges = (entries: [string, ReactNode][]) => new Map(entries);
const counts = badges([
  ['a', <span key="c">12 users</span>],
  ['b', <span key="c">3 users</span>],
]);
const comments = badges([['a', <span key="m">2 comments</span>]]);
const hot = new Map([['a', 'hot']]);
const changed = new Map([
  ['a', 'changed'],
  ['c', 'added'],
]);
const simulation: CanvasOverlay = { useNodeBadges: () => counts, useNodeClasses: () => hot, Layer: () => <p>dots</p> };
const workspace: CanvasOverlay = { useNodeBadges: () => comments, useNodeClasses: () => changed, Layer: () => <p>cursor</p> };

describe('combineOverlays', () => {
  it('draws both overlays’ badges on a node, and each alone where only one has one', () => {
    const combined = filledOverlay(combineOverlays(simulation, workspace));
    const { result } = renderHook(() => combined.useNodeBadges('en'));
    render(<div data-testid="a">{result.current!.get('a')}</div>);
    expect(screen.getByTestId('a')).toHaveTextContent('12 users2 comments');
    expect(result.current!.get('b')).toBe(counts.get('b'));
  });

  it('joins classes, keeps the same map while the overlays keep theirs, and draws every layer', () => {
    const combined = filledOverlay(combineOverlays(simulation, workspace));
    const { result, rerender } = renderHook(() => combined.useNodeClasses());
    const first = result.current;
    expect([...first!]).toEqual([['a', 'hot changed'], ['c', 'added']]);
    rerender();
    expect(result.current).toBe(first);
    render(<combined.Layer />);
    expect(screen.getByText('dots')).toBeInTheDocument();
    expect(screen.getByText('cursor')).toBeInTheDocument();
  });

  it('passes one overlay through, and a map through when only one overlay fills it', () => {
    expect(combineOverlays(simulation)).toBe(simulation);
    const combined = filledOverlay(combineOverlays(simulation, { useNodeBadges: () => null }));
    const { result } = renderHook(() => combined.useNodeBadges('en'));
    expect(result.current).toBe(counts);
  });
});
