// Presentation mode frames the nodes under discussion (the lesson step's, or the whole journey when none
// are) above the caption, at a readable zoom, each time the step, the caption or the canvas changes; the
// view the trainer had comes back when presenting stops. Drawn inside React Flow (the trainer overlay's
// Layer), where its viewport can be read and set.
import { useEffect, useRef } from 'react';
import { useReactFlow, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useTrainer } from '../TrainerStoreContext';
import { frameBoxes, type Box, type Viewport } from './frame';

/** The Stop presenting button sits over the top of the canvas. */
const TOP_COVERED = 64;
const MOVE_MS = 300;

/** The boxes of the given nodes (all nodes when none are given), as React Flow measured them. */
function boxesOf(state: ReactFlowState, ids: readonly string[]): Box[] {
  const boxes: Box[] = [];
  const wanted = ids.length > 0 ? new Set(ids) : null;
  for (const node of state.nodeLookup.values()) {
    if (wanted && !wanted.has(node.id)) continue;
    const { x, y } = node.internals.positionAbsolute;
    boxes.push({ x, y, width: node.measured.width ?? 0, height: node.measured.height ?? 0 });
  }
  return boxes;
}

export function FocusFrame() {
  const presenting = useTrainer((state) => state.presenting);
  const focus = useTrainer((state) => state.focus);
  const captionHeight = useTrainer((state) => state.captionHeight);
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  // Steps grow in presentation type and are measured again: the frame follows their sizes.
  const sizes = useStore((state) => (presenting ? boxesOf(state, focus).map((box) => `${Math.round(box.width)}x${Math.round(box.height)}`).join(' ') : ''));
  const flowStore = useStoreApi();
  const flow = useReactFlow();
  const before = useRef<Viewport | null>(null);

  useEffect(() => {
    if (!presenting) {
      if (before.current) void flow.setViewport(before.current, { duration: MOVE_MS });
      before.current = null;
      return;
    }
    before.current ??= flow.getViewport();
    const viewport = frameBoxes(boxesOf(flowStore.getState(), focus), { width, height }, { top: TOP_COVERED, right: 0, bottom: captionHeight, left: 0 });
    if (viewport) void flow.setViewport(viewport, { duration: MOVE_MS });
  }, [presenting, focus, captionHeight, width, height, sizes, flow, flowStore]);

  return null;
}
