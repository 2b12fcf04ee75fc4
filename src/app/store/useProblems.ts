import { useMemo } from 'react';
import { validate } from '../../core/journey';
import type { JourneyDocument } from '../../core/journey';
import type { Problem } from '../../core/journey';
import { useEditor } from './useEditor';

const none: Problem[] = [];
// Documents are immutable, so a document's problems never change: the canvas and the side panels
// share one validation per edit however many of them ask.
const problemsOf = new WeakMap<JourneyDocument, Problem[]>();

function validated(journey: JourneyDocument): Problem[] {
  let problems = problemsOf.get(journey);
  if (!problems) problemsOf.set(journey, (problems = validate(journey)));
  return problems;
}

/**
 * Live validation of the open journey. While a node is being dragged it validates the journey as it
 * was when the drag began (unchanged during the drag), so a drag does not re-analyse the graph on
 * every frame; the result catches up when the drag ends.
 */
export function useProblems(): Problem[] {
  const settled = useEditor((state) => state.gestureBase ?? state.journey);
  return useMemo(() => (settled ? validated(settled) : none), [settled]);
}
