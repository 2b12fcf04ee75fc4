import type { JourneyDocumentInput } from '../journey/schema';
import type { JourneyEdit, Lesson } from './schema';

/**
 * Applying a lesson's edits (a step's setup, a suggested tryThis) to a journey. Edits work on a copy
 * of the document as written; the result is checked like any journey (load.ts does it for every
 * edit of a lesson, the simulation does it again).
 */

/** The node ids an edit refers to: what the missing-node check reads. */
export const editNodeIds = (edit: JourneyEdit): string[] => (edit.type === 'setParam' ? [edit.node] : []);

/** A copy of `journey` with `edits` applied in order; an edit of a node that is not there changes nothing. */
export function applyEdits(journey: JourneyDocumentInput, edits: readonly JourneyEdit[]): JourneyDocumentInput {
  let result = structuredClone(journey);
  for (const edit of edits) {
    if (edit.type === 'setSetting') result = { ...result, settings: { ...(result.settings ?? {}), [edit.setting]: structuredClone(edit.value) } };
    else
      result = {
        ...result,
        nodes: (result.nodes ?? []).map((node) =>
          node.id === edit.node ? { ...node, params: { ...(node.params ?? {}), [edit.param]: structuredClone(edit.value) } } : node,
        ),
      };
  }
  return result;
}

/** The journey as it stands at step `index` (0-based): the lesson's journey with the setups of steps 0…index. */
export function journeyAtStep(lesson: Lesson, journey: JourneyDocumentInput, index: number): JourneyDocumentInput {
  const setups = lesson.steps.slice(0, index + 1).flatMap((step) => step.setup);
  return applyEdits(journey, setups);
}
