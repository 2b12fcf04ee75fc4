import { useMemo } from 'react';
import { validate } from '../../core/journey/validate';
import type { Problem } from '../../core/journey/problems';
import { useEditor } from './useEditor';

const none: Problem[] = [];

/**
 * Live validation of the open journey. While a node is being dragged it validates the journey as it
 * was when the drag began (unchanged during the drag), so a drag does not re-analyse the graph on
 * every frame; the result catches up when the drag ends.
 */
export function useProblems(): Problem[] {
  const settled = useEditor((state) => state.gestureBase ?? state.journey);
  return useMemo(() => (settled ? validate(settled) : none), [settled]);
}
