// The canvas's minimap. React Flow's draws one rect per step in the same SVG as the mask that shows
// the part in view, so every pan frame repaints all of them: at 2,000 steps that was most of a pan
// frame's cost. A large journey's minimap is therefore two layers: its steps drawn once as one path,
// in a layer of its own under React Flow's minimap (same box and classes, so the same colours, in
// presentation mode too), and React Flow's minimap on top with no steps of its own: it keeps the
// mask, the accessible name and panning and zooming by drag and wheel. The path is redrawn when the
// steps change and when the minimap's frame (the steps' bounds joined with the view) changes, not
// while the view pans inside it; during a drag it keeps the steps where they were until the drop, as
// outlining 2,000 steps on every drag frame cost more than the old minimap did.
import { memo, useCallback, useMemo, useState, type ComponentType } from 'react';
import { MiniMap, Panel, useStore, type MiniMapNodeProps, type Node, type ReactFlowState } from '@xyflow/react';
import { useEditor } from '../store/useEditor';

// React Flow's MiniMap defaults, which StepsPicture follows to frame the steps as it does.
const MINIMAP_WIDTH = 200;
const MINIMAP_HEIGHT = 150;
const OFFSET_SCALE = 5;

interface Rect {
  x: number;
  y: number;
  x2: number;
  y2: number;
}

/** What the minimap draws of the steps: one subpath per step (a rectangle) and their bounds. */
export interface StepsOutline {
  path: string;
  bounds: Rect | null;
}

/** The steps as rectangles in flow coordinates, sized as React Flow sizes them (measured, else estimated). */
export function outlineSteps(nodes: readonly Node[]): StepsOutline {
  const parts: string[] = [];
  let bounds: Rect | null = null;
  for (const node of nodes) {
    if (node.hidden) continue;
    const width = node.measured?.width ?? node.width ?? node.initialWidth ?? 0;
    const height = node.measured?.height ?? node.height ?? node.initialHeight ?? 0;
    if (width <= 0 || height <= 0) continue;
    const { x, y } = node.position;
    parts.push(`M${x},${y}h${width}v${height}h${-width}z`);
    bounds = bounds
      ? { x: Math.min(bounds.x, x), y: Math.min(bounds.y, y), x2: Math.max(bounds.x2, x + width), y2: Math.max(bounds.y2, y + height) }
      : { x, y, x2: x + width, y2: y + height };
  }
  return { path: parts.join(''), bounds };
}

/** The minimap's viewBox as React Flow's MiniMap works it out: the steps and the view, centred, with a margin. */
export function miniMapViewBox(steps: Rect | null, state: Pick<ReactFlowState, 'transform' | 'width' | 'height'>): string {
  const [tx, ty, zoom] = state.transform;
  const view = { x: -tx / zoom, y: -ty / zoom, x2: (state.width - tx) / zoom, y2: (state.height - ty) / zoom };
  const all = steps ? { x: Math.min(steps.x, view.x), y: Math.min(steps.y, view.y), x2: Math.max(steps.x2, view.x2), y2: Math.max(steps.y2, view.y2) } : view;
  const width = all.x2 - all.x;
  const height = all.y2 - all.y;
  const viewScale = Math.max(width / MINIMAP_WIDTH, height / MINIMAP_HEIGHT);
  const viewWidth = viewScale * MINIMAP_WIDTH;
  const viewHeight = viewScale * MINIMAP_HEIGHT;
  const offset = OFFSET_SCALE * viewScale;
  const x = all.x - (viewWidth - width) / 2 - offset;
  const y = all.y - (viewHeight - height) / 2 - offset;
  return `${x} ${y} ${viewWidth + offset * 2} ${viewHeight + offset * 2}`;
}

const selectNodes = (state: ReactFlowState) => state.nodes;

/** The steps of a large journey, drawn once under React Flow's minimap. Decorative: the minimap on top is named. */
const StepsPicture = memo(function StepsPicture() {
  const nodes = useStore(selectNodes);
  const dragging = useEditor((state) => state.gestureBase !== null);
  // The steps as last drawn outside a gesture (a drag's frames each bring new nodes).
  const [drawn, setDrawn] = useState(nodes);
  if (!dragging && drawn !== nodes) setDrawn(nodes);
  const outline = useMemo(() => outlineSteps(drawn), [drawn]);
  // A string: the picture re-renders when the frame changes, not on every pan frame inside it.
  const viewBox = useStore(useCallback((state: ReactFlowState) => miniMapViewBox(outline.bounds, state), [outline.bounds]));
  return (
    <Panel position="bottom-right" className="react-flow__minimap journey-minimap__steps" aria-hidden="true">
      <svg width={MINIMAP_WIDTH} height={MINIMAP_HEIGHT} viewBox={viewBox} className="react-flow__minimap-svg">
        <path className="react-flow__minimap-node" d={outline.path} shapeRendering="crispEdges" />
      </svg>
    </Panel>
  );
});

/** React Flow's minimap with no steps of its own: StepsPicture draws them under it. */
const NoStep: ComponentType<MiniMapNodeProps> = () => null;

/**
 * The canvas's minimap, pannable and zoomable, named `ariaLabel`. `large`: a journey of hundreds of
 * steps, whose steps are drawn once in a layer of their own rather than on every frame.
 */
export function JourneyMiniMap({ ariaLabel, large }: { ariaLabel: string; large: boolean }) {
  if (!large) return <MiniMap pannable zoomable ariaLabel={ariaLabel} />;
  return (
    <>
      <StepsPicture />
      <MiniMap pannable zoomable ariaLabel={ariaLabel} nodeComponent={NoStep} bgColor="transparent" />
    </>
  );
}
