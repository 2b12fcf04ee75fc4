import { useCallback } from 'react';
import { useReactFlow, useStoreApi, type Viewport } from '@xyflow/react';
import type { JourneyDocument } from '../../core/journey';
import { FIRST_COLUMN_X, LANE_HEIGHT, laneTop, stages } from '../../core/journey';
import { NODE_WIDTH } from '../../core/editor';
import { useEditorStore } from '../store/useEditorStore';

/** Below this, step names are too small to read: a journey that does not fit is panned, not shrunk. */
export const MIN_READABLE_ZOOM = 0.75;
/** Framing never enlarges beyond actual size. */
export const MAX_FIT_ZOOM = 1;
/** Screen pixels left of the first step for the lane names (StageLanesLayer), so no step covers one. */
export const LABEL_GUTTER_PX = 150;
/** Screen pixels kept free right of the last step. */
const RIGHT_MARGIN_PX = 24;
const LANES_HEIGHT = stages.length * LANE_HEIGHT;

type Placed = Pick<JourneyDocument['nodes'][number], 'kind' | 'stage' | 'position'>;

/**
 * The viewport that frames a journey on a canvas of `size` screen pixels: the five lanes fill the
 * height and the whole journey shows when that needs no less than MIN_READABLE_ZOOM; otherwise the
 * journey's start (its entry) shows at that zoom and the rest is a pan away. The first step sits right
 * of the lane names.
 */
export function readableViewport(nodes: readonly Placed[], size: { width: number; height: number }): Viewport {
  const left = nodes.length > 0 ? nodes.reduce((least, node) => Math.min(least, node.position.x), Infinity) : FIRST_COLUMN_X;
  const right = nodes.reduce((most, node) => Math.max(most, node.position.x), left) + NODE_WIDTH;
  const room = Math.max(1, size.width - LABEL_GUTTER_PX - RIGHT_MARGIN_PX);
  const fits = Math.min(size.height / LANES_HEIGHT, room / (right - left));
  const zoom = Math.min(MAX_FIT_ZOOM, Math.max(MIN_READABLE_ZOOM, fits));
  const x = Math.max(LABEL_GUTTER_PX, FIRST_COLUMN_X * zoom) - left * zoom;
  const lanesOnScreen = LANES_HEIGHT * zoom;
  if (lanesOnScreen <= size.height) return { x, y: (size.height - lanesOnScreen) / 2, zoom };
  // Taller than the canvas: start at the entry's lane (the top lane when there is no entry).
  const entry = nodes.find((node) => node.kind === 'entry');
  const top = entry ? laneTop(entry.stage) * zoom : 0;
  return { x, y: -Math.min(top, lanesOnScreen - size.height), zoom };
}

/** Frames the open journey readably (readableViewport) on the canvas as it is now sized. */
export function useFitJourney(): (options?: { duration?: number }) => void {
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  const editor = useEditorStore();
  return useCallback(
    (options) => {
      const { width, height } = flowStore.getState();
      const journey = editor.getState().journey;
      if (!journey || width === 0 || height === 0) return;
      void flow.setViewport(readableViewport(journey.nodes, { width, height }), options);
    },
    [editor, flow, flowStore],
  );
}
