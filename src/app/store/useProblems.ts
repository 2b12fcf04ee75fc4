import { useDeferredValue, useMemo } from 'react';
import type { Problem } from '../../core/journey';
import { journeyProblems } from './journeyProblems';
import { useEditor } from './useEditor';

const none: Problem[] = [];

/**
 * From this many steps on, validation runs in a render of its own after the journey is drawn (React's
 * deferred value): a journey of 2,000 steps takes a tenth of a second to analyse, which opening it or
 * typing in it then does not wait for. Its problems show a moment later. The canvas draws such a
 * journey's on-screen steps only, from the same size on (JourneyCanvas).
 */
export const VALIDATE_AFTER_DRAWING_FROM_NODES = 60;

/**
 * Live validation of the open journey. While a node is being dragged it validates the journey as it
 * was when the drag began (unchanged during the drag), so a drag does not re-analyse the graph on
 * every frame; the result catches up when the drag ends.
 */
export function useProblems(): Problem[] {
  const settled = useEditor((state) => state.gestureBase ?? state.journey);
  const large = (settled?.nodes.length ?? 0) >= VALIDATE_AFTER_DRAWING_FROM_NODES;
  // Called whatever the size (hooks keep their order); a large journey starts with no problems.
  const deferred = useDeferredValue(settled, large ? null : undefined);
  const checked = large ? deferred : settled;
  return useMemo(() => (checked ? journeyProblems(checked) : none), [checked]);
}
