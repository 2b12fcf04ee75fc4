// Tab in a large journey. Only the steps on screen are in the page (onlyRenderVisibleElements), so the
// browser's Tab went from the last step on screen out of the canvas, and the rest of the journey could
// not be reached from the keyboard on the canvas (React Flow pans to a focused step only when it is
// already in the page). From a step, Tab and Shift+Tab now go to the next or previous step in the
// journey's order wherever it lies: a step not drawn is centred (at the zoom in use) and focused once
// drawn. From the first or the last step Tab leaves the canvas as usual.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useEditorStore } from '../store/useEditorStore';
import type { JourneyFlowEdge, JourneyFlowNode } from './types';

/** Frames to wait for a centred step to be drawn before giving up (about half a second). */
const FRAMES_TO_DRAW = 30;

function drawnStep(canvas: HTMLElement | null, id: string): HTMLElement | undefined {
  if (!canvas) return undefined;
  return [...canvas.querySelectorAll<HTMLElement>('.react-flow__node')].find((element) => element.dataset.id === id);
}

/** The canvas's keydown handler for Tab between steps; `enabled` false leaves Tab to the browser. */
export function useTabThroughSteps(canvas: RefObject<HTMLElement | null>, enabled: boolean): (event: KeyboardEvent) => void {
  const flow = useReactFlow<JourneyFlowNode, JourneyFlowEdge>();
  const editor = useEditorStore();
  const [pending, setPending] = useState<{ id: string } | null>(null);
  const frames = useRef(0);

  useEffect(() => {
    if (!pending) return;
    let frame = 0;
    const tryFocus = () => {
      const element = drawnStep(canvas.current, pending.id);
      if (element) element.focus();
      else if ((frames.current += 1) < FRAMES_TO_DRAW) frame = requestAnimationFrame(tryFocus);
    };
    frames.current = 0;
    frame = requestAnimationFrame(tryFocus);
    return () => cancelAnimationFrame(frame);
  }, [canvas, pending]);

  return useCallback(
    (event: KeyboardEvent) => {
      if (!enabled || event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
      const from = event.target instanceof HTMLElement && event.target.classList.contains('react-flow__node') ? event.target.dataset.id : undefined;
      const steps = editor.getState().journey?.nodes ?? [];
      const index = from === undefined ? -1 : steps.findIndex((step) => step.id === from);
      const next = index < 0 ? undefined : steps[index + (event.shiftKey ? -1 : 1)];
      if (!next) return;
      event.preventDefault();
      const drawn = drawnStep(canvas.current, next.id);
      // A step in the page is focused at once (React Flow pans to it if it lies off screen).
      if (drawn) return drawn.focus();
      const node = flow.getNode(next.id);
      const width = node?.measured?.width ?? node?.initialWidth ?? 0;
      const height = node?.measured?.height ?? node?.initialHeight ?? 0;
      void flow.setCenter(next.position.x + width / 2, next.position.y + height / 2, { zoom: flow.getZoom() });
      setPending({ id: next.id });
    },
    [canvas, editor, enabled, flow],
  );
}
